import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import { makeOrganization, makeSession, makeUser, type TestSession } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import type { Organization } from '../organizations/organization.ts';

// One record per employer shared by every agency (issue 14, point 1): a duplicate check when one is
// added, a lead agency, and an engagement log that every agency reads and the employer does not.

const TEAMWORK = 'http://data.europa.eu/esco/skill/045f71e6-0699-4169-8a54-9c6b96f3174d';

describeEachEngine('employer records', ({ handle }) => {
  let app: AppInstance;
  const clock = testClock('2026-12-03');
  let agency: Organization;
  let partner: Organization;
  let developer: TestSession;
  let partnerDeveloper: TestSession;
  let partnerCounsellor: TestSession;
  let partnerManager: TestSession;
  const marker = crypto.randomBytes(3).toString('hex');

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    agency = await makeOrganization(db);
    partner = await makeOrganization(db, { type: 'community_agency' });
    developer = await makeSession(db, await makeUser(db, { organizationId: agency.id, roles: ['job_developer'] }));
    partnerDeveloper = await makeSession(
      db,
      await makeUser(db, { organizationId: partner.id, roles: ['job_developer'] }),
    );
    partnerCounsellor = await makeSession(db, await makeUser(db, { organizationId: partner.id }));
    partnerManager = await makeSession(
      db,
      await makeUser(db, { organizationId: partner.id, roles: ['agency_manager'] }),
    );
  });
  afterAll(async () => app.close());

  const bakery = (overrides: Record<string, unknown> = {}) => ({
    name: `Harbord Bakery ${marker}`,
    website: `https://www.harbord-${marker}.example`,
    phone: '416-555-0142',
    sites: [{ name: 'Shop', streetAddress: '115 Harbord St', postalCode: 'M5S 1G7', city: 'Toronto', province: 'ON' }],
    naicsCode: '311811',
    size: '5_19',
    hiringPlans: 'Two bakers and a counter clerk before the holidays.',
    skillsNeeded: [TEAMWORK],
    hrSupportWanted: ['onboarding', 'accommodation'],
    contacts: [
      { name: 'Rosa Lindqvist', jobTitle: 'Owner', phone: '416-555-0142', isPrimary: true },
      { name: 'Ahmed Farouk', email: `ahmed@harbord-${marker}.example`, preferredLanguage: 'fr' },
    ],
    ...overrides,
  });
  const post = (session: TestSession, url: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url, headers: session.headers, payload });
  const patch = (session: TestSession, url: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'PATCH', url, headers: session.headers, payload });
  // This suite's employers (its names carry the marker): other suites add employers meanwhile on PostgreSQL.
  const employers = async () =>
    Number(
      (
        await handle()
          .db.selectFrom('organizations')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('type', '=', 'employer')
          .where('name', 'like', `%${marker}%`)
          .executeTakeFirstOrThrow()
      ).n,
    );

  let employerId: string;

  it('lets a job developer add an employer that the adding agency leads, with profile, contacts and needs', async () => {
    const res = await post(developer, '/api/employers', bakery());
    expect(res.statusCode, res.body).toBe(201);
    const employer = res.json();
    employerId = employer.id;
    expect(employer).toMatchObject({
      name: `Harbord Bakery ${marker}`,
      industry: { code: '311811', title: 'Bakeries, manufacture of products for retail sale' },
      size: '5_19',
      skillsNeeded: [{ uri: TEAMWORK, label: 'give advice to others' }],
      hrSupportWanted: ['onboarding', 'accommodation'],
      lead: { id: agency.id, name: agency.name },
      addedBy: { id: agency.id },
      contacts: [
        { name: 'Rosa Lindqvist', isPrimary: true, preferredLanguage: 'en' },
        { name: 'Ahmed Farouk', isPrimary: false, preferredLanguage: 'fr' },
      ],
      openJobOrders: 0,
      lastEngagementOn: null,
      sites: [{ postalCode: 'M5S 1G7' }],
    });
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select(['action', 'reason'])
      .where('recordId', '=', employerId)
      .execute();
    expect(audit).toEqual([{ action: 'employer.manage', reason: 'created' }]);
  });

  it('refuses a likely duplicate until the person confirms it is another employer, and writes nothing', async () => {
    const before = await employers();
    const sameName = await post(
      partnerDeveloper,
      '/api/employers',
      bakery({ name: `Harbord Bakery ${marker} Inc.`, website: undefined, phone: undefined, sites: [] }),
    );
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().reason).toBe('possible_duplicate_employer');
    expect(sameName.json().errors[0]).toMatchObject({ field: 'name', code: 'possible_duplicate' });
    expect(sameName.json().errors[0].message).toContain(employerId);
    const samePhone = await post(
      partnerDeveloper,
      '/api/employers',
      bakery({ name: `Bread Co ${marker}`, website: undefined, sites: [] }),
    );
    expect(samePhone.statusCode).toBe(409);
    expect(await employers()).toBe(before);

    const check = await app.inject({
      url: `/api/employers/duplicates?name=${encodeURIComponent(`Harbord Bakeries ${marker}`)}&postalCode=m5s1g7&website=harbord-${marker}.example`,
      headers: partnerDeveloper.headers,
    });
    expect(check.json().items).toEqual([
      { id: employerId, name: `Harbord Bakery ${marker}`, reasons: ['similar_name_same_postal_code', 'same_website'] },
    ]);

    const confirmed = await post(
      partnerDeveloper,
      '/api/employers',
      bakery({ name: `Bread Co ${marker}`, website: undefined, sites: [], confirmNotDuplicate: true }),
    );
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json().lead).toMatchObject({ id: partner.id });
  });

  it('shares the engagement log among agencies, never with the employer, and keeps other employers out', async () => {
    const logged = await post(partnerCounsellor, `/api/employers/${employerId}/engagements`, {
      kind: 'hr_support',
      hrSupport: 'accommodation',
      occurredOn: '2026-12-02',
      summary: 'Walked the owner through a flexible-start accommodation.',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({
      kind: 'hr_support',
      organization: { id: partner.id },
      author: expect.stringMatching(/^Test User/),
    });
    const log = await app.inject({ url: `/api/employers/${employerId}/engagements`, headers: developer.headers });
    expect(log.json().items.map((e: { summary: string }) => e.summary)).toEqual([
      'Walked the owner through a flexible-start accommodation.',
    ]);
    expect(
      (await app.inject({ url: `/api/employers/${employerId}`, headers: developer.headers })).json().lastEngagementOn,
    ).toBe('2026-12-02');

    const owner = await makeSession(
      handle().db,
      await makeUser(handle().db, { organizationId: employerId, roles: ['employer_user'] }),
    );
    const own = await app.inject({ url: `/api/employers/${employerId}`, headers: owner.headers });
    expect(own.statusCode).toBe(200);
    expect(own.json()).not.toHaveProperty('lastEngagementOn');
    expect(
      (await app.inject({ url: `/api/employers/${employerId}/engagements`, headers: owner.headers })).statusCode,
    ).toBe(403);
    const ownPatch = await patch(owner, `/api/employers/${employerId}`, { hiringPlans: 'Three bakers now.' });
    expect(ownPatch.statusCode, ownPatch.body).toBe(200);
    expect(ownPatch.json().hiringPlans).toBe('Three bakers now.');
    const ownList = (await app.inject({ url: '/api/employers', headers: owner.headers })).json();
    expect(ownList.items.map((e: { id: string }) => e.id)).toEqual([employerId]);
    expect(
      (await post(owner, '/api/employers', bakery({ name: `Own ${marker}`, confirmNotDuplicate: true }))).statusCode,
    ).toBe(403);

    const stranger = await makeOrganization(handle().db, { type: 'employer' });
    const outsider = await makeSession(
      handle().db,
      await makeUser(handle().db, { organizationId: stranger.id, roles: ['employer_user'] }),
    );
    const hidden = await app.inject({ url: `/api/employers/${employerId}`, headers: outsider.headers });
    const random = await app.inject({ url: `/api/employers/${crypto.randomUUID()}`, headers: outsider.headers });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().detail).toBe(random.json().detail);
    expect((await patch(outsider, `/api/employers/${employerId}`, { size: '1_4' })).statusCode).toBe(404);

    const future = await post(partnerCounsellor, `/api/employers/${employerId}/engagements`, {
      kind: 'call',
      occurredOn: '2026-12-04',
      summary: 'Not yet.',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().reason).toBe('date_in_future');
    const unnamed = await post(partnerCounsellor, `/api/employers/${employerId}/engagements`, {
      kind: 'hr_support',
      occurredOn: '2026-12-01',
      summary: 'Help of some kind.',
    });
    expect(unnamed.statusCode).toBe(400);
  });

  it('changes the lead agency only by the lead (or the employer, or when none leads), and logs the change', async () => {
    const taken = await patch(partnerDeveloper, `/api/employers/${employerId}`, { leadOrganizationId: partner.id });
    expect(taken.statusCode).toBe(403);
    expect(taken.json().reason).toBe('not_lead_agency');
    const toEmployer = await patch(developer, `/api/employers/${employerId}`, { leadOrganizationId: employerId });
    expect(toEmployer.statusCode).toBe(400);
    expect(toEmployer.json().reason).toBe('lead_not_agency');
    const handed = await patch(developer, `/api/employers/${employerId}`, { leadOrganizationId: partner.id });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json().lead).toMatchObject({ id: partner.id });
    const log = (
      await app.inject({ url: `/api/employers/${employerId}/engagements`, headers: partnerDeveloper.headers })
    ).json();
    expect(log.items[0]).toMatchObject({
      kind: 'lead_change',
      organization: { id: agency.id },
      occurredOn: '2026-12-03',
    });
    const led = (
      await app.inject({
        url: `/api/employers?leadOrganizationId=${partner.id}&q=${marker}`,
        headers: developer.headers,
      })
    ).json();
    expect(led.items.map((e: { name: string }) => e.name).sort()).toEqual([
      `Bread Co ${marker}`,
      `Harbord Bakery ${marker}`,
    ]);
    // The new lead agency hears of it: its manager has a task to get in touch, naming the employer, and a
    // notification; the agency's next logged contact closes the task.
    const leadTasks = async () =>
      (await app.inject({ url: '/api/tasks', headers: partnerManager.headers }))
        .json()
        .items.filter(
          (t: { kind: string; employerId: string }) => t.kind === 'employer_lead' && t.employerId === employerId,
        );
    expect(await leadTasks()).toMatchObject([
      { organizationId: partner.id, employerName: `Harbord Bakery ${marker}`, status: 'open' },
    ]);
    const heard = (await app.inject({ url: '/api/notifications', headers: partnerManager.headers })).json();
    expect(heard.items.find((n: { subjectId: string }) => n.subjectId === employerId)).toMatchObject({
      kind: 'employer_lead_assigned',
      employerName: `Harbord Bakery ${marker}`,
    });
    const call = await post(partnerDeveloper, `/api/employers/${employerId}/engagements`, {
      kind: 'call',
      occurredOn: '2026-12-03',
      summary: 'Introduced ourselves as the lead agency; set a visit for next week.',
    });
    expect(call.statusCode, call.body).toBe(201);
    expect(await leadTasks()).toEqual([]);

    const badIndustry = await patch(partnerDeveloper, `/api/employers/${employerId}`, { naicsCode: '999999' });
    expect(badIndustry.statusCode).toBe(400);
    const counsellorChange = await patch(partnerCounsellor, `/api/employers/${employerId}`, { size: '1_4' });
    expect(counsellorChange.statusCode).toBe(403);
  });
});
