import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { clientVisible } from '../../access/client-predicate.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { Notification, NotificationKind, UnreadGroup } from './notification.ts';

export async function insertNotifications(
  db: DbOrTrx,
  rows: { userId: string; kind: NotificationKind; clientId: string | null; subjectId: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('notifications').values(rows).execute();
}

// A reader's notifications, newest first, each with the client's name only where the reader's client
// page would show it (the access layer's predicate), the total, and the unread ones by kind.
export async function selectNotifications(
  db: DbOrTrx,
  viewer: Actor & { kind: 'user' },
  unreadOnly: boolean,
  page: { page: number; perPage: number },
  today: string,
): Promise<{ items: Notification[]; total: number; unread: number; unreadByKind: UnreadGroup[] }> {
  const where = sql`n.user_id = ${viewer.userId} ${unreadOnly ? sql`and n.read_at is null` : sql``}`;
  const { rows: items } = await sql<Notification>`select n.id, n.kind, n.client_id as "clientId",
      n.subject_id as "subjectId", to_json(n.created_at)#>>'{}' as "createdAt", to_json(n.read_at)#>>'{}' as "readAt",
      case when c.id is not null and ${clientVisible(viewer, 'client.read', 'identity_contact', { today })}
        then coalesce(c.preferred_name, c.given_name) || ' ' || c.family_name end as "clientName",
      case when n.kind = 'listing_confirm' then (select s.name from services s where s.id = n.subject_id) end as "programName",
      case when n.kind in ('placement_shared', 'placement_updated') then (select j.title from placements p
        join job_orders j on j.id = p.job_order_id where p.id = n.subject_id) end as "jobTitle",
      case when n.kind = 'employer_lead_assigned' then (select o.name from organizations o where o.id = n.subject_id)
        end as "employerName",
      case when n.kind in ('hiring_event_joined', 'hiring_event_cancelled') then (select h.title from hiring_events h
        where h.id = n.subject_id) end as "eventTitle"
    from notifications n left join clients c on c.id = n.client_id
    where ${where} order by n.created_at desc, n.id
    limit ${page.perPage} offset ${(page.page - 1) * page.perPage}`.execute(db);
  const { rows: counts } = await sql<{ total: string; unread: string }>`select count(*) as total,
      count(*) filter (where n.read_at is null) as unread
    from notifications n where ${where}`.execute(db);
  const groups = await selectUnreadGroups(db, viewer.userId);
  const iso = (s: string | null) => (s ? new Date(s).toISOString() : null);
  return {
    items: items.map((r) => ({ ...r, createdAt: iso(r.createdAt)!, readAt: iso(r.readAt) })),
    total: Number(counts[0]?.total ?? 0),
    unread: unreadOnly ? Number(counts[0]?.total ?? 0) : Number(counts[0]?.unread ?? 0),
    unreadByKind: groups,
  };
}

// A person's unread notifications by kind, with how many clients they concern.
export async function selectUnreadGroups(db: DbOrTrx, userId: string): Promise<UnreadGroup[]> {
  const { rows } = await sql<UnreadGroup>`select n.kind, count(*)::int as count,
      count(distinct n.client_id)::int as clients
    from notifications n where n.user_id = ${userId} and n.read_at is null
    group by n.kind order by count(*) desc, n.kind`.execute(db);
  return rows;
}

// The reader's unread notifications, counted (the header's badge): no names, nothing to audit.
export async function countUnread(db: DbOrTrx, userId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from notifications
    where user_id = ${userId} and read_at is null`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function markRead(db: DbOrTrx, userId: string, id: string | 'all'): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ readAt: new Date() })
    .where('userId', '=', userId)
    .where('readAt', 'is', null);
  if (id !== 'all') q = q.where('id', '=', id);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function notificationExists(db: DbOrTrx, userId: string, id: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where('userId', '=', userId)
      .executeTakeFirst()) !== undefined
  );
}

// Overdue tasks not yet announced: claimed with SKIP LOCKED so several server processes can sweep at once.
export async function claimOverdueTasks(
  db: DbOrTrx,
  at: { now: Date; today: string },
  limit: number,
): Promise<{ id: string; assignedTo: string; clientId: string }[]> {
  const { rows } = await sql<{ id: string; assignedTo: string; clientId: string }>`
    update tasks set overdue_notified_at = ${at.now}
    where id in (
      select id from tasks
      where status = 'open' and overdue_notified_at is null and due_on < ${at.today}::date
      order by due_on limit ${limit} for update skip locked)
    returning id, assigned_to as "assignedTo", client_id as "clientId"`.execute(db);
  return rows;
}
