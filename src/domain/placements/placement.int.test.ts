import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import {
  makeClient,
  makeJobOrder,
  makeOrganization,
  makeSession,
  makeUser,
  type TestSession,
} from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import type { Organization } from '../organizations/organization.ts';

// The placement pipeline (issue 14, point 5): proposed by the agency, shared with the employer under
// the client's consent, answered by either side, each step in the other side's inbox; a hire opens the
// employment record and fills the job order; a work placement is evaluated by the employer.

describeEachEngine('placements', ({ handle }) => {
  let app: AppInstance;
  const clock = testClock('2026-12-03');
  let agency: Organization;
  let elsewhere: Organization;
  let employer: Organization;
  let otherEmployer: Organization;
  let developer: TestSession;
  let counsellor: TestSession;
  let outsider: TestSession;
  let reviewer: TestSession;
  let colleague: TestSession;
  let stranger: TestSession;
  let clientId: string;
  let placementJob: string;
  let plainJob: string;
  let placementId: string;

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    agency = await makeOrganization(db);
    elsewhere = await makeOrganization(db, { type: 'community_agency' });
    employer = await makeOrganization(db, { type: 'employer', name: 'Lakeshore Bakery' });
    otherEmployer = await makeOrganization(db, { type: 'employer' });
    developer = await makeSession(db, await makeUser(db, { organizationId: agency.id, roles: ['job_developer'] }));
    counsellor = await makeSession(db, await makeUser(db, { organizationId: agency.id }));
    outsider = await makeSession(db, await makeUser(db, { organizationId: elsewhere.id }));
    reviewer = await makeSession(db, await makeUser(db, { organizationId: employer.id, roles: ['employer_user'] }));
    colleague = await makeSession(db, await makeUser(db, { organizationId: employer.id, roles: ['employer_user'] }));
    stranger = await makeSession(
      db,
      await makeUser(db, { organizationId: otherEmployer.id, roles: ['employer_user'] }),
    );
    const client = await makeClient(db, { organizationId: agency.id });
    clientId = client.id;
    await db
      .updateTable('clients')
      .set({ targetNocCodes: ['63202'], hoursWanted: 30, email: 'amina@example.org', phone: '416-555-0142' })
      .where('id', '=', clientId)
      .execute();
    await db
      .insertInto('clientWorkHistory')
      .values({ clientId, nocCode: '65201', startDate: '2019-01-01', endDate: '2024-06-30' })
      .execute();
    placementJob = (
      await makeJobOrder(db, employer.id, {
        title: 'Bakery helper (work placement)',
        nocCode: '63202',
        wilType: 'work_placement',
        openings: 1,
      })
    ).id;
    plainJob = (await makeJobOrder(db, employer.id, { title: 'Counter attendant', nocCode: '65201' })).id;
  });
  afterAll(async () => app.close());

  const get = (session: TestSession, url: string) => app.inject({ url, headers: session.headers });
  const post = (session: TestSession, url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers: session.headers, payload: payload as object });
  const step = (session: TestSession, payload: unknown) =>
    post(session, `/api/placements/${placementId}/steps`, payload);
  const status = async () =>
    (
      await handle()
        .db.selectFrom('placements')
        .select(['status', 'reason'])
        .where('id', '=', placementId)
        .executeTakeFirstOrThrow()
    ).status;

  describe('proposed', () => {
    it('is the agency’s own: the employer does not know it exists', async () => {
      const res = await post(developer, `/api/clients/${clientId}/placements`, {
        jobOrderId: placementJob,
        pitch: 'Five years at a food counter; wants early shifts.',
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      placementId = body.id;
      expect(body).toMatchObject({
        status: 'proposed',
        job: { id: placementJob, employer: { id: employer.id, name: 'Lakeshore Bakery' } },
        agency: { id: agency.id },
        candidate: { id: clientId, sharedCategories: null },
        next: ['shared', 'withdrawn'],
      });
      expect((await get(reviewer, `/api/placements/${placementId}`)).statusCode).toBe(404);
      expect((await get(reviewer, '/api/placements')).json().items).toEqual([]);
      expect((await get(outsider, `/api/placements/${placementId}`)).statusCode).toBe(404);
      const audit = await handle()
        .db.selectFrom('auditLog')
        .select(['action', 'purpose'])
        .where('recordId', '=', placementId)
        .where('action', '=', 'placement.propose')
        .execute();
      expect(audit).toEqual([{ action: 'placement.propose', purpose: 'placement' }]);
    });

    it('refuses a second open proposal, an unknown job order and a job order that is not open', async () => {
      const again = await post(developer, `/api/clients/${clientId}/placements`, { jobOrderId: placementJob });
      expect(again.statusCode).toBe(409);
      expect(again.json().reason).toBe('placement_open');
      const unknown = await post(developer, `/api/clients/${clientId}/placements`, {
        jobOrderId: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors[0]).toMatchObject({ field: 'jobOrderId', code: 'unknown_job_order' });
      const closed = await makeJobOrder(handle().db, employer.id, { closingOn: '2026-11-30' });
      const late = await post(developer, `/api/clients/${clientId}/placements`, { jobOrderId: closed.id });
      expect(late.json().errors[0]).toMatchObject({ field: 'jobOrderId', code: 'job_order_closed' });
    });

    it('is refused (404) to an agency that does not reach the client', async () => {
      const res = await post(outsider, `/api/clients/${clientId}/placements`, { jobOrderId: plainJob });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('shared with the employer', () => {
    it('needs the client’s consent naming the employer, and writes nothing without it', async () => {
      const res = await step(developer, { status: 'shared' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'consent', code: 'placement_consent_required' });
      expect(await status()).toBe('proposed');
    });

    it('records the consent given now, and lands in the employer’s inbox as a task and a notification', async () => {
      // A job developer does not record consents (docs/permissions.md 3.4): the counsellor shares it.
      const byDeveloper = await step(developer, {
        status: 'shared',
        consent: { categories: ['identity_contact'], method: 'in_person', evidence: 'Signed form, 3 Dec' },
      });
      expect(byDeveloper.statusCode).toBe(403);
      expect(await status()).toBe('proposed');
      const res = await step(counsellor, {
        status: 'shared',
        consent: { categories: ['identity_contact'], method: 'in_person', evidence: 'Signed form, 3 Dec' },
        note: 'Available from Monday.',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'shared', candidate: { sharedCategories: ['identity_contact'] } });
      const tasks = (await get(reviewer, '/api/tasks')).json();
      const task = tasks.items.find((t: { kind: string }) => t.kind === 'placement_review');
      expect(task).toMatchObject({
        organizationId: employer.id,
        title: 'Review a candidate for Bakery helper (work placement)',
      });
      const heard = (await get(colleague, '/api/notifications')).json();
      expect(heard.items[0]).toMatchObject({
        kind: 'placement_shared',
        subjectId: placementId,
        jobTitle: 'Bakery helper (work placement)',
      });
      // The consent names the employer with identity_contact: its staff read the candidate's name.
      expect(heard.items[0].clientName).toMatch(/^Test Client/);
    });

    it('shows the employer only the categories the consent names: the name and contact, not the work history', async () => {
      const res = await get(reviewer, `/api/placements/${placementId}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.candidate).toMatchObject({
        id: null,
        email: 'amina@example.org',
        phone: '416-555-0142',
        employment: null,
        sharedCategories: ['identity_contact'],
      });
      expect(body.candidate.name).toBeTruthy();
      expect(body.next).toEqual(['interview', 'offer', 'not_hired']);
      expect(JSON.stringify(body)).not.toMatch(/stream|note_text|assessment/i);
      const list = (await get(reviewer, '/api/placements')).json();
      expect(list.items.map((p: { id: string }) => p.id)).toEqual([placementId]);
      expect(list.items[0].candidate).toEqual({ id: null, name: body.candidate.name });
      // Another employer, and the agency with no consent, find nothing.
      expect((await get(stranger, `/api/placements/${placementId}`)).statusCode).toBe(404);
      expect((await get(stranger, '/api/placements')).json().items).toEqual([]);
      const audit = await handle()
        .db.selectFrom('auditLog')
        .select(['actorOrganizationId', 'clientId', 'purpose'])
        .where('recordId', '=', placementId)
        .where('action', '=', 'placement.read')
        .where('outcome', '=', 'succeeded')
        .where('actorOrganizationId', '=', employer.id)
        .execute();
      expect(audit[0]).toEqual({ actorOrganizationId: employer.id, clientId, purpose: 'placement' });
    });
  });

  describe('answered by either side', () => {
    it('an interview by the employer closes their task and reaches the proposing worker', async () => {
      const res = await step(reviewer, { status: 'interview', interviewAt: '2026-12-08T15:00:00-05:00' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'interview', interviewAt: '2026-12-08T20:00:00.000Z' });
      const open = (await get(reviewer, '/api/tasks'))
        .json()
        .items.filter((t: { kind: string }) => t.kind === 'placement_review');
      expect(open).toEqual([]);
      const heard = (await get(developer, '/api/notifications')).json();
      expect(heard.items[0]).toMatchObject({ kind: 'placement_updated', subjectId: placementId, clientId });
      expect(heard.items[0].clientName).toBeTruthy();
      expect(heard.items[0].jobTitle).toBe('Bakery helper (work placement)');
    });

    it('refuses a step out of order, and a step that is the agency’s to take', async () => {
      const hired = await step(reviewer, {
        status: 'hired',
        employment: { startDate: '2026-12-14', hoursPerWeek: 25 },
      });
      expect(hired.statusCode).toBe(409);
      expect(hired.json().reason).toBe('placement_step_not_allowed');
      const withdraw = await step(reviewer, { status: 'withdrawn', reason: 'other' });
      expect(withdraw.statusCode).toBe(409);
      expect(withdraw.json().reason).toBe('placement_step_agency_only');
      const badReason = await step(developer, { status: 'not_hired', reason: 'consent_withdrawn' });
      expect(badReason.statusCode).toBe(400);
      expect(await status()).toBe('interview');
    });

    it('a hire below the minimum wage is refused and writes nothing', async () => {
      expect((await step(reviewer, { status: 'offer' })).statusCode).toBe(200);
      const res = await step(reviewer, {
        status: 'hired',
        employment: { startDate: '2026-12-14', hoursPerWeek: 25, hourlyWage: 12 },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'employment.hourlyWage', code: 'below_minimum_wage' });
      expect(await status()).toBe('offer');
      const employments = await handle()
        .db.selectFrom('employments')
        .select('id')
        .where('clientId', '=', clientId)
        .execute();
      expect(employments).toEqual([]);
    });

    it('a hire opens the employment record and fills the job order’s only opening', async () => {
      const res = await step(reviewer, {
        status: 'hired',
        employment: { startDate: '2026-12-14', hoursPerWeek: 22.5 },
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.status).toBe('hired');
      expect(body.employment).toMatchObject({
        jobTitle: 'Bakery helper (work placement)',
        nocCode: '63202',
        startDate: '2026-12-14',
        hoursPerWeek: 22.5,
      });
      expect(body.events.map((e: { status: string; side: string }) => [e.status, e.side])).toEqual([
        ['proposed', 'agency'],
        ['shared', 'agency'],
        ['interview', 'employer'],
        ['offer', 'employer'],
        ['hired', 'employer'],
      ]);
      const job = (await get(developer, `/api/jobs/${placementJob}`)).json();
      expect(job.status).toBe('filled');
      expect(body.mayEvaluate).toBe(true);
    });
  });

  describe('a work placement’s evaluation', () => {
    const evaluation = {
      periodEnd: '2026-12-03',
      attendance: 4,
      punctuality: 3,
      jobSkills: 3,
      teamwork: 4,
      communication: 3,
      wouldHire: 'yes',
      comments: 'Reliable and quick to learn the ovens.',
    };

    it('is recorded by the employer once per period, and reaches the agency', async () => {
      const res = await post(reviewer, `/api/placements/${placementId}/evaluations`, evaluation);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().evaluations).toMatchObject([{ periodEnd: '2026-12-03', wouldHire: 'yes' }]);
      const again = await post(reviewer, `/api/placements/${placementId}/evaluations`, evaluation);
      expect(again.statusCode).toBe(409);
      const future = await post(reviewer, `/api/placements/${placementId}/evaluations`, {
        ...evaluation,
        periodEnd: '2026-12-31',
      });
      expect(future.json().errors[0]).toMatchObject({ field: 'periodEnd', code: 'date_in_future' });
      const outside = await post(stranger, `/api/placements/${placementId}/evaluations`, evaluation);
      expect(outside.statusCode).toBe(404);
    });

    it('is refused for a job that is not a work placement', async () => {
      const db = handle().db;
      const other = await makeClient(db, { organizationId: agency.id });
      const proposed = (await post(developer, `/api/clients/${other.id}/placements`, { jobOrderId: plainJob })).json();
      const res = await post(developer, `/api/placements/${proposed.id}/evaluations`, {
        periodEnd: '2026-12-01',
        attendance: 3,
        punctuality: 3,
        jobSkills: 3,
        teamwork: 3,
        communication: 3,
        wouldHire: 'maybe',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().reason).toBe('placement_not_work_placement');
    });
  });

  describe('after the consent ends', () => {
    it('the employer keeps the placement but no longer reads the candidate', async () => {
      const consentId = (
        await handle()
          .db.selectFrom('placements')
          .select('consentId')
          .where('id', '=', placementId)
          .executeTakeFirstOrThrow()
      ).consentId!;
      const revoked = await post(counsellor, `/api/clients/${clientId}/consents/${consentId}/revoke`, {
        method: 'phone',
      });
      expect(revoked.statusCode, revoked.body).toBe(200);
      const body = (await get(reviewer, `/api/placements/${placementId}`)).json();
      expect(body.candidate).toMatchObject({ name: null, email: null, phone: null, sharedCategories: [] });
      expect((await get(reviewer, '/api/placements')).json().items[0].candidate.name).toBeNull();
    });
  });

  describe('from the client’s file', () => {
    it('lists the reader’s agency’s placements, and is 404 to an agency without access', async () => {
      const res = await get(counsellor, `/api/clients/${clientId}/placements`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
        [placementId, 'hired'],
      ]);
      expect((await get(outsider, `/api/clients/${clientId}/placements`)).statusCode).toBe(404);
      expect((await get(reviewer, `/api/clients/${clientId}/placements`)).statusCode).toBe(404);
    });

    it('puts each step on the client’s timeline for the agency that proposed it, in order, with the employer', async () => {
      const res = await get(counsellor, `/api/clients/${clientId}/timeline`);
      expect(res.statusCode, res.body).toBe(200);
      const steps = (
        res.json().items as {
          kind: string;
          detail: { placementId?: string; placementStep?: string; namedOrganization?: string };
        }[]
      )
        .filter((e) => e.kind === 'placement' && e.detail.placementId === placementId)
        .map((e) => e.detail.placementStep);
      // Newest first: the hire, back to the proposal.
      expect(steps[0]).toBe('hired');
      expect(steps.at(-1)).toBe('proposed');
      expect(steps).toContain('shared');
    });
  });
});
