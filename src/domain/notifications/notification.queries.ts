import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { Notification, NotificationKind } from './notification.ts';

export async function insertNotifications(
  db: DbOrTrx,
  rows: { userId: string; kind: NotificationKind; clientId: string | null; subjectId: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('notifications').values(rows).execute();
}

export async function selectNotifications(
  db: DbOrTrx,
  userId: string,
  unreadOnly: boolean,
  page: { page: number; perPage: number },
) {
  let q = db.selectFrom('notifications').where('userId', '=', userId);
  if (unreadOnly) q = q.where('readAt', 'is', null);
  const items = await q
    .select(['id', 'kind', 'clientId', 'subjectId', 'createdAt', 'readAt'])
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .limit(page.perPage)
    .offset((page.page - 1) * page.perPage)
    .execute();
  const { n } = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const unread = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    items: items.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt ? r.readAt.toISOString() : null,
    })) as Notification[],
    total: Number(n),
    unread: Number(unread.n),
  };
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
