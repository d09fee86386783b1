import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import { makeClient, makeOrganization, makeSession, makeUser, type TestUser } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import type { Db } from '../../db/database.ts';
import { addDays } from '../../lib/dates.ts';
import { sendNotificationDigests } from './notification.service.ts';

// The daily e-mail digest: chosen by the person, sent once a day from 7 o'clock city time through the
// outbox, with counts by kind in their language and never a client's name.
describeEachEngine('the daily e-mail digest of unread notifications', ({ handle }) => {
  let app: AppInstance;
  let db: Db;
  let daily: TestUser;
  let french: TestUser;
  let off: TestUser;
  let nothingUnread: TestUser;
  const clientNames: string[] = [];
  const headers = new Map<string, Record<string, string>>();
  const clock = testClock();
  const options = { publicUrl: 'https://continuum.example.ca/', hour: 7 };
  const messagesTo = async (u: TestUser) =>
    db
      .selectFrom('outboxMessages')
      .select(['subject', 'bodyText', 'kind'])
      .where('recipient', '=', u.email)
      .where('kind', '=', 'notification_digest')
      .execute();

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    db = handle().db;
    const agency = (await makeOrganization(db)).id;
    daily = await makeUser(db, { organizationId: agency, roles: ['employment_counsellor'] });
    french = await makeUser(db, { organizationId: agency, roles: ['caseworker'] });
    await db.updateTable('users').set({ preferredLanguage: 'fr' }).where('id', '=', french.id).execute();
    off = await makeUser(db, { organizationId: agency, roles: ['employment_counsellor'] });
    nothingUnread = await makeUser(db, { organizationId: agency, roles: ['employment_counsellor'] });
    for (const u of [daily, french, off, nothingUnread]) headers.set(u.id, (await makeSession(db, u)).headers);
    const clients = [
      await makeClient(db, { organizationId: agency }),
      await makeClient(db, { organizationId: agency }),
    ];
    for (const c of clients) {
      const row = await db.selectFrom('clients').select('familyName').where('id', '=', c.id).executeTakeFirstOrThrow();
      clientNames.push(row.familyName);
    }
    for (const u of [daily, french, off])
      await db
        .insertInto('notifications')
        .values([
          { userId: u.id, kind: 'task_overdue', clientId: clients[0]!.id, subjectId: null },
          { userId: u.id, kind: 'task_overdue', clientId: clients[1]!.id, subjectId: null },
          { userId: u.id, kind: 'note_added', clientId: clients[0]!.id, subjectId: null },
        ])
        .execute();
  });
  afterAll(async () => app.close());

  // `time` o'clock on `day` in Toronto, whatever the season (EST or EDT).
  const at = (day: string, time: string) => {
    for (const offset of ['-05:00', '-04:00']) {
      const instant = new Date(`${day}T${time}:00${offset}`);
      const local = new Intl.DateTimeFormat('en-CA', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'America/Toronto',
      }).format(instant);
      if (local === time) return instant;
    }
    throw new Error(`no ${time} on ${day} in Toronto`);
  };
  const choose = (u: TestUser, digest: unknown) =>
    app.inject({ method: 'PUT', url: '/api/notifications/digest', headers: headers.get(u.id)!, payload: { digest } });

  it('is chosen by each person for themself, off by default, and refuses anything but off or daily', async () => {
    const read = await app.inject({ method: 'GET', url: '/api/notifications/digest', headers: headers.get(off.id)! });
    expect(read.json()).toEqual({ digest: 'off' });
    for (const u of [daily, french, nothingUnread])
      expect((await choose(u, 'daily')).json()).toEqual({ digest: 'daily' });
    expect((await choose(off, 'weekly')).statusCode).toBe(400);
    const audit = await db
      .selectFrom('auditLog')
      .select('reason')
      .where('actorUserId', '=', daily.id)
      .where('reason', '=', 'e-mail digest set to daily')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('sends nothing before 7 in the morning, then one e-mail a day in the person’s language, without names', async () => {
    clock.set(at(clock.today(), '06:30'));
    expect(await sendNotificationDigests(db, clock, options)).toBe(0);
    expect(await messagesTo(daily)).toEqual([]);

    clock.set(at(clock.today(), '08:00'));
    await sendNotificationDigests(db, clock, options);
    const [english] = await messagesTo(daily);
    expect(english?.subject).toBe('Continuum: 3 unread notifications');
    expect(english?.bodyText).toContain('- 2 overdue tasks (2 clients)');
    expect(english?.bodyText).toContain('- 1 case notes added');
    expect(english?.bodyText).toContain('https://continuum.example.ca/notifications');
    const [inFrench] = await messagesTo(french);
    expect(inFrench?.subject).toBe('Continuum : 3 avis non lus');
    expect(inFrench?.bodyText).toContain('- 2 tâches en retard (2 dossiers)');
    for (const name of clientNames) {
      expect(english?.bodyText).not.toContain(name);
      expect(inFrench?.bodyText).not.toContain(name);
    }
    // Not chosen, or nothing unread: no e-mail.
    expect(await messagesTo(off)).toEqual([]);
    expect(await messagesTo(nothingUnread)).toEqual([]);

    // Once a day, whatever the number of passes or processes; the next day again.
    await Promise.all([sendNotificationDigests(db, clock, options), sendNotificationDigests(db, clock, options)]);
    expect(await messagesTo(daily)).toHaveLength(1);
    clock.set(at(addDays(clock.today(), 1), '09:00'));
    await sendNotificationDigests(db, clock, options);
    expect(await messagesTo(daily)).toHaveLength(2);
    // Read notifications are no longer in it; with none unread, no e-mail.
    await app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: headers.get(daily.id)! });
    clock.set(at(addDays(clock.today(), 1), '09:00'));
    await sendNotificationDigests(db, clock, options);
    expect(await messagesTo(daily)).toHaveLength(2);
    clock.set(new Date());
  });
});
