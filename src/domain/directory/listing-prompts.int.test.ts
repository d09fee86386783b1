import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeOrganization, makeService, makeSession, makeUser, type TestUser } from '../../../test/factories.ts';
import { testClock } from '../../../test/clock.ts';
import type { AppInstance } from '../../server/app.ts';
import { promptListingConfirmations } from './listing-prompts.ts';

describeEachEngine('prompts to confirm listings', ({ handle }) => {
  let app: AppInstance;
  let agency: string;
  let manager: TestUser;
  let otherManager: TestUser;
  let elsewhere: TestUser;
  const headers = new Map<string, Record<string, string>>();
  // 2026-12-02, a Wednesday: ten business days on is 2026-12-16.
  const clock = testClock('2026-12-02T15:00:00Z');
  const days = (n: number) => new Date(clock.now().getTime() - n * 86_400_000);
  const call = (u: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: headers.get(u.id)!,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const promptsFor = (serviceId: string) =>
    handle()
      .db.selectFrom('tasks')
      .selectAll()
      .where('serviceId', '=', serviceId)
      .where('kind', '=', 'listing_confirm')
      .execute();
  const notifiedFor = async (serviceId: string) =>
    (
      await handle()
        .db.selectFrom('notifications')
        .select('userId')
        .where('subjectId', '=', serviceId)
        .where('kind', '=', 'listing_confirm')
        .execute()
    ).map((n) => n.userId);

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    agency = (await makeOrganization(db)).id;
    manager = await makeUser(db, { organizationId: agency, roles: ['agency_manager'] });
    otherManager = await makeUser(db, { organizationId: agency, roles: ['agency_manager'] });
    elsewhere = await makeUser(db, { organizationId: (await makeOrganization(db)).id, roles: ['agency_manager'] });
    for (const u of [manager, otherManager, elsewhere]) headers.set(u.id, (await makeSession(db, u)).headers);
  });
  afterAll(async () => app.close());

  async function listingConfirmed(daysAgo: number, withSchedule = false) {
    const db = handle().db;
    const { id } = await makeService(db, agency, {
      name: `Resume clinic ${daysAgo}`,
      ...(withSchedule ? { schedules: [{ weekdays: ['MO'], opensAt: '09:00', closesAt: '12:00' }] } : {}),
    });
    await db
      .updateTable('services')
      .set({ detailsVerifiedAt: days(daysAgo) })
      .where('id', '=', id)
      .execute();
    if (withSchedule)
      await db
        .updateTable('serviceSchedules')
        .set({ verifiedAt: days(daysAgo) })
        .where('serviceId', '=', id)
        .execute();
    return id;
  }

  it('asks the agency’s managers to confirm a listing about to go stale, once, with a task that closes when it is confirmed', async () => {
    const due = await listingConfirmed(170);
    const fresh = await listingConfirmed(100);
    await promptListingConfirmations(handle().db, clock);

    const [task, ...more] = await promptsFor(due);
    expect(more).toHaveLength(0);
    expect(task).toMatchObject({
      clientId: null,
      organizationId: agency,
      assignedTo: expect.any(String),
      status: 'open',
      dueOn: '2026-12-16',
      title: 'Confirm the listing of Resume clinic 170',
    });
    expect([manager.id, otherManager.id]).toContain(task!.assignedTo);
    expect((await notifiedFor(due)).sort()).toEqual([manager.id, otherManager.id].sort());
    expect(await promptsFor(fresh)).toHaveLength(0);
    // Again: nothing new while the prompt is open.
    await promptListingConfirmations(handle().db, clock);
    expect(await promptsFor(due)).toHaveLength(1);

    // The assignee's task list names the program; the notification names it too.
    const assignee = task!.assignedTo === manager.id ? manager : otherManager;
    const tasks = (await call(assignee, 'GET', '/api/tasks')).json();
    expect(tasks.items).toContainEqual(
      expect.objectContaining({ id: task!.id, serviceId: due, clientId: null, serviceName: 'Resume clinic 170' }),
    );
    const notes = (await call(manager, 'GET', '/api/notifications')).json();
    expect(notes.items).toContainEqual(
      expect.objectContaining({ kind: 'listing_confirm', subjectId: due, programName: 'Resume clinic 170' }),
    );
    // It closes by itself, never by hand; another agency's manager cannot reach it.
    const byHand = await call(assignee, 'POST', `/api/tasks/${task!.id}/complete`, {});
    expect(byHand.statusCode).toBe(400);
    expect(byHand.json().reason).toBe('task_closes_itself');
    expect((await call(elsewhere, 'POST', `/api/tasks/${task!.id}/complete`, {})).statusCode).toBe(404);

    // Confirmed as it stands: the task is done, by the manager who confirmed it.
    const confirmed = await call(otherManager, 'PATCH', `/api/services/${due}`, { verified: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await promptsFor(due))[0]).toMatchObject({ status: 'done', completedBy: otherManager.id });
    await promptListingConfirmations(handle().db, clock);
    expect(await promptsFor(due)).toHaveLength(1);
  });

  it('keeps the prompt open while a part of the listing is still unconfirmed', async () => {
    const due = await listingConfirmed(175, true);
    await promptListingConfirmations(handle().db, clock);
    expect(await promptsFor(due)).toHaveLength(1);
    // A new description confirms the details, not the schedule.
    const changed = await call(manager, 'PATCH', `/api/services/${due}`, {
      description: 'Résumés and cover letters, reviewed with you in person.',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await promptsFor(due))[0]!.status).toBe('open');
    // The schedule given again confirms it: nothing is due any more.
    await call(manager, 'PATCH', `/api/services/${due}`, {
      schedules: [{ weekdays: ['MO'], opensAt: '09:00', closesAt: '12:00' }],
    });
    expect((await promptsFor(due))[0]!.status).toBe('done');
  });
});
