import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import {
  makeAssessment,
  makeClient,
  makeConsent,
  makeOrganization,
  makeService,
  makeSession,
  makeUser,
  type TestSession,
} from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import type { Organization } from '../organizations/organization.ts';

// The directory's programs ranked for a client from the API (issue 14, point 4): what fits where the client
// is now, near their goals, for their ages and language, taking people soon; what of the file it reads
// follows what the reader may see, and a program for a group the file cannot tell is "ask the client".

type Factor = { code: string; applies: boolean; value: number; plain: { en: string; fr: string } };
type Result = { program: { id: string; name: string; intakeState: string }; score: number; factors: Factor[] };

describeEachEngine('programs ranked for a client', ({ handle }) => {
  let app: AppInstance;
  const clock = testClock('2026-12-03');
  let agency: Organization;
  let partner: Organization;
  let counsellor: TestSession;
  let partnerCounsellor: TestSession;
  let clientId: string;
  const programs: Record<string, string> = {};

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    agency = await makeOrganization(db);
    partner = await makeOrganization(db, { type: 'community_agency' });
    counsellor = await makeSession(
      db,
      await makeUser(db, { organizationId: agency.id, roles: ['employment_counsellor'] }),
    );
    partnerCounsellor = await makeSession(db, await makeUser(db, { organizationId: partner.id }));
    const provider = await makeOrganization(db, {
      type: 'training_organization',
      sites: [
        {
          name: 'Parkdale shop',
          streetAddress: '1 Atlantic Ave',
          city: 'Toronto',
          province: 'ON',
          postalCode: 'M6K 3C3',
        },
      ],
    });
    const site = provider.sites[0]!.id;
    const client = await makeClient(db, { organizationId: agency.id });
    clientId = client.id;
    // 24 years old on the test day, French-speaking, on Ontario Works, a goal of bricklaying, in Parkdale.
    await db
      .updateTable('clients')
      .set({
        dateOfBirth: '2002-03-01',
        preferredLanguage: 'fr',
        incomeSource: 'ontario_works',
        targetNocCodes: ['72320'],
        postalCode: 'M6K 1X9',
      })
      .where('id', '=', clientId)
      .execute();
    await db.insertInto('clientBarriers').values({ clientId, kind: 'housing', status: 'active' }).execute();
    await makeAssessment(db, clientId);
    const add = async (key: string, overrides: Parameters<typeof makeService>[2]) => {
      programs[key] = (await makeService(db, provider.id, { name: `Program ${key}`, ...overrides })).id;
    };
    await add('masonry', {
      interventionTypes: ['training'],
      targetNocCodes: ['72320'],
      targetPopulations: ['youth'],
      languages: ['en', 'fr'],
      siteIds: [site],
    });
    await add('online', { interventionTypes: ['employment_services'], deliveryMode: 'virtual' });
    await add('mature', {
      interventionTypes: ['employment_services'],
      targetPopulations: ['mature_workers'],
      siteIds: [site],
    });
    await add('newcomers', {
      interventionTypes: ['life_stabilization'],
      targetPopulations: ['newcomers'],
      siteIds: [site],
    });
    await add('older-ages', { interventionTypes: ['training'], minimumAge: 30, siteIds: [site] });
    await add('later', {
      interventionTypes: ['training'],
      siteIds: [site],
      intakeWindows: [{ opensOn: '2027-03-01', closesOn: '2027-03-31' }],
    });
    // An HSDS import may bring a listing that names no kind of help (migration 0027).
    await add('untyped', { interventionTypes: ['training'], siteIds: [site] });
    await db.updateTable('services').set({ interventionTypes: [] }).where('id', '=', programs['untyped']!).execute();
    await add('soon', {
      interventionTypes: ['training'],
      targetNocCodes: ['72320'],
      siteIds: [site],
      intakeWindows: [{ opensOn: '2026-12-20', closesOn: '2027-01-31' }],
    });
  });
  afterAll(async () => app.close());

  const matches = (session: TestSession, id = clientId) =>
    app.inject({ url: `/api/clients/${id}/program-matches?limit=50`, headers: session.headers });
  // PostgreSQL's test database is shared by every suite running at once: this suite's own programs only.
  const own = (results: Result[]) => results.filter((r) => Object.values(programs).includes(r.program.id));
  const byKey = (results: Result[], key: string) => results.find((r) => r.program.id === programs[key]);
  const factor = (r: Result | undefined, code: string) => r?.factors.find((f) => f.code === code);

  it('ranks the programs that fit the client now first, each with its reasons, and audits the read', async () => {
    const res = await matches(counsellor);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { modelVersion: string; results: Result[]; leftOut: Record<string, number> };
    expect(body.modelVersion).toBe('program-match-2026.1');
    const results = own(body.results);
    expect(results[0]!.program.id).toBe(programs['masonry']);
    const masonry = results[0]!;
    expect(factor(masonry, 'occupation')).toMatchObject({ applies: true, value: 1 });
    expect(factor(masonry, 'population')!.plain.en).toBe('The program is for youth, as the file shows the client is.');
    expect(factor(masonry, 'language')).toMatchObject({ applies: true, value: 1 });
    expect(factor(masonry, 'distance')!.plain.en).toBe("The program's nearest site is in the client's own area (M6K).");
    // Not for the client's ages, or not taking people for months: not offered.
    expect(byKey(results, 'older-ages')).toBeUndefined();
    expect(byKey(results, 'later')).toBeUndefined();
    expect(body.leftOut.outside_ages).toBeGreaterThanOrEqual(1);
    // Opening within 30 days: offered, below the same program open now.
    const soon = byKey(results, 'soon')!;
    expect(soon.program.intakeState).toBe('opens_soon');
    expect(factor(soon, 'intake')!.value).toBe(0.5);
    // A program for mature workers, for a client of 24: it counts nothing for who it is for.
    expect(factor(byKey(results, 'mature'), 'population')).toMatchObject({ value: 0 });
    // For newcomers: the file cannot tell without equity answers, so the worker asks.
    expect(factor(byKey(results, 'newcomers'), 'population')!.plain.en).toBe(
      'The program is for newcomers: the file does not say, so ask the client.',
    );
    // The active barrier: life stabilization is what the client needs now.
    expect(factor(byKey(results, 'newcomers'), 'intervention')).toMatchObject({ value: 1 });
    expect(factor(byKey(results, 'online'), 'distance')!.plain.en).toBe('The program is online.');
    expect(factor(byKey(results, 'untyped'), 'intervention')).toMatchObject({ applies: false });
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select(['action', 'purpose', 'clientId', 'recordIds'])
      .where('clientId', '=', clientId)
      .where('action', '=', 'match.programs_for_client')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.recordIds).toContain(programs['masonry']);
  });

  it('answers 404 to an agency with no consent, and reads only what a consent shares', async () => {
    expect((await matches(partnerCounsellor)).statusCode).toBe(404);
    const db = handle().db;
    await makeConsent(db, {
      clientId,
      organizationId: partner.id,
      recordedByOrganizationId: agency.id,
      categories: ['employment'],
    });
    const res = await matches(partnerCounsellor);
    expect(res.statusCode, res.body).toBe(200);
    const results = own(res.json().results as Result[]);
    // Without identity and contact: no ages, language or distance; without the assessment: no barriers.
    expect(byKey(results, 'older-ages')).toBeDefined();
    const masonry = byKey(results, 'masonry');
    expect(factor(masonry, 'language')).toMatchObject({ applies: false });
    expect(factor(masonry, 'distance')).toMatchObject({ applies: false });
    expect(factor(masonry, 'population')!.plain.en).toBe(
      'The program is for youth: the file does not say, so ask the client.',
    );
    expect(factor(byKey(results, 'newcomers'), 'intervention')!.plain.en).toMatch(/no stream known/);
  });
});
