import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeOrganization, makeService, makeSession, makeUser, type TestUser } from '../../../test/factories.ts';
import { testClock } from '../../../test/clock.ts';
import type { AppInstance } from '../../server/app.ts';
import { addBusinessDays } from '../../lib/business-days.ts';
import { addDays } from '../../lib/dates.ts';
import { announceOverdueReferrals } from './referral.service.ts';

const letters = (n: number) => [...crypto.randomBytes(n)].map((b) => 'bcdfghjklmnprstvwz'[b % 18]).join('');
const person = (dateOfBirth = '1990-04-12') => ({
  givenName: `${letters(1).toUpperCase()}${letters(6)}`,
  familyName: `${letters(1).toUpperCase()}${letters(8)}`,
  dateOfBirth,
  educationLevel: 'high_school',
  incomeSource: 'odsp',
});
const consent = {
  categories: ['identity_contact', 'employment'],
  method: 'in_person',
  evidence: 'Signed referral form',
};

describeEachEngine('closed-loop referrals', ({ handle }) => {
  let app: AppInstance;
  let agencyA: string;
  let agencyB: string;
  let agencyC: string;
  let counsellorA: TestUser;
  let counsellorB: TestUser;
  let managerB: TestUser;
  let counsellorC: TestUser;
  let program: string;
  const headers = new Map<string, Record<string, string>>();
  // The app's clock, on a Wednesday: a test moves it on to let deadlines pass.
  const clock = testClock('2026-12-02');
  const call = (u: TestUser, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
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
    agencyC = (await makeOrganization(db)).id;
    counsellorA = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    counsellorB = await makeUser(db, { organizationId: agencyB, roles: ['employment_counsellor'] });
    managerB = await makeUser(db, { organizationId: agencyB, roles: ['agency_manager'] });
    counsellorC = await makeUser(db, { organizationId: agencyC, roles: ['employment_counsellor'] });
    for (const u of [counsellorA, counsellorB, managerB, counsellorC])
      headers.set(u.id, (await makeSession(db, u)).headers);
    program = (
      await makeService(db, agencyB, { name: 'Forklift and warehouse training', interventionTypes: ['training'] })
    ).id;
  });
  afterAll(async () => app.close());

  async function intake(dateOfBirth?: string): Promise<string> {
    const res = await call(counsellorA, 'POST', '/api/clients', person(dateOfBirth));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  const referralRows = async (clientId: string) =>
    handle().db.selectFrom('referrals').selectAll().where('clientId', '=', clientId).execute();
  const notified = async (subjectId: string, kind: string) =>
    (
      await handle()
        .db.selectFrom('notifications')
        .select('userId')
        .where('subjectId', '=', subjectId)
        .where('kind', '=', kind as never)
        .execute()
    ).map((n) => n.userId);

  it('sends a referral with the consent it needs, into the receiving agency’s inbox with a task, and closes the loop step by step', async () => {
    const clientId = await intake();
    // No consent names agency B yet: the referral asks for one, and nothing is written without it.
    const refused = await call(counsellorA, 'POST', `/api/clients/${clientId}/referrals`, { serviceId: program });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().reason).toBe('referral_consent_required');
    expect(await referralRows(clientId)).toHaveLength(0);

    const sent = await call(counsellorA, 'POST', `/api/clients/${clientId}/referrals`, {
      serviceId: program,
      note: 'Wants to work in a warehouse; has a G licence.',
      consent,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const referral = sent.json();
    expect(referral).toMatchObject({
      status: 'sent',
      from: { id: agencyA },
      to: { id: agencyB },
      service: { id: program, name: 'Forklift and warehouse training' },
      policyVersion: 'referral-2026.1',
      acknowledgeDueOn: addBusinessDays('2026-12-02', 2),
      overdue: null,
    });
    // The same program again while this one is open: refused.
    const again = await call(counsellorA, 'POST', `/api/clients/${clientId}/referrals`, { serviceId: program });
    expect(again.statusCode).toBe(409);

    // The receiving side: the manager has the task to answer, and sees the client by the referral's consent.
    const task = await handle()
      .db.selectFrom('tasks')
      .selectAll()
      .where('clientId', '=', clientId)
      .where('kind', '=', 'referral_respond')
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ assignedTo: managerB.id, organizationId: agencyB, status: 'open' });
    const inbox = (await call(counsellorB, 'GET', '/api/referrals?box=inbox')).json();
    const mine = inbox.items.find((r: { id: string }) => r.id === referral.id);
    expect(mine.clientName).toMatch(/\S+ \S+/);
    expect((await call(counsellorB, 'GET', `/api/clients/${clientId}`)).statusCode).toBe(200);
    // The sender's outbox has it; a third agency sees it nowhere, and its page reads like a random id.
    expect(
      (await call(counsellorA, 'GET', '/api/referrals?box=outbox')).json().items.map((r: { id: string }) => r.id),
    ).toContain(referral.id);
    expect(
      (await call(counsellorC, 'GET', '/api/referrals?box=inbox')).json().items.map((r: { id: string }) => r.id),
    ).not.toContain(referral.id);
    const hidden = await call(counsellorC, 'GET', `/api/referrals/${referral.id}`);
    const random = await call(counsellorC, 'GET', `/api/referrals/${crypto.randomUUID()}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().detail).toBe(random.json().detail);
    expect(
      (await call(counsellorC, 'POST', `/api/referrals/${referral.id}/status`, { status: 'accepted' })).statusCode,
    ).toBe(404);

    // Out of order, the wrong side, or no reason: a clear refusal and no change.
    const early = await call(counsellorB, 'POST', `/api/referrals/${referral.id}/status`, { status: 'attending' });
    expect(early.statusCode).toBe(409);
    expect(early.json().reason).toBe('referral_out_of_order');
    expect(
      (await call(counsellorA, 'POST', `/api/referrals/${referral.id}/status`, { status: 'accepted' })).statusCode,
    ).toBe(403);
    const noReason = await call(counsellorB, 'POST', `/api/referrals/${referral.id}/status`, { status: 'declined' });
    expect(noReason.statusCode).toBe(400);
    expect((await referralRows(clientId))[0]!.status).toBe('sent');

    // The receiving worker accepts: the sender hears of it, the plan step is under way, the start clock runs.
    const accepted = await call(counsellorB, 'POST', `/api/referrals/${referral.id}/status`, { status: 'accepted' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      handledBy: { id: counsellorB.id },
      firstServiceDueOn: addBusinessDays('2026-12-02', 10),
      side: 'receiving',
      nextStatuses: ['enrolled', 'dropped'],
    });
    expect(await notified(referral.id, 'referral_updated')).toContain(counsellorA.id);
    expect(
      (await handle().db.selectFrom('tasks').select('status').where('id', '=', task.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('done');
    const plan = (await call(counsellorA, 'GET', `/api/clients/${clientId}/plan`)).json();
    expect(plan.steps).toEqual([
      expect.objectContaining({
        phase: 'training',
        status: 'in_progress',
        link: { kind: 'referral', id: referral.id },
      }),
    ]);

    // Enrolled, attending, completed: each step timestamped and seen by both sides.
    for (const status of ['enrolled', 'attending', 'completed'])
      expect((await call(counsellorB, 'POST', `/api/referrals/${referral.id}/status`, { status })).statusCode).toBe(
        200,
      );
    const seenBySender = (await call(counsellorA, 'GET', `/api/referrals/${referral.id}`)).json();
    expect(seenBySender.status).toBe('completed');
    expect(seenBySender.side).toBe('sending');
    expect(seenBySender.events.map((e: { status: string }) => e.status)).toEqual([
      'sent',
      'accepted',
      'enrolled',
      'attending',
      'completed',
    ]);
    expect(seenBySender.closedAt).not.toBeNull();
    const closedMove = await call(counsellorB, 'POST', `/api/referrals/${referral.id}/status`, {
      status: 'dropped',
      reason: 'other',
    });
    expect(closedMove.statusCode).toBe(409);
    expect((await call(counsellorA, 'GET', `/api/clients/${clientId}/plan`)).json().steps[0].status).toBe('done');

    // The fit: the receiving worker rates it; the sender may not.
    const rated = await call(counsellorB, 'PUT', `/api/referrals/${referral.id}/rating`, {
      fit: 'good',
      comment: 'Finished top of the class',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().ratings).toEqual([expect.objectContaining({ rater: 'receiving_worker', fit: 'good' })]);
    expect((await call(counsellorA, 'PUT', `/api/referrals/${referral.id}/rating`, { fit: 'poor' })).statusCode).toBe(
      403,
    );

    // The client's timeline and the file's list carry the referral for the holding agency.
    const listed = (await call(counsellorA, 'GET', `/api/clients/${clientId}/referrals`)).json();
    expect(listed.items.map((r: { id: string }) => r.id)).toEqual([referral.id]);
    const timeline = (await call(counsellorA, 'GET', `/api/clients/${clientId}/timeline`)).json();
    expect(timeline.items.filter((e: { kind: string }) => e.kind === 'referral').length).toBe(5);
    // The receiving agency reaches the file by the referral's consent: its list and timeline carry the
    // referrals it received; a third agency reaches neither.
    const received = (await call(counsellorB, 'GET', `/api/clients/${clientId}/referrals`)).json();
    expect(received.items.map((r: { id: string }) => r.id)).toEqual([referral.id]);
    const theirs = (await call(counsellorB, 'GET', `/api/clients/${clientId}/timeline`)).json();
    expect(theirs.items.filter((e: { kind: string }) => e.kind === 'referral').length).toBe(5);
    expect((await call(counsellorC, 'GET', `/api/clients/${clientId}/referrals`)).statusCode).toBe(404);

    // Every read and step left an audit row naming the referral.
    const audited = await handle()
      .db.selectFrom('auditLog')
      .select(['action', 'outcome'])
      .where('recordId', '=', referral.id)
      .execute();
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['referral.create', 'referral.respond', 'referral.read', 'referral.rate']),
    );
  });

  it('refuses a closed, full or age-barred program, and an unknown specialist, writing nothing', async () => {
    const db = handle().db;
    const closed = (await makeService(db, agencyB, { status: 'inactive' })).id;
    const full = (await makeService(db, agencyB, { seats: 12, seatsOpen: 0 })).id;
    const youth = (await makeService(db, agencyB, { minimumAge: 15, maximumAge: 29 })).id;
    const clientId = await intake('1970-01-05');
    for (const [serviceId, reason] of [
      [closed, 'service_closed'],
      [full, 'service_full'],
      [youth, 'not_eligible_age'],
      [crypto.randomUUID(), 'unknown_service'],
    ] as const) {
      const res = await call(counsellorA, 'POST', `/api/clients/${clientId}/referrals`, { serviceId, consent });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().reason).toBe(reason);
    }
    const nobody = await call(counsellorA, 'POST', `/api/clients/${clientId}/referrals`, {
      toUserId: crypto.randomUUID(),
      consent,
    });
    expect(nobody.json().reason).toBe('unknown_specialist');
    expect(await referralRows(clientId)).toHaveLength(0);
    expect(await db.selectFrom('consents').select('id').where('clientId', '=', clientId).execute()).toHaveLength(0);
  });

  it('finds a named specialist at another agency by words or by agency: work names, roles and agency only', async () => {
    const db = handle().db;
    const disabled = await makeUser(db, {
      organizationId: agencyB,
      roles: ['employment_counsellor'],
      status: 'disabled',
    });
    const employer = (await makeOrganization(db, { type: 'employer' })).id;
    await makeUser(db, { organizationId: employer, roles: ['employer_user'] });
    const byAgency = await call(counsellorA, 'GET', `/api/referrals/specialists?organizationId=${agencyB}`);
    expect(byAgency.statusCode, byAgency.body).toBe(200);
    const found = byAgency.json() as {
      items: { id: string; name: string; roles: string[]; organization: { id: string } }[];
    };
    const ids = found.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([counsellorB.id, managerB.id]));
    // Not a disabled account, and nobody at an employer.
    expect(ids).not.toContain(disabled.id);
    const atEmployer = await call(counsellorA, 'GET', `/api/referrals/specialists?organizationId=${employer}`);
    expect(atEmployer.json()).toMatchObject({ items: [], total: 0 });
    expect(found.items.find((i) => i.id === managerB.id)).toMatchObject({
      roles: ['agency_manager'],
      organization: { id: agencyB },
    });
    expect(Object.keys(found.items[0]!).sort()).toEqual(['id', 'name', 'organization', 'roles']);

    // By a word of the name, folded; never the caller's own agency.
    const word = counsellorB.displayName.split(' ').pop()!.toUpperCase();
    const byWords = (await call(counsellorA, 'GET', `/api/referrals/specialists?q=${word}`)).json() as typeof found;
    expect(byWords.items.map((i) => i.id)).toEqual([counsellorB.id]);
    const own = (
      await call(counsellorB, 'GET', `/api/referrals/specialists?organizationId=${agencyB}`)
    ).json() as typeof found;
    expect(own.items).toEqual([]);

    const bad = await call(counsellorA, 'GET', '/api/referrals/specialists');
    expect(bad.statusCode).toBe(400);
    const audit = await db
      .selectFrom('auditLog')
      .select(['action', 'reason'])
      .where('actorUserId', '=', counsellorA.id)
      .where('reason', '=', 'specialists found')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('reaches a named specialist, lets the sender withdraw, and carries issues both ways', async () => {
    const clientId = await intake();
    const sent = await call(counsellorA, 'POST', `/api/clients/${clientId}/referrals`, {
      toUserId: counsellorB.id,
      consent,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    expect(sent.json()).toMatchObject({ toUser: { id: counsellorB.id }, to: { id: agencyB }, service: null });
    // The specialist has the task; the agency's manager hears of it.
    const task = await handle()
      .db.selectFrom('tasks')
      .select(['assignedTo'])
      .where('clientId', '=', clientId)
      .where('kind', '=', 'referral_respond')
      .executeTakeFirstOrThrow();
    expect(task.assignedTo).toBe(counsellorB.id);
    expect(await notified(id, 'referral_received')).toEqual([managerB.id]);

    const raised = await call(counsellorA, 'POST', `/api/referrals/${id}/issues`, {
      action: 'raise',
      note: 'The client moved; new phone number on file.',
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().issueOpen).toBe(true);
    const seen = (await call(counsellorB, 'GET', `/api/referrals/${id}`)).json();
    expect(seen.issueOpen).toBe(true);
    expect(seen.events.at(-1)).toMatchObject({
      kind: 'issue_raised',
      note: 'The client moved; new phone number on file.',
    });
    expect(
      (
        await call(counsellorB, 'POST', `/api/referrals/${id}/issues`, {
          action: 'resolve',
          note: 'Reached the client.',
        })
      ).json().issueOpen,
    ).toBe(false);
    expect((await call(counsellorB, 'POST', `/api/referrals/${id}/status`, { status: 'received' })).statusCode).toBe(
      200,
    );
    // Only the sender withdraws.
    expect((await call(counsellorB, 'POST', `/api/referrals/${id}/status`, { status: 'withdrawn' })).statusCode).toBe(
      403,
    );
    const withdrawn = await call(counsellorA, 'POST', `/api/referrals/${id}/status`, {
      status: 'withdrawn',
      reason: 'referred_elsewhere',
      note: 'Found a closer program.',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      status: 'withdrawn',
      reason: 'referred_elsewhere',
      reasonNote: 'Found a closer program.',
    });
    expect(await notified(id, 'referral_updated')).toContain(counsellorB.id);
  });

  it('announces a referral nobody answered in time to both sides, once', async () => {
    const clientId = await intake();
    const id = (
      await call(counsellorA, 'POST', `/api/clients/${clientId}/referrals`, { serviceId: program, consent })
    ).json().id as string;
    expect(await announceOverdueReferrals(handle().db, clock)).toBe(0);
    clock.set(addDays(addBusinessDays('2026-12-02', 2), 1));
    try {
      expect((await call(counsellorB, 'GET', `/api/referrals/${id}`)).json().overdue).toBe('acknowledge');
      const overdue = (await call(counsellorB, 'GET', '/api/referrals?box=inbox&overdue=true')).json();
      expect(overdue.items.map((r: { id: string }) => r.id)).toContain(id);
      expect(await announceOverdueReferrals(handle().db, clock)).toBeGreaterThan(0);
      const told = await notified(id, 'referral_overdue');
      expect(told).toEqual(expect.arrayContaining([counsellorA.id, managerB.id]));
      await announceOverdueReferrals(handle().db, clock);
      expect(await notified(id, 'referral_overdue')).toHaveLength(told.length);
    } finally {
      clock.set('2026-12-02');
    }
  });

  it('measures loop closure, time to acknowledge and to start, and decline reasons, small counts withheld', async () => {
    const db = handle().db;
    // Two agencies of their own for this test: D refers fifteen clients to E's one program; E accepts
    // and starts twelve, and declines three for lack of room.
    const agencyD = (await makeOrganization(db)).id;
    const agencyE = (await makeOrganization(db, { type: 'training_organization' })).id;
    const [sender, receiver, managerE] = await Promise.all([
      makeUser(db, { organizationId: agencyD, roles: ['employment_counsellor'] }),
      makeUser(db, { organizationId: agencyE, roles: ['employment_counsellor'] }),
      makeUser(db, { organizationId: agencyE, roles: ['agency_manager'] }),
    ]);
    for (const u of [sender, receiver, managerE]) headers.set(u.id, (await makeSession(db, u)).headers);
    const cohort = (await makeService(db, agencyE, { name: 'Customer service cohort' })).id;
    for (let i = 0; i < 15; i++) {
      const made = await call(sender, 'POST', '/api/clients', person());
      const id = (
        await call(sender, 'POST', `/api/clients/${made.json().id}/referrals`, { serviceId: cohort, consent })
      ).json().id as string;
      const steps =
        i < 12 ? [{ status: 'accepted' }, { status: 'enrolled' }] : [{ status: 'declined', reason: 'no_capacity' }];
      for (const step of steps)
        expect((await call(receiver, 'POST', `/api/referrals/${id}/status`, step)).statusCode).toBe(200);
    }
    const report = await call(managerE, 'GET', '/api/reports/referrals');
    expect(report.statusCode, report.body).toBe(200);
    const body = report.json();
    expect(body.scope).toBe('organization');
    expect(body.byService).toHaveLength(1);
    const row = body.byService[0];
    expect(row).toMatchObject({
      serviceId: cohort,
      sent: 15,
      loopClosed: 15,
      loopClosureRate: 1,
      accepted: 12,
      started: 12,
      medianDaysToAcknowledge: 0,
      medianDaysToFirstService: 0,
    });
    // Three declines are under the minimum cell: withheld, and the reason's count with them.
    expect(row.declined).toBeNull();
    expect(row.declineReasons.find((x: { reason: string }) => x.reason === 'no_capacity').count).toBeNull();
    expect(body.total).toMatchObject({ sent: 15, declined: null });
    // A counsellor holds no report; another agency's manager sees none of this agency's programs; the
    // report is audited.
    expect((await call(receiver, 'GET', '/api/reports/referrals')).statusCode).toBe(403);
    const elsewhere = await makeUser(db, { organizationId: agencyC, roles: ['agency_manager'] });
    headers.set(elsewhere.id, (await makeSession(db, elsewhere)).headers);
    const theirs = (await call(elsewhere, 'GET', '/api/reports/referrals')).json();
    expect(theirs.byService.some((x: { serviceId: string }) => x.serviceId === cohort)).toBe(false);
    const audited = await db
      .selectFrom('auditLog')
      .select('action')
      .where('actorUserId', '=', managerE.id)
      .where('action', '=', 'report.referrals')
      .execute();
    expect(audited).toHaveLength(1);
  });
});
