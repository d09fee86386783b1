import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import {
  makeAssessment,
  makeClient,
  makeConsent,
  makeJobOrder,
  makeOrganization,
  makeSession,
  makeUser,
  type TestSession,
} from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import type { Organization } from '../organizations/organization.ts';
import { getMatchModel, matchClientSchema, matchJobSchema, rankJobsForClient } from './match.ts';

// A client's best job orders from the API (issue 14, point 4): what of the file a match reads follows what
// the reader may see, and the fast path (open job orders in the client's NOC ranges) ranks exactly as a
// search of every open job order would.

describeEachEngine('job matches for a client', ({ handle }) => {
  let app: AppInstance;
  const clock = testClock('2026-12-03');
  let agency: Organization;
  let partner: Organization;
  let developer: TestSession;
  let partnerCounsellor: TestSession;
  let clientId: string;
  const jobs: Record<string, string> = {};

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    agency = await makeOrganization(db);
    partner = await makeOrganization(db, { type: 'community_agency' });
    developer = await makeSession(db, await makeUser(db, { organizationId: agency.id, roles: ['job_developer'] }));
    partnerCounsellor = await makeSession(db, await makeUser(db, { organizationId: partner.id }));
    const client = await makeClient(db, { organizationId: agency.id });
    clientId = client.id;
    await db
      .updateTable('clients')
      .set({ targetNocCodes: ['63201'], hoursWanted: 30, postalCode: 'M6K 1X9' })
      .where('id', '=', clientId)
      .execute();
    await db
      .insertInto('clientWorkHistory')
      .values({ clientId, nocCode: '65201', startDate: '2019-01-01', endDate: '2024-06-30' })
      .execute();
    await db
      .insertInto('clientAccommodations')
      .values({ clientId, kind: 'scheduling', disabilityRelated: false })
      .execute();
    await makeAssessment(db, clientId);
    const marker = crypto.randomBytes(3).toString('hex');
    const employer = await makeOrganization(db, { type: 'employer', name: `Match butcher ${marker}` });
    const post = async (name: string, overrides: Record<string, unknown>) => {
      jobs[name] = (await makeJobOrder(db, employer.id, { title: `${name} ${marker}`, ...overrides })).id;
    };
    await post('butcher', {
      nocCode: '63201',
      hoursPerWeek: 32,
      postalCode: 'M6J 1H4',
      accommodationsOffered: ['scheduling'],
      credentialsRequired: ['Food handler certificate'],
      skills: ['http://data.europa.eu/esco/skill/045f71e6-0699-4169-8a54-9c6b96f3174d'],
    });
    await post('cook', { nocCode: '63200', postalCode: 'M1B 2K9' });
    await post('counter', { nocCode: '65201', hoursPerWeek: 20, postalCode: 'M5V 2T6' });
    await post('welder', { nocCode: '72106', postalCode: 'M6K 3C3' });
    await post('remote', { nocCode: '63201', workplace: 'remote', postalCode: null });
    await post('filled', { nocCode: '63201', postalCode: 'M6K 3C3' });
    await db.updateTable('jobOrders').set({ status: 'filled' }).where('id', '=', jobs['filled']!).execute();
    await post('closed-date', { nocCode: '63201', postalCode: 'M6K 3C3', closingOn: '2026-12-01' });
  });
  afterAll(async () => app.close());

  const matches = (session: TestSession, id = clientId, query = '') =>
    app.inject({ url: `/api/clients/${id}/job-matches${query}`, headers: session.headers });

  it('ranks the open job orders near the client’s goals and past work, and audits the read', async () => {
    const res = await matches(developer, clientId, '?limit=50');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // On PostgreSQL the test database is shared by every suite running at once, so other suites' job orders
    // can rank too: the order is checked among this suite's own (their goal, 63201, is used by no other).
    const own = new Set(Object.values(jobs));
    const ids = body.results.map((r: { job: { id: string } }) => r.job.id).filter((id: string) => own.has(id));
    expect(ids).toContain(jobs['butcher']);
    expect(ids).toContain(jobs['counter']);
    expect(ids).not.toContain(jobs['welder']);
    expect(ids).not.toContain(jobs['filled']);
    expect(ids).not.toContain(jobs['closed-date']);
    // The best is the job in the client's own goal, near, with the hours and the accommodation asked for.
    expect(body.results[0].job.id).toBe(jobs['butcher']);
    const butcher = body.results[0];
    expect(butcher.factors.find((f: { code: string }) => f.code === 'commute').plain.en).toMatch(/M6K.*M6J/);
    expect(body).toMatchObject({ modelVersion: 'match-2026.1', needs: null });
    // The record keeps no skills or credentials yet: the factors do not apply rather than count as none.
    const factors = butcher.factors as { code: string; applies: boolean; plain: { en: string } }[];
    expect(factors.find((f) => f.code === 'credentials')).toMatchObject({
      applies: false,
      plain: { en: 'The client’s credentials are not recorded.' },
    });
    expect(factors.find((f) => f.code === 'skills')).toMatchObject({
      applies: false,
      plain: { en: 'The client’s skills are not recorded.' },
    });
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select(['action', 'purpose', 'clientId'])
      .where('clientId', '=', clientId)
      .where('action', '=', 'match.jobs_for_client')
      .execute();
    expect(audit).toEqual([{ action: 'match.jobs_for_client', purpose: 'service_delivery', clientId }]);
  });

  it('ranks exactly as a search of every open job order under the same model', async () => {
    const db = handle().db;
    const openJobs = () =>
      db
        .selectFrom('jobOrders')
        .select([
          'id',
          'nocCode',
          'skills',
          'credentialsRequired',
          'hoursPerWeek',
          'workplace',
          'postalCode',
          'accommodationsOffered',
          'decentWorkScore',
        ])
        .where('status', '=', 'open')
        .where((eb) => eb.or([eb('closingOn', 'is', null), eb('closingOn', '>=', '2026-12-03')]))
        .orderBy('id')
        .execute();
    // Other suites may add job orders meanwhile (PostgreSQL's test database is shared): the comparison is
    // made when the open job orders read before and after the ranking are the same.
    let open = await openJobs();
    let fast = (await matches(developer)).json();
    for (let tries = 0; tries < 5; tries += 1) {
      const after = await openJobs();
      if (JSON.stringify(after) === JSON.stringify(open)) break;
      open = after;
      fast = (await matches(developer)).json();
    }
    const everyJob = open.map((j) => matchJobSchema.parse(j));
    const client = matchClientSchema.parse({
      id: clientId,
      skills: null,
      credentials: null,
      targetNocCodes: ['63201'],
      workHistory: [{ nocCode: '65201' }],
      hoursWanted: 30,
      postalCode: 'M6K 1X9',
      accommodationsNeeded: ['scheduling'],
      stream: (
        await db.selectFrom('assessments').select('stream').where('clientId', '=', clientId).executeTakeFirstOrThrow()
      ).stream,
    });
    const brute = rankJobsForClient(getMatchModel(), client, everyJob, 20);
    expect(fast.results.map((r: { job: { id: string }; score: number }) => [r.job.id, r.score])).toEqual(
      brute.results.map((r) => [r.jobId, r.score]),
    );
  });

  it('reads the farther occupations only when they could still reach the top list', async () => {
    const db = handle().db;
    const employer = await makeOrganization(db, { type: 'employer' });
    const keen = await makeClient(db, { organizationId: agency.id });
    await db
      .updateTable('clients')
      .set({ targetNocCodes: ['64100'], hoursWanted: 40, postalCode: 'M5V 2T6' })
      .where('id', '=', keen.id)
      .execute();
    // Twenty-two strong retail jobs nearby, and a farther occupation of the same major group (64).
    for (let i = 0; i < 22; i += 1)
      await makeJobOrder(db, employer.id, {
        nocCode: '64100',
        hoursPerWeek: 40,
        postalCode: 'M5V 3L9',
        schedule: 'fixed',
        benefits: ['health', 'dental', 'pension', 'prescription_drugs'],
        paidSickDays: 7,
        advancementPath: true,
        trainingProvided: true,
        safetyTraining: true,
      });
    await makeJobOrder(db, employer.id, { nocCode: '64409', hoursPerWeek: 40, postalCode: 'M5V 3L9' });
    const res = await matches(developer, keen.id);
    const body = res.json();
    expect(body.results).toHaveLength(20);
    expect(body.results.every((r: { job: { nocCode: string } }) => r.job.nocCode === '64100')).toBe(true);
    // Only the nearest tier was read: the job in the farther occupation was never considered.
    expect(body.considered).toBe(22);
  });

  it('answers 404 to an agency with no consent, or one without the employment information', async () => {
    const hidden = await matches(partnerCounsellor);
    expect(hidden.statusCode).toBe(404);
    const db = handle().db;
    await makeConsent(db, {
      clientId,
      organizationId: partner.id,
      recordedByOrganizationId: agency.id,
      categories: ['identity_contact'],
    });
    expect((await matches(partnerCounsellor)).statusCode).toBe(404);
  });

  it('leaves out the commute when the reader may not see the postal code', async () => {
    const db = handle().db;
    const other = await makeClient(db, { organizationId: agency.id });
    await db
      .updateTable('clients')
      .set({ targetNocCodes: ['63201'], postalCode: 'M6K 1X9' })
      .where('id', '=', other.id)
      .execute();
    await makeConsent(db, {
      clientId: other.id,
      organizationId: partner.id,
      recordedByOrganizationId: agency.id,
      categories: ['employment'],
    });
    const res = await matches(partnerCounsellor, other.id);
    expect(res.statusCode, res.body).toBe(200);
    const commute = res.json().results[0].factors.find((f: { code: string }) => f.code === 'commute');
    expect(commute.applies === false || commute.plain.en === 'The job is done remotely.').toBe(true);
  });

  it('asks for a job goal rather than offering every job to a client with none', async () => {
    const db = handle().db;
    const blank = await makeClient(db, { organizationId: agency.id });
    const res = await matches(developer, blank.id);
    expect(res.json()).toMatchObject({ needs: 'job_goal', results: [], considered: 0 });
  });

  it('compares the skills and credentials recorded on the file, and refuses a skill ESCO does not hold', async () => {
    const db = handle().db;
    const other = await makeClient(db, { organizationId: agency.id });
    const patch = (body: Record<string, unknown>) =>
      app.inject({ method: 'PATCH', url: `/api/clients/${other.id}`, headers: developer.headers, payload: body });
    const skill = 'http://data.europa.eu/esco/skill/045f71e6-0699-4169-8a54-9c6b96f3174d';
    const saved = await patch({
      goals: { targetNocCodes: ['63201'], hoursWanted: 30 },
      skills: [skill, skill],
      credentials: ['FOOD HANDLER CERTIFICATE'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().employment).toMatchObject({ skills: [skill], credentials: ['FOOD HANDLER CERTIFICATE'] });
    const unknown = await patch({ skills: ['http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ reason: 'unknown_skill' });
    const kept = await db.selectFrom('clients').select(['skills']).where('id', '=', other.id).executeTakeFirstOrThrow();
    expect(kept.skills).toEqual([skill]);

    const res = await matches(developer, other.id, '?limit=50');
    const butcher = res.json().results.find((r: { job: { id: string } }) => r.job.id === jobs['butcher']) as {
      factors: { code: string; applies: boolean; value: number; plain: { en: string } }[];
    };
    expect(butcher.factors.find((f) => f.code === 'skills')).toMatchObject({ applies: true, value: 1 });
    // Letter case aside, the certificate the job requires is the one the client holds.
    expect(butcher.factors.find((f) => f.code === 'credentials')).toMatchObject({ applies: true, value: 1 });

    // An empty list is recorded, none: the factor applies and counts none held.
    await patch({ credentials: [] });
    const none = (await matches(developer, other.id, '?limit=50'))
      .json()
      .results.find((r: { job: { id: string } }) => r.job.id === jobs['butcher']) as typeof butcher;
    expect(none.factors.find((f) => f.code === 'credentials')).toMatchObject({ applies: true, value: 0 });
  });
});
