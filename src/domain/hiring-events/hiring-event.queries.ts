import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { clientVisible } from '../../access/client-predicate.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { HiringEventKind, HiringEventStatus, HiringEventWhen } from './hiring-event-vocabulary.ts';

// All SQL of employer events. They write hiring_events, hiring_event_employers, hiring_event_jobs and
// hiring_event_registrations, and read organizations, job orders, placements and (for names, through
// the access layer's predicate) clients.

export type HiringEventRow = {
  id: string;
  organizationId: string;
  hostName: string;
  hostNameFr: string | null;
  kind: HiringEventKind;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  online: boolean;
  address: string | null;
  postalCode: string | null;
  capacity: number | null;
  status: HiringEventStatus;
  createdAt: Date;
  updatedAt: Date;
};

export type HiringEventColumns = {
  kind: HiringEventKind;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  online: boolean;
  address: string | null;
  postalCode: string | null;
  capacity: number | null;
};

export async function insertHiringEvent(
  trx: Trx,
  owner: { organizationId: string; createdBy: string | null },
  columns: HiringEventColumns,
): Promise<string> {
  const { id } = await trx
    .insertInto('hiringEvents')
    .values({ ...owner, ...columns })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateHiringEventRow(
  trx: Trx,
  id: string,
  columns: Partial<HiringEventColumns> & { status?: HiringEventStatus },
): Promise<void> {
  await trx.updateTable('hiringEvents').set(columns).where('id', '=', id).execute();
}

export async function selectHiringEvent(db: DbOrTrx, id: string, lock = false): Promise<HiringEventRow | undefined> {
  if (lock) await db.selectFrom('hiringEvents').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return db
    .selectFrom('hiringEvents as h')
    .innerJoin('organizations as o', 'o.id', 'h.organizationId')
    .select([
      'h.id',
      'h.organizationId',
      'o.name as hostName',
      'o.nameFr as hostNameFr',
      'h.kind',
      'h.title',
      'h.description',
      'h.startsAt',
      'h.endsAt',
      'h.online',
      'h.address',
      'h.postalCode',
      'h.capacity',
      'h.status',
      'h.createdAt',
      'h.updatedAt',
    ])
    .where('h.id', '=', id)
    .executeTakeFirst();
}

export type SummaryRow = Omit<HiringEventRow, 'description' | 'capacity' | 'createdAt' | 'updatedAt'> & {
  employers: number;
  jobsOnOffer: number;
};

// A page of events, soonest first for those to come and latest first for those past.
export async function selectHiringEvents(
  db: DbOrTrx,
  filter: { when: HiringEventWhen; kind?: HiringEventKind; employerId?: string; now: Date },
  page: { limit: number; offset: number },
): Promise<{ rows: SummaryRow[]; total: number }> {
  const filters: RawBuilder<unknown>[] = [sql`true`];
  if (filter.when === 'upcoming') filters.push(sql`h.ends_at >= ${filter.now}`);
  if (filter.when === 'past') filters.push(sql`h.ends_at < ${filter.now}`);
  if (filter.kind) filters.push(sql`h.kind = ${filter.kind}`);
  if (filter.employerId)
    filters.push(
      sql`exists (select 1 from hiring_event_employers x where x.event_id = h.id and x.employer_id = ${filter.employerId})`,
    );
  const where = sql.join(filters, sql` and `);
  const order = filter.when === 'past' ? sql`h.starts_at desc, h.id` : sql`h.starts_at, h.id`;
  const { rows } = await sql<SummaryRow>`select h.id, h.organization_id as "organizationId", o.name as "hostName",
      o.name_fr as "hostNameFr", h.kind, h.title, h.starts_at as "startsAt", h.ends_at as "endsAt", h.online,
      h.address, h.postal_code as "postalCode", h.status,
      (select count(*)::int from hiring_event_employers x where x.event_id = h.id) as employers,
      (select count(*)::int from hiring_event_jobs x where x.event_id = h.id) as "jobsOnOffer"
    from hiring_events h join organizations o on o.id = h.organization_id
    where ${where} order by ${order} limit ${page.limit} offset ${page.offset}`.execute(db);
  const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from hiring_events h
    where ${where}`.execute(db);
  return { rows, total: count[0]?.n ?? 0 };
}

export type ParticipantRow = {
  id: string;
  name: string;
  nameFr: string | null;
  jobs: { id: string; title: string; nocCode: string; openings: number; status: string }[];
};

export async function selectParticipants(db: DbOrTrx, eventId: string): Promise<ParticipantRow[]> {
  const { rows } = await sql<ParticipantRow>`select o.id, o.name, o.name_fr as "nameFr",
      coalesce((select json_agg(json_build_object('id', j.id, 'title', j.title, 'nocCode', j.noc_code,
          'openings', j.openings, 'status', j.status) order by j.title, j.id)
        from hiring_event_jobs x join job_orders j on j.id = x.job_order_id
        where x.event_id = x2.event_id and x.employer_id = x2.employer_id), '[]'::json) as jobs
    from hiring_event_employers x2 join organizations o on o.id = x2.employer_id
    where x2.event_id = ${eventId}
    order by o.name, o.id`.execute(db);
  return rows;
}

export async function selectOrganizationType(db: DbOrTrx, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('organizations').select('type').where('id', '=', id).executeTakeFirst();
  return row?.type;
}

export async function isParticipant(db: DbOrTrx, eventId: string, employerId: string): Promise<boolean> {
  const row = await db
    .selectFrom('hiringEventEmployers')
    .select('employerId')
    .where('eventId', '=', eventId)
    .where('employerId', '=', employerId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function upsertParticipant(
  trx: Trx,
  row: { eventId: string; employerId: string; addedBy: string | null; addedByOrganizationId: string },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('hiringEventEmployers')
    .values(row)
    .onConflict((oc) => oc.columns(['eventId', 'employerId']).doNothing())
    .returning('employerId')
    .executeTakeFirst();
  return inserted !== undefined;
}

// The employer's job orders on offer become exactly these.
export async function replaceEventJobs(
  trx: Trx,
  eventId: string,
  employerId: string,
  jobOrderIds: readonly string[],
): Promise<void> {
  await trx.deleteFrom('hiringEventJobs').where('eventId', '=', eventId).where('employerId', '=', employerId).execute();
  if (jobOrderIds.length > 0)
    await trx
      .insertInto('hiringEventJobs')
      .values(jobOrderIds.map((jobOrderId) => ({ eventId, employerId, jobOrderId })))
      .execute();
}

export async function deleteParticipant(trx: Trx, eventId: string, employerId: string): Promise<boolean> {
  await trx.deleteFrom('hiringEventJobs').where('eventId', '=', eventId).where('employerId', '=', employerId).execute();
  const deleted = await trx
    .deleteFrom('hiringEventEmployers')
    .where('eventId', '=', eventId)
    .where('employerId', '=', employerId)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

export async function selectJobOrdersOf(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('jobOrders').select(['id', 'employerId', 'status', 'title']).where('id', 'in', ids).execute();
}

export async function isJobOnOffer(db: DbOrTrx, eventId: string, jobOrderId: string): Promise<boolean> {
  const row = await db
    .selectFrom('hiringEventJobs')
    .select('jobOrderId')
    .where('eventId', '=', eventId)
    .where('jobOrderId', '=', jobOrderId)
    .executeTakeFirst();
  return row !== undefined;
}

// What the event gave: registrations and attendance (cancelled ones aside), and the placements proposed
// from it, those that reached an interview (or went past it) and the hires.
export async function selectResults(db: DbOrTrx, eventId: string) {
  const { rows } = await sql<{
    registered: number;
    attended: number;
    proposed: number;
    interviews: number;
    hires: number;
  }>`select
      (select count(*)::int from hiring_event_registrations r where r.event_id = ${eventId} and r.cancelled_at is null) as registered,
      (select count(*)::int from hiring_event_registrations r where r.event_id = ${eventId} and r.attended) as attended,
      (select count(*)::int from placements p where p.hiring_event_id = ${eventId}) as proposed,
      (select count(*)::int from placements p where p.hiring_event_id = ${eventId}
        and (p.interview_at is not null or p.status in ('interview', 'offer', 'hired')
          or exists (select 1 from placement_events e where e.placement_id = p.id and e.status = 'interview'))) as interviews,
      (select count(*)::int from placements p where p.hiring_event_id = ${eventId} and p.status = 'hired') as hires`.execute(
    db,
  );
  return rows[0]!;
}

export async function selectAgencyCounts(db: DbOrTrx, eventId: string, organizationId: string) {
  const { rows } = await sql<{ registered: number; attended: number }>`select
      count(*) filter (where r.cancelled_at is null)::int as registered,
      count(*) filter (where r.attended)::int as attended
    from hiring_event_registrations r where r.event_id = ${eventId} and r.organization_id = ${organizationId}`.execute(
    db,
  );
  return rows[0] ?? { registered: 0, attended: 0 };
}

export async function countActiveRegistrations(db: DbOrTrx, eventId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from hiring_event_registrations
    where event_id = ${eventId} and cancelled_at is null`.execute(db);
  return rows[0]?.n ?? 0;
}

export type RegistrationRow = {
  id: string;
  eventId: string;
  eventTitle: string;
  eventKind: HiringEventKind;
  eventStatus: HiringEventStatus;
  eventStartsAt: Date;
  clientId: string;
  clientName: string | null;
  organizationId: string;
  agencyName: string;
  agencyNameFr: string | null;
  registeredAt: Date;
  attended: boolean | null;
  cancelledAt: Date | null;
};

// Registrations, each client named where the reader's client page would name them.
export async function selectRegistrations(
  db: DbOrTrx,
  viewer: Actor,
  scope: { eventId: string; organizationId: string } | { clientId: string; organizationIds: readonly string[] | 'all' },
  page: { limit: number; offset: number },
  today: string,
): Promise<{ rows: RegistrationRow[]; total: number }> {
  const filters: RawBuilder<unknown>[] = [];
  if ('eventId' in scope)
    filters.push(sql`r.event_id = ${scope.eventId} and r.organization_id = ${scope.organizationId}`);
  else {
    filters.push(sql`r.client_id = ${scope.clientId}`);
    if (scope.organizationIds !== 'all')
      filters.push(sql`r.organization_id = any(${[...scope.organizationIds]}::uuid[])`);
  }
  const where = sql.join(filters, sql` and `);
  const { rows } = await sql<RegistrationRow>`select r.id, r.event_id as "eventId", h.title as "eventTitle",
      h.kind as "eventKind", h.status as "eventStatus", h.starts_at as "eventStartsAt", r.client_id as "clientId",
      case when ${clientVisible(viewer, 'client.read', 'identity_contact', { today })}
        then coalesce(c.preferred_name, c.given_name) || ' ' || c.family_name end as "clientName",
      r.organization_id as "organizationId", a.name as "agencyName", a.name_fr as "agencyNameFr",
      r.registered_at as "registeredAt", r.attended, r.cancelled_at as "cancelledAt"
    from hiring_event_registrations r join hiring_events h on h.id = r.event_id
      join clients c on c.id = r.client_id join organizations a on a.id = r.organization_id
    where ${where}
    order by ${'eventId' in scope ? sql`r.cancelled_at nulls first, c.family_name, c.given_name, r.id` : sql`h.starts_at desc, r.id`}
    limit ${page.limit} offset ${page.offset}`.execute(db);
  const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from hiring_event_registrations r
    where ${where}`.execute(db);
  return { rows, total: count[0]?.n ?? 0 };
}

export async function selectRegistrationRow(trx: Trx, id: string) {
  return trx.selectFrom('hiringEventRegistrations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function selectRegistrationOf(db: DbOrTrx, eventId: string, clientId: string) {
  return db
    .selectFrom('hiringEventRegistrations')
    .selectAll()
    .where('eventId', '=', eventId)
    .where('clientId', '=', clientId)
    .executeTakeFirst();
}

export async function insertRegistration(
  trx: Trx,
  row: { eventId: string; clientId: string; organizationId: string; registeredBy: string | null; registeredAt: Date },
): Promise<string> {
  const { id } = await trx.insertInto('hiringEventRegistrations').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

// A cancelled registration registered again starts over.
export async function reopenRegistration(
  trx: Trx,
  id: string,
  row: { organizationId: string; registeredBy: string | null },
): Promise<void> {
  await trx
    .updateTable('hiringEventRegistrations')
    .set({
      ...row,
      cancelledAt: null,
      attended: null,
      attendanceRecordedBy: null,
      attendanceRecordedAt: null,
    })
    .where('id', '=', id)
    .execute();
}

export async function updateRegistration(
  trx: Trx,
  id: string,
  set: {
    attended?: boolean | null;
    attendanceRecordedBy?: string | null;
    attendanceRecordedAt?: Date | null;
    cancelledAt?: Date;
  },
): Promise<void> {
  await trx.updateTable('hiringEventRegistrations').set(set).where('id', '=', id).execute();
}

// The workers who registered clients still coming (active accounts): they hear when an event is cancelled.
export async function selectRegistrars(db: DbOrTrx, eventId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select distinct r.registered_by as id from hiring_event_registrations r
      join users u on u.id = r.registered_by
    where r.event_id = ${eventId} and r.cancelled_at is null and u.status = 'active'`.execute(db);
  return rows.map((r) => r.id);
}

export async function selectParticipantIds(db: DbOrTrx, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('hiringEventEmployers')
    .select('employerId')
    .where('eventId', '=', eventId)
    .execute();
  return rows.map((r) => r.employerId);
}
