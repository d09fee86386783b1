import type { Actor } from '../../access/actor.ts';
import { deniedError, notVisibleError, writeAudit } from '../../access/audit.ts';
import { actorScopes } from '../../access/authorize.ts';
import { consentsNaming, type ClientAccess } from '../../access/client-access.ts';
import {
  decidePlacement,
  employerSees,
  placementListScope,
  placementSide,
  type PlacementSide,
} from '../../access/policies/placement.ts';
import { withClient } from '../../access/with-client.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { addBusinessDays } from '../../lib/business-days.ts';
import type { Moment } from '../../lib/clock.ts';
import { addDays } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { activeEmployerUsersOf, activeManagersOf, clientOfAccount } from '../accounts/user-admin.service.ts';
import { grantConsent } from '../consent/consent.service.ts';
import { checkEventForPlacement } from '../hiring-events/hiring-event.service.ts';
import { fillJobOrderWhenFull, getJobOrder } from '../jobs/job-order.service.ts';
import { minimumWageOn } from '../jobs/minimum-wage.ts';
import { notify } from '../notifications/notification.service.ts';
import { closeTaskFor, openTaskFor } from '../tasks/task.service.ts';
import {
  checkPlacementMove,
  closedPlacementStatuses,
  nextPlacementSteps,
  type EvaluationInput,
  type NewPlacement,
  type Placement,
  type PlacementListQuery,
  type PlacementStep,
  type PlacementSummary,
} from './placement.ts';
import {
  selectClientPlacementEvents,
  type ClientPlacementEventRow,
  countHires,
  insertEmployment,
  insertEvaluation,
  insertPlacement,
  insertPlacementEvent,
  isActiveStaff,
  openPlacementFor,
  selectCandidate,
  selectEmploymentOf,
  selectEvaluations,
  selectPlacementEvents,
  selectPlacementRow,
  selectPlacements,
  updatePlacement,
  type PlacementRow,
} from './placement.queries.ts';

// The placement pipeline (issue 14, point 5; docs/placements.md). A worker proposes a client for a job
// order (the agency's own until shared); shares it with the employer under the client's consent naming
// the employer for a placement, which lands in the employer's inbox as a task; then either side records
// the interview, the offer and the end, and the other side hears of each step. A hire opens the
// employment record the outcome milestones are measured on.

export type PlacementContext = { requestId: string } & Moment;

// A consent recorded with the sharing runs a year: past the interview, the offer and the first months.
const PLACEMENT_CONSENT_DAYS = 365;
// The employer's task to review a shared candidate is due in this many business days.
const REVIEW_BUSINESS_DAYS = 5;

const userIdOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);

function invalid(field: string, code: string, message: string): AppError {
  return new AppError('invalid', message, [{ field, message, code }]).withReason(code);
}

function parties(row: PlacementRow) {
  return {
    organizationId: row.organizationId,
    employerId: row.employerId,
    shared: row.sharedAt !== null,
    clientAccountUserId: row.clientAccountUserId,
  };
}

// The job order still takes candidates: open, and its closing date not past.
function jobOpen(job: { status: string; closingOn: string | null }, today: string): boolean {
  return job.status === 'open' && (job.closingOn === null || job.closingOn >= today);
}

export async function proposePlacement(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: NewPlacement,
  context: PlacementContext,
): Promise<Placement> {
  const id = await withClient(
    trx,
    actor,
    clientId,
    'placement.propose',
    { ...context, purpose: undefined },
    { category: 'employment' },
    async (access) => {
      const job = await getJobOrder(trx, actor, input.jobOrderId, context.requestId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'not_found')
          throw invalid('jobOrderId', 'unknown_job_order', 'No job order has that id.');
        throw error;
      });
      if (!jobOpen(job, context.today))
        throw invalid('jobOrderId', 'job_order_closed', `${job.title} is not open: it takes no more candidates.`);
      if (input.hiringEventId) {
        const refused = await checkEventForPlacement(trx, input.hiringEventId, job.id);
        if (refused) throw invalid('hiringEventId', refused.code, refused.message);
      }
      if (await openPlacementFor(trx, access.clientId, job.id))
        throw new AppError('conflict', `The client is already proposed for ${job.title}.`).withReason('placement_open');
      const organizationId = actor.kind === 'user' ? actor.organizationId : access.holderOrganizationId;
      const placementId = await insertPlacement(trx, {
        clientId: access.clientId,
        jobOrderId: job.id,
        employerId: job.employer.id,
        organizationId,
        proposedBy: userIdOf(actor),
        pitch: input.pitch ?? null,
        hiringEventId: input.hiringEventId ?? null,
        createdAt: context.now,
      });
      await insertPlacementEvent(trx, {
        placementId,
        status: 'proposed',
        reason: null,
        note: null,
        actorId: userIdOf(actor),
        organizationId,
        at: context.now,
      });
      return {
        result: placementId,
        audit: { recordType: 'placement', recordId: placementId, purpose: 'placement', reason: `job ${job.id}` },
      };
    },
  );
  return getPlacement(trx, actor, id, context);
}

// A placement the actor reaches for `action`, locked when it is about to change: outside the reader's
// reach it answers exactly like a random id (404); seen but not theirs to change, 403.
async function reachable(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'placement.read' | 'placement.respond',
  context: PlacementContext,
  lock: boolean,
): Promise<{ row: PlacementRow; side: PlacementSide }> {
  const row = isUuid(id) ? await selectPlacementRow(db, id, lock) : undefined;
  const side = row ? placementSide(actor, parties(row)) : undefined;
  if (!row || !side || !decidePlacement(actor, 'placement.read', parties(row)).allowed)
    throw notVisibleError(
      actor,
      {
        action,
        recordType: 'placement',
        recordId: isUuid(id) ? id : undefined,
        clientId: row?.clientId,
        requestId: context.requestId,
      },
      row !== undefined,
      'No placement has that id.',
    );
  const decision = decidePlacement(actor, action, parties(row));
  if (!decision.allowed)
    throw deniedError(
      actor,
      {
        action,
        recordType: 'placement',
        recordId: row.id,
        clientId: row.clientId,
        reason: decision.reason,
        requestId: context.requestId,
      },
      `Not allowed: ${decision.reason}.`,
    );
  return { row, side };
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

// One placement as the reader sees it, its read audited (it names a client to whoever reads it).
export async function getPlacement(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  context: PlacementContext,
): Promise<Placement> {
  const { row, side } = await reachable(db, actor, id, 'placement.read', context, false);
  const placement = await detail(db, row, side, context.today);
  await writeAudit(db, actor, {
    action: 'placement.read',
    outcome: 'succeeded',
    recordType: 'placement',
    recordId: row.id,
    clientId: row.clientId,
    purpose: 'placement',
    requestId: context.requestId,
  });
  return placement;
}

async function detail(db: DbOrTrx, row: PlacementRow, side: PlacementSide, today: string): Promise<Placement> {
  const [events, employment, evaluations, candidate] = await Promise.all([
    selectPlacementEvents(db, row.id),
    selectEmploymentOf(db, row.id),
    selectEvaluations(db, row.id),
    selectCandidate(db, row.clientId),
  ]);
  // The employer reads only what a consent in force names for them; the agency and the client all of it.
  const employerConsents =
    row.sharedAt !== null
      ? (await consentsNaming(db, row.clientId, row.employerId, today)).filter((c) => c.purpose === 'placement')
      : [];
  const seen = side === 'employer' ? employerSees(employerConsents) : undefined;
  const sees = (category: 'identity_contact' | 'employment') => seen === undefined || seen.has(category);
  const sharedCategories = row.sharedAt !== null ? [...employerSees(employerConsents)] : null;
  const consentEndsOn =
    employerConsents.length > 0
      ? employerConsents
          .map((c) => c.expiresOn)
          .sort()
          .at(-1)!
      : null;
  const actorSide: 'agency' | 'employer' | undefined =
    side === 'agency' || side === 'system' ? 'agency' : side === 'employer' ? 'employer' : undefined;
  return {
    id: row.id,
    status: row.status,
    reason: row.reason,
    pitch: row.pitch,
    job: {
      id: row.jobOrderId,
      title: row.jobTitle,
      nocCode: row.jobNocCode,
      employer: { id: row.employerId, name: row.employerName },
    },
    agency: { id: row.organizationId, name: row.agencyName },
    candidate: {
      id: side === 'employer' ? null : row.clientId,
      name: sees('identity_contact')
        ? `${candidate.preferredName ?? candidate.givenName} ${candidate.familyName}`
        : null,
      email: sees('identity_contact') ? candidate.email : null,
      phone: sees('identity_contact') ? candidate.phone : null,
      preferredLanguage: sees('identity_contact') ? candidate.preferredLanguage : null,
      employment: sees('employment')
        ? {
            targetNocCodes: candidate.targetNocCodes,
            hoursWanted: candidate.hoursWanted,
            workHistory: candidate.history,
          }
        : null,
      sharedCategories,
      consentEndsOn,
    },
    wilType: row.wilType,
    sharedAt: iso(row.sharedAt),
    interviewAt: iso(row.interviewAt),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    events: events.map((e) => ({
      status: e.status,
      reason: e.reason,
      note: e.note,
      side:
        e.organizationId === row.employerId
          ? 'employer'
          : e.organizationId === row.organizationId
            ? 'agency'
            : 'system',
      organization: { id: e.organizationId, name: e.organizationName },
      at: iso(e.at)!,
    })),
    employment: employment
      ? {
          id: employment.id,
          jobTitle: employment.jobTitle,
          nocCode: employment.nocCode,
          startDate: employment.startDate,
          endDate: employment.endDate,
          hoursPerWeek: Number(employment.hoursPerWeek),
          hourlyWage: employment.hourlyWageCents / 100,
        }
      : null,
    evaluations: evaluations.map((e) => ({ ...e, createdAt: iso(e.createdAt)! })),
    next: actorSide ? nextPlacementSteps(row.status, actorSide) : [],
    mayEvaluate: actorSide !== undefined && row.status === 'hired' && row.wilType !== null,
  };
}

// Records the next step: sharing (the agency, with the client's consent), the interview, the offer, a
// hire or not, a withdrawal. The other side hears of it in their inbox.
export async function stepPlacement(
  trx: Trx,
  actor: Actor,
  id: string,
  step: PlacementStep,
  context: PlacementContext,
): Promise<Placement> {
  const { row, side } = await reachable(trx, actor, id, 'placement.respond', context, true);
  const acting: 'agency' | 'employer' = side === 'employer' ? 'employer' : 'agency';
  const refused = checkPlacementMove(row.status, step.status, acting);
  if (refused) throw new AppError('conflict', refused.message).withReason(refused.code);
  const organizationId = actor.kind === 'user' ? actor.organizationId : row.organizationId;
  switch (step.status) {
    case 'shared':
      await share(trx, actor, row, step, context);
      break;
    case 'interview':
      await updatePlacement(trx, row.id, {
        status: 'interview',
        interviewAt: step.interviewAt ? new Date(step.interviewAt) : null,
      });
      break;
    case 'offer':
      await updatePlacement(trx, row.id, { status: 'offer' });
      break;
    case 'hired':
      await hire(trx, actor, row, step, organizationId, context);
      break;
    case 'not_hired':
    case 'withdrawn':
      await updatePlacement(trx, row.id, { status: step.status, reason: step.reason });
      break;
  }
  await insertPlacementEvent(trx, {
    placementId: row.id,
    status: step.status,
    reason: 'reason' in step ? step.reason : null,
    note: step.note ?? null,
    actorId: userIdOf(actor),
    organizationId,
    at: context.now,
  });
  // The employer's review task closes with their first answer, or with the end.
  if (
    row.employerTaskId &&
    (acting === 'employer' || closedPlacementStatuses.includes(step.status)) &&
    step.status !== 'shared'
  )
    await closeTaskFor(trx, row.employerTaskId, userIdOf(actor), context.now);
  if (step.status !== 'shared') await tellOtherSide(trx, actor, row, acting);
  await writeAudit(trx, actor, {
    action: 'placement.respond',
    outcome: 'succeeded',
    recordType: 'placement',
    recordId: row.id,
    clientId: row.clientId,
    purpose: 'placement',
    reason: step.status,
    requestId: context.requestId,
  });
  return getPlacement(trx, actor, row.id, context);
}

// The agency shares the proposal: it must still reach the client's employment information, the job
// must still be open, and a consent in force must name the employer for a placement (or be given now,
// recorded by the agency holding the file).
async function share(
  trx: Trx,
  actor: Actor,
  row: PlacementRow,
  step: Extract<PlacementStep, { status: 'shared' }>,
  context: PlacementContext,
): Promise<void> {
  if (!jobOpen({ status: row.jobStatus, closingOn: row.jobClosingOn }, context.today))
    throw invalid('status', 'job_order_closed', `${row.jobTitle} is not open: it takes no more candidates.`);
  await withClient(
    trx,
    actor,
    row.clientId,
    'placement.propose',
    { ...context, purpose: undefined },
    { category: 'employment' },
    async () => ({ result: undefined, audit: { recordType: 'placement', recordId: row.id, purpose: 'placement' } }),
  );
  const inForce = (await consentsNaming(trx, row.clientId, row.employerId, context.today)).filter(
    (c) => c.purpose === 'placement' && employerSees([c]).size > 0,
  );
  let consentId = inForce[0]?.id;
  if (step.consent) {
    if (actor.kind === 'user' && actor.organizationId !== row.holderOrganizationId)
      throw invalid(
        'consent',
        'placement_consent_by_holder',
        "Only the agency holding the file records the client's consent.",
      );
    const consent = await grantConsent(
      trx,
      actor,
      row.clientId,
      {
        organizationId: row.employerId,
        categories: step.consent.categories,
        purpose: 'placement',
        method: step.consent.method,
        evidence: step.consent.evidence,
        expiresOn: addDays(context.today, PLACEMENT_CONSENT_DAYS),
      },
      context,
    );
    consentId = consent.id;
  }
  if (!consentId)
    throw invalid(
      'consent',
      'placement_consent_required',
      `Record the client's consent to share their name or work history with ${row.employerName} first.`,
    );
  const staff = await activeEmployerUsersOf(trx, row.employerId);
  const [assignee, ...others] = staff;
  const taskId = assignee
    ? await openTaskFor(trx, actor, {
        clientId: row.clientId,
        organizationId: row.employerId,
        assignedTo: assignee,
        kind: 'placement_review',
        title: `Review a candidate for ${row.jobTitle}`.slice(0, 200),
        dueOn: addBusinessDays(context.today, REVIEW_BUSINESS_DAYS),
      })
    : null;
  await notify(trx, actor, others, 'placement_shared', { clientId: row.clientId, subjectId: row.id });
  await updatePlacement(trx, row.id, {
    status: 'shared',
    consentId,
    sharedAt: context.now,
    employerTaskId: taskId,
  });
}

// A hire opens the employment record (its start, hours, wage, occupation) and fills the job order when
// its openings are all taken.
async function hire(
  trx: Trx,
  actor: Actor,
  row: PlacementRow,
  step: Extract<PlacementStep, { status: 'hired' }>,
  organizationId: string,
  context: PlacementContext,
): Promise<void> {
  const input = step.employment;
  const wageCents = input.hourlyWage !== undefined ? Math.round(input.hourlyWage * 100) : row.jobHourlyWageCents;
  const floor = minimumWageOn(input.startDate);
  if (wageCents < Math.round(floor.hourly * 100))
    throw invalid(
      'employment.hourlyWage',
      'below_minimum_wage',
      `The wage may not be less than Ontario's general minimum wage, $${floor.hourly.toFixed(2)} an hour since ${floor.effectiveFrom}.`,
    );
  const createdOn = row.createdAt.toISOString().slice(0, 10);
  if (input.startDate < addDays(createdOn, -30) || input.startDate > addDays(context.today, 366))
    throw invalid(
      'employment.startDate',
      'start_date_out_of_range',
      'The start date must be within a month before the proposal and a year from today.',
    );
  await updatePlacement(trx, row.id, { status: 'hired', reason: null });
  await insertEmployment(trx, {
    clientId: row.clientId,
    placementId: row.id,
    employerId: row.employerId,
    organizationId,
    recordedBy: userIdOf(actor),
    jobTitle: input.jobTitle ?? row.jobTitle,
    nocCode: row.jobNocCode,
    startDate: input.startDate,
    hoursPerWeek: input.hoursPerWeek,
    hourlyWageCents: wageCents,
  });
  await fillJobOrderWhenFull(trx, row.jobOrderId, await countHires(trx, row.jobOrderId));
}

// The side that did not act hears of the step: the proposing worker (or the agency's managers when they
// have left), or the employer's staff once the proposal is theirs to see.
async function tellOtherSide(trx: Trx, actor: Actor, row: PlacementRow, acting: 'agency' | 'employer') {
  if (acting === 'employer') {
    const recipients =
      row.proposedBy !== null && (await isActiveStaff(trx, row.proposedBy, row.organizationId))
        ? [row.proposedBy]
        : await activeManagersOf(trx, row.organizationId);
    await notify(trx, actor, recipients, 'placement_updated', { clientId: row.clientId, subjectId: row.id });
  } else if (row.sharedAt !== null) {
    await notify(trx, actor, await activeEmployerUsersOf(trx, row.employerId), 'placement_updated', {
      clientId: row.clientId,
      subjectId: row.id,
    });
  }
}

// A work placement's evaluation of the trainee, by the employer (or the agency recording it for them).
export async function evaluatePlacement(
  trx: Trx,
  actor: Actor,
  id: string,
  input: EvaluationInput,
  context: PlacementContext,
): Promise<Placement> {
  const { row } = await reachable(trx, actor, id, 'placement.respond', context, true);
  if (row.status !== 'hired' || row.wilType === null)
    throw new AppError(
      'conflict',
      'Only a work placement (co-op, internship, work placement, apprenticeship, paid work experience) that began is evaluated.',
    ).withReason('placement_not_work_placement');
  if (input.periodEnd > context.today)
    throw invalid('periodEnd', 'date_in_future', 'The period evaluated must have ended by today.');
  const evaluationId = await insertEvaluation(trx, {
    ...input,
    placementId: row.id,
    evaluatedBy: userIdOf(actor),
    organizationId: actor.kind === 'user' ? actor.organizationId : row.employerId,
  });
  if (!evaluationId)
    throw new AppError('conflict', 'That period already has an evaluation.').withReason('evaluation_exists');
  await tellOtherSide(trx, actor, row, placementSide(actor, parties(row)) === 'employer' ? 'employer' : 'agency');
  await writeAudit(trx, actor, {
    action: 'placement.respond',
    outcome: 'succeeded',
    recordType: 'placement_evaluation',
    recordId: evaluationId,
    clientId: row.clientId,
    purpose: 'placement',
    reason: 'evaluation',
    requestId: context.requestId,
  });
  return getPlacement(trx, actor, row.id, context);
}

// The agency's or the employer's placements (the pipeline board), the names read audited.
export async function listPlacements(
  db: DbOrTrx,
  actor: Actor,
  query: PlacementListQuery,
  context: PlacementContext,
): Promise<ListEnvelope<PlacementSummary>> {
  const scope = placementListScope(actor);
  // A client's own account: their own placements, whichever agency proposed them.
  const ownClient = !scope && actor.kind === 'user' ? await clientOfAccount(db, actor.userId) : undefined;
  if (ownClient && actorScopes(actor, 'placement.read').includes('self')) {
    const { rows, total } = await selectPlacements(
      db,
      actor,
      { as: 'client', clientId: ownClient, organizationIds: 'all' },
      query,
      context.today,
    );
    await auditNames(db, actor, rows, context.requestId);
    return { items: rows, total, page: query.page, perPage: query.perPage };
  }
  if (!scope)
    throw deniedError(
      actor,
      { action: 'placement.read', reason: 'no role of theirs reads placements', requestId: context.requestId },
      'Not allowed: placements are for agency staff and employers.',
    );
  const { rows, total } = await selectPlacements(db, actor, scope, query, context.today);
  await auditNames(db, actor, rows, context.requestId);
  return { items: rows, total, page: query.page, perPage: query.perPage };
}

// A client's placements, from their file: those the reader's agency proposed (staff), or all of them
// (the client's own account).
export async function listClientPlacements(
  db: DbOrTrx,
  actor: Actor,
  clientId: string,
  query: PlacementListQuery,
  context: PlacementContext,
): Promise<ListEnvelope<PlacementSummary>> {
  return withClient(
    db,
    actor,
    clientId,
    // The file as the client's page opens it; the placements shown are the reader's agency's own.
    'client.read',
    { ...context, purpose: undefined },
    { as: 'placement.read' },
    async (access) => {
      const organizationIds = access.scope === 'self' || actor.kind !== 'user' ? 'all' : [actor.organizationId];
      const { rows, total } = await selectPlacements(
        db,
        actor,
        { as: 'client', clientId: access.clientId, organizationIds },
        query,
        context.today,
      );
      return {
        result: { items: rows, total, page: query.page, perPage: query.perPage },
        audit: { recordType: 'placement', recordIds: rows.map((r) => r.id), purpose: 'placement' },
      };
    },
  );
}

// The steps of a client's placements for the timeline: read as the client's placements list reads them
// (`placement.read` as a part of the file: the reader's agency's own, or every one for the client).
export async function readablePlacementEvents(
  db: DbOrTrx,
  actor: Actor,
  access: ClientAccess | undefined,
  limit: number,
): Promise<ClientPlacementEventRow[]> {
  if (!access) return [];
  const organizationIds = access.scope === 'self' || actor.kind !== 'user' ? 'all' : [actor.organizationId];
  return selectClientPlacementEvents(db, access.clientId, organizationIds, limit);
}

async function auditNames(db: DbOrTrx, actor: Actor, rows: PlacementSummary[], requestId: string) {
  const named = rows.filter((r) => r.candidate.name !== null).map((r) => r.id);
  if (named.length === 0) return;
  await writeAudit(db, actor, {
    action: 'placement.read',
    outcome: 'succeeded',
    recordType: 'placement',
    recordIds: named,
    purpose: 'placement',
    reason: 'candidate names in a list',
    requestId,
  });
}
