import type { Actor } from '../../access/actor.ts';
import { notVisibleError, writeAudit } from '../../access/audit.ts';
import { withTransaction, type Db, type DbOrTrx, type Trx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import { AppError } from '../../lib/errors.ts';
import { readClock, type Clock } from '../../lib/clock.ts';
import type { NotificationKind, NotificationQuery } from './notification.ts';
import {
  claimOverdueTasks,
  countUnread,
  insertNotifications,
  markRead,
  notificationExists,
  selectNotifications,
} from './notification.queries.ts';

// Tells people in the app about events on their clients, in the same transaction as the event.
// The actor is never notified of what they did themself.
export async function notify(
  db: DbOrTrx,
  actor: Actor,
  userIds: readonly string[],
  kind: NotificationKind,
  refs: { clientId: string | null; subjectId: string | null },
): Promise<void> {
  const self = actor.kind === 'user' ? actor.userId : undefined;
  const recipients = [...new Set(userIds)].filter((u) => u !== self);
  await insertNotifications(
    db,
    recipients.map((userId) => ({ userId, kind, ...refs })),
  );
}

function userOf(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  return actor.userId;
}

// The reader's notifications, naming the client where the reader's client page would: a read of those
// names is audited (the clients named) before the answer leaves.
export async function listNotifications(
  db: DbOrTrx,
  actor: Actor,
  query: NotificationQuery,
  context: { requestId: string; today: string },
) {
  userOf(actor);
  const found = await selectNotifications(
    db,
    actor as Actor & { kind: 'user' },
    query.unread === 'true',
    query,
    context.today,
  );
  const named = [...new Set(found.items.filter((n) => n.clientName !== null).map((n) => n.clientId!))];
  if (named.length > 0) {
    await writeAudit(db, actor, {
      action: 'notification.read',
      outcome: 'succeeded',
      recordType: 'client',
      recordIds: named,
      reason: 'client names in notifications',
      requestId: context.requestId,
    });
  }
  return { ...found, page: query.page, perPage: query.perPage };
}

// How many of the reader's notifications are unread (the count in the header, asked on every page).
export async function unreadCount(db: DbOrTrx, actor: Actor): Promise<{ unread: number }> {
  return { unread: await countUnread(db, userOf(actor)) };
}

// Someone else's notification answers 404, like one that does not exist.
export async function readNotification(trx: Trx, actor: Actor, id: string, requestId: string): Promise<void> {
  const userId = userOf(actor);
  if (!isUuid(id) || !(await notificationExists(trx, userId, id))) {
    throw notVisibleError(
      actor,
      { action: 'notification.read', recordType: 'notification', recordId: isUuid(id) ? id : undefined, requestId },
      false,
      'No notification has that id.',
    );
  }
  await markRead(trx, userId, id);
}

export async function readAllNotifications(trx: Trx, actor: Actor): Promise<{ marked: number }> {
  return { marked: await markRead(trx, userOf(actor), 'all') };
}

// The sweep: each overdue open task is announced once to the person it is assigned to. A task is
// overdue once its due date is before today in the city's time zone, read from the clock per pass.
export async function announceOverdueTasks(db: Db, clock: Clock, batch = 500): Promise<number> {
  let total = 0;
  const moment = readClock(clock);
  for (;;) {
    const claimed = await withTransaction(db, async (trx) => {
      const tasks = await claimOverdueTasks(trx, moment, batch);
      await insertNotifications(
        trx,
        tasks.map((t) => ({
          userId: t.assignedTo,
          kind: 'task_overdue' as const,
          clientId: t.clientId,
          subjectId: t.id,
        })),
      );
      return tasks.length;
    });
    total += claimed;
    if (claimed < batch) return total;
  }
}
