import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import { makeOrganization, makeSession, makeUser, wordMarker, type TestSession } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import type { Organization } from '../organizations/organization.ts';

// The directory (issue 13): listings kept by their agency, public search and pages, capacity for staff.

describeEachEngine('directory of services', ({ handle }) => {
  let app: AppInstance;
  const clock = testClock('2026-12-03');
  let agency: Organization;
  let other: Organization;
  let manager: TestSession;
  let counsellor: TestSession;
  let otherManager: TestSession;
  let admin: TestSession;
  // Found by full-text search: letters only (a hex marker can read as a number).
  const marker = wordMarker();
  // The agency's two sites, by name (an organization lists its sites by name).
  const scarborough = () => agency.sites.find((x) => x.name.startsWith('Scarborough'))!;
  const downtown = () => agency.sites.find((x) => x.name.startsWith('Downtown'))!;

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    agency = await makeOrganization(db, {
      sites: [
        {
          name: `Scarborough office ${marker}`,
          streetAddress: '1 Town Centre Ct',
          postalCode: 'M1P 4P5',
          city: 'Toronto',
          province: 'ON',
        },
        {
          name: `Downtown office ${marker}`,
          streetAddress: '100 Queen St W',
          postalCode: 'M5H 2N2',
          city: 'Toronto',
          province: 'ON',
        },
      ],
    });
    other = await makeOrganization(db);
    const system = await makeOrganization(db, { type: 'system_manager' });
    manager = await makeSession(db, await makeUser(db, { organizationId: agency.id, roles: ['agency_manager'] }));
    counsellor = await makeSession(db, await makeUser(db, { organizationId: agency.id }));
    otherManager = await makeSession(db, await makeUser(db, { organizationId: other.id, roles: ['agency_manager'] }));
    admin = await makeSession(db, await makeUser(db, { organizationId: system.id, roles: ['system_administrator'] }));
  });
  afterAll(async () => app.close());

  function welding(overrides: Record<string, unknown> = {}) {
    return {
      name: `Soudage ${marker} welding pre-apprenticeship`,
      nameFr: `Préapprentissage en soudage ${marker}`,
      description: 'Sixteen weeks of welding training with a work placement, for people new to the trades.',
      descriptionFr:
        'Seize semaines de formation en soudage avec un stage, pour les personnes qui débutent dans les métiers.',
      interventionTypes: ['training', 'work_integrated_learning'],
      targetNocCodes: ['72106'],
      targetNaicsCodes: ['332'],
      targetPopulations: ['youth', 'women'],
      languages: ['en', 'fr'],
      eligibilityDescription: 'Aged 18 to 29, out of work or school.',
      minimumAge: 18,
      maximumAge: 29,
      credentialAwarded: 'Welder level 1',
      funder: 'Ontario Ministry of Labour, Immigration, Training and Skills Development',
      startsOn: '2027-01-11',
      endsOn: '2027-05-01',
      seats: 16,
      seatsOpen: 5,
      siteIds: [scarborough().id],
      schedules: [{ weekdays: ['MO', 'TU', 'WE', 'TH'], opensAt: '09:00', closesAt: '15:30' }],
      intakeWindows: [{ opensOn: '2026-11-15', closesOn: '2026-12-20' }],
      contacts: [{ name: 'Intake desk', email: 'intake@agency.example', phone: '416-555-0100' }],
      ...overrides,
    };
  }

  async function listService(body: Record<string, unknown>, session = manager) {
    const res = await app.inject({ method: 'POST', url: '/api/services', headers: session.headers, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string } & Record<string, unknown>;
  }

  it('lets a manager list a service of their agency, with its parts and when each was confirmed', async () => {
    const created = await listService(welding());
    expect(created).toMatchObject({
      organization: { id: agency.id },
      status: 'active',
      occupations: [{ code: '72106', title: expect.stringMatching(/welders/i) }],
      industries: [{ code: '332', title: 'Fabricated metal product manufacturing' }],
      intakeState: 'open',
      capacity: { seats: 16, seatsOpen: 5 },
      sites: [{ siteId: scarborough().id, postalCode: 'M1P 4P5' }],
      schedules: [{ weekdays: ['MO', 'TU', 'WE', 'TH'], opensAt: '09:00', closesAt: '15:30' }],
      freshness: { stale: false, staleParts: [] },
    });
    const freshness = created['freshness'] as { verifiedAt: Record<string, string | null> };
    expect(Object.keys(freshness.verifiedAt).sort()).toEqual([
      'capacity',
      'contacts',
      'details',
      'intake',
      'schedules',
      'sites',
    ]);
    expect(freshness.verifiedAt['details']).toBeTruthy();
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select(['action', 'outcome', 'reason'])
      .where('recordId', '=', created.id)
      .execute();
    expect(audit).toEqual([{ action: 'service.manage', outcome: 'succeeded', reason: 'created' }]);
  });

  it('shows the listing to the public without capacity, and to any agency staff with it', async () => {
    const created = await listService(welding({ name: `Public ${marker} welding` }));
    const anonymous = (await app.inject(`/api/services/${created.id}`)).json();
    expect(anonymous.capacity).toBeUndefined();
    expect(anonymous.freshness.verifiedAt.capacity).toBeNull();
    expect(anonymous.intakeState).toBe('open');
    const staff = (await app.inject({ url: `/api/services/${created.id}`, headers: otherManager.headers })).json();
    expect(staff.capacity).toMatchObject({ seats: 16, seatsOpen: 5 });
  });

  it("refuses another agency's manager and a counsellor (403, audited), and writes nothing", async () => {
    const created = await listService(welding({ name: `Guarded ${marker} welding` }));
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/services/${created.id}`,
      headers: otherManager.headers,
      payload: { name: 'Taken over' },
    });
    expect(patch.statusCode).toBe(403);
    const byCounsellor = await app.inject({
      method: 'POST',
      url: '/api/services',
      headers: counsellor.headers,
      payload: welding({ name: `Counsellor ${marker}` }),
    });
    expect(byCounsellor.statusCode).toBe(403);
    const naming = await app.inject({
      method: 'POST',
      url: '/api/services',
      headers: otherManager.headers,
      payload: welding({ name: `Foreign ${marker}`, organizationId: agency.id, siteIds: [] }),
    });
    expect(naming.statusCode).toBe(403);
    const page = (await app.inject(`/api/services/${created.id}`)).json();
    expect(page.name).toBe(`Guarded ${marker} welding`);
    const anonymous = await app.inject({ method: 'POST', url: '/api/services', payload: welding() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets a system administrator list a service for any provider, but not for an employer', async () => {
    const created = await listService(
      welding({ name: `By admin ${marker}`, organizationId: other.id, siteIds: [] }),
      admin,
    );
    expect(created['organization']).toMatchObject({ id: other.id });
    const employer = await makeOrganization(handle().db, { type: 'employer' });
    const refused = await app.inject({
      method: 'POST',
      url: '/api/services',
      headers: admin.headers,
      payload: welding({ name: `Employer ${marker}`, organizationId: employer.id, siteIds: [] }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'organizationId', message: 'an employer cannot list a service' }]);
  });

  it('refuses bad listings with field errors and writes nothing', async () => {
    const before = await handle()
      .db.selectFrom('services')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [Record<string, unknown>, string][] = [
      [{ targetNocCodes: ['99999'] }, 'targetNocCodes.0'],
      [{ targetNaicsCodes: ['999999'] }, 'targetNaicsCodes.0'],
      [{ seatsOpen: 20 }, 'seatsOpen'],
      [{ minimumAge: 30 }, 'maximumAge'],
      [{ interventionTypes: [] }, 'interventionTypes'],
      [{ siteIds: [other.sites[0]!.id] }, 'siteIds'],
      [{ schedules: [{ weekdays: ['MO'], opensAt: '17:00', closesAt: '09:00' }] }, 'schedules.0.closesAt'],
      [{ intakeWindows: [{ opensOn: '2026-12-20', closesOn: '2026-12-01' }] }, 'intakeWindows.0.closesOn'],
    ];
    for (const [change, field] of cases) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/services',
        headers: manager.headers,
        payload: welding({ name: `Bad ${marker}`, ...change }),
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(
        (res.json().errors as { field: string }[]).map((f) => f.field.replace(/^body\./, '')),
        JSON.stringify(change),
      ).toContain(field);
    }
    const after = await handle()
      .db.selectFrom('services')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('changes a listing, replaces its lists, and confirms it as it stands', async () => {
    const created = await listService(welding({ name: `Changing ${marker}` }));
    clock.advance({ days: 200 });
    try {
      const stale = (await app.inject({ url: `/api/services/${created.id}`, headers: manager.headers })).json();
      expect(stale.freshness.stale).toBe(true);
      expect(stale.freshness.staleParts.sort()).toEqual([
        'capacity',
        'contacts',
        'details',
        'intake',
        'schedules',
        'sites',
      ]);
    } finally {
      clock.advance({ days: -200 });
    }
    const changed = await app.inject({
      method: 'PATCH',
      url: `/api/services/${created.id}`,
      headers: manager.headers,
      payload: { seatsOpen: 0, siteIds: [downtown().id], contacts: [] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      intakeState: 'full',
      capacity: { seats: 16, seatsOpen: 0 },
      sites: [{ siteId: downtown().id }],
      contacts: [],
    });
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/services/${created.id}`,
      headers: manager.headers,
      payload: { seats: 3, seatsOpen: 4 },
    });
    expect(bad.statusCode).toBe(400);
    const confirmed = await app.inject({
      method: 'PATCH',
      url: `/api/services/${created.id}`,
      headers: manager.headers,
      payload: { verified: true },
    });
    expect(confirmed.statusCode).toBe(200);
    const reasons = await handle()
      .db.selectFrom('auditLog')
      .select('reason')
      .where('recordId', '=', created.id)
      .orderBy('createdAt')
      .execute();
    expect(reasons.map((r) => r.reason)).toEqual(['created', 'changed: contacts, seatsOpen, siteIds', 'confirmed']);
  });

  it('keeps the intake windows on the listing as days, and leaves the listing alone when they are only confirmed', async () => {
    const created = await listService(welding({ name: `Windows ${marker}` }));
    const ranges = async () =>
      await handle()
        .db.selectFrom('services')
        .select(['intakeRanges', 'updatedAt'])
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
    expect((await ranges()).intakeRanges).toBe('{[2026-11-15,2026-12-21)}');
    const patch = (payload: object) =>
      app.inject({ method: 'PATCH', url: `/api/services/${created.id}`, headers: manager.headers, payload });
    expect(
      (
        await patch({
          intakeWindows: [
            { opensOn: '2027-03-01' },
            { opensOn: '2027-01-05', closesOn: '2027-01-31' },
            { opensOn: '2027-01-20', closesOn: '2027-02-10' },
          ],
        })
      ).statusCode,
    ).toBe(200);
    // Overlapping windows are one span of days; a window without a closing day runs on.
    expect((await ranges()).intakeRanges).toBe('{[2027-01-05,2027-02-11),[2027-03-01,)}');
    const before = await ranges();
    await handle()
      .db.updateTable('serviceIntakeWindows')
      .set({ note: 'confirmed by phone' })
      .where('serviceId', '=', created.id)
      .execute();
    expect(await ranges()).toEqual(before);
    expect((await patch({ intakeWindows: [] })).statusCode).toBe(200);
    expect((await ranges()).intakeRanges).toBeNull();
  });

  it('points staff to likely duplicate listings: same provider or site, a name that reads nearly the same', async () => {
    const first = await listService(welding({ name: `Job search workshop ${marker}`, siteIds: [downtown().id] }));
    const second = await listService(welding({ name: `Job-search workshops ${marker}`, siteIds: [scarborough().id] }));
    const unrelated = await listService(welding({ name: `Forklift certification ${marker}` }));
    expect(second['possibleDuplicates']).toEqual([
      expect.objectContaining({ id: first.id, organization: { id: agency.id, name: agency.name } }),
    ]);
    const staff = (await app.inject({ url: `/api/services/${first.id}`, headers: counsellor.headers })).json();
    expect(staff.possibleDuplicates.map((d: { id: string }) => d.id)).toEqual([second.id]);
    expect((await app.inject(`/api/services/${first.id}`)).json().possibleDuplicates).toBeUndefined();
    // Another provider with the same program name, nowhere near: not a duplicate.
    const elsewhere = await listService(
      welding({ name: `Job search workshop ${marker}`, organizationId: other.id, siteIds: [] }),
      admin,
    );
    expect(elsewhere['possibleDuplicates']).toEqual([]);
    expect(unrelated['possibleDuplicates']).toEqual([]);
  });

  describe('search', () => {
    const sm = `${marker}s`;
    let weldingId: string;
    let virtualId: string;
    let closedId: string;
    beforeAll(async () => {
      weldingId = (await listService(welding({ name: `Search ${sm} welding` }))).id;
      virtualId = (
        await listService(
          welding({
            name: `Search ${sm} online résumé clinic`,
            nameFr: `Clinique de CV en ligne ${sm}`,
            description: 'Résumé and cover letter coaching by video, for anyone looking for work.',
            descriptionFr: 'Accompagnement pour le CV et la lettre de présentation, par vidéo.',
            interventionTypes: ['pre_employment'],
            targetNocCodes: [],
            targetNaicsCodes: [],
            targetPopulations: ['newcomers'],
            deliveryMode: 'virtual',
            siteIds: [],
            seats: undefined,
            seatsOpen: undefined,
            intakeWindows: [],
            credentialAwarded: undefined,
          }),
        )
      ).id;
      closedId = (
        await listService(
          welding({
            name: `Search ${sm} forklift`,
            description: 'Forklift operator certification in one week at the downtown office.',
            descriptionFr: undefined,
            interventionTypes: ['training'],
            targetNocCodes: ['75101'],
            targetNaicsCodes: ['493'],
            siteIds: [downtown().id],
            intakeWindows: [{ opensOn: '2026-12-20', closesOn: '2027-01-10' }],
          }),
        )
      ).id;
    });

    async function search(query: string, session?: TestSession) {
      const res = await app.inject({ url: `/api/services?${query}`, ...(session ? { headers: session.headers } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        total: number;
        items: ({ id: string; matchedBecause: { kind: string; fields?: string[] }[] } & Record<string, unknown>)[];
      };
    }

    it('finds words in English and French, accents folded, and says where they matched', async () => {
      const french = await search(`q=${encodeURIComponent(`métiers ${sm}`)}`);
      expect(french.items.map((i) => i.id)).toEqual([weldingId]);
      expect(french.items[0]!.matchedBecause).toEqual([{ kind: 'words', fields: ['name', 'description'] }]);
      const folded = await search(`q=${encodeURIComponent(`resume ${sm}`)}`);
      expect(folded.items.map((i) => i.id)).toEqual([virtualId]);
      const occupation = await search(`q=${encodeURIComponent(`welders ${sm}`)}`);
      expect(occupation.items.map((i) => i.id)).toContain(weldingId);
      expect(occupation.items.find((i) => i.id === weldingId)!.matchedBecause[0]!.fields).toEqual(
        expect.arrayContaining(['occupations']),
      );
    });

    it('filters on the workforce fields and names each filter that matched', async () => {
      const training = await search(`q=${sm}&intervention=training&population=women&noc=72`);
      expect(training.items.map((i) => i.id)).toEqual([weldingId]);
      expect(training.items[0]!.matchedBecause.map((r) => r.kind)).toEqual([
        'words',
        'intervention',
        'occupation',
        'population',
      ]);
      const byIndustry = await search(`q=${sm}&naics=31-33`);
      expect(byIndustry.items.map((i) => i.id).sort()).toEqual(
        [weldingId, (await search(`q=${sm}&naics=332`)).items[0]!.id].filter((v, i, a) => a.indexOf(v) === i).sort(),
      );
      const warehousing = await search(`q=${sm}&naics=48-49`);
      expect(warehousing.items.map((i) => i.id)).toEqual([closedId]);
      const french = await search(`q=${sm}&language=fr&deliveryMode=virtual`);
      expect(french.items.map((i) => i.id)).toEqual([virtualId]);
    });

    it('measures distance from a postal code or area, and keeps online services in reach', async () => {
      const near = await search(`q=${sm}&near=M1P%204P5&withinKm=3`);
      const ids = near.items.map((i) => i.id);
      expect(ids).toContain(weldingId);
      expect(ids).toContain(virtualId);
      expect(ids).not.toContain(closedId);
      const weldingHit = near.items.find((i) => i.id === weldingId)!;
      expect(weldingHit.matchedBecause).toContainEqual(expect.objectContaining({ kind: 'near', km: 0 }));
      expect(near.items.find((i) => i.id === virtualId)!.matchedBecause).toContainEqual({ kind: 'online' });
      const unknownArea = await app.inject(`/api/services?near=M0Z`);
      expect(unknownArea.statusCode).toBe(400);
      const badPostalCode = await app.inject(`/api/services?near=12345`);
      expect(badPostalCode.statusCode).toBe(400);
    });

    it('finds intake open now or soon', async () => {
      const now = await search(`q=${sm}&intake=open_now`);
      expect(now.items.map((i) => i.id)).toEqual(expect.arrayContaining([weldingId, virtualId]));
      expect(now.items.map((i) => i.id)).not.toContain(closedId);
      const soon = await search(`q=${sm}&intake=open_soon`);
      expect(soon.items.map((i) => i.id)).toContain(closedId);
      expect(soon.items.find((i) => i.id === closedId)!.matchedBecause).toContainEqual({ kind: 'intake_soon' });
    });

    it('shows capacity to staff only, in search as on the page', async () => {
      const publicHit = (await search(`q=${sm}&intervention=work_integrated_learning`)).items.find(
        (i) => i.id === weldingId,
      )!;
      expect(publicHit['capacity']).toBeUndefined();
      const staffHit = (await search(`q=${sm}&intervention=work_integrated_learning`, counsellor)).items.find(
        (i) => i.id === weldingId,
      )!;
      expect(staffHit['capacity']).toEqual({ seats: 16, seatsOpen: 5 });
    });
  });
});
