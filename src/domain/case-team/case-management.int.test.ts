import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeOrganization, makeSession, makeUser, type TestUser } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import { addMonths } from '../../lib/dates.ts';
import { announceOverdueTasks } from '../notifications/notification.service.ts';
import { testClock } from '../../../test/clock.ts';

const letters = (n: number) => [...crypto.randomBytes(n)].map((b) => 'bcdfghjklmnprstvwz'[b % 18]).join('');
const person = () => {
  const [y, m, d] = [...crypto.randomBytes(3)];
  return {
    givenName: `${letters(1).toUpperCase()}${letters(6)}`,
    familyName: `${letters(1).toUpperCase()}${letters(8)}`,
    dateOfBirth: `${1960 + (y! % 40)}-${String(1 + (m! % 12)).padStart(2, '0')}-${String(1 + (d! % 28)).padStart(2, '0')}`,
    educationLevel: 'college',
    incomeSource: 'ontario_works',
  };
};

describeEachEngine('integrated case management: team, notes, tasks, caseload, handover', ({ handle }) => {
  let app: AppInstance;
  let agencyA: string;
  let agencyB: string;
  let counsellorA: TestUser;
  let counsellor2A: TestUser;
  let managerA: TestUser;
  let caseworkerB: TestUser;
  let outsiderB: TestUser;
  const headers = new Map<string, Record<string, string>>();
  const call = (u: TestUser, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: headers.get(u.id)!,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  // The app's clock: it stands still, and a test moves it on to let time pass.
  const clock = testClock();
  const today = () => clock.today();

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    agencyA = (await makeOrganization(db)).id;
    agencyB = (await makeOrganization(db, { type: 'social_assistance_office' })).id;
    counsellorA = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    counsellor2A = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    managerA = await makeUser(db, { organizationId: agencyA, roles: ['agency_manager'] });
    caseworkerB = await makeUser(db, { organizationId: agencyB, roles: ['caseworker'] });
    outsiderB = await makeUser(db, { organizationId: agencyB, roles: ['caseworker'] });
    for (const u of [counsellorA, counsellor2A, managerA, caseworkerB, outsiderB])
      headers.set(u.id, (await makeSession(db, u)).headers);
  });
  afterAll(async () => app.close());

  async function intake(): Promise<string> {
    const res = await call(counsellorA, 'POST', '/api/clients', person());
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  async function consentFor(clientId: string, organizationId: string, categories: string[]): Promise<string> {
    const res = await call(counsellorA, 'POST', `/api/clients/${clientId}/consents`, {
      organizationId,
      categories,
      purpose: 'integrated_case_management',
      method: 'written',
      evidence: 'Signed form on file',
      expiresOn: addMonths(today(), 6),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  it('spans agencies with consent: a caseworker elsewhere joins, reads case-team notes, and leaves when the consent is revoked', async () => {
    const clientId = await intake();
    const team = await call(counsellorA, 'GET', `/api/clients/${clientId}/team`);
    expect(team.json().items).toEqual([
      expect.objectContaining({ userId: counsellorA.id, teamRole: 'primary_worker' }),
    ]);

    // Without a consent naming agency B, its caseworker cannot join.
    const refused = await call(counsellorA, 'POST', `/api/clients/${clientId}/team`, {
      userId: caseworkerB.id,
      teamRole: 'caseworker',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('consent');
    const consentId = await consentFor(clientId, agencyB, ['identity_contact', 'notes', 'plan']);
    // One primary worker per team: a second is refused with its reason, and nothing is written.
    const second = await call(counsellorA, 'POST', `/api/clients/${clientId}/team`, {
      userId: caseworkerB.id,
      teamRole: 'primary_worker',
    });
    expect(second.statusCode).toBe(400);
    expect(second.json()).toMatchObject({
      reason: 'primary_worker_taken',
      errors: [expect.objectContaining({ field: 'teamRole', code: 'primary_worker_taken' })],
    });
    expect((await call(counsellorA, 'GET', `/api/clients/${clientId}/team`)).json().items).toHaveLength(1);
    const added = await call(counsellorA, 'POST', `/api/clients/${clientId}/team`, {
      userId: caseworkerB.id,
      teamRole: 'caseworker',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(
      (
        await call(counsellorA, 'POST', `/api/clients/${clientId}/team`, {
          userId: caseworkerB.id,
          teamRole: 'caseworker',
        })
      ).statusCode,
    ).toBe(409);
    const notified = await call(caseworkerB, 'GET', '/api/notifications?unread=true');
    expect(notified.json().items).toContainEqual(expect.objectContaining({ kind: 'team_added', clientId }));

    // Notes by visibility: the agency note stays with agency A; the case-team note reaches B's member, not B's other staff.
    const agencyNote = await call(counsellorA, 'POST', `/api/clients/${clientId}/notes`, {
      kind: 'contact',
      visibility: 'agency',
      body: 'Internal scheduling detail',
    });
    expect(agencyNote.statusCode, agencyNote.body).toBe(201);
    const teamNote = await call(counsellorA, 'POST', `/api/clients/${clientId}/notes`, {
      kind: 'plan',
      visibility: 'case_team',
      body: 'Starts the forklift course Monday',
    });
    expect(teamNote.statusCode).toBe(201);
    const seen = await call(caseworkerB, 'GET', `/api/clients/${clientId}/notes`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().items.map((n: { body: string }) => n.body)).toEqual(['Starts the forklift course Monday']);
    expect((await call(caseworkerB, 'GET', '/api/notifications')).json().items).toContainEqual(
      expect.objectContaining({ kind: 'note_added', subjectId: teamNote.json().id }),
    );
    // B's member writes back to the team; A sees it.
    const reply = await call(caseworkerB, 'POST', `/api/clients/${clientId}/notes`, {
      kind: 'life_stabilization',
      visibility: 'case_team',
      body: 'Housing subsidy approved',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect((await call(counsellorA, 'GET', `/api/clients/${clientId}/notes`)).json().total).toBe(3);
    // B's colleague who is not on the team sees nothing at all.
    expect((await call(outsiderB, 'GET', `/api/clients/${clientId}/notes`)).statusCode).toBe(404);
    expect((await call(outsiderB, 'GET', `/api/clients/${clientId}/team`)).statusCode).toBe(404);

    const revoked = await call(counsellorA, 'POST', `/api/clients/${clientId}/consents/${consentId}/revoke`, {
      method: 'in_person',
    });
    expect(revoked.statusCode).toBe(200);
    expect((await call(caseworkerB, 'GET', `/api/clients/${clientId}/notes`)).statusCode).toBe(404);
    const after = (await call(counsellorA, 'GET', `/api/clients/${clientId}/team`)).json().items;
    expect(after).toContainEqual(expect.objectContaining({ userId: caseworkerB.id, removalReason: 'consent_revoked' }));
  });

  it('offers as team candidates the holding agency’s staff and, through a consent, the named agency’s, audited', async () => {
    const clientId = await intake();
    const candidates = async () => {
      const res = await call(counsellorA, 'GET', `/api/clients/${clientId}/team/candidates`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as { userId: string; organizationId: string; throughConsent: boolean; roles: string[] }[];
    };
    const before = await candidates();
    expect(before.map((c) => c.userId)).toEqual(expect.arrayContaining([counsellor2A.id, managerA.id]));
    // Already on the team (the primary worker), and agencies without a consent, are not offered.
    expect(before.map((c) => c.userId)).not.toContain(counsellorA.id);
    expect(before.some((c) => c.organizationId !== agencyA)).toBe(false);

    const consentId = await consentFor(clientId, agencyB, ['identity_contact']);
    const withConsent = await candidates();
    expect(withConsent).toContainEqual(
      expect.objectContaining({
        userId: caseworkerB.id,
        organizationId: agencyB,
        throughConsent: true,
        roles: ['caseworker'],
      }),
    );
    expect(withConsent.find((c) => c.userId === counsellor2A.id)).toMatchObject({
      throughConsent: false,
      roles: ['employment_counsellor'],
    });
    // The holding agency's staff come first.
    expect(withConsent.findIndex((c) => c.throughConsent)).toBeGreaterThan(
      withConsent.findIndex((c) => c.userId === counsellor2A.id),
    );
    // Only the holding agency asks; anyone else gets 404, as for a random id.
    expect((await call(caseworkerB, 'GET', `/api/clients/${clientId}/team/candidates`)).statusCode).toBe(404);

    const res = await call(counsellorA, 'GET', `/api/clients/${clientId}/team/candidates`);
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select(['action', 'clientId', 'recordIds'])
      .where('requestId', '=', String(res.headers['x-request-id']))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'case_team.candidates', clientId });

    await call(counsellorA, 'POST', `/api/clients/${clientId}/consents/${consentId}/revoke`, { method: 'in_person' });
    expect((await candidates()).map((c) => c.userId)).not.toContain(caseworkerB.id);
  });

  it('appends corrections: the original stays, visibility may narrow but not widen, only the author or a manager corrects', async () => {
    const clientId = await intake();
    const note = (
      await call(counsellorA, 'POST', `/api/clients/${clientId}/notes`, {
        kind: 'contact',
        visibility: 'case_team',
        body: 'Met on Tuesday',
      })
    ).json();
    expect(
      (
        await call(counsellorA, 'POST', `/api/clients/${clientId}/notes/${note.id}/corrections`, {
          body: 'Met on Wednesday',
          visibility: 'client',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call(counsellor2A, 'POST', `/api/clients/${clientId}/notes/${note.id}/corrections`, {
          body: 'Met on Wednesday',
        })
      ).statusCode,
    ).toBe(403);
    const corrected = await call(counsellorA, 'POST', `/api/clients/${clientId}/notes/${note.id}/corrections`, {
      body: 'Met on Wednesday',
      visibility: 'agency',
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json()).toMatchObject({
      body: 'Met on Wednesday',
      visibility: 'agency',
      originalId: note.id,
      earlierVersions: [expect.objectContaining({ id: note.id, body: 'Met on Tuesday' })],
    });
    expect(
      (await call(counsellorA, 'POST', `/api/clients/${clientId}/notes/${note.id}/corrections`, { body: 'Again' }))
        .statusCode,
    ).toBe(409);
    // The manager corrects a note of their agency (the author may have left).
    expect(
      (
        await call(managerA, 'POST', `/api/clients/${clientId}/notes/${corrected.json().id}/corrections`, {
          body: 'Met on Wednesday, by phone',
        })
      ).statusCode,
    ).toBe(201);
    const list = (await call(counsellorA, 'GET', `/api/clients/${clientId}/notes`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0].earlierVersions).toHaveLength(2);
    expect(
      (
        await call(counsellorA, 'POST', `/api/clients/${clientId}/notes`, {
          kind: 'contact',
          visibility: 'agency',
          body: 'x',
          contactOn: addMonths(today(), 1),
        })
      ).statusCode,
    ).toBe(400);
    await expect(
      handle().db.updateTable('caseNotes').set({ body: 'silent edit' }).where('id', '=', note.id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('keeps follow-ups from falling through: recurring check-ins, overdue lists and notifications, the caseload page', async () => {
    const clientId = await intake();
    const check = await call(counsellorA, 'POST', `/api/clients/${clientId}/tasks`, {
      title: 'Retention check-in',
      kind: 'check_in',
      phase: 'after_employment',
      dueOn: today(),
      recurrence: 'monthly',
      recurUntil: addMonths(today(), 2),
    });
    expect(check.statusCode, check.body).toBe(201);
    expect(
      (await call(counsellorA, 'POST', `/api/clients/${clientId}/tasks`, { title: 'Late', dueOn: '2020-01-01' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await call(counsellorA, 'POST', `/api/clients/${clientId}/tasks`, {
          title: 'To another agency',
          dueOn: today(),
          assignedTo: outsiderB.id,
        })
      ).statusCode,
    ).toBe(400);
    const forColleague = await call(counsellorA, 'POST', `/api/clients/${clientId}/tasks`, {
      title: 'Call the employer',
      dueOn: today(),
      assignedTo: counsellor2A.id,
    });
    expect(forColleague.statusCode).toBe(201);
    expect((await call(counsellor2A, 'GET', '/api/notifications?unread=true')).json().items).toContainEqual(
      expect.objectContaining({ kind: 'task_assigned', subjectId: forColleague.json().id }),
    );

    const done = await call(counsellorA, 'POST', `/api/tasks/${check.json().id}/complete`, { outcome: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().next).toMatchObject({
      dueOn: addMonths(today(), 1),
      status: 'open',
      previousTaskId: check.json().id,
    });
    expect((await call(counsellorA, 'POST', `/api/tasks/${check.json().id}/complete`, {})).statusCode).toBe(409);
    expect((await call(outsiderB, 'POST', `/api/tasks/${done.json().next.id}/complete`, {})).statusCode).toBe(404);

    // An overdue task is listed and announced once. Its date is moved back (as time passing would)
    // rather than the clock moved on, because the caseload's count below still reads the database's
    // clock (caseload.queries.ts does not take today yet).
    const overdue = (
      await call(counsellorA, 'POST', `/api/clients/${clientId}/tasks`, {
        title: 'Send résumé feedback',
        dueOn: today(),
      })
    ).json();
    await handle().db.updateTable('tasks').set({ dueOn: '2024-01-02' }).where('id', '=', overdue.id).execute();
    const mine = (await call(counsellorA, 'GET', '/api/tasks?overdue=true')).json();
    expect(mine.items).toContainEqual(
      expect.objectContaining({ id: overdue.id, overdue: true, clientName: expect.any(String) }),
    );
    // The sweep runs on its own clock: today it finds the task overdue, and announces it only once.
    expect(await announceOverdueTasks(handle().db, testClock())).toBeGreaterThanOrEqual(1);
    await announceOverdueTasks(handle().db, testClock());
    const overdueNotes = (await call(counsellorA, 'GET', '/api/notifications'))
      .json()
      .items.filter(
        (n: { kind: string; subjectId: string }) => n.kind === 'task_overdue' && n.subjectId === overdue.id,
      );
    expect(overdueNotes).toHaveLength(1);
    expect(
      (await call(managerA, 'GET', '/api/tasks?scope=agency&overdue=true'))
        .json()
        .items.map((t: { id: string }) => t.id),
    ).toContain(overdue.id);
    expect((await call(counsellorA, 'GET', '/api/tasks?scope=agency')).statusCode).toBe(200);

    const caseload = await call(counsellorA, 'POST', '/api/caseload', {});
    expect(caseload.statusCode, caseload.body).toBe(200);
    const row = caseload.json().items.find((i: { clientId: string }) => i.clientId === clientId);
    expect(row).toMatchObject({ teamRole: 'primary_worker', overdueTasks: 1, openTasks: 2, name: expect.any(String) });
    // The overdue client comes first.
    expect(caseload.json().items[0].overdueTasks).toBeGreaterThan(0);
    const byName = await call(counsellorA, 'POST', '/api/caseload', { q: row.name.split(' ')[1] });
    expect(byName.json().items.map((i: { clientId: string }) => i.clientId)).toEqual([clientId]);
    expect((await call(outsiderB, 'POST', '/api/caseload', { workerId: counsellorA.id })).statusCode).toBe(404);
    expect((await call(managerA, 'POST', '/api/caseload', { workerId: counsellorA.id })).statusCode).toBe(200);
    expect((await call(counsellor2A, 'POST', '/api/caseload', { workerId: counsellorA.id })).statusCode).toBe(404);
  });

  it('makes a task overdue when the clock passes its date: listed as overdue, and announced once', async () => {
    const clientId = await intake();
    const task = (
      await call(counsellorA, 'POST', `/api/clients/${clientId}/tasks`, {
        title: 'Ask how the interview went',
        dueOn: today(),
      })
    ).json();
    expect(task).toMatchObject({ dueOn: today(), overdue: false });
    const announced = async () =>
      (await call(counsellorA, 'GET', '/api/notifications?perPage=100'))
        .json()
        .items.filter((n: { kind: string; subjectId: string }) => n.kind === 'task_overdue' && n.subjectId === task.id);
    await announceOverdueTasks(handle().db, clock);
    expect(await announced()).toHaveLength(0);
    clock.advance({ days: 1 });
    try {
      expect((await call(counsellorA, 'GET', `/api/clients/${clientId}/tasks`)).json().items).toContainEqual(
        expect.objectContaining({ id: task.id, overdue: true }),
      );
      expect(
        (await call(counsellorA, 'GET', '/api/tasks?overdue=true&perPage=100'))
          .json()
          .items.map((t: { id: string }) => t.id),
      ).toContain(task.id);
      await announceOverdueTasks(handle().db, clock);
      await announceOverdueTasks(handle().db, clock);
      expect(await announced()).toHaveLength(1);
    } finally {
      clock.advance({ days: -1 });
    }
  });

  it('hands a leaving worker’s caseload and open tasks to another worker in one step', async () => {
    const leaving = await makeUser(handle().db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    headers.set(leaving.id, (await makeSession(handle().db, leaving)).headers);
    const clients: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await call(leaving, 'POST', '/api/clients', person());
      clients.push(res.json().id);
      await call(leaving, 'POST', `/api/clients/${res.json().id}/tasks`, { title: 'Follow up', dueOn: today() });
    }
    expect(
      (await call(counsellorA, 'POST', '/api/caseload/reassign', { fromUserId: leaving.id, toUserId: counsellor2A.id }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(managerA, 'POST', '/api/caseload/reassign', { fromUserId: leaving.id, toUserId: caseworkerB.id }))
        .statusCode,
    ).toBe(404);
    // A list moves whole or not at all: one id not on the caseload (another agency's client, a
    // random id) refuses the handover, names each refused id, and moves nothing.
    const elsewhere = (await call(caseworkerB, 'POST', '/api/clients', person())).json().id as string;
    const random = crypto.randomUUID();
    const refused = await call(managerA, 'POST', '/api/caseload/reassign', {
      fromUserId: leaving.id,
      toUserId: counsellor2A.id,
      clientIds: [clients[0], elsewhere, clients[1], random],
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ reason: 'not_on_caseload' });
    expect(refused.json().errors).toEqual([
      expect.objectContaining({
        field: 'clientIds.1',
        code: 'not_on_caseload',
        message: expect.stringContaining(elsewhere),
      }),
      expect.objectContaining({
        field: 'clientIds.3',
        code: 'not_on_caseload',
        message: expect.stringContaining(random),
      }),
    ]);
    expect((await call(leaving, 'POST', '/api/caseload', {})).json().total).toBe(3);
    const moved = await call(managerA, 'POST', '/api/caseload/reassign', {
      fromUserId: leaving.id,
      toUserId: counsellor2A.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ clientsMoved: 3, tasksMoved: 3 });
    const caseload = (await call(counsellor2A, 'POST', '/api/caseload', { perPage: 200 }))
      .json()
      .items.map((i: { clientId: string }) => i.clientId);
    for (const id of clients) expect(caseload).toContain(id);
    expect((await call(leaving, 'POST', '/api/caseload', {})).json().total).toBe(0);
    expect((await call(counsellor2A, 'GET', '/api/notifications')).json().items).toContainEqual(
      expect.objectContaining({ kind: 'caseload_received' }),
    );
    const team = (await call(counsellor2A, 'GET', `/api/clients/${clients[0]}/team`)).json().items;
    expect(team).toContainEqual(expect.objectContaining({ userId: leaving.id, removalReason: 'handover' }));
    expect(team).toContainEqual(
      expect.objectContaining({ userId: counsellor2A.id, teamRole: 'primary_worker', removedAt: null }),
    );
  });

  it('keeps notifications to their reader', async () => {
    const mine = (await call(counsellor2A, 'GET', '/api/notifications')).json().items[0];
    expect((await call(counsellorA, 'POST', `/api/notifications/${mine.id}/read`)).statusCode).toBe(404);
    expect((await call(counsellor2A, 'POST', `/api/notifications/${mine.id}/read`)).statusCode).toBe(204);
    expect((await call(counsellor2A, 'POST', '/api/notifications/read-all')).statusCode).toBe(200);
    expect((await call(counsellor2A, 'GET', '/api/notifications')).json().unread).toBe(0);
  });
});
