import type { Actor } from '../../access/actor.ts';
import { notVisibleError, writeAudit } from '../../access/audit.ts';
import { sweepInBatches, withTransaction, type Db, type DbOrTrx, type Trx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import { AppError } from '../../lib/errors.ts';
import { readClock, type Clock } from '../../lib/clock.ts';
import type { Digest, NotificationKind, NotificationQuery, UnreadGroup } from './notification.ts';
import { digestRecipients, notificationDigestOf, setNotificationDigest } from '../accounts/user-admin.service.ts';
import { enqueueMessage } from '../outbox/outbox.service.ts';
import {
  claimOverdueTasks,
  countUnread,
  insertNotifications,
  markRead,
  notificationExists,
  selectNotifications,
  selectUnreadGroups,
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
  const moment = readClock(clock);
  return sweepInBatches(db, batch, async (trx) => {
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
}

// The person's choice of e-mail digest; changing it is audited like any change to their account.
export async function getDigest(db: DbOrTrx, actor: Actor): Promise<Digest> {
  return { digest: await notificationDigestOf(db, userOf(actor)) };
}

export async function setDigest(trx: Trx, actor: Actor, input: Digest, requestId: string): Promise<Digest> {
  const userId = userOf(actor);
  await setNotificationDigest(trx, userId, input.digest);
  await writeAudit(trx, actor, {
    action: 'notification.read',
    outcome: 'succeeded',
    recordType: 'user',
    recordId: userId,
    reason: `e-mail digest set to ${input.digest}`,
    requestId,
  });
  return input;
}

// The digest's words, in the reader's language: how many of each kind (no names), and the link.
const digestWords: Record<'en' | 'fr', Record<NotificationKind, string>> = {
  en: {
    task_assigned: 'tasks assigned to you',
    task_overdue: 'overdue tasks',
    note_added: 'case notes added',
    assessment_changed: 'streams changed',
    team_added: 'case teams you were added to',
    caseload_received: 'caseloads handed to you',
    consent_revoked: 'consents withdrawn',
    access_requested: 'requests for access to a file',
    access_answered: 'answers to your requests for access',
    transfer_requested: 'transfers to accept',
    transfer_accepted: 'transfers accepted',
    transfer_released: 'files transferred',
    transfer_release_overdue: 'overdue transfer releases',
    referral_received: 'referrals received',
    referral_updated: 'referrals moved on',
    referral_overdue: 'referrals past their deadline',
    listing_confirm: 'program listings to confirm',
    placement_shared: 'candidates shared with your organization',
    placement_updated: 'placements moved on',
    employer_lead_assigned: 'employers your agency now leads',
    hiring_event_joined: 'employer events your organization takes part in',
    hiring_event_cancelled: 'employer events cancelled',
  },
  fr: {
    task_assigned: 'tâches qui vous ont été assignées',
    task_overdue: 'tâches en retard',
    note_added: 'notes ajoutées aux dossiers',
    assessment_changed: 'volets modifiés',
    team_added: 'équipes de cas auxquelles vous avez été ajouté',
    caseload_received: 'charges de cas qui vous ont été confiées',
    consent_revoked: 'consentements retirés',
    access_requested: 'demandes d’accès à un dossier',
    access_answered: 'réponses à vos demandes d’accès',
    transfer_requested: 'transferts à accepter',
    transfer_accepted: 'transferts acceptés',
    transfer_released: 'dossiers transférés',
    transfer_release_overdue: 'libérations de transfert en retard',
    referral_received: 'aiguillages reçus',
    referral_updated: 'aiguillages mis à jour',
    referral_overdue: 'aiguillages en retard',
    listing_confirm: 'fiches de programme à confirmer',
    placement_shared: 'candidatures transmises à votre organisation',
    placement_updated: 'placements mis à jour',
    employer_lead_assigned: 'employeurs dont votre organisme est maintenant responsable',
    hiring_event_joined: 'événements d’employeurs auxquels votre organisation participe',
    hiring_event_cancelled: 'événements d’employeurs annulés',
  },
};

export function digestMessage(
  person: { displayName: string; preferredLanguage: 'en' | 'fr' },
  groups: UnreadGroup[],
  link: string,
): { subject: string; bodyText: string } {
  const total = groups.reduce((n, g) => n + g.count, 0);
  const fr = person.preferredLanguage === 'fr';
  const lines = groups.map((g) => {
    const clients = g.clients > 1 ? (fr ? ` (${g.clients} dossiers)` : ` (${g.clients} clients)`) : '';
    return `- ${g.count} ${digestWords[person.preferredLanguage][g.kind]}${clients}`;
  });
  return fr
    ? {
        subject: `Continuum : ${total} avis non lu${total > 1 ? 's' : ''}`,
        bodyText:
          `Bonjour ${person.displayName},\n\nVous avez ${total} avis non lu${total > 1 ? 's' : ''} dans Continuum :\n${lines.join('\n')}\n\n` +
          `Ouvrez-les ici (après vous être connecté) : ${link}\n\nPour ne plus recevoir ce résumé, changez votre choix sur la page de votre compte.\n`,
      }
    : {
        subject: `Continuum: ${total} unread notification${total > 1 ? 's' : ''}`,
        bodyText:
          `Hello ${person.displayName},\n\nYou have ${total} unread notification${total > 1 ? 's' : ''} in Continuum:\n${lines.join('\n')}\n\n` +
          `Open them here (after signing in): ${link}\n\nTo stop this summary, change your choice on your account page.\n`,
      };
}

// The hour (city time) from which the day's digest goes out: before the working day starts.
export const DIGEST_HOUR = 7;

// The daily digest sweep: from `hour` o'clock in the city's time zone, each person who chose it gets
// one e-mail a day through the outbox, if anything is unread. Claims are marked per city day with SKIP
// LOCKED, so several server processes send each digest once.
export async function sendNotificationDigests(
  db: Db,
  clock: Clock,
  options: { publicUrl: string; hour: number; batch?: number },
): Promise<number> {
  const moment = readClock(clock);
  const hour = Number(
    new Intl.DateTimeFormat('en-CA', { hour: 'numeric', hourCycle: 'h23', timeZone: clock.timeZone }).format(
      moment.now,
    ),
  );
  if (hour < options.hour) return 0;
  const batch = options.batch ?? 200;
  const link = `${options.publicUrl.replace(/\/$/, '')}/notifications`;
  let sent = 0;
  for (;;) {
    const claimed = await withTransaction(db, async (trx) => {
      const people = await digestRecipients(trx, moment.today, batch);
      for (const person of people) {
        const groups = await selectUnreadGroups(trx, person.id);
        if (groups.length === 0) continue;
        await enqueueMessage(trx, {
          kind: 'notification_digest',
          recipient: person.email,
          ...digestMessage(person, groups, link),
        });
        sent += 1;
      }
      return people.length;
    });
    if (claimed < batch) return sent;
  }
}
