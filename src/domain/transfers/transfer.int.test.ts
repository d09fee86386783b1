import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeConsent, makeOrganization, makeSession, makeUser, type TestUser } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import { addMonths } from '../../lib/dates.ts';
import { addBusinessDays, businessDaysBetween } from '../../lib/business-days.ts';
import { testClock } from '../../../test/clock.ts';
import { announceOverdueReleases } from './transfer.service.ts';

const letters = (n: number) => [...crypto.randomBytes(n)].map((b) => 'bcdfghjklmnprstvwz'[b % 18]).join('');
const person = () => ({
  givenName: `${letters(1).toUpperCase()}${letters(6)}`,
  familyName: `${letters(1).toUpperCase()}${letters(8)}`,
  dateOfBirth: `19${60 + (crypto.randomBytes(1)[0]! % 40)}-0${1 + (crypto.randomBytes(1)[0]! % 9)}-1${crypto.randomBytes(1)[0]! % 9}`,
  educationLevel: 'high_school',
  incomeSource: 'odsp',
});

describeEachEngine('plans, timeline, handover summary and transfers', ({ handle }) => {
  let app: AppInstance;
  let agencyA: string;
  let agencyB: string;
  let counsellorA: TestUser;
  let counsellorB: TestUser;
  let managerA: TestUser;
  let managerB: TestUser;
  let admin: TestUser;
  let analyst: TestUser;
  const headers = new Map<string, Record<string, string>>();
  // The app's clock: it stands still, and a test moves it on to let time pass.
  const clock = testClock();
  const todayIn = () => clock.today();
  const call = (u: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: headers.get(u.id)!,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    agencyA = (await makeOrganization(db)).id;
    agencyB = (await makeOrganization(db, { type: 'community_agency' })).id;
    const city = (await makeOrganization(db, { type: 'system_manager' })).id;
    counsellorA = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    counsellorB = await makeUser(db, { organizationId: agencyB, roles: ['employment_counsellor'] });
    managerA = await makeUser(db, { organizationId: agencyA, roles: ['agency_manager'] });
    managerB = await makeUser(db, { organizationId: agencyB, roles: ['agency_manager'] });
    admin = await makeUser(db, { organizationId: city, roles: ['system_administrator'] });
    analyst = await makeUser(db, { organizationId: city, roles: ['system_analyst'] });
    for (const u of [counsellorA, counsellorB, managerA, managerB, admin, analyst])
      headers.set(u.id, (await makeSession(db, u)).headers);
  });
  afterAll(async () => app.close());

  const transferConsent = {
    categories: ['identity_contact', 'employment'],
    method: 'in_person',
    evidence: 'Signed transfer form',
  };

  async function intake(): Promise<string> {
    const res = await call(counsellorA, 'POST', '/api/clients', person());
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  it('plans across the continuum: goals, parallel steps in any phase and order, links to the client’s records, agreement', async () => {
    const id = await intake();
    const assessment = (await call(counsellorA, 'POST', `/api/clients/${id}/assessments`, {})).json();
    let plan = (
      await call(counsellorA, 'POST', `/api/clients/${id}/plan/goals`, {
        description: 'A decent job for the next five years',
        targetDate: addMonths(todayIn(), 12),
      })
    ).json();
    const goalId = plan.goals[0].id;
    const housing = await call(counsellorA, 'POST', `/api/clients/${id}/plan/steps`, {
      phase: 'life_stabilization',
      title: 'Stable housing',
      goalId,
      link: { kind: 'assessment', id: assessment.id },
    });
    expect(housing.statusCode, housing.body).toBe(201);
    plan = (
      await call(counsellorA, 'POST', `/api/clients/${id}/plan/steps`, {
        phase: 'training',
        title: 'Forklift certificate',
        goalId,
      })
    ).json();
    expect(plan.steps.map((s: { phase: string }) => s.phase)).toEqual(['life_stabilization', 'training']);
    // Out of order: training finishes while stabilization is still under way.
    const training = plan.steps[1].id;
    plan = (await call(counsellorA, 'PATCH', `/api/clients/${id}/plan/steps/${training}`, { status: 'done' })).json();
    expect(plan.steps[1]).toMatchObject({ status: 'done', completedOn: todayIn() });
    expect(plan.steps[0]).toMatchObject({ status: 'planned', link: { kind: 'assessment', id: assessment.id } });
    expect(
      (
        await call(counsellorA, 'POST', `/api/clients/${id}/plan/steps`, {
          phase: 'placement',
          title: 'x',
          link: { kind: 'task', id: crypto.randomUUID() },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await call(counsellorA, 'POST', `/api/clients/${id}/plan/steps`, { phase: 'somewhere', title: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (
        await call(counsellorA, 'POST', `/api/clients/${id}/plan/steps`, {
          phase: 'retention',
          title: 'x',
          startsOn: '2027-02-01',
          dueOn: '2027-01-01',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call(counsellorA, 'POST', `/api/clients/${id}/plan/acknowledgements`, {
          agrees: true,
          method: 'in_person',
        })
      ).json().acknowledgement,
    ).toMatchObject({ agrees: true });
    expect((await call(counsellorB, 'GET', `/api/clients/${id}/plan`)).statusCode).toBe(404);
    expect(
      (await call(counsellorB, 'PATCH', `/api/clients/${id}/plan/steps/${training}`, { status: 'stopped' })).statusCode,
    ).toBe(404);
  });

  it('gives a new worker one timeline and a one-page summary, and keeps other agencies out of both', async () => {
    const id = await intake();
    await call(counsellorA, 'POST', `/api/clients/${id}/assessments`, {});
    await call(counsellorA, 'POST', `/api/clients/${id}/notes`, {
      kind: 'contact',
      visibility: 'case_team',
      body: 'First meeting went well',
    });
    await call(counsellorA, 'POST', `/api/clients/${id}/tasks`, {
      title: 'Call in two weeks',
      dueOn: addMonths(todayIn(), 1),
    });
    const timeline = await call(counsellorA, 'GET', `/api/clients/${id}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    const kinds = timeline.json().items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['file_opened', 'assessment', 'note', 'team_joined']));
    const summary = (await call(counsellorA, 'GET', `/api/clients/${id}/summary`)).json();
    expect(summary.currentAssessment.result.reasons.length).toBeGreaterThan(0);
    expect(summary.lastContacts[0].body).toBe('First meeting went well');
    expect(summary.openTasks).toHaveLength(1);
    expect(summary.team[0].teamRole).toBe('primary_worker');
    expect((await call(counsellorB, 'GET', `/api/clients/${id}/timeline`)).statusCode).toBe(404);
    expect((await call(counsellorB, 'GET', `/api/clients/${id}/summary`)).statusCode).toBe(404);
  });

  it('moves a client to another provider: request, acceptance, release within business days, and the sender loses the file', async () => {
    const id = await intake();
    const bad = await call(counsellorA, 'POST', `/api/clients/${id}/transfers`, {
      toOrganizationId: crypto.randomUUID(),
      consent: transferConsent,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await call(counsellorA, 'POST', `/api/clients/${id}/transfers`, { toOrganizationId: agencyA })).statusCode,
    ).toBe(400);
    // The client's consent travels with the request: without it, nothing is written.
    const withoutConsent = await call(counsellorA, 'POST', `/api/clients/${id}/transfers`, {
      toOrganizationId: agencyB,
    });
    expect(withoutConsent.statusCode).toBe(400);
    expect(withoutConsent.json().errors).toContainEqual(
      expect.objectContaining({ field: 'consent', code: 'transfer_consent_required' }),
    );
    expect((await call(counsellorA, 'GET', `/api/clients/${id}/transfers`)).json().items).toHaveLength(0);
    const requested = await call(counsellorA, 'POST', `/api/clients/${id}/transfers`, {
      toOrganizationId: agencyB,
      reason: 'Closer to home',
      consent: transferConsent,
    });
    expect(requested.statusCode, requested.body).toBe(201);
    const transfer = requested.json();
    expect(transfer).toMatchObject({ status: 'requested', requestedByKind: 'client', releaseDueOn: null });
    expect(
      (await call(counsellorA, 'POST', `/api/clients/${id}/transfers`, { toOrganizationId: agencyB })).statusCode,
    ).toBe(409);
    // The sender cannot accept for the receiver; the receiver sees the transfer, and the parts of the file
    // the client's consent names.
    expect((await call(counsellorA, 'POST', `/api/transfers/${transfer.id}/accept`)).statusCode).toBe(403);
    expect((await call(counsellorB, 'GET', `/api/clients/${id}/transfers`)).json().items).toHaveLength(1);
    const seen = await call(counsellorB, 'GET', `/api/clients/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().access).toMatchObject({ scope: 'cons', categories: ['employment', 'identity_contact'] });
    expect((await call(counsellorA, 'POST', `/api/transfers/${transfer.id}/release`)).statusCode).toBe(409);
    const accepted = await call(counsellorB, 'POST', `/api/transfers/${transfer.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    // The policy in force sets the release date (two business days) and is recorded on the transfer.
    expect(accepted.json()).toMatchObject({
      releaseDueOn: addBusinessDays(todayIn(), 2),
      policyVersion: 'transfer-2026.1',
      overdue: false,
    });
    expect((await call(counsellorB, 'POST', `/api/transfers/${transfer.id}/release`)).statusCode).toBe(403);
    // Not overdue yet: the system manager may not release it.
    expect((await call(admin, 'POST', `/api/transfers/${transfer.id}/release`)).statusCode).toBe(404);

    const released = await call(counsellorA, 'POST', `/api/transfers/${transfer.id}/release`);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json().status).toBe('released');
    expect((await call(counsellorB, 'GET', `/api/clients/${id}`)).json().organizationId).toBe(agencyB);
    expect((await call(counsellorA, 'GET', `/api/clients/${id}`)).statusCode).toBe(404);
    const team = (await call(counsellorB, 'GET', `/api/clients/${id}/team`)).json().items;
    expect(team.filter((m: { removedAt: string | null }) => m.removedAt === null)).toEqual([
      expect.objectContaining({ userId: counsellorB.id, teamRole: 'primary_worker' }),
    ]);
    expect(team).toContainEqual(expect.objectContaining({ userId: counsellorA.id, removalReason: 'transferred' }));
    // The former agency keeps the transfer record, as metadata.
    expect((await call(counsellorA, 'GET', `/api/clients/${id}/transfers`)).json().items[0].status).toBe('released');
  });

  it('reaches the other side: inboxes, tasks and notifications at each step, both sides seeing where it stands', async () => {
    const db = handle().db;
    const id = await intake();
    const identity = (await call(counsellorA, 'GET', `/api/clients/${id}`)).json().identityContact;
    const name = `${identity.givenName} ${identity.familyName}`;
    const outsider = await makeUser(db, {
      organizationId: (await makeOrganization(db)).id,
      roles: ['employment_counsellor'],
    });
    headers.set(outsider.id, (await makeSession(db, outsider)).headers);
    const notifications = async (u: TestUser) =>
      (await call(u, 'GET', '/api/notifications?perPage=100')).json().items as {
        kind: string;
        clientId: string;
        subjectId: string;
      }[];
    const tasks = async (u: TestUser) =>
      (await call(u, 'GET', '/api/tasks?perPage=100')).json().items as {
        id: string;
        kind: string;
        dueOn: string;
        clientName: string | null;
        status: string;
      }[];
    const list = async (u: TestUser, direction: 'incoming' | 'outgoing', status = 'open') => {
      const res = await call(u, 'GET', `/api/transfers?direction=${direction}&status=${status}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as { id: string; status: string; clientName: string | null }[];
    };

    const transfer = (
      await call(counsellorA, 'POST', `/api/clients/${id}/transfers`, {
        toOrganizationId: agencyB,
        consent: transferConsent,
      })
    ).json();
    // The receiving agency's inbox: the transfer with the client's name (the consent names identity and
    // contact), and its manager's task to answer it.
    expect(await list(managerB, 'incoming')).toContainEqual(
      expect.objectContaining({
        id: transfer.id,
        status: 'requested',
        clientName: name,
      }),
    );
    expect(await list(counsellorB, 'incoming')).toContainEqual(expect.objectContaining({ id: transfer.id }));
    const acceptTask = (await tasks(managerB)).find((t) => t.kind === 'transfer_accept');
    expect(acceptTask).toMatchObject({ status: 'open', clientName: name });
    expect(await notifications(managerB)).toContainEqual(
      expect.objectContaining({ kind: 'task_assigned', clientId: id, subjectId: acceptTask!.id }),
    );
    // The sending side sees where it stands; an agency that is no party sees nothing of it.
    expect(await list(counsellorA, 'outgoing')).toContainEqual(
      expect.objectContaining({ id: transfer.id, status: 'requested', clientName: expect.any(String) }),
    );
    expect(await list(outsider, 'incoming')).toEqual([]);
    // Each list read is audited, for the transfer's purpose, with the transfers it showed.
    const listed = await call(counsellorA, 'GET', '/api/transfers?direction=outgoing');
    expect(
      await db
        .selectFrom('auditLog')
        .select(['action', 'purpose', 'recordIds'])
        .where('requestId', '=', String(listed.headers['x-request-id']))
        .execute(),
    ).toEqual([{ action: 'transfer.read', purpose: 'transfer', recordIds: expect.arrayContaining([transfer.id]) }]);
    expect(await list(outsider, 'outgoing')).toEqual([]);
    // The accept task closes when the transfer is accepted, never by hand (nor can one be made by hand).
    const byHand = await call(managerB, 'POST', `/api/tasks/${acceptTask!.id}/complete`, { outcome: 'done' });
    expect(byHand.statusCode).toBe(400);
    expect(byHand.json().reason).toBe('task_closes_itself');
    expect((await tasks(managerB)).find((t) => t.id === acceptTask!.id)).toMatchObject({ status: 'open' });
    expect(
      (
        await call(counsellorA, 'POST', `/api/clients/${id}/tasks`, {
          title: 'Release it',
          kind: 'transfer_release',
          dueOn: todayIn(),
        })
      ).statusCode,
    ).toBe(400);

    // Accepted by the receiving agency: its task is done, the sending manager has the release task due on
    // the policy's date, and the person who asked hears of it.
    const accepted = (await call(counsellorB, 'POST', `/api/transfers/${transfer.id}/accept`)).json();
    expect((await tasks(managerB)).find((t) => t.id === acceptTask!.id)).toBeUndefined(); // no longer open
    const releaseTask = (await tasks(managerA)).find((t) => t.kind === 'transfer_release');
    expect(releaseTask).toMatchObject({ status: 'open', dueOn: accepted.releaseDueOn, clientName: expect.any(String) });
    expect(await notifications(counsellorA)).toContainEqual(
      expect.objectContaining({ kind: 'transfer_accepted', clientId: id, subjectId: transfer.id }),
    );
    expect(await list(managerB, 'incoming')).toContainEqual(
      expect.objectContaining({ id: transfer.id, status: 'accepted' }),
    );

    // Released by the sender: the release task is done, everyone on the case team and the receiving side hear
    // of it, and the sending side still sees the transfer, now without the client's name.
    expect((await call(counsellorA, 'POST', `/api/transfers/${transfer.id}/release`)).statusCode).toBe(200);
    expect((await tasks(managerA)).find((t) => t.id === releaseTask!.id)).toBeUndefined();
    for (const u of [counsellorB, managerB])
      expect(await notifications(u)).toContainEqual(
        expect.objectContaining({ kind: 'transfer_released', clientId: id, subjectId: transfer.id }),
      );
    expect(await list(counsellorA, 'outgoing')).not.toContainEqual(expect.objectContaining({ id: transfer.id }));
    expect(await list(counsellorA, 'outgoing', 'all')).toContainEqual(
      expect.objectContaining({ id: transfer.id, status: 'released', clientName: null }),
    );
    expect(await list(counsellorB, 'incoming', 'all')).toContainEqual(
      expect.objectContaining({ id: transfer.id, status: 'released', clientName: name }),
    );
    // Notifications name the client where the reader may see the name: the receiving agency now holds the
    // file; the sending manager no longer reaches it ("a client"). Reading the names is audited.
    const received = await call(managerB, 'GET', '/api/notifications');
    expect(received.json().items).toContainEqual(
      expect.objectContaining({ kind: 'transfer_released', clientId: id, clientName: name }),
    );
    expect(received.json().unreadByKind).toContainEqual(
      expect.objectContaining({ kind: 'transfer_released', count: expect.any(Number), clients: expect.any(Number) }),
    );
    const audited = await db
      .selectFrom('auditLog')
      .select(['action', 'recordIds'])
      .where('requestId', '=', String(received.headers['x-request-id']))
      .execute();
    expect(audited).toEqual([{ action: 'notification.read', recordIds: expect.arrayContaining([id]) }]);
    expect((await call(managerA, 'GET', '/api/notifications')).json().items).toContainEqual(
      expect.objectContaining({ kind: 'task_assigned', clientId: id, clientName: null }),
    );
  });

  it('shows overdue releases to the system manager as metadata, and lets an administrator release them', async () => {
    const id = await intake();
    await makeConsent(handle().db, { clientId: id, organizationId: agencyB, recordedByOrganizationId: agencyA });
    // The receiving agency asks with the client's consent: accepted at once, due in two business days.
    const asked = await call(counsellorB, 'POST', `/api/clients/${id}/transfers`, { toOrganizationId: agencyB });
    expect(asked.statusCode, asked.body).toBe(201);
    const dueOn = addBusinessDays(todayIn(), 2);
    expect(asked.json()).toMatchObject({
      status: 'accepted',
      requestedByKind: 'receiving_agency',
      releaseDueOn: dueOn,
      policyVersion: 'transfer-2026.1',
    });
    expect(
      (await call(counsellorB, 'POST', `/api/clients/${crypto.randomUUID()}/transfers`, { toOrganizationId: agencyB }))
        .statusCode,
    ).toBe(404);
    const overdueIds = async () =>
      (await call(analyst, 'GET', '/api/transfers/overdue'))
        .json()
        .items.map((t: { transferId: string }) => t.transferId);
    // On the due date itself it is not overdue yet.
    clock.set(dueOn);
    expect(await overdueIds()).not.toContain(asked.json().id);
    expect((await call(admin, 'POST', `/api/transfers/${asked.json().id}/release`)).statusCode).toBe(404);
    // Time passes: three weeks after acceptance the release is overdue.
    clock.advance({ days: 21 });
    try {
      const report = await call(analyst, 'GET', '/api/transfers/overdue');
      expect(report.statusCode, report.body).toBe(200);
      expect(report.json()).toMatchObject({ releaseDays: 2, policyVersion: 'transfer-2026.1' });
      const row = report.json().items.find((t: { transferId: string }) => t.transferId === asked.json().id);
      expect(row).toMatchObject({
        fromOrganizationId: agencyA,
        toOrganizationId: agencyB,
        releaseDueOn: dueOn,
        policyVersion: 'transfer-2026.1',
      });
      expect(row.businessDaysOverdue).toBe(businessDaysBetween(dueOn, todayIn()));
      expect(row.businessDaysOverdue).toBeGreaterThan(0);
      expect(JSON.stringify(report.json())).not.toContain(id);
      expect(
        (await call(managerB, 'GET', '/api/transfers/overdue'))
          .json()
          .items.map((t: { transferId: string }) => t.transferId),
      ).toContain(asked.json().id);
      expect((await call(counsellorB, 'GET', '/api/transfers/overdue')).statusCode).toBe(403);

      // The sweep tells both agencies' managers and the system manager, once.
      const transferId = asked.json().id as string;
      expect(await announceOverdueReleases(handle().db, clock)).toBeGreaterThan(0);
      const told = async () =>
        (
          await handle()
            .db.selectFrom('notifications')
            .select('userId')
            .where('subjectId', '=', transferId)
            .where('kind', '=', 'transfer_release_overdue')
            .execute()
        ).map((n) => n.userId);
      // (Other files' system managers, sharing this database, may be told too: the city has one.)
      const first = await told();
      expect(first).toEqual(expect.arrayContaining([managerA.id, managerB.id, admin.id, analyst.id]));
      expect(first).not.toContain(counsellorA.id);
      expect(first).not.toContain(counsellorB.id);
      await announceOverdueReleases(handle().db, clock);
      expect(await told()).toHaveLength(first.length);
      // Each reads it in their own inbox: the receiving agency with the client's name (its consent),
      // the system manager without it.
      const inbox = async (u: TestUser) =>
        (
          (await call(u, 'GET', '/api/notifications')).json().items as {
            kind: string;
            subjectId: string;
            clientName: string | null;
          }[]
        ).find((n) => n.kind === 'transfer_release_overdue' && n.subjectId === transferId);
      expect((await inbox(managerB))?.clientName).toBeTruthy();
      expect(await inbox(analyst)).toMatchObject({ clientName: null });
      const released = await call(admin, 'POST', `/api/transfers/${asked.json().id}/release`);
      expect(released.statusCode, released.body).toBe(200);
      expect(released.json()).toMatchObject({ status: 'released', releasedAt: clock.now().toISOString() });
      expect((await call(counsellorB, 'GET', `/api/clients/${id}`)).json().organizationId).toBe(agencyB);
    } finally {
      clock.set(new Date());
    }
  });
});
