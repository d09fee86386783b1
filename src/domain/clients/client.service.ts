import type { Actor } from '../../access/actor.ts';
import { onceForActor } from '../../access/decision-memo.ts';
import { clientAuditRow, deniedError, writeAudit, type AuditRow } from '../../access/audit.ts';
import { decideClient, loadClientFacts, requireClient, type ClientAccess } from '../../access/client-access.ts';
import type { SessionClocks, SessionFactsParams } from '../../access/facts/session-facts.ts';
import type { ClientFacts } from '../../access/facts/client-facts.ts';
import type { ClientCan } from '../../access/can.ts';
import { clientCan } from '../../access/decide-can.ts';
import { authorize } from '../../access/authorize.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import { AppError } from '../../lib/errors.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { matchToken } from './match-token.ts';
import { clientsReached } from '../../access/client-predicate.ts';
import { addMembership } from '../case-team/case-team.service.ts';
import { requireKnownSkills } from '../occupations/occupation-links.service.ts';
import { locatePostalCode } from '../organizations/organization.service.ts';
import type { ClientView, DuplicateMatch, DuplicateSearch, NewClient } from './client.ts';
import type { Moment } from '../../lib/clock.ts';
import {
  insertClient,
  lockClientRow,
  updateHolder,
  selectBirthDate,
  selectClientHolder,
  selectClientRecord,
  selectClientRecordAudited,
  selectClientRecordGuarded,
  selectStatusChanges,
  selectDuplicateCandidates,
  selectExternalIdOwners,
  type ClientRecord,
  type DuplicateCandidate,
} from './client.queries.ts';

// The request's id and its moment (now, today in the city's zone), read once at the edge.
export type RequestContext = { requestId: string; purpose?: string } & Moment;
export type SearchContext = RequestContext & { secretBox: SecretBox };

// The facts other modules need to decide about a client (who holds the file, its status), without
// reading any of the client's personal information. Undefined for an unknown or malformed id.
export async function clientHolder(
  db: DbOrTrx,
  clientId: string,
): Promise<{ id: string; organizationId: string; status: 'active' | 'on_hold' | 'closed' } | undefined> {
  return isUuid(clientId) ? selectClientHolder(db, clientId) : undefined;
}

// The client's date of birth, for a module that checks an age rule after its own access check (a
// referral to a program for ages 18 to 29): the caller reads no other part of the file by it.
export function clientBirthDate(db: DbOrTrx, clientId: string): Promise<string | undefined> {
  return selectBirthDate(db, clientId);
}

function requireUser(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in first.');
}

// ---- Duplicate search ---------------------------------------------------------------------------

// The key the database compares names on (client_search_key in migration 0010), for the query side.
export function searchKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/œ/g, 'o')
    .replace(/æ/g, 'a')
    .replace(/ß/g, 's')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// The birth dates a typo plausibly gives: day and month swapped (a real date, not the same one),
// and the same day one year either side.
export function plausibleBirthDates(date: string): { exact: string; swapped: string | null; yearOff: string[] } {
  const [y, m, d] = date.split('-') as [string, string, string];
  const swappedCandidate = `${y}-${d}-${m}`;
  const real = (s: string) =>
    !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
  const yearOff = [Number(y) - 1, Number(y) + 1].map((yy) => `${String(yy).padStart(4, '0')}-${m}-${d}`).filter(real);
  return {
    exact: date,
    swapped: swappedCandidate !== date && real(swappedCandidate) ? swappedCandidate : null,
    yearOff,
  };
}

const dateWeights = { exact: 1, swapped: 0.85, year_off: 0.6, none: 0 } as const;
const dateReasons = {
  exact: 'same date of birth',
  swapped: 'date of birth with day and month swapped',
  year_off: 'date of birth one year apart',
  none: '',
} as const;

// How alike a candidate is, from 0 to 1, and why. Names weigh 55 %, the birth date 45 %; the same
// external identifier is as good as certain.
export function scoreCandidate(c: DuplicateCandidate, hasDate: boolean): { score: number; reasons: string[] } {
  const name = Math.max(c.nameSimilarity, (c.givenSimilarity + c.familySimilarity) / 2);
  const reasons = [`name similarity ${name.toFixed(2)}`];
  let score = hasDate ? 0.55 * name + 0.45 * dateWeights[c.dateMatch] : 0.8 * name;
  if (c.dateMatch !== 'none') reasons.push(dateReasons[c.dateMatch]);
  if (c.externalIdMatch) {
    score = Math.max(score, 0.98);
    reasons.push('same external identifier');
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}

export const DUPLICATE_RESULTS = 5;
export const DUPLICATE_MIN_SCORE = 0.45;
// At or above this score, intake refuses a new record unless the worker confirms it is someone else.
export const DUPLICATE_BLOCK_SCORE = 0.85;

async function findMatches(
  trx: Trx,
  actor: Actor,
  query: DuplicateSearch,
  box: SecretBox | undefined,
  today: string,
): Promise<(DuplicateMatch & { id: string })[]> {
  const candidates = await selectDuplicateCandidates(
    trx,
    {
      key: searchKey(`${query.givenName} ${query.familyName}`),
      givenKey: searchKey(query.givenName),
      familyKey: searchKey(query.familyName),
      dates: query.dateOfBirth ? plausibleBirthDates(query.dateOfBirth) : null,
      externalId: query.externalId ?? null,
    },
    20,
  );
  const scored = candidates
    .map((c) => ({ c, ...scoreCandidate(c, query.dateOfBirth !== undefined) }))
    .filter((m) => m.score >= DUPLICATE_MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.c.id.localeCompare(b.c.id))
    .slice(0, DUPLICATE_RESULTS);
  // A match shows who it is where the caller's client route would show their identity (one query).
  const named = await clientsReached(
    trx,
    actor,
    scored.map(({ c }) => c),
    'client.read',
    'identity_contact',
    { today },
  );
  const matches: (DuplicateMatch & { id: string })[] = [];
  for (const { c, score, reasons } of scored) {
    matches.push(
      named.has(c.id)
        ? {
            kind: 'visible',
            id: c.id,
            clientId: c.id,
            givenName: c.givenName,
            familyName: c.familyName,
            dateOfBirth: c.dateOfBirth,
            organizationId: c.organizationId,
            score,
            reasons,
          }
        : {
            kind: 'possible_existing_record',
            id: c.id,
            score,
            reasons,
            matchToken: box && actor.kind === 'user' ? matchToken(box, c.id, actor.organizationId) : '',
          },
    );
  }
  return matches;
}

// "Is this person already known?" before intake. A match outside the caller's access shows only
// that a possible existing record exists, its score and why: no agency, no field. Audited with every
// id matched, so the holding agency can see who searched for its client.
export async function searchDuplicates(
  trx: Trx,
  actor: Actor,
  query: DuplicateSearch,
  context: SearchContext,
): Promise<{ matches: DuplicateMatch[] }> {
  requireUser(actor);
  const matches = await findMatches(trx, actor, query, context.secretBox, context.today);
  await writeAudit(trx, actor, {
    action: 'client.search_duplicates',
    outcome: 'succeeded',
    recordType: 'client',
    recordIds: matches.map((m) => m.id),
    purpose: 'intake',
    reason: `${matches.length} match(es), ${matches.filter((m) => m.kind === 'possible_existing_record').length} outside the caller's access`,
    requestId: context.requestId,
  });
  return { matches: matches.map(({ id: _id, ...m }) => m as DuplicateMatch) };
}

// After a correction of the name or the date of birth (which drive duplicate matching), the search is
// run again for the corrected identity, leaving the file itself out: the worker learns at once whether
// the corrected person may already be known elsewhere. Audited like any duplicate search.
export async function searchDuplicatesOfCorrection(
  trx: Trx,
  actor: Actor,
  clientId: string,
  identity: DuplicateSearch,
  context: SearchContext,
): Promise<DuplicateMatch[]> {
  const matches = (await findMatches(trx, actor, identity, context.secretBox, context.today)).filter(
    (m) => m.id !== clientId,
  );
  await writeAudit(trx, actor, {
    action: 'client.search_duplicates',
    outcome: 'succeeded',
    recordType: 'client',
    recordIds: matches.map((m) => m.id),
    clientId,
    purpose: 'intake',
    reason: `after a correction of the identity: ${matches.length} match(es)`,
    requestId: context.requestId,
  });
  return matches.map(({ id: _id, ...m }) => m as DuplicateMatch);
}

// ---- Intake -------------------------------------------------------------------------------------

export async function createClient(
  trx: Trx,
  actor: Actor,
  input: NewClient,
  context: RequestContext,
): Promise<ClientView> {
  requireUser(actor);
  if (actor.kind !== 'user') throw new AppError('forbidden', 'Clients are registered by an agency’s staff.');
  // The server sets the holder: the actor's organization (docs/permissions.md 4.2).
  if (input.organizationId && input.organizationId !== actor.organizationId) {
    throw deniedError(
      actor,
      {
        action: 'client.create',
        recordType: 'organization',
        recordId: input.organizationId,
        reason: 'owner field names another organization',
        requestId: context.requestId,
      },
      'A client’s file is held by your own organization: organizationId may only name it.',
    );
  }
  const gate = authorize(actor, 'client.create', { kind: 'client', organizationId: actor.organizationId });
  if (!gate.allowed) {
    throw deniedError(
      actor,
      { action: 'client.create', reason: gate.reason, requestId: context.requestId },
      `Not allowed: ${gate.reason}.`,
    );
  }
  const taken = await selectExternalIdOwners(trx, input.externalIds);
  if (taken.length > 0) {
    throw new AppError(
      'conflict',
      'Another client record already holds this identifier: search for the person and ask for access instead of opening a second record.',
      taken.map((t) => ({
        field: `externalIds.${input.externalIds.findIndex((e) => e.kind === t.kind)}.value`,
        message: 'already on another record',
        code: 'external_id_taken',
      })),
    ).withReason('external_id_taken');
  }
  const matches = await findMatches(
    trx,
    actor,
    { givenName: input.givenName, familyName: input.familyName, dateOfBirth: input.dateOfBirth },
    undefined,
    context.today,
  );
  const strong = matches.filter((m) => m.score >= DUPLICATE_BLOCK_SCORE);
  if (strong.length > 0 && !input.notADuplicate) {
    throw new AppError(
      'conflict',
      `${strong.length} possible existing record(s) match this person. Review them with a duplicate search; if this is someone else, say why in notADuplicate.reason.`,
      [{ field: 'notADuplicate', message: 'required when a possible existing record matches' }],
    );
  }
  if (input.skills) await requireKnownSkills(trx, input.skills, 'skills');
  const location = input.postalCode ? await locatePostalCode(trx, input.postalCode) : { neighbourhoodId: null };
  const { organizationId: _owner, notADuplicate, postalCode, ...fields } = input;
  const id = await insertClient(
    trx,
    {
      ...fields,
      organizationId: actor.organizationId,
      createdBy: actor.userId,
      postalCode: postalCode ?? null,
      neighbourhoodId: location.neighbourhoodId,
    },
    notADuplicate?.reason,
  );
  // The worker who opens the file is its first case-team member, so it is on their caseload.
  await addMembership(trx, actor, {
    clientId: id,
    userId: actor.userId,
    organizationId: actor.organizationId,
    teamRole: 'primary_worker',
  });
  await writeAudit(trx, actor, {
    action: 'client.create',
    outcome: 'succeeded',
    recordType: 'client',
    recordId: id,
    clientId: id,
    purpose: 'service_delivery',
    reason: strong.length > 0 ? `confirmed not a duplicate of ${strong.length} possible record(s)` : undefined,
    requestId: context.requestId,
  });
  const facts = await loadClientFacts(trx, actor, id, context.today);
  const access = requireClient(actor, facts, 'client.read', context);
  const record = await selectClientRecord(trx, id);
  if (!record) throw new AppError('internal', 'The new client record could not be read back.');
  return viewOf(record, access, record.currentAssessment, clientCan(actor, facts!, context.purpose));
}

// ---- Reading ------------------------------------------------------------------------------------

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

// The answer holds only the categories the caller reaches: a category not consented is absent.
export function viewOf(
  record: ClientRecord,
  access: ClientAccess,
  current: { id: string; stream: 'A' | 'B' | 'C' } | undefined,
  can: ClientCan,
): ClientView {
  const has = (c: Parameters<typeof access.categories.has>[0]) => access.categories.has(c);
  const view: ClientView = {
    id: record.id,
    organizationId: record.organizationId,
    status: record.status,
    closedReason: record.closedReason,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    access: { scope: access.scope, categories: [...access.categories].sort(), purposes: access.purposes },
    can,
  };
  if (has('identity_contact')) {
    view.identityContact = {
      givenName: record.givenName,
      familyName: record.familyName,
      preferredName: record.preferredName,
      pronouns: record.pronouns,
      dateOfBirth: record.dateOfBirth,
      preferredLanguage: record.preferredLanguage,
      otherLanguages: record.otherLanguages,
      interpreterNeeded: record.interpreterNeeded,
      interpreterLanguage: record.interpreterLanguage,
      email: record.email,
      phone: record.phone,
      streetAddress: record.streetAddress,
      postalCode: record.postalCode,
      neighbourhoodId: record.neighbourhoodId,
      externalIds: record.externalIds,
    };
  }
  if (has('employment')) {
    view.employment = {
      educationLevel: record.educationLevel,
      literacyNumeracy: record.literacyNumeracy,
      workHistory: record.workHistory,
      goals: {
        statement: record.goalStatement,
        targetNocCodes: record.targetNocCodes,
        hoursWanted: record.hoursWanted,
        timeHorizon: record.timeHorizon,
      },
      skills: record.skills,
      credentials: record.credentials,
      accommodations: record.accommodations,
    };
  }
  if (has('assessment')) {
    view.assessment = {
      incomeSource: record.incomeSource,
      barriers: record.barriers,
      stream: current?.stream ?? null,
      assessmentId: current?.id ?? null,
    };
  }
  if (has('equity') && record.equity) {
    const e = record.equity;
    view.equity = Object.fromEntries(Object.entries(e).filter(([, v]) => v !== null)) as ClientView['equity'];
  }
  return view;
}

// The client page: no transaction of its own (its one write, the audit row, is part of the statement
// that reads the record), and on the facts read with the session where the request brought them.
export async function getClient(
  db: DbOrTrx,
  actor: Actor,
  clientId: string,
  context: RequestContext,
): Promise<ClientView> {
  return clientOnFacts(db, actor, await loadClientFacts(db, actor, clientId, context.today), context);
}

// The file on facts already loaded, with what the caller may do with it decided on the same facts
// (the summary reads the file and its parts on one load).
export async function clientOnFacts(
  db: DbOrTrx,
  actor: Actor,
  facts: ClientFacts | undefined,
  context: RequestContext,
): Promise<ClientView> {
  const access = requireClient(actor, facts, 'client.read', context);
  // Read and audited by one statement: the audit row commits with the read, before the answer leaves.
  const record = await selectClientRecordAudited(db, clientReadAudit(actor, access, context));
  if (!record) throw new AppError('not_found', 'No client has that id.');
  return clientViewOf(record, access, clientCan(actor, facts!, context.purpose));
}

function clientReadReason(access: ClientAccess): string {
  return `scope ${access.scope}; categories ${[...access.categories].sort().join(',') || 'none'}`;
}

function clientReadAudit(
  actor: Actor,
  access: ClientAccess,
  context: RequestContext,
  reason = clientReadReason(access),
) {
  return clientAuditRow(actor, access, {
    action: 'client.read',
    recordType: 'client',
    recordId: access.clientId,
    reason,
    requestId: context.requestId,
  }) as AuditRow & { clientId: string };
}

function clientViewOf(record: ClientRecord, access: ClientAccess, can: ClientCan): ClientView {
  const current = record.currentAssessment;
  const view = viewOf(record, access, current, can);
  // A job developer sees the stream of a client they reach, not the assessment behind it (2.2).
  return access.streamOnly ? { ...view, stream: current?.stream ?? null } : view;
}

// The client page on a guess: the request was decided on the session and facts a previous request read
// (the actor's clientFacts, from src/server/decision-cache.ts), and one statement reads the record only
// if what it would read now has the same digest (selectClientRecordGuarded). Answers the view with the
// session's clocks as read now, or, where the guess refuses or no longer holds, no view: the caller
// decides afresh (a refusal on a guess is never given: the fresh facts may allow), on no session at all
// where the statement found none (`gone`).
export async function getClientOnGuess(
  db: DbOrTrx,
  actor: Actor,
  clientId: string,
  context: RequestContext,
  guess: SessionFactsParams & { expectedHash: string },
): Promise<{ view: ClientView; clocks: SessionClocks } | { view: undefined; gone: boolean }> {
  const facts = actor.kind === 'user' ? actor.clientFacts : undefined;
  if (
    actor.kind !== 'user' ||
    !facts?.facts ||
    facts.clientId !== clientId ||
    facts.today !== context.today ||
    guess.clientId !== clientId
  ) {
    return { view: undefined, gone: false };
  }
  const clientFacts = facts.facts;
  // Decided once per guess (src/access/decision-memo.ts): the actor object stays the same while the guess holds.
  const decided = onceForActor(actor, `client.read:${context.purpose ?? ''}`, () => {
    const decision = decideClient(actor, clientFacts, 'client.read', context.purpose);
    return decision.allowed
      ? {
          access: decision.access,
          reason: clientReadReason(decision.access),
          can: clientCan(actor, clientFacts, context.purpose),
        }
      : undefined;
  });
  if (!decided) return { view: undefined, gone: false };
  const read = await selectClientRecordGuarded(db, {
    ...guess,
    audit: clientReadAudit(actor, decided.access, context, decided.reason),
  });
  if (read.session !== 'held' || !read.record) return { view: undefined, gone: read.session === 'gone' };
  return { view: clientViewOf(read.record, decided.access, decided.can), clocks: read.clocks };
}

// A released transfer: the receiving agency holds the file from now on (the transfers module decides when).
export async function moveClientHolder(
  trx: Trx,
  clientId: string,
  toOrganizationId: string,
  changedBy: string | null,
  transferId: string,
): Promise<void> {
  await lockClientRow(trx, clientId);
  await updateHolder(trx, clientId, toOrganizationId, changedBy, `transfer ${transferId}`);
}

// The file's status history (opened, on hold, closed, reopened) for a `client.read` access: for the
// client's timeline.
export function statusHistory(trx: Trx, access: ClientAccess) {
  return selectStatusChanges(trx, access.clientId);
}
