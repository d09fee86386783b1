import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { Actor } from '../../access/actor.ts';
import { clientVisible } from '../../access/client-predicate.ts';
import type { AgencyTransfer, AgencyTransferQuery, Transfer } from './transfer.ts';

// `overdue` compares the release date with the caller's today (the city's date, a bound parameter).
// Raw SQL (sql<Transfer>): one column list joining both organizations' names, with `overdue` computed
// against the caller's today, shared by the list and the locked read.
const columns = (
  today: string,
) => sql`t.id, t.client_id as "clientId", t.from_organization_id as "fromOrganizationId", f.name as "fromOrganizationName",
  t.to_organization_id as "toOrganizationId", o.name as "toOrganizationName", t.requested_by_kind as "requestedByKind", t.reason, t.status,
  to_json(t.created_at)#>>'{}' as "requestedAt", to_json(t.accepted_at)#>>'{}' as "acceptedAt",
  to_char(t.release_due_on, 'YYYY-MM-DD') as "releaseDueOn", to_json(t.released_at)#>>'{}' as "releasedAt",
  t.policy_version as "policyVersion", (t.status = 'accepted' and t.release_due_on < ${today}::date) as overdue`;
const from = sql`transfers t join organizations f on f.id = t.from_organization_id join organizations o on o.id = t.to_organization_id`;
const iso = (s: string | null) => (s ? new Date(s).toISOString() : null);
const normalize = (r: Transfer): Transfer => ({
  ...r,
  requestedAt: iso(r.requestedAt)!,
  acceptedAt: iso(r.acceptedAt),
  releasedAt: iso(r.releasedAt),
});

export async function selectTransfers(
  db: DbOrTrx,
  clientId: string,
  organizationId: string | null,
  today: string,
): Promise<Transfer[]> {
  const { rows } = await sql<Transfer>`select ${columns(today)} from ${from} where t.client_id = ${clientId}
    ${organizationId ? sql`and (t.from_organization_id = ${organizationId} or t.to_organization_id = ${organizationId})` : sql``}
    order by t.created_at desc`.execute(db);
  return rows.map(normalize);
}

export async function selectTransferForUpdate(db: DbOrTrx, id: string, today: string): Promise<Transfer | undefined> {
  await db.selectFrom('transfers').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const { rows } = await sql<Transfer>`select ${columns(today)} from ${from} where t.id = ${id}`.execute(db);
  return rows[0] ? normalize(rows[0]) : undefined;
}

export async function openTransferExists(db: DbOrTrx, clientId: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('transfers')
      .select('id')
      .where('clientId', '=', clientId)
      .where('status', 'in', ['requested', 'accepted'])
      .executeTakeFirst()) !== undefined
  );
}

export type Acceptance = { by: string | null; at: Date; dueOn: string; policyVersion: string };

export async function insertTransfer(
  db: DbOrTrx,
  row: {
    clientId: string;
    fromOrganizationId: string;
    toOrganizationId: string;
    requestedBy: string | null;
    requestedByKind: 'client' | 'receiving_agency';
    reason: string | null;
    accepted: Acceptance | null;
  },
): Promise<string> {
  const { accepted, ...rest } = row;
  const { id } = await db
    .insertInto('transfers')
    .values({
      ...rest,
      status: accepted ? 'accepted' : 'requested',
      acceptedAt: accepted?.at ?? null,
      acceptedBy: accepted?.by ?? null,
      releaseDueOn: accepted?.dueOn ?? null,
      policyVersion: accepted?.policyVersion ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function markAccepted(db: DbOrTrx, id: string, accepted: Acceptance): Promise<void> {
  await db
    .updateTable('transfers')
    .set({
      status: 'accepted',
      acceptedAt: accepted.at,
      acceptedBy: accepted.by,
      releaseDueOn: accepted.dueOn,
      policyVersion: accepted.policyVersion,
    })
    .where('id', '=', id)
    .execute();
}

export async function markReleased(db: DbOrTrx, id: string, by: string | null, at: Date): Promise<void> {
  await db
    .updateTable('transfers')
    .set({ status: 'released', releasedAt: at, releasedBy: by })
    .where('id', '=', id)
    .execute();
}

export async function selectAcceptor(db: DbOrTrx, id: string): Promise<string | null> {
  return (
    await db
      .selectFrom('transfers')
      .select(['acceptedBy', 'requestedBy', 'requestedByKind'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).acceptedBy;
}

// Accepted transfers past their release date on `today`, as metadata; `organizationId` keeps those to or from it.
export async function selectOverdue(db: DbOrTrx, organizationId: string | null, today: string) {
  const { rows } = await sql<{
    transferId: string;
    fromOrganizationId: string;
    fromOrganizationName: string;
    toOrganizationId: string;
    toOrganizationName: string;
    requestedAt: string;
    acceptedAt: string;
    releaseDueOn: string;
    policyVersion: string | null;
  }>`
    select t.id as "transferId", t.from_organization_id as "fromOrganizationId", f.name as "fromOrganizationName",
      t.to_organization_id as "toOrganizationId", o.name as "toOrganizationName",
      to_json(t.created_at)#>>'{}' as "requestedAt", to_json(t.accepted_at)#>>'{}' as "acceptedAt", to_char(t.release_due_on, 'YYYY-MM-DD') as "releaseDueOn",
      t.policy_version as "policyVersion"
    from ${from}
    where t.status = 'accepted' and t.release_due_on < ${today}::date
      ${organizationId ? sql`and (t.from_organization_id = ${organizationId} or t.to_organization_id = ${organizationId})` : sql``}
    order by t.release_due_on, t.id limit 1000`.execute(db);
  return rows.map((r) => ({
    ...r,
    requestedAt: new Date(r.requestedAt).toISOString(),
    acceptedAt: new Date(r.acceptedAt).toISOString(),
  }));
}

// The consent and the tasks a transfer carries (0020), and who asked for it.
export async function setTransferLinks(
  db: DbOrTrx,
  id: string,
  links: { consentId?: string | null; acceptTaskId?: string | null; releaseTaskId?: string | null },
): Promise<void> {
  if (Object.keys(links).length === 0) return;
  await db.updateTable('transfers').set(links).where('id', '=', id).execute();
}

export async function selectTransferLinks(
  db: DbOrTrx,
  id: string,
): Promise<
  | { consentId: string | null; acceptTaskId: string | null; releaseTaskId: string | null; requestedBy: string | null }
  | undefined
> {
  return db
    .selectFrom('transfers')
    .select(['consentId', 'acceptTaskId', 'releaseTaskId', 'requestedBy'])
    .where('id', '=', id)
    .executeTakeFirst();
}

// An agency's transfers, newest first, with the client's name only where the viewer's client page would
// show it (the access layer's predicate: by the transfer's consent, or as the holder).
export async function selectAgencyTransfers(
  db: DbOrTrx,
  viewer: Actor,
  // One agency's transfers (one side with `direction`), one client's, or every transfer.
  of: { organizationId: string } | { clientId: string } | 'all',
  query: AgencyTransferQuery,
  today: string,
): Promise<{ items: AgencyTransfer[]; total: number }> {
  const side =
    of === 'all'
      ? sql`true`
      : 'clientId' in of
        ? sql`t.client_id = ${of.clientId}`
        : query.direction === 'incoming'
          ? sql`t.to_organization_id = ${of.organizationId}`
          : query.direction === 'outgoing'
            ? sql`t.from_organization_id = ${of.organizationId}`
            : sql`(t.to_organization_id = ${of.organizationId} or t.from_organization_id = ${of.organizationId})`;
  const where = sql`${side} ${query.status === 'open' ? sql`and t.status in ('requested', 'accepted')` : sql``}`;
  const { rows } = await sql<AgencyTransfer>`select ${columns(today)},
      case when ${clientVisible(viewer, 'client.read', 'identity_contact', { today })}
        then coalesce(c.preferred_name, c.given_name) || ' ' || c.family_name end as "clientName"
    from ${from} join clients c on c.id = t.client_id
    where ${where} order by t.created_at desc, t.id limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`.execute(
    db,
  );
  const { rows: count } = await sql<{ n: string }>`select count(*) as n from transfers t where ${where}`.execute(db);
  return { items: rows.map((r) => ({ ...normalize(r), clientName: r.clientName })), total: Number(count[0]?.n ?? 0) };
}

// Accepted transfers whose release date has passed and that nobody was told of yet, claimed with SKIP
// LOCKED so several server processes can sweep at once; each is marked as announced in the same step.
export async function claimOverdueReleases(
  db: DbOrTrx,
  at: { now: Date; today: string },
  limit: number,
): Promise<
  {
    id: string;
    clientId: string;
    fromOrganizationId: string;
    toOrganizationId: string;
    releaseAssignee: string | null;
  }[]
> {
  // Raw SQL: an UPDATE … RETURNING over a locked sub-select, joined to the release task's assignee.
  const { rows } = await sql<{
    id: string;
    clientId: string;
    fromOrganizationId: string;
    toOrganizationId: string;
    releaseAssignee: string | null;
  }>`
    update transfers t set release_overdue_notified_at = ${at.now}
    where t.id in (
      select id from transfers
      where status = 'accepted' and release_overdue_notified_at is null and release_due_on < ${at.today}::date
      order by release_due_on limit ${limit} for update skip locked)
    returning t.id, t.client_id as "clientId", t.from_organization_id as "fromOrganizationId",
      t.to_organization_id as "toOrganizationId",
      (select k.assigned_to from tasks k where k.id = t.release_task_id) as "releaseAssignee"`.execute(db);
  return rows;
}
