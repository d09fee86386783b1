import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { clientVisible } from '../../access/client-predicate.ts';
import { employerSeesName } from '../../access/policies/placement.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type {
  EvaluationInput,
  PlacementListQuery,
  PlacementReason,
  PlacementStatus,
  PlacementSummary,
} from './placement.ts';

export type PlacementRow = {
  id: string;
  clientId: string;
  jobOrderId: string;
  employerId: string;
  organizationId: string;
  proposedBy: string | null;
  status: PlacementStatus;
  reason: PlacementReason | null;
  pitch: string | null;
  consentId: string | null;
  sharedAt: Date | null;
  interviewAt: Date | null;
  employerTaskId: string | null;
  createdAt: Date;
  updatedAt: Date;
  clientAccountUserId: string | null;
  jobTitle: string;
  jobNocCode: string;
  jobHourlyWageCents: number;
  jobOpenings: number;
  jobStatus: string;
  jobClosingOn: string | null;
  holderOrganizationId: string;
  wilType: string | null;
  employerName: string;
  agencyName: string;
};

export async function insertPlacement(
  trx: Trx,
  row: {
    clientId: string;
    jobOrderId: string;
    employerId: string;
    organizationId: string;
    proposedBy: string | null;
    pitch: string | null;
    hiringEventId: string | null;
    createdAt: Date;
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('placements')
    .values({ ...row, updatedAt: row.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertPlacementEvent(
  trx: Trx,
  row: {
    placementId: string;
    status: PlacementStatus;
    reason: PlacementReason | null;
    note: string | null;
    actorId: string | null;
    organizationId: string;
    at: Date;
  },
): Promise<void> {
  await trx.insertInto('placementEvents').values(row).execute();
}

// An open placement of the client for the job order (one at a time).
export async function openPlacementFor(db: DbOrTrx, clientId: string, jobOrderId: string): Promise<boolean> {
  const found = await db
    .selectFrom('placements')
    .select('id')
    .where('clientId', '=', clientId)
    .where('jobOrderId', '=', jobOrderId)
    .where('status', 'not in', ['hired', 'not_hired', 'withdrawn'])
    .executeTakeFirst();
  return found !== undefined;
}

export async function selectPlacementRow(db: DbOrTrx, id: string, lock = false): Promise<PlacementRow | undefined> {
  if (lock) await db.selectFrom('placements').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const { rows } = await sql<PlacementRow>`select p.id, p.client_id as "clientId", p.job_order_id as "jobOrderId",
      p.employer_id as "employerId", p.organization_id as "organizationId", p.proposed_by as "proposedBy",
      p.status, p.reason, p.pitch, p.consent_id as "consentId", p.shared_at as "sharedAt",
      p.interview_at as "interviewAt", p.employer_task_id as "employerTaskId", p.created_at as "createdAt",
      p.updated_at as "updatedAt",
      (select u.id from users u where u.client_id = p.client_id limit 1) as "clientAccountUserId",
      j.title as "jobTitle", j.noc_code as "jobNocCode", j.hourly_wage_cents as "jobHourlyWageCents",
      j.openings as "jobOpenings", j.status as "jobStatus", j.closing_on as "jobClosingOn",
      (select c.organization_id from clients c where c.id = p.client_id) as "holderOrganizationId", j.wil_type as "wilType", e.name as "employerName", a.name as "agencyName"
    from placements p join job_orders j on j.id = p.job_order_id
      join organizations e on e.id = p.employer_id join organizations a on a.id = p.organization_id
    where p.id = ${id}`.execute(db);
  return rows[0];
}

export async function updatePlacement(
  trx: Trx,
  id: string,
  set: {
    status: PlacementStatus;
    reason?: PlacementReason | null;
    consentId?: string;
    sharedAt?: Date;
    interviewAt?: Date | null;
    employerTaskId?: string | null;
  },
): Promise<void> {
  await trx.updateTable('placements').set(set).where('id', '=', id).execute();
}

export type PlacementEventRow = {
  status: PlacementStatus;
  reason: PlacementReason | null;
  note: string | null;
  organizationId: string;
  organizationName: string;
  at: Date;
};

export async function selectPlacementEvents(db: DbOrTrx, placementId: string): Promise<PlacementEventRow[]> {
  return db
    .selectFrom('placementEvents as v')
    .innerJoin('organizations as o', 'o.id', 'v.organizationId')
    .select(['v.status', 'v.reason', 'v.note', 'v.organizationId', 'o.name as organizationName', 'v.at'])
    .where('v.placementId', '=', placementId)
    .orderBy('v.seq')
    .execute();
}

export async function insertEvaluation(
  trx: Trx,
  row: EvaluationInput & { placementId: string; evaluatedBy: string | null; organizationId: string },
): Promise<string | undefined> {
  const inserted = await trx
    .insertInto('placementEvaluations')
    .values({ ...row, comments: row.comments ?? null })
    .onConflict((oc) => oc.columns(['placementId', 'periodEnd']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

export async function selectEvaluations(db: DbOrTrx, placementId: string) {
  return db
    .selectFrom('placementEvaluations')
    .select([
      'id',
      'periodEnd',
      'attendance',
      'punctuality',
      'jobSkills',
      'teamwork',
      'communication',
      'wouldHire',
      'comments',
      'createdAt',
    ])
    .where('placementId', '=', placementId)
    .orderBy('periodEnd')
    .execute();
}

export async function insertEmployment(
  trx: Trx,
  row: {
    clientId: string;
    placementId: string;
    employerId: string;
    organizationId: string;
    recordedBy: string | null;
    jobTitle: string;
    nocCode: string;
    startDate: string;
    hoursPerWeek: number;
    hourlyWageCents: number;
  },
): Promise<void> {
  await trx.insertInto('employments').values(row).execute();
}

export async function selectEmploymentOf(db: DbOrTrx, placementId: string) {
  return db
    .selectFrom('employments')
    .select(['id', 'jobTitle', 'nocCode', 'startDate', 'endDate', 'hoursPerWeek', 'hourlyWageCents'])
    .where('placementId', '=', placementId)
    .executeTakeFirst();
}

// How many hires the job order has: the openings it had are then filled.
export async function countHires(db: DbOrTrx, jobOrderId: string): Promise<number> {
  const row = await db
    .selectFrom('placements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('jobOrderId', '=', jobOrderId)
    .where('status', '=', 'hired')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type SummaryRow = Omit<
  PlacementSummary,
  'createdAt' | 'updatedAt' | 'sharedAt' | 'interviewAt' | 'job' | 'agency' | 'candidate'
> & {
  jobId: string;
  jobTitle: string;
  jobNocCode: string;
  employerId: string;
  employerName: string;
  agencyId: string;
  agencyName: string;
  clientId: string;
  clientName: string | null;
  sharedAt: Date | null;
  interviewAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function summary(r: SummaryRow, showClientId: boolean): PlacementSummary {
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    job: {
      id: r.jobId,
      title: r.jobTitle,
      nocCode: r.jobNocCode,
      employer: { id: r.employerId, name: r.employerName },
    },
    agency: { id: r.agencyId, name: r.agencyName },
    candidate: { id: showClientId ? r.clientId : null, name: r.clientName },
    sharedAt: iso(r.sharedAt),
    interviewAt: iso(r.interviewAt),
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
  };
}

// The placements a list shows, newest change first, with the candidate's name only where the reader may
// see it: the agency's staff as the file's own rule says; the employer where a consent in force names
// them for a placement with `identity_contact`.
export async function selectPlacements(
  db: DbOrTrx,
  viewer: Actor,
  scope:
    | { as: 'agency' | 'employer'; organizationId: string }
    | { as: 'client'; clientId: string; organizationIds: readonly string[] | 'all'; employerId?: string },
  query: PlacementListQuery,
  today: string,
): Promise<{ rows: PlacementSummary[]; total: number }> {
  const filters: RawBuilder<unknown>[] = [];
  if (scope.as === 'agency') filters.push(sql`p.organization_id = ${scope.organizationId}`);
  if (scope.as === 'employer') filters.push(sql`p.employer_id = ${scope.organizationId} and p.shared_at is not null`);
  if (scope.as === 'client') {
    filters.push(sql`p.client_id = ${scope.clientId}`);
    if (scope.organizationIds !== 'all')
      filters.push(sql`p.organization_id = any(${[...scope.organizationIds]}::uuid[])`);
  }
  if (query.status === 'open') filters.push(sql`p.status not in ('hired', 'not_hired', 'withdrawn')`);
  else if (query.status) filters.push(sql`p.status = ${query.status}`);
  if (query.jobOrderId) filters.push(sql`p.job_order_id = ${query.jobOrderId}`);
  const where = sql.join(filters, sql` and `);
  const named =
    scope.as === 'employer'
      ? employerSeesName(scope.organizationId, today)
      : clientVisible(viewer, 'client.read', 'identity_contact', { today });
  const { rows } = await sql<SummaryRow>`select p.id, p.status, p.reason, p.job_order_id as "jobId",
      j.title as "jobTitle", j.noc_code as "jobNocCode", p.employer_id as "employerId", e.name as "employerName",
      p.organization_id as "agencyId", a.name as "agencyName", p.client_id as "clientId",
      case when ${named} then coalesce(c.preferred_name, c.given_name) || ' ' || c.family_name end as "clientName",
      p.shared_at as "sharedAt", p.interview_at as "interviewAt", p.created_at as "createdAt", p.updated_at as "updatedAt"
    from placements p join clients c on c.id = p.client_id join job_orders j on j.id = p.job_order_id
      join organizations e on e.id = p.employer_id join organizations a on a.id = p.organization_id
    where ${where}
    order by p.updated_at desc, p.id
    limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`.execute(db);
  const { rows: count } = await sql<{ n: string }>`select count(*) as n from placements p where ${where}`.execute(db);
  return { rows: rows.map((r) => summary(r, scope.as !== 'employer')), total: Number(count[0]?.n ?? 0) };
}

// The candidate's fields an employer may read, each only if its category is shared (the caller decides).
export async function selectCandidate(db: DbOrTrx, clientId: string) {
  const client = await db
    .selectFrom('clients')
    .select([
      'givenName',
      'familyName',
      'preferredName',
      'email',
      'phone',
      'preferredLanguage',
      'targetNocCodes',
      'hoursWanted',
    ])
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow();
  const history = await db
    .selectFrom('clientWorkHistory')
    .select(['nocCode', 'startDate', 'endDate'])
    .where('clientId', '=', clientId)
    .orderBy('startDate', 'desc')
    .execute();
  return { ...client, history };
}

// Whether the user still works at the organization (a proposer who left: their managers hear instead).
export async function isActiveStaff(db: DbOrTrx, userId: string, organizationId: string): Promise<boolean> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('organizationId', '=', organizationId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return user !== undefined;
}

export type ClientPlacementEventRow = {
  id: string;
  placementId: string;
  status: 'proposed' | 'shared' | 'interview' | 'offer' | 'hired' | 'not_hired' | 'withdrawn';
  reason: string | null;
  at: Date;
  organizationId: string;
  organizationName: string;
  jobTitle: string;
  employerName: string;
};

// A client's placement steps, newest first, for the placements proposed by these agencies ('all': every
// placement, for the client's own account): the client's timeline.
export async function selectClientPlacementEvents(
  db: DbOrTrx,
  clientId: string,
  organizationIds: 'all' | readonly string[],
  limit: number,
): Promise<ClientPlacementEventRow[]> {
  if (organizationIds !== 'all' && organizationIds.length === 0) return [];
  const { rows } = await sql<ClientPlacementEventRow>`
    select e.id, e.placement_id as "placementId", e.status, e.reason, e.at, e.organization_id as "organizationId",
      o.name as "organizationName", j.title as "jobTitle", emp.name as "employerName"
    from placements p
      join placement_events e on e.placement_id = p.id
      join job_orders j on j.id = p.job_order_id
      join organizations emp on emp.id = p.employer_id
      join organizations o on o.id = e.organization_id
    where p.client_id = ${clientId}
      ${organizationIds === 'all' ? sql`` : sql`and p.organization_id in (${sql.join([...organizationIds])})`}
    order by e.at desc, e.seq desc
    limit ${limit}`.execute(db);
  return rows;
}
