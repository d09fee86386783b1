import type { Actor } from '../../access/actor.ts';
import { withClient, type ClientAudit } from '../../access/with-client.ts';
import { deniedError } from '../../access/audit.ts';
import { mayTakeAction } from '../../access/authorize.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { currentAssessmentOf } from '../assessment/assessment-facts.ts';
import { requireKnownSkills } from '../occupations/occupation-links.service.ts';
import { locatePostalCode } from '../organizations/organization.service.ts';
import { fieldCategories, type ClientPatch, type ClientView, type Equity, type StatusChange } from './client.ts';
import { getClient, searchDuplicatesOfCorrection, type RequestContext, type SearchContext } from './client.service.ts';
import type { DuplicateMatch } from './client.ts';
import {
  insertStatusChange,
  lockClientRow,
  selectClientHolder,
  selectExternalIdOwners,
  updateClientRecord,
  upsertEquity,
} from './client.queries.ts';

// A change to the record by someone who may change it, limited to the categories they may see
// (a job developer updates work history and goals, not barriers). New information that the
// assessment reads does not change the stream by itself: the answer says a reassessment is due.
export async function updateClient(
  trx: Trx,
  actor: Actor,
  clientId: string,
  patch: ClientPatch,
  context: SearchContext,
): Promise<ClientView & { reassessmentSuggested: boolean; possibleDuplicates: DuplicateMatch[] }> {
  return withClient(trx, actor, clientId, 'client.update', context, {}, async (access) => {
    const fields = Object.keys(patch) as (keyof typeof fieldCategories)[];
    const beyond = fields.filter((f) => !access.categories.has(fieldCategories[f]));
    if (beyond.length > 0) {
      throw deniedError(
        actor,
        {
          action: 'client.update',
          recordType: 'client',
          clientId: access.clientId,
          reason: `fields outside the caller's categories: ${beyond.join(', ')}`,
          requestId: context.requestId,
        },
        `You may not change: ${beyond.join(', ')}.`,
      );
    }
    const current = await lockClientRow(trx, access.clientId);
    // An interpreter language only on a file that needs an interpreter (as at intake): a change is
    // checked against the record it makes, and unticking "needs an interpreter" clears the language.
    const interpreterNeeded = patch.interpreterNeeded ?? current?.interpreterNeeded ?? false;
    if (patch.interpreterLanguage && !interpreterNeeded) {
      throw new AppError('invalid', 'An interpreter language is kept only for a client who needs an interpreter.', [
        {
          field: 'body.interpreterLanguage',
          message: 'set interpreterNeeded when an interpreter language is given',
          code: 'interpreter_not_needed',
        },
      ]).withReason('interpreter_not_needed');
    }
    if (patch.interpreterNeeded === false && patch.interpreterLanguage === undefined && current?.interpreterLanguage)
      patch = { ...patch, interpreterLanguage: null };
    if (patch.externalIds) {
      const taken = (await selectExternalIdOwners(trx, patch.externalIds)).filter(
        (t) => t.clientId !== access.clientId,
      );
      if (taken.length > 0)
        throw new AppError(
          'conflict',
          'Another client record already holds this identifier.',
          taken.map((t) => ({
            field: 'externalIds',
            message: `${t.kind} already on another record`,
            code: 'external_id_taken',
          })),
        ).withReason('external_id_taken');
    }
    if (patch.skills) await requireKnownSkills(trx, patch.skills, 'skills');
    const location = patch.postalCode ? await locatePostalCode(trx, patch.postalCode) : undefined;
    await updateClientRecord(trx, access.clientId, {
      ...patch,
      ...(patch.postalCode !== undefined ? { neighbourhoodId: location?.neighbourhoodId ?? null } : {}),
    });
    const audit: ClientAudit = {
      recordType: 'client',
      recordId: access.clientId,
      reason: `fields: ${fields.join(', ')}`,
    };
    const assessed = [
      'dateOfBirth',
      'educationLevel',
      'literacyNumeracy',
      'incomeSource',
      'workHistory',
      'barriers',
      'accommodations',
    ].some((f) => f in patch);
    const view = await getClient(trx, actor, access.clientId, context);
    // A corrected name or date of birth: is the corrected person already known elsewhere? (Asked for
    // staff who search duplicates at intake; a client changing their own name is not shown other files.)
    const identity = view.identityContact;
    const possibleDuplicates =
      identity &&
      mayTakeAction(actor, 'client.search_duplicates').allowed &&
      (patch.givenName !== undefined || patch.familyName !== undefined || patch.dateOfBirth !== undefined)
        ? await searchDuplicatesOfCorrection(
            trx,
            actor,
            access.clientId,
            { givenName: identity.givenName, familyName: identity.familyName, dateOfBirth: identity.dateOfBirth },
            context,
          )
        : [];
    return {
      result: {
        ...view,
        reassessmentSuggested: assessed && (await currentAssessmentOf(trx, access.clientId)) !== undefined,
        possibleDuplicates,
      },
      audit,
    };
  });
}

// The self-identified answers, kept apart: counsellors and caseworkers of the holding agency, or the client.
export async function updateEquity(
  trx: Trx,
  actor: Actor,
  clientId: string,
  equity: Equity,
  context: RequestContext,
): Promise<ClientView> {
  return withClient(trx, actor, clientId, 'client.equity.write', context, {}, async (access) => {
    await upsertEquity(trx, access.clientId, equity);
    return {
      result: getClient(trx, actor, access.clientId, context),
      audit: { recordType: 'client_equity', recordId: access.clientId },
    };
  });
}

const transitions: Record<string, 'on_hold' | 'resumed' | 'closed' | 'reopened' | undefined> = {
  'active>on_hold': 'on_hold',
  'on_hold>active': 'resumed',
  'active>closed': 'closed',
  'on_hold>closed': 'closed',
  'closed>active': 'reopened',
};

// Put on hold, resumed, closed with a reason, reopened: each change is appended to the file's history.
export async function changeStatus(
  trx: Trx,
  actor: Actor,
  clientId: string,
  change: StatusChange,
  context: RequestContext,
): Promise<ClientView> {
  return withClient(trx, actor, clientId, 'client.close', context, {}, async (access) => {
    await lockClientRow(trx, access.clientId);
    const current = (await selectClientHolder(trx, access.clientId))!.status;
    const kind = transitions[`${current}>${change.status}`];
    if (!kind)
      throw new AppError(
        'conflict',
        `A ${current.replace('_', ' ')} file cannot become ${change.status.replace('_', ' ')}.`,
        [{ field: 'status', message: `from ${current}` }],
      );
    await insertStatusChange(trx, {
      clientId: access.clientId,
      status: change.status,
      kind,
      closedReason: change.closedReason ?? null,
      note: change.note ?? null,
      changedBy: actor.kind === 'user' ? actor.userId : null,
      organizationId: access.holderOrganizationId,
    });
    return {
      result: getClient(trx, actor, access.clientId, context),
      audit: { recordType: 'client', recordId: access.clientId, reason: kind },
    };
  });
}
