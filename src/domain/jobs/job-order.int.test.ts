import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import { makeOrganization, makeSession, makeUser, type TestSession } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import type { Organization } from '../organizations/organization.ts';

// Job orders (issue 14, point 2) and their decent-work score (point 3): an employer keeps its own, a job
// developer posts on an employer's behalf, every agency reads them, another employer never sees them.

const ADVICE = 'http://data.europa.eu/esco/skill/045f71e6-0699-4169-8a54-9c6b96f3174d';

describeEachEngine('job orders', ({ handle }) => {
  let app: AppInstance;
  const clock = testClock('2026-12-03');
  let bakery: Organization;
  let otherEmployer: Organization;
  let agency: Organization;
  let baker: TestSession;
  let rival: TestSession;
  let developer: TestSession;
  let counsellor: TestSession;
  const marker = crypto.randomBytes(3).toString('hex');

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    bakery = await makeOrganization(db, {
      type: 'employer',
      name: `Bakery ${marker}`,
      sites: [
        { name: 'Bakery', streetAddress: '1 Dundas St W', postalCode: 'M5G 1Z3', city: 'Toronto', province: 'ON' },
      ],
    });
    otherEmployer = await makeOrganization(db, { type: 'employer' });
    agency = await makeOrganization(db);
    baker = await makeSession(db, await makeUser(db, { organizationId: bakery.id, roles: ['employer_user'] }));
    rival = await makeSession(db, await makeUser(db, { organizationId: otherEmployer.id, roles: ['employer_user'] }));
    developer = await makeSession(db, await makeUser(db, { organizationId: agency.id, roles: ['job_developer'] }));
    counsellor = await makeSession(db, await makeUser(db, { organizationId: agency.id }));
  });
  afterAll(async () => app.close());

  const pastry = (overrides: Record<string, unknown> = {}) => ({
    title: `Pastry cook ${marker}`,
    nocCode: '63202',
    description: 'Bake breads and pastries for our two shops, early mornings, in a friendly team.',
    skills: [ADVICE],
    credentialsRequired: ['Food handler certificate'],
    hoursPerWeek: 32,
    schedule: 'predictable',
    hourlyWage: 24,
    benefits: ['health', 'dental', 'pension'],
    paidSickDays: 3,
    permanence: 'permanent',
    advancementPath: true,
    safetyTraining: true,
    workplace: 'on_site',
    siteId: bakery.sites[0]!.id,
    accommodationsOffered: ['scheduling', 'mobility'],
    openings: 2,
    closingOn: '2027-01-31',
    wilType: 'paid_work_experience',
    incentive: 'wage_subsidy',
    incentiveNote: 'Canada Summer Jobs',
    ...overrides,
  });

  async function post(session: TestSession, body: Record<string, unknown>) {
    return app.inject({ method: 'POST', url: '/api/jobs', headers: session.headers, payload: body });
  }
  async function jobCount() {
    const row = await handle()
      .db.selectFrom('jobOrders')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('lets an employer post its own job order, scored factor by factor in plain words', async () => {
    const res = await post(baker, pastry());
    expect(res.statusCode, res.body).toBe(201);
    const job = res.json();
    expect(job).toMatchObject({
      status: 'open',
      employer: { id: bakery.id, name: `Bakery ${marker}` },
      postedBy: { id: bakery.id },
      nocTitle: expect.stringMatching(/bakers/i),
      teer: 3,
      postalCode: 'M5G 1Z3',
      skills: [{ uri: ADVICE, label: 'give advice to others' }],
      hourlyWage: 24,
      decentWork: { modelVersion: 'dw-2026.1', score: 68, band: 'fair', livingWage: { hourly: 27.2, year: 2025 } },
    });
    const factors = job.decentWork.factors as { code: string; points: number; plain: { en: string; fr: string } }[];
    expect(factors.map((f) => [f.code, f.points])).toEqual([
      ['wage', 12],
      ['hours', 5],
      ['schedule', 12],
      ['benefits', 11],
      ['sick_days', 6],
      ['permanence', 10],
      ['advancement', 7],
      ['training', 0],
      ['safety', 5],
    ]);
    expect(factors[0]!.plain.en).toBe(
      '$24.00 an hour is 88% of the living wage for the Greater Toronto Area ($27.20 in 2025) — 12 of 30 points.',
    );
    expect(factors[0]!.plain.fr).toContain('24,00 $ l’heure, soit 88\u00a0% du salaire de subsistance');
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select(['action', 'outcome', 'reason', 'actorOrganizationId'])
      .where('recordId', '=', job.id)
      .execute();
    expect(audit).toEqual([
      { action: 'job_order.manage', outcome: 'succeeded', reason: 'created', actorOrganizationId: bakery.id },
    ]);
  });

  it('lets a job developer post on an employer’s behalf, stamped with the agency', async () => {
    const res = await post(developer, pastry({ employerId: bakery.id, title: `Counter clerk ${marker}` }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ employer: { id: bakery.id }, postedBy: { id: agency.id, name: agency.name } });
  });

  it('refuses what the law or the record does not allow, with a reason per field, and writes nothing', async () => {
    const before = await jobCount();
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ hourlyWage: 17.5 }, 'hourlyWage', 'below_minimum_wage'],
      [
        { skills: ['http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000'] },
        'skills',
        'unknown_skill',
      ],
      [{ hoursPerWeek: 0 }, 'hoursPerWeek', undefined],
      [{ siteId: null, postalCode: null }, 'postalCode', undefined],
      [{ hourlyWage: 30, hourlyWageMax: 25 }, 'hourlyWageMax', undefined],
      [{ hoursPerWeek: 81 }, 'hoursPerWeek', undefined],
      [{ nocCode: '99999' }, 'nocCode', undefined],
      [{ durationMonths: 6 }, 'durationMonths', undefined],
    ];
    for (const [change, field, reason] of cases) {
      const res = await post(baker, pastry(change));
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      const body = res.json();
      expect(
        body.errors.map((e: { field: string }) => e.field.replace(/^body\./, '')),
        JSON.stringify(change),
      ).toContain(field);
      if (reason) expect(body.reason).toBe(reason);
    }
    const elsewhere = await post(developer, pastry({ employerId: agency.id, siteId: null, postalCode: 'M5V 3L9' }));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().reason).toBe('not_an_employer');
    const othersSite = await post(developer, pastry({ employerId: otherEmployer.id }));
    expect(othersSite.statusCode).toBe(400);
    expect(othersSite.json().reason).toBe('site_elsewhere');
    expect(await jobCount()).toBe(before);
  });

  it('keeps one employer’s job orders from another employer (404 as for a random id) but shows them to every agency', async () => {
    const job = (await post(baker, pastry({ title: `Private ${marker}` }))).json();
    const hidden = await app.inject({ url: `/api/jobs/${job.id}`, headers: rival.headers });
    const random = await app.inject({ url: `/api/jobs/${crypto.randomUUID()}`, headers: rival.headers });
    expect(hidden.statusCode).toBe(404);
    const { requestId: _a, instance: _b, ...hiddenBody } = hidden.json();
    const { requestId: _c, instance: _d, ...randomBody } = random.json();
    expect(hiddenBody).toEqual(randomBody);
    const denied = await handle()
      .db.selectFrom('auditLog')
      .select(['outcome', 'reason'])
      .where('recordId', '=', job.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([{ outcome: 'denied', reason: 'not_visible' }]);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/jobs/${job.id}`,
      headers: rival.headers,
      payload: { status: 'closed' },
    });
    expect(patch.statusCode).toBe(404);
    const rivalList = (await app.inject({ url: `/api/jobs?q=${marker}`, headers: rival.headers })).json();
    expect(rivalList.items).toEqual([]);
    const claim = await post(rival, pastry({ employerId: bakery.id }));
    expect(claim.statusCode).toBe(403);

    const staff = await app.inject({ url: `/api/jobs/${job.id}`, headers: counsellor.headers });
    expect(staff.statusCode).toBe(200);
    const counsellorPost = await post(counsellor, pastry({ employerId: bakery.id }));
    expect(counsellorPost.statusCode).toBe(403);
  });

  it('scores a change again, and lists by status, occupation and lowest decent-work score', async () => {
    const job = (await post(baker, pastry({ title: `Changing ${marker}` }))).json();
    const raised = await app.inject({
      method: 'PATCH',
      url: `/api/jobs/${job.id}`,
      headers: developer.headers,
      payload: { hourlyWage: 28, paidSickDays: 5 },
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().decentWork).toMatchObject({ score: 90, band: 'strong' });
    const list = async (query: string) =>
      (
        (await app.inject({ url: `/api/jobs?q=${marker}&${query}`, headers: counsellor.headers })).json() as {
          items: { id: string; decentWorkScore: number; decentWorkBand: string }[];
        }
      ).items;
    expect((await list('minDecentWork=85')).map((j) => j.id)).toEqual([job.id]);
    expect((await list('minDecentWork=85'))[0]).toMatchObject({ decentWorkScore: 90, decentWorkBand: 'strong' });
    expect((await list('nocCode=632')).length).toBeGreaterThanOrEqual(3);
    expect(await list('nocCode=7')).toEqual([]);

    const filled = await app.inject({
      method: 'PATCH',
      url: `/api/jobs/${job.id}`,
      headers: baker.headers,
      payload: { status: 'filled' },
    });
    expect(filled.json().status).toBe('filled');
    expect((await list('')).map((j) => j.id)).not.toContain(job.id);
    expect((await list('status=any')).map((j) => j.id)).toContain(job.id);
    expect((await list('status=filled')).map((j) => j.id)).toEqual([job.id]);

    // A new site brings its own postal code; taking the site away without a postal code leaves no place.
    const moved = await makeOrganization(handle().db, {
      type: 'employer',
      sites: [
        { name: 'North', streetAddress: '5 Finch Ave W', postalCode: 'M2N 7H4', city: 'Toronto', province: 'ON' },
      ],
    });
    const elsewhere = (
      await post(developer, pastry({ employerId: moved.id, siteId: moved.sites[0]!.id, title: `Moved ${marker}` }))
    ).json();
    expect(elsewhere.postalCode).toBe('M2N 7H4');
    const noPlace = await app.inject({
      method: 'PATCH',
      url: `/api/jobs/${elsewhere.id}`,
      headers: developer.headers,
      payload: { siteId: null },
    });
    expect(noPlace.statusCode).toBe(400);
    const remote = await app.inject({
      method: 'PATCH',
      url: `/api/jobs/${elsewhere.id}`,
      headers: developer.headers,
      payload: { siteId: null, workplace: 'remote' },
    });
    expect(remote.statusCode, remote.body).toBe(200);
    expect(remote.json()).toMatchObject({ siteId: null, postalCode: null, workplace: 'remote' });

    const broken = await app.inject({
      method: 'PATCH',
      url: `/api/jobs/${job.id}`,
      headers: baker.headers,
      payload: { hourlyWageMax: 20 },
    });
    expect(broken.statusCode).toBe(400);
  });
});
