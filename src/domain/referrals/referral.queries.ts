import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { ReferralReason, ReferralStatus } from './referral-vocabulary.ts';
import type { Actor } from '../../access/actor.ts';
import { clientVisible } from '../../access/client-predicate.ts';
import type { Referral, ReferralEvent, ReferralListQuery } from './referral.ts';

// Raw SQL (sql<Row>): one column list joining the two agencies, the program, the people and the client's
// account, with `overdue` computed against the caller's today; the client's name only where the
// reader's client page would show it (the one client predicate, access/client-predicate.ts).
type Row = Omit<Referral, 'from' | 'to' | 'service' | 'toUser' | 'handledBy' | 'sentBy'> & {
  fromId: string;
  fromName: string;
  toId: string;
  toName: string;
  serviceId: string | null;
  serviceName: string | null;
  serviceNameFr: string | null;
  toUserId: string | null;
  toUserName: string | null;
  handledById: string | null;
  handledByName: string | null;
  sentById: string | null;
  sentByName: string | null;
  clientAccountUserId: string | null;
  planStepId: string | null;
  respondTaskId: string | null;
  startTaskId: string | null;
};
export type ReferralRow = Referral & {
  clientAccountUserId: string | null;
  planStepId: string | null;
  respondTaskId: string | null;
  startTaskId: string | null;
};

const name = (viewer: Actor, today: string) =>
  sql`case when ${clientVisible(viewer, 'client.read', 'identity_contact', { today })}
    then coalesce(c.preferred_name, c.given_name) || ' ' || c.family_name end`;

const columns = (
  viewer: Actor,
  today: string,
) => sql`r.id, r.client_id as "clientId", ${name(viewer, today)} as "clientName",
  f.id as "fromId", f.name as "fromName", o.id as "toId", o.name as "toName",
  s.id as "serviceId", s.name as "serviceName", s.name_fr as "serviceNameFr", tu.id as "toUserId", tu.display_name as "toUserName",
  hb.id as "handledById", hb.display_name as "handledByName", sb.id as "sentById", sb.display_name as "sentByName",
  r.note, r.status, r.reason, r.reason_note as "reasonNote", r.issue_open as "issueOpen",
  r.policy_version as "policyVersion", to_char(r.acknowledge_due_on, 'YYYY-MM-DD') as "acknowledgeDueOn",
  to_char(r.first_service_due_on, 'YYYY-MM-DD') as "firstServiceDueOn",
  to_json(r.created_at)#>>'{}' as "sentAt", to_json(r.received_at)#>>'{}' as "receivedAt",
  to_json(r.accepted_at)#>>'{}' as "acceptedAt", to_json(r.enrolled_at)#>>'{}' as "enrolledAt",
  to_json(r.closed_at)#>>'{}' as "closedAt", to_json(r.updated_at)#>>'{}' as "updatedAt",
  case when r.status = 'sent' and r.acknowledge_due_on < ${today}::date then 'acknowledge'
    when r.status = 'accepted' and r.first_service_due_on < ${today}::date then 'first_service' end as overdue,
  (select u.id from users u where u.client_id = r.client_id limit 1) as "clientAccountUserId",
  r.plan_step_id as "planStepId", r.respond_task_id as "respondTaskId", r.start_task_id as "startTaskId"`;

const from = sql`referrals r join clients c on c.id = r.client_id
  join organizations f on f.id = r.from_organization_id join organizations o on o.id = r.to_organization_id
  left join services s on s.id = r.service_id left join users tu on tu.id = r.to_user_id
  left join users hb on hb.id = r.handled_by left join users sb on sb.id = r.sent_by`;

const iso = (s: string | null) => (s ? new Date(s).toISOString() : null);
const party = (id: string | null, label: string | null) => (id && label !== null ? { id, name: label } : null);

function shape(r: Row): ReferralRow {
  return {
    id: r.id,
    clientId: r.clientId,
    clientName: r.clientName,
    from: { id: r.fromId, name: r.fromName },
    to: { id: r.toId, name: r.toName },
    service:
      r.serviceId && r.serviceName !== null ? { id: r.serviceId, name: r.serviceName, nameFr: r.serviceNameFr } : null,
    toUser: party(r.toUserId, r.toUserName),
    handledBy: party(r.handledById, r.handledByName),
    sentBy: party(r.sentById, r.sentByName),
    note: r.note,
    status: r.status,
    reason: r.reason,
    reasonNote: r.reasonNote,
    issueOpen: r.issueOpen,
    policyVersion: r.policyVersion,
    acknowledgeDueOn: r.acknowledgeDueOn,
    firstServiceDueOn: r.firstServiceDueOn,
    sentAt: iso(r.sentAt)!,
    receivedAt: iso(r.receivedAt),
    acceptedAt: iso(r.acceptedAt),
    enrolledAt: iso(r.enrolledAt),
    closedAt: iso(r.closedAt),
    overdue: r.overdue,
    updatedAt: iso(r.updatedAt)!,
    clientAccountUserId: r.clientAccountUserId,
    planStepId: r.planStepId,
    respondTaskId: r.respondTaskId,
    startTaskId: r.startTaskId,
  };
}

export async function insertReferral(
  db: DbOrTrx,
  row: {
    clientId: string;
    fromOrganizationId: string;
    toOrganizationId: string;
    serviceId: string | null;
    toUserId: string | null;
    sentBy: string | null;
    note: string | null;
    policyVersion: string;
    acknowledgeDueOn: string;
    // The request's moment: a referral is dated by the app's clock, as its steps are.
    createdAt: Date;
  },
): Promise<string> {
  const { id } = await db.insertInto('referrals').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

// One referral, locked for the change about to be made to it (`lock`), as the viewer reads it.
export async function selectReferral(
  db: DbOrTrx,
  viewer: Actor,
  id: string,
  today: string,
  lock = false,
): Promise<ReferralRow | undefined> {
  if (lock) await db.selectFrom('referrals').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const { rows } = await sql<Row>`select ${columns(viewer, today)} from ${from} where r.id = ${id}`.execute(db);
  return rows[0] ? shape(rows[0]) : undefined;
}

// An open referral of the client to the same program (one at a time).
export async function openReferralTo(db: DbOrTrx, clientId: string, serviceId: string): Promise<boolean> {
  const found = await db
    .selectFrom('referrals')
    .select('id')
    .where('clientId', '=', clientId)
    .where('serviceId', '=', serviceId)
    .where('closedAt', 'is', null)
    .executeTakeFirst();
  return found !== undefined;
}

export async function setReferralLinks(
  db: DbOrTrx,
  id: string,
  links: {
    consentId?: string | null;
    planStepId?: string | null;
    respondTaskId?: string | null;
    startTaskId?: string | null;
  },
): Promise<void> {
  if (Object.keys(links).length > 0) await db.updateTable('referrals').set(links).where('id', '=', id).execute();
}

// Moves the referral to `status`, stamping the moment each milestone was first reached.
export async function updateReferralStatus(
  db: DbOrTrx,
  id: string,
  change: {
    status: ReferralStatus;
    reason: ReferralReason | null;
    reasonNote: string | null;
    handledBy: string | null | undefined;
    at: Date;
    firstServiceDueOn: string | undefined;
    closed: boolean;
  },
): Promise<void> {
  const { status, at } = change;
  await db
    .updateTable('referrals')
    .set((eb) => ({
      status,
      ...(change.closed ? { reason: change.reason, reasonNote: change.reasonNote, closedAt: at } : {}),
      ...(change.handledBy !== undefined ? { handledBy: change.handledBy } : {}),
      ...(change.firstServiceDueOn ? { firstServiceDueOn: change.firstServiceDueOn, acceptedAt: at } : {}),
      receivedAt: eb.fn.coalesce(
        'receivedAt',
        status === 'sent' ? sql<Date | null>`null` : sql<Date>`${at}::timestamptz`,
      ),
      ...(status === 'enrolled' ? { enrolledAt: at } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function setIssueOpen(db: DbOrTrx, id: string, open: boolean): Promise<void> {
  await db.updateTable('referrals').set({ issueOpen: open }).where('id', '=', id).execute();
}

export async function insertReferralEvent(
  db: DbOrTrx,
  row: {
    referralId: string;
    kind: 'status' | 'issue_raised' | 'issue_resolved' | 'rated';
    status: ReferralStatus | null;
    reason: ReferralReason | null;
    note: string | null;
    actorId: string | null;
    organizationId: string | null;
    at: Date;
  },
): Promise<void> {
  const { at, ...values } = row;
  await db
    .insertInto('referralEvents')
    .values({ ...values, createdAt: at })
    .execute();
}

export async function selectReferralEvents(db: DbOrTrx, referralId: string): Promise<ReferralEvent[]> {
  const rows = await db
    .selectFrom('referralEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    .leftJoin('organizations as o', 'o.id', 'e.organizationId')
    .select([
      'e.id',
      'e.kind',
      'e.status',
      'e.reason',
      'e.note',
      'u.displayName as actorName',
      'o.id as organizationId',
      'o.name as organizationName',
      'e.createdAt',
    ])
    .where('e.referralId', '=', referralId)
    .orderBy('e.createdAt')
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    reason: r.reason,
    note: r.note,
    actorName: r.actorName,
    organization: r.organizationId && r.organizationName ? { id: r.organizationId, name: r.organizationName } : null,
    at: r.createdAt.toISOString(),
  }));
}

export async function upsertRating(
  db: DbOrTrx,
  row: {
    referralId: string;
    rater: 'receiving_worker' | 'client';
    fit: 'good' | 'partial' | 'poor';
    comment: string | null;
    ratedBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto('referralRatings')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['referralId', 'rater']).doUpdateSet({ fit: row.fit, comment: row.comment, ratedBy: row.ratedBy }),
    )
    .execute();
}

export async function selectRatings(db: DbOrTrx, referralId: string) {
  const rows = await db
    .selectFrom('referralRatings')
    .select(['rater', 'fit', 'comment', 'updatedAt'])
    .where('referralId', '=', referralId)
    .orderBy('rater')
    .execute();
  return rows.map((r) => ({ rater: r.rater, fit: r.fit, comment: r.comment, at: r.updatedAt.toISOString() }));
}

// An agency's inbox (sent to it) or outbox (sent by it), newest first, or one client's referrals as
// the reader reaches them (`organizationId` null: all of them, for the agency holding the file).
export async function selectReferrals(
  db: DbOrTrx,
  viewer: Actor,
  of: { box: 'inbox' | 'outbox'; organizationId: string } | { clientId: string; organizationId: string | null },
  query: Pick<ReferralListQuery, 'status' | 'overdue' | 'page' | 'perPage'>,
  today: string,
  // Whether to count every match (a page of a list); a file's own referrals need no count.
  withTotal = true,
): Promise<{ items: ReferralRow[]; total: number }> {
  const side: RawBuilder<unknown> =
    'box' in of
      ? of.box === 'inbox'
        ? sql`r.to_organization_id = ${of.organizationId}`
        : sql`r.from_organization_id = ${of.organizationId}`
      : of.organizationId === null
        ? sql`r.client_id = ${of.clientId}`
        : sql`r.client_id = ${of.clientId} and (r.from_organization_id = ${of.organizationId} or r.to_organization_id = ${of.organizationId})`;
  const status =
    query.status === 'all'
      ? sql``
      : query.status === 'open'
        ? sql`and r.closed_at is null`
        : sql`and r.status = ${query.status}`;
  const overdue =
    query.overdue === 'true'
      ? sql`and ((r.status = 'sent' and r.acknowledge_due_on < ${today}::date) or (r.status = 'accepted' and r.first_service_due_on < ${today}::date))`
      : sql``;
  const where = sql`${side} ${status} ${overdue}`;
  const { rows } = await sql<Row>`select ${columns(viewer, today)} from ${from}
    where ${where} order by r.created_at desc, r.id desc
    limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`.execute(db);
  if (!withTotal) return { items: rows.map(shape), total: rows.length };
  const { rows: count } = await sql<{ n: string }>`select count(*) as n from referrals r where ${where}`.execute(db);
  return { items: rows.map(shape), total: Number(count[0]?.n ?? 0) };
}

// Referrals whose deadline passed with nobody told yet, claimed with SKIP LOCKED (several server
// processes may sweep at once) and marked as announced in the same statement.
export async function claimOverdueReferrals(
  db: DbOrTrx,
  which: 'acknowledge' | 'first_service',
  at: { now: Date; today: string },
  limit: number,
): Promise<{ id: string; clientId: string; fromOrganizationId: string; toOrganizationId: string; people: string[] }[]> {
  const [mark, due, status] =
    which === 'acknowledge'
      ? [sql.ref('acknowledge_overdue_notified_at'), sql.ref('acknowledge_due_on'), 'sent']
      : [sql.ref('first_service_overdue_notified_at'), sql.ref('first_service_due_on'), 'accepted'];
  const { rows } = await sql<{
    id: string;
    clientId: string;
    fromOrganizationId: string;
    toOrganizationId: string;
    people: string[];
  }>`
    update referrals r set ${mark} = ${at.now}
    where r.id in (
      select id from referrals
      where status = ${status} and ${mark} is null and ${due} < ${at.today}::date
      order by ${due} limit ${limit} for update skip locked)
    returning r.id, r.client_id as "clientId", r.from_organization_id as "fromOrganizationId",
      r.to_organization_id as "toOrganizationId",
      array_remove(array[r.sent_by, r.handled_by, r.to_user_id,
        (select k.assigned_to from tasks k where k.id = coalesce(r.start_task_id, r.respond_task_id))], null) as people`.execute(
    db,
  );
  return rows;
}

// A client's referral steps, newest first, for the timeline: what happened, to which program or agency.
export async function selectClientReferralEvents(
  db: DbOrTrx,
  clientId: string,
  organizationId: string | null,
  limit: number,
) {
  let query = db
    .selectFrom('referralEvents as e')
    .innerJoin('referrals as r', 'r.id', 'e.referralId')
    .innerJoin('organizations as o', 'o.id', 'r.toOrganizationId')
    .leftJoin('organizations as a', 'a.id', 'e.organizationId')
    .leftJoin('services as s', 's.id', 'r.serviceId')
    .select([
      'e.id',
      'e.referralId',
      'e.kind',
      'e.status',
      'e.reason',
      'e.note',
      'e.createdAt',
      'e.organizationId',
      'a.name as organizationName',
      'o.name as toName',
      's.name as serviceName',
    ])
    .where('r.clientId', '=', clientId);
  if (organizationId !== null)
    query = query.where((eb) =>
      eb.or([eb('r.fromOrganizationId', '=', organizationId), eb('r.toOrganizationId', '=', organizationId)]),
    );
  const rows = await query.orderBy('e.createdAt', 'desc').orderBy('e.seq', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, at: r.createdAt.toISOString() }));
}
