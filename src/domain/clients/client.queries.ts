import { sql, type QueryCreator } from 'kysely';
import { auditInsert, auditInsertWhere, type AuditRow } from '../../access/audit.ts';
import { sessionFactsSelect, type SessionClocks, type SessionFactsParams } from '../../access/facts/session-facts.ts';
import type { Database } from '../../db/schema.ts';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { compiledQuery } from '../../db/compiled-query.ts';
import { currentAssessmentJson } from '../assessment/assessment-facts.ts';
import type { ClientExternalIdsTable, ClientsTable } from '../../db/schema.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { ClientPatch, Equity, NewClient } from './client.ts';

// Who holds a client's file, and the file's status: what every decision about the client starts from.
export async function selectClientHolder(
  db: DbOrTrx,
  clientId: string,
): Promise<{ id: string; organizationId: string; status: 'active' | 'on_hold' | 'closed' } | undefined> {
  const row = await db
    .selectFrom('clients')
    .select(['id', 'organizationId', 'status'])
    .where('id', '=', clientId)
    .executeTakeFirst();
  return row as { id: string; organizationId: string; status: 'active' | 'on_hold' | 'closed' } | undefined;
}

export async function selectBirthDate(db: DbOrTrx, clientId: string): Promise<string | undefined> {
  const row = await db.selectFrom('clients').select('dateOfBirth').where('id', '=', clientId).executeTakeFirst();
  return row?.dateOfBirth;
}

export type ClientInsert = Omit<NewClient, 'organizationId' | 'notADuplicate' | 'postalCode'> & {
  organizationId: string;
  createdBy: string | null;
  postalCode: string | null;
  neighbourhoodId: number | null;
};

export async function insertClient(trx: DbOrTrx, c: ClientInsert, openingNote?: string): Promise<string> {
  const { id } = await trx
    .insertInto('clients')
    .values({
      organizationId: c.organizationId,
      givenName: c.givenName,
      familyName: c.familyName,
      preferredName: c.preferredName ?? null,
      pronouns: c.pronouns ?? null,
      dateOfBirth: c.dateOfBirth,
      preferredLanguage: c.preferredLanguage,
      otherLanguages: c.otherLanguages,
      interpreterNeeded: c.interpreterNeeded,
      interpreterLanguage: c.interpreterLanguage ?? null,
      email: c.email ?? null,
      phone: c.phone ?? null,
      streetAddress: c.streetAddress ?? null,
      postalCode: c.postalCode,
      neighbourhoodId: c.neighbourhoodId,
      educationLevel: c.educationLevel,
      literacyNumeracy: c.literacyNumeracy,
      incomeSource: c.incomeSource,
      goalStatement: c.goals?.statement ?? null,
      targetNocCodes: c.goals?.targetNocCodes ?? [],
      hoursWanted: c.goals?.hoursWanted ?? null,
      timeHorizon: c.goals?.timeHorizon ?? null,
      skills: c.skills ?? null,
      credentials: c.credentials ?? null,
      createdBy: c.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('clientStatusChanges')
    .values({
      clientId: id,
      status: 'active',
      kind: 'opened',
      note: openingNote ?? null,
      changedBy: c.createdBy,
      organizationId: c.organizationId,
    })
    .execute();
  if (c.workHistory.length > 0) {
    await trx
      .insertInto('clientWorkHistory')
      .values(
        c.workHistory.map((w) => ({
          clientId: id,
          nocCode: w.nocCode,
          jobTitle: w.jobTitle ?? null,
          employerName: w.employerName ?? null,
          startDate: w.startDate,
          endDate: w.endDate ?? null,
          hoursPerWeek: w.hoursPerWeek ?? null,
        })),
      )
      .execute();
  }
  if (c.barriers.length > 0)
    await trx
      .insertInto('clientBarriers')
      .values(c.barriers.map((b) => ({ clientId: id, kind: b.kind, status: b.status })))
      .execute();
  if (c.accommodations.length > 0) {
    await trx
      .insertInto('clientAccommodations')
      .values(
        c.accommodations.map((a) => ({
          clientId: id,
          kind: a.kind,
          disabilityRelated: a.disabilityRelated,
          description: a.description ?? null,
        })),
      )
      .execute();
  }
  if (c.externalIds.length > 0)
    await trx
      .insertInto('clientExternalIds')
      .values(c.externalIds.map((e) => ({ clientId: id, kind: e.kind, value: e.value })))
      .execute();
  if (c.equity && Object.keys(c.equity).length > 0) await upsertEquity(trx, id, c.equity);
  return id;
}

export async function upsertEquity(trx: DbOrTrx, clientId: string, e: Equity): Promise<void> {
  const values = {
    indigenousIdentity: e.indigenousIdentity ?? null,
    racializedGroup: e.racializedGroup ?? null,
    gender: e.gender ?? null,
    disability: e.disability ?? null,
    newcomer: e.newcomer ?? null,
    arrivalYear: e.arrivalYear ?? null,
    francophone: e.francophone ?? null,
    lgbtq2s: e.lgbtq2s ?? null,
  };
  await trx
    .insertInto('clientEquity')
    .values({ clientId, ...values })
    .onConflict((oc) => oc.column('clientId').doUpdateSet(values))
    .execute();
}

// Which of these identifiers another record already holds (they are unique across the system).
export async function selectExternalIdOwners(
  db: DbOrTrx,
  ids: { kind: ClientExternalIdsTable['kind']; value: string }[],
): Promise<{ kind: string; clientId: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('clientExternalIds')
    .select(['kind', 'clientId'])
    .where((eb) => eb.or(ids.map((i) => eb.and([eb('kind', '=', i.kind), eb('value', '=', i.value)]))))
    .execute();
}

// The whole record in one statement: the file's row with its work history, barriers, accommodations,
// member numbers and equity answers as JSON beside it, and the stream in force (the assessment module's
// expression), so the client page reads it in one round trip, not seven.
function recordSelect(db: QueryCreator<Database>, clientId: string) {
  return db
    .selectFrom('clients')
    .select((eb) => [
      'id',
      'organizationId',
      'status',
      'closedReason',
      'createdAt',
      'updatedAt',
      'givenName',
      'familyName',
      'preferredName',
      'pronouns',
      sql<string>`to_char(date_of_birth, 'YYYY-MM-DD')`.as('dateOfBirth'),
      'preferredLanguage',
      'otherLanguages',
      'interpreterNeeded',
      'interpreterLanguage',
      'email',
      'phone',
      'streetAddress',
      'postalCode',
      'neighbourhoodId',
      'educationLevel',
      'literacyNumeracy',
      'incomeSource',
      'goalStatement',
      'targetNocCodes',
      'hoursWanted',
      'timeHorizon',
      'skills',
      'credentials',
      jsonArrayFrom(
        eb
          .selectFrom('clientWorkHistory')
          .select([
            'nocCode',
            'jobTitle',
            'employerName',
            sql<string>`to_char(start_date, 'YYYY-MM-DD')`.as('startDate'),
            sql<string | null>`to_char(end_date, 'YYYY-MM-DD')`.as('endDate'),
            sql<number | null>`hours_per_week::float8`.as('hoursPerWeek'),
          ])
          .whereRef('clientWorkHistory.clientId', '=', 'clients.id')
          .orderBy('clientWorkHistory.startDate'),
      ).as('workHistory'),
      jsonArrayFrom(
        eb
          .selectFrom('clientBarriers')
          .select(['clientBarriers.kind', 'clientBarriers.status'])
          .whereRef('clientBarriers.clientId', '=', 'clients.id')
          .orderBy('clientBarriers.kind'),
      ).as('barriers'),
      jsonArrayFrom(
        eb
          .selectFrom('clientAccommodations')
          .select([
            'clientAccommodations.kind',
            'clientAccommodations.disabilityRelated',
            'clientAccommodations.description',
          ])
          .whereRef('clientAccommodations.clientId', '=', 'clients.id')
          .orderBy('clientAccommodations.createdAt'),
      ).as('accommodations'),
      jsonArrayFrom(
        eb
          .selectFrom('clientExternalIds')
          .select(['clientExternalIds.kind', 'clientExternalIds.value'])
          .whereRef('clientExternalIds.clientId', '=', 'clients.id')
          .orderBy('clientExternalIds.kind'),
      ).as('externalIds'),
      jsonObjectFrom(
        eb
          .selectFrom('clientEquity')
          .select([
            'indigenousIdentity',
            'racializedGroup',
            'gender',
            'disability',
            'newcomer',
            'arrivalYear',
            'francophone',
            'lgbtq2s',
          ])
          .whereRef('clientEquity.clientId', '=', 'clients.id'),
      ).as('equity'),
      currentAssessmentJson(eb).as('currentAssessment'),
    ])
    .where('clients.id', '=', clientId);
}

const recordQuery = compiledQuery((db, p: { clientId: string }) => recordSelect(db, p.clientId));
// The read that audits itself: the audit row is inserted by the same statement that reads the record,
// so it is committed before the answer leaves without a transaction of its own (the client page).
const auditedRecordQuery = compiledQuery((db, p: AuditRow & { clientId: string }) =>
  recordSelect(db.with('audit', () => auditInsert(db, p)) as unknown as QueryCreator<Database>, p.clientId),
);

// The record, read by the statement that writes its audit row (`audit.clientId` is the client).
export async function selectClientRecordAudited(db: DbOrTrx, audit: AuditRow & { clientId: string }) {
  return recordOf((await auditedRecordQuery(db, audit))[0]);
}

// The client page on a guess (src/server/decision-cache.ts): the session and the client's facts as they
// are now, and, only where their digest is still `expectedHash` (what the caller decided on), the record
// with its audit row, all in one statement and one snapshot. Where the digest differs, or the session is
// gone, nothing is read or audited: the caller decides again (or signs the user out). Where the digest
// holds, the caller already has everything it decided on, so only what changes without changing a
// decision comes back with the record: the session's clocks and the request count.
const guardedRecordQuery = compiledQuery((db, p: SessionFactsParams & AuditRow & { expectedHash: string }) => {
  const matches = sql<boolean>`s.decision_hash = ${p.expectedHash}`;
  return sql<Record<string, unknown>>`with s as (${sessionFactsSelect(db, p)}),
    audit as (${auditInsertWhere(p, sql`from s where ${matches}`)})
    select ${matches} as held, s.csrf_token, s.last_seen_at, s.absolute_expires_at, s.request_hits,
      s.request_seconds_left,
      case when ${matches} then (select to_json(r) from (${recordSelect(db, p.clientId)}) r) end as record
    from s`;
});

// No session any more; a session whose digest differs from the guess (decide again); or the guess held,
// with the record (undefined if the client is gone) and the session's clocks.
export type GuardedRead =
  | { session: 'gone' }
  | { session: 'changed' }
  | { session: 'held'; clocks: SessionClocks; record: ClientRecord | undefined };

export async function selectClientRecordGuarded(
  db: DbOrTrx,
  params: SessionFactsParams & { expectedHash: string; audit: AuditRow & { clientId: string } },
): Promise<GuardedRead> {
  const { audit, ...guard } = params;
  const [row] = (await guardedRecordQuery(db, { ...guard, ...audit })) as unknown as {
    held: boolean;
    csrfToken: string;
    lastSeenAt: Date;
    absoluteExpiresAt: Date;
    requestHits: number;
    requestSecondsLeft: number;
    record: Parameters<typeof recordOf>[0] | null;
  }[];
  if (!row) return { session: 'gone' };
  if (!row.held) return { session: 'changed' };
  return {
    session: 'held',
    clocks: {
      csrfToken: row.csrfToken,
      lastSeenAt: row.lastSeenAt,
      absoluteExpiresAt: row.absoluteExpiresAt,
      requestCount: { hits: Number(row.requestHits), secondsLeft: Number(row.requestSecondsLeft) },
    },
    record: row.record ? (recordOf(row.record) as ClientRecord) : undefined,
  };
}

export async function selectClientRecord(db: DbOrTrx, clientId: string) {
  return recordOf((await recordQuery(db, { clientId }))[0]);
}

function recordOf<R extends { equity: unknown; currentAssessment: unknown }>(row: R | undefined) {
  if (!row) return undefined;
  const { equity, currentAssessment, ...record } = row;
  return {
    ...record,
    equity: (equity ?? undefined) as Exclude<R['equity'], null> | undefined,
    currentAssessment: (currentAssessment ?? undefined) as Exclude<R['currentAssessment'], null> | undefined,
  };
}
export type ClientRecord = NonNullable<Awaited<ReturnType<typeof selectClientRecord>>>;

export type DuplicateCandidate = {
  id: string;
  organizationId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nameSimilarity: number;
  givenSimilarity: number;
  familySimilarity: number;
  dateMatch: 'exact' | 'swapped' | 'year_off' | 'none';
  externalIdMatch: boolean;
};

// Candidates for "is this person already known?": names alike by trigram (the GIN index), or the same
// birth date (exact, day and month swapped, or one year off) with a name somewhat alike, or the same
// external identifier. Scored in the service; `limit` per candidate set keeps it fast at city scale.
// Raw SQL (sql<DuplicateCandidate>): a union of three index-driven candidate sets with trigram
// similarity (`%`), which the query builder cannot express without raw fragments in every branch.
export async function selectDuplicateCandidates(
  trx: DbOrTrx,
  q: {
    key: string;
    givenKey: string;
    familyKey: string;
    dates: { exact: string; swapped: string | null; yearOff: string[] } | null;
    externalId: { kind: string; value: string } | null;
  },
  limit: number,
): Promise<DuplicateCandidate[]> {
  const dateList = q.dates ? [q.dates.exact, ...(q.dates.swapped ? [q.dates.swapped] : []), ...q.dates.yearOff] : [];
  // With a birth date, the name branch is the exact folded name (B-tree, nearest birth date
  // first): "same name, date recorded wrongly". Misspelt, hyphenated, accent-free and nicknamed
  // names come through the birth-date branch, which admits them by similarity. The trigram scan is
  // only for a search by name alone: at a million clients a common name makes it walk thousands of
  // index entries (docs/benchmarks.md).
  let byName;
  if (q.dates) {
    byName = sql`select id from clients where search_name = ${q.key}
      order by abs(date_of_birth - ${q.dates.exact}::date), id limit ${limit}`;
  } else {
    // A stricter trigram threshold than the default 0.3: common names otherwise bring thousands of rows to re-check.
    await sql`select set_config('pg_trgm.similarity_threshold', '0.45', true)`.execute(trx);
    byName = sql`select id from clients where search_name % ${q.key} order by search_name <-> ${q.key} limit ${limit}`;
  }
  const byDate =
    dateList.length > 0
      ? sql`select id from clients where date_of_birth = any(${dateList}::date[])
              and (similarity(search_name, ${q.key}) > 0.2 or word_similarity(${q.familyKey}, search_name) > 0.5)
            order by similarity(search_name, ${q.key}) desc limit ${limit}`
      : sql`select null::uuid as id where false`;
  const byExternal = q.externalId
    ? sql`select client_id as id from client_external_ids where kind = ${q.externalId.kind} and value = ${q.externalId.value}`
    : sql`select null::uuid as id where false`;
  const { rows } = await sql<DuplicateCandidate>`
    with ids as ((${byName}) union (${byDate}) union (${byExternal}))
    select c.id, c.organization_id as "organizationId", c.given_name as "givenName", c.family_name as "familyName",
      to_char(c.date_of_birth, 'YYYY-MM-DD') as "dateOfBirth",
      similarity(c.search_name, ${q.key})::float8 as "nameSimilarity",
      greatest(similarity(client_search_key(c.given_name), ${q.givenKey}), word_similarity(${q.givenKey}, c.search_name))::float8 as "givenSimilarity",
      greatest(similarity(client_search_key(c.family_name), ${q.familyKey}), word_similarity(${q.familyKey}, c.search_name))::float8 as "familySimilarity",
      case
        when ${q.dates?.exact ?? null}::date is null then 'none'
        when c.date_of_birth = ${q.dates?.exact ?? null}::date then 'exact'
        when c.date_of_birth = ${q.dates?.swapped ?? null}::date then 'swapped'
        when c.date_of_birth = any(${q.dates?.yearOff ?? []}::date[]) then 'year_off'
        else 'none' end as "dateMatch",
      ${q.externalId ? sql`exists (select 1 from client_external_ids e where e.client_id = c.id and e.kind = ${q.externalId.kind} and e.value = ${q.externalId.value})` : sql`false`} as "externalIdMatch"
    from clients c join ids on ids.id = c.id`.execute(trx);
  return rows;
}

// Serializes changes that number a client's history (assessments): one writer at a time per client.
// Locks the row for a change, and returns what a change is checked against.
export async function lockClientRow(
  db: DbOrTrx,
  clientId: string,
): Promise<{ interpreterNeeded: boolean; interpreterLanguage: string | null } | undefined> {
  return db
    .selectFrom('clients')
    .select(['interpreterNeeded', 'interpreterLanguage'])
    .where('id', '=', clientId)
    .forUpdate()
    .executeTakeFirst();
}

export async function selectStatusChanges(db: DbOrTrx, clientId: string) {
  const rows = await db
    .selectFrom('clientStatusChanges')
    .innerJoin('organizations', 'organizations.id', 'clientStatusChanges.organizationId')
    .select([
      'clientStatusChanges.id',
      'clientStatusChanges.kind',
      'clientStatusChanges.closedReason',
      'clientStatusChanges.organizationId',
      'organizations.name as organizationName',
      'clientStatusChanges.createdAt',
    ])
    .where('clientStatusChanges.clientId', '=', clientId)
    .orderBy('clientStatusChanges.createdAt')
    .execute();
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function updateHolder(
  db: DbOrTrx,
  clientId: string,
  organizationId: string,
  changedBy: string | null,
  note: string,
): Promise<void> {
  await db.updateTable('clients').set({ organizationId }).where('id', '=', clientId).execute();
  const { status } = await db
    .selectFrom('clients')
    .select('status')
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('clientStatusChanges')
    .values({ clientId, status, kind: 'transferred', note, changedBy, organizationId })
    .execute();
}

// Applies a change to the record; lists are replaced, barriers set kind by kind.
export async function updateClientRecord(
  db: DbOrTrx,
  clientId: string,
  patch: Omit<ClientPatch, 'postalCode'> & { postalCode?: string | null; neighbourhoodId?: number | null },
): Promise<void> {
  const { workHistory, barriers, accommodations, externalIds, goals, ...columns } = patch;
  const set = {
    ...columns,
    ...(goals
      ? {
          goalStatement: goals.statement ?? null,
          targetNocCodes: goals.targetNocCodes,
          hoursWanted: goals.hoursWanted ?? null,
          timeHorizon: goals.timeHorizon ?? null,
        }
      : {}),
  };
  if (Object.keys(set).length > 0) await db.updateTable('clients').set(set).where('id', '=', clientId).execute();
  else await db.updateTable('clients').set({ updatedAt: new Date() }).where('id', '=', clientId).execute();
  if (workHistory) {
    await db.deleteFrom('clientWorkHistory').where('clientId', '=', clientId).execute();
    if (workHistory.length > 0) {
      await db
        .insertInto('clientWorkHistory')
        .values(
          workHistory.map((w) => ({
            clientId,
            nocCode: w.nocCode,
            jobTitle: w.jobTitle ?? null,
            employerName: w.employerName ?? null,
            startDate: w.startDate,
            endDate: w.endDate ?? null,
            hoursPerWeek: w.hoursPerWeek ?? null,
          })),
        )
        .execute();
    }
  }
  for (const b of barriers ?? []) {
    await db
      .insertInto('clientBarriers')
      .values({ clientId, kind: b.kind, status: b.status })
      .onConflict((oc) => oc.columns(['clientId', 'kind']).doUpdateSet({ status: b.status }))
      .execute();
  }
  if (accommodations) {
    await db.deleteFrom('clientAccommodations').where('clientId', '=', clientId).execute();
    if (accommodations.length > 0) {
      await db
        .insertInto('clientAccommodations')
        .values(
          accommodations.map((a) => ({
            clientId,
            kind: a.kind,
            disabilityRelated: a.disabilityRelated,
            description: a.description ?? null,
          })),
        )
        .execute();
    }
  }
  if (externalIds) {
    await db.deleteFrom('clientExternalIds').where('clientId', '=', clientId).execute();
    if (externalIds.length > 0)
      await db
        .insertInto('clientExternalIds')
        .values(externalIds.map((e) => ({ clientId, kind: e.kind, value: e.value })))
        .execute();
  }
}

export async function insertStatusChange(
  db: DbOrTrx,
  row: {
    clientId: string;
    status: 'active' | 'on_hold' | 'closed';
    kind: 'on_hold' | 'resumed' | 'closed' | 'reopened';
    closedReason: ClientsTable['closedReason'];
    note: string | null;
    changedBy: string | null;
    organizationId: string;
  },
): Promise<void> {
  await db
    .updateTable('clients')
    .set({ status: row.status, closedReason: row.closedReason })
    .where('id', '=', row.clientId)
    .execute();
  await db.insertInto('clientStatusChanges').values(row).execute();
}

export async function insertAttachment(
  db: DbOrTrx,
  row: {
    clientId: string;
    organizationId: string;
    uploadedBy: string | null;
    kind: 'resume' | 'signed_consent' | 'other';
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    content: Buffer;
  },
): Promise<string> {
  return (await db.insertInto('clientAttachments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function selectAttachments(db: DbOrTrx, clientId: string) {
  const rows = await db
    .selectFrom('clientAttachments')
    .select(['id', 'clientId', 'organizationId', 'kind', 'fileName', 'contentType', 'sizeBytes', 'sha256', 'createdAt'])
    .where('clientId', '=', clientId)
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function selectAttachmentContent(db: DbOrTrx, clientId: string, id: string) {
  return db
    .selectFrom('clientAttachments')
    .select(['kind', 'fileName', 'contentType', 'content'])
    .where('id', '=', id)
    .where('clientId', '=', clientId)
    .executeTakeFirst();
}

export async function insertAccessRequest(
  db: DbOrTrx,
  row: { clientId: string; requestingOrganizationId: string; requestedBy: string | null; reason: string },
): Promise<string> {
  return (await db.insertInto('clientAccessRequests').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function openAccessRequestExists(db: DbOrTrx, clientId: string, organizationId: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('clientAccessRequests')
      .select('id')
      .where('clientId', '=', clientId)
      .where('requestingOrganizationId', '=', organizationId)
      .where('status', '=', 'open')
      .executeTakeFirst()) !== undefined
  );
}

type AccessRequestFilter = {
  holderOrganizationId?: string;
  requestingOrganizationId?: string;
  status?: string;
  id?: string;
};

function accessRequestQuery(db: DbOrTrx, filter: AccessRequestFilter) {
  let q = db
    .selectFrom('clientAccessRequests as r')
    .innerJoin('clients as c', 'c.id', 'r.clientId')
    .innerJoin('organizations as o', 'o.id', 'r.requestingOrganizationId')
    .select([
      'r.id',
      'r.clientId',
      'c.organizationId as holderOrganizationId',
      'r.requestingOrganizationId',
      'o.name as requestingOrganizationName',
      'r.reason',
      'r.status',
      'r.createdAt',
      'r.answeredAt',
      'r.requestedBy',
    ]);
  if (filter.holderOrganizationId) q = q.where('c.organizationId', '=', filter.holderOrganizationId);
  if (filter.requestingOrganizationId) q = q.where('r.requestingOrganizationId', '=', filter.requestingOrganizationId);
  if (filter.status) q = q.where('r.status', '=', filter.status as 'open');
  if (filter.id) q = q.where('r.id', '=', filter.id);
  return q;
}

export async function selectAccessRequests(db: DbOrTrx, filter: AccessRequestFilter) {
  return accessRequestQuery(db, filter).orderBy('r.createdAt', 'desc').orderBy('r.id').limit(500).execute();
}

// A page of a list, newest first, with the true total.
export async function selectAccessRequestPage(
  db: DbOrTrx,
  filter: AccessRequestFilter,
  page: { limit: number; offset: number },
) {
  const rows = await accessRequestQuery(db, filter)
    .select(sql<string>`count(*) over ()`.as('fullCount'))
    .orderBy('r.createdAt', 'desc')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  let total = rows[0] ? Number(rows[0].fullCount) : 0;
  // Past the last page the window has no row to count on.
  if (rows.length === 0 && page.offset > 0) {
    const counted = await accessRequestQuery(db, filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    total = Number(counted?.n ?? 0);
  }
  return { rows: rows.map(({ fullCount: _, ...row }) => row), total };
}

export async function lockAccessRequest(db: DbOrTrx, id: string) {
  return db
    .selectFrom('clientAccessRequests')
    .select(['id', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function answerAccessRequest(
  db: DbOrTrx,
  id: string,
  row: { status: 'granted' | 'declined'; answeredBy: string | null; consentId: string | null },
): Promise<void> {
  await db
    .updateTable('clientAccessRequests')
    .set({ ...row, answeredAt: new Date() })
    .where('id', '=', id)
    .execute();
}
