import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import {
  makeClient,
  makeOrganization,
  makeReferral,
  makeService,
  makeSession,
  makeUser,
  type TestUser,
} from '../../../test/factories.ts';
import { testClock } from '../../../test/clock.ts';
import type { AppInstance } from '../../server/app.ts';
import { parseCsv } from '../../lib/csv.ts';

type Area = {
  id: number;
  name: string;
  servicesWithin: number;
  servicesInside: number;
  staleWithin: number;
  nearestKm: number | null;
  gap: boolean;
  unmetDemand: number | null;
};

describeEachEngine('the landscape of workforce programs', ({ handle }) => {
  let app: AppInstance;
  let analyst: TestUser;
  let counsellor: TestUser;
  let agency: string;
  let site: { neighbourhoodId: number; latitude: number; longitude: number };
  const headers = new Map<string, Record<string, string>>();
  const clock = testClock('2026-12-02');
  // A combination no other test lists: entrepreneurship for veterans, water treatment operators (NOC 92101).
  const filter = 'intervention=entrepreneurship&population=veterans&noc=9210';
  // Referrals sent the day before the app's today (Toronto time).
  const sent = new Date('2026-12-01T15:00:00Z');
  const get = (u: TestUser, url: string) => app.inject({ method: 'GET', url, headers: headers.get(u.id)! });

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    const system =
      (await db.selectFrom('organizations').select('id').where('type', '=', 'system_manager').executeTakeFirst())?.id ??
      (await makeOrganization(db, { type: 'system_manager' })).id;
    analyst = await makeUser(db, { organizationId: system, roles: ['system_analyst'] });
    const made = await makeOrganization(db, {
      sites: [
        {
          name: 'Scarborough office',
          streetAddress: '1 Milner Ave',
          city: 'Toronto',
          province: 'ON',
          postalCode: 'M1B 3C3',
        },
      ],
    });
    agency = made.id;
    counsellor = await makeUser(db, { organizationId: agency, roles: ['employment_counsellor'] });
    for (const u of [analyst, counsellor]) headers.set(u.id, (await makeSession(db, u)).headers);
    const row = await db
      .selectFrom('sites')
      .select(['id', 'neighbourhoodId', 'latitude', 'longitude'])
      .where('organizationId', '=', agency)
      .executeTakeFirstOrThrow();
    site = { neighbourhoodId: row.neighbourhoodId!, latitude: row.latitude!, longitude: row.longitude! };
    await makeService(db, agency, {
      name: 'Water operators: start your own business',
      interventionTypes: ['entrepreneurship'],
      targetPopulations: ['veterans'],
      targetNocCodes: ['92101'],
      siteIds: [row.id],
    });
  });
  afterAll(async () => app.close());

  it('shows coverage by neighbourhood within a distance, the gaps and the nearest program', async () => {
    const res = await get(analyst, `/api/reports/landscape?${filter}&withinKm=3`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.filters).toEqual({ intervention: 'entrepreneurship', population: 'veterans', noc: '9210' });
    expect(body.totals).toMatchObject({ services: 1, inPerson: 1, onlineOnly: 0, openNow: 1, stale: 0 });
    const areas: Area[] = body.areas;
    expect(body.totals.neighbourhoods).toBe(areas.length);
    expect(areas.length).toBeGreaterThan(100);
    const home = areas.find((a) => a.id === site.neighbourhoodId)!;
    expect(home).toMatchObject({ servicesWithin: 1, servicesInside: 1, gap: false, nearestKm: null });
    // Every other neighbourhood is covered only if its centre is within 3 km; the rest are gaps, with
    // the distance to the one site.
    const gaps = areas.filter((a) => a.gap);
    expect(body.totals.gaps).toBe(gaps.length);
    expect(gaps.length).toBeGreaterThan(100);
    for (const gap of gaps) {
      expect(gap.servicesWithin).toBe(0);
      expect(gap.nearestKm).toBeGreaterThan(3);
    }
    // A wider distance covers more, and no neighbourhood loses its program.
    const wider = (await get(analyst, `/api/reports/landscape?${filter}&withinKm=10`)).json();
    expect(wider.totals.gaps).toBeLessThan(body.totals.gaps);
    // The cross-tab and the occupations count the program.
    expect(body.matrix).toContainEqual({ intervention: 'entrepreneurship', population: 'veterans', services: 1 });
    expect(body.occupations).toContainEqual({ category: '9', services: 1 });
  });

  it('counts "no capacity" declines as unmet demand by where clients live, withholding small counts', async () => {
    const db = handle().db;
    const program = (
      await makeService(db, agency, {
        name: 'Water operators: business basics',
        interventionTypes: ['entrepreneurship'],
        targetPopulations: ['veterans'],
        targetNocCodes: ['92101'],
      })
    ).id;
    const other = await db
      .selectFrom('neighbourhoods')
      .select('id')
      .where('id', '<>', site.neighbourhoodId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const decline = async (neighbourhoodId: number, n: number) => {
      for (let i = 0; i < n; i++) {
        const client = await makeClient(db, { organizationId: agency });
        await db.updateTable('clients').set({ neighbourhoodId }).where('id', '=', client.id).execute();
        await makeReferral(db, {
          clientId: client.id,
          from: agency,
          to: agency,
          serviceId: program,
          status: 'declined',
          createdAt: sent,
        });
      }
    };
    await decline(site.neighbourhoodId, 12);
    let body = (await get(analyst, `/api/reports/landscape?${filter}`)).json();
    expect(body.totals.unmetDemand).toBe(12);
    expect(body.areas.find((a: Area) => a.id === site.neighbourhoodId).unmetDemand).toBe(12);
    expect(body.unmetByIntervention).toContainEqual({ intervention: 'entrepreneurship', declines: 12 });

    // Three more elsewhere: that small count is withheld, and so is the one beside it that would give it
    // away by subtraction from the total.
    await decline(other.id, 3);
    body = (await get(analyst, `/api/reports/landscape?${filter}`)).json();
    expect(body.totals.unmetDemand).toBe(15);
    expect(body.areas.find((a: Area) => a.id === other.id).unmetDemand).toBeNull();
    expect(body.areas.find((a: Area) => a.id === site.neighbourhoodId).unmetDemand).toBeNull();
    // A decline for another reason is not unmet demand.
    const client = await makeClient(db, { organizationId: agency });
    await makeReferral(db, {
      clientId: client.id,
      from: agency,
      to: agency,
      serviceId: program,
      status: 'declined',
      reason: 'not_eligible',
      createdAt: sent,
    });
    expect((await get(analyst, `/api/reports/landscape?${filter}`)).json().totals.unmetDemand).toBe(15);

    // The report is audited.
    const audit = await db
      .selectFrom('auditLog')
      .select('reason')
      .where('actorUserId', '=', analyst.id)
      .where('action', '=', 'directory.landscape')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('exports the neighbourhood table as CSV', async () => {
    const res = await get(analyst, `/api/reports/landscape.csv?${filter}&withinKm=5`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="continuum-landscape-2026-12-02\.csv"/);
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual([
      'neighbourhood_id',
      'neighbourhood',
      'designation',
      'population_2016',
      'unemployment_rate',
      'programs_within_5_km',
      'programs_in_neighbourhood',
      'not_confirmed_lately_within',
      'nearest_program_km',
      'gap',
      'no_capacity_declines',
    ]);
    const home = rows.find((r) => r[0] === String(site.neighbourhoodId))!;
    expect(home[6]).not.toBe('0');
    expect(home[9]).toBe('no');
    expect(rows.slice(1).every((r) => r.length === 11)).toBe(true);
  });

  it('is for the system manager, and refuses bad filters with a clear error', async () => {
    expect((await get(counsellor, '/api/reports/landscape')).statusCode).toBe(403);
    for (const bad of ['withinKm=4', 'noc=abc', 'intervention=knitting', 'from=2026-12-01&to=2026-11-01']) {
      const res = await get(analyst, `/api/reports/landscape?${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
  });
});
