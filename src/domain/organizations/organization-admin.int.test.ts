import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeOrganization, makeSession, makeUser, type TestSession, type TestUser } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import type { Organization, Site } from './organization.ts';

const unique = (prefix: string) => `${prefix} ${crypto.randomBytes(4).toString('hex')}`;

describeEachEngine('organization and site administration', ({ handle }) => {
  let app: AppInstance;
  let agencyA: Organization;
  let agencyB: Organization;
  let admin: TestUser;
  let managerA: TestUser;
  let counsellorA: TestUser;
  const sessions = new Map<string, TestSession>();
  const as = (user: TestUser) => sessions.get(user.id)!.headers;

  beforeAll(async () => {
    app = await testApp(handle());
    const db = handle().db;
    const city = await makeOrganization(db, { type: 'system_manager' });
    agencyA = await makeOrganization(db);
    agencyB = await makeOrganization(db);
    admin = await makeUser(db, { organizationId: city.id, roles: ['system_administrator'] });
    managerA = await makeUser(db, { organizationId: agencyA.id, roles: ['agency_manager'] });
    counsellorA = await makeUser(db, { organizationId: agencyA.id, roles: ['employment_counsellor'] });
    for (const u of [admin, managerA, counsellorA]) sessions.set(u.id, await makeSession(db, u));
  });
  afterAll(async () => app.close());

  const auditRows = (action: string, recordId: string) =>
    handle()
      .db.selectFrom('auditLog')
      .select(['outcome', 'actorUserId', 'reason'])
      .where('action', '=', action)
      .where('recordId', '=', recordId)
      .execute();

  it('lets a system administrator add an organization with a site located by its postal code, audited', async () => {
    const name = unique('Scarborough Works');
    const res = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: as(admin),
      payload: {
        name,
        type: 'community_agency',
        offersFrench: true,
        sites: [{ name: 'Main', streetAddress: '3600 Ellesmere Rd', postalCode: 'm1c4y8' }],
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<Organization>();
    expect(created).toMatchObject({ name, type: 'community_agency', offersFrench: true });
    expect(created.sites[0]).toMatchObject({ postalCode: 'M1C 4Y8', city: 'Toronto' });
    expect(created.sites[0]!.neighbourhoodName).not.toBeNull();
    expect(await auditRows('organization.create', created.id)).toEqual([
      { outcome: 'succeeded', actorUserId: admin.id, reason: null },
    ]);
    // Names are unique whatever the letter case.
    const again = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: as(admin),
      payload: { name: name.toUpperCase(), type: 'employer' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'name', message: 'already exists' }]);
  });

  it('refuses to add organizations for everyone else: 403 audited for staff, 401 for visitors, nothing written', async () => {
    const name = unique('Sneaky Agency');
    for (const user of [managerA, counsellorA]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/organizations',
        headers: as(user),
        payload: { name, type: 'employer' },
      });
      expect(res.statusCode).toBe(403);
    }
    const denied = await handle()
      .db.selectFrom('auditLog')
      .select('actorUserId')
      .where('action', '=', 'organization.create')
      .where('outcome', '=', 'denied')
      .where('actorUserId', 'in', [managerA.id, counsellorA.id])
      .execute();
    expect(denied).toHaveLength(2);
    expect(
      (await app.inject({ method: 'POST', url: '/api/organizations', payload: { name, type: 'employer' } })).statusCode,
    ).toBe(401);
    const withoutCsrf = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { cookie: sessions.get(admin.id)!.cookie },
      payload: { name, type: 'employer' },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(await handle().db.selectFrom('organizations').select('id').where('name', '=', name).execute()).toEqual([]);
  });

  it("lets a manager change their own organization, never its type, and not another's", async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${agencyA.id}`,
      headers: as(managerA),
      payload: { phone: '416-555-0199', website: null, offersFrench: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: agencyA.id,
      phone: '416-555-0199',
      website: null,
      offersFrench: true,
      type: agencyA.type,
    });
    const type = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${agencyA.id}`,
      headers: as(managerA),
      payload: { type: 'employer' },
    });
    expect(type.statusCode).toBe(400);
    expect(type.json().detail).toContain('type');
    const empty = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${agencyA.id}`,
      headers: as(managerA),
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    // The directory is public, so another agency's record is visible: changing it is 403, audited.
    const other = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${agencyB.id}`,
      headers: as(managerA),
      payload: { phone: '416-555-0100' },
    });
    expect(other.statusCode).toBe(403);
    expect(await auditRows('organization.update', agencyB.id)).toEqual([
      { outcome: 'denied', actorUserId: managerA.id, reason: expect.stringContaining('not_visible') },
    ]);
    const taken = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${agencyA.id}`,
      headers: as(managerA),
      payload: { name: agencyB.name.toLowerCase() },
    });
    expect(taken.statusCode).toBe(409);
    const counsellor = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${agencyA.id}`,
      headers: as(counsellorA),
      payload: { phone: '416-555-0101' },
    });
    expect(counsellor.statusCode).toBe(403);
    const random = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${crypto.randomUUID()}`,
      headers: as(admin),
      payload: { phone: '416-555-0102' },
    });
    expect(random.statusCode).toBe(404);
  });

  it('adds and changes sites: a new postal code moves the site, given coordinates win, another agency is refused', async () => {
    const added = await app.inject({
      method: 'POST',
      url: `/api/organizations/${agencyA.id}/sites`,
      headers: as(managerA),
      payload: {
        name: 'Rexdale hub',
        streetAddress: '2267 Islington Ave',
        postalCode: 'M9W 3W9',
        wheelchairAccessible: true,
      },
    });
    expect(added.statusCode).toBe(201);
    const site = added.json<Site>();
    expect(site).toMatchObject({ name: 'Rexdale hub', postalCode: 'M9W 3W9', wheelchairAccessible: true });
    expect(site.latitude).not.toBeNull();

    const moved = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${agencyA.id}/sites/${site.id}`,
      headers: as(managerA),
      payload: { postalCode: 'M1B 5K7', streetAddress: '1 Morningside Ave' },
    });
    expect(moved.statusCode).toBe(200);
    const movedSite = moved.json<Site>();
    expect(movedSite.postalCode).toBe('M1B 5K7');
    expect(movedSite.longitude!).toBeGreaterThan(site.longitude!);
    expect(movedSite.neighbourhoodId).not.toBe(site.neighbourhoodId);

    const pinned = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${agencyA.id}/sites/${site.id}`,
      headers: as(managerA),
      payload: { latitude: 43.8, longitude: -79.2 },
    });
    expect(pinned.json()).toMatchObject({ latitude: 43.8, longitude: -79.2 });
    const half = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${agencyA.id}/sites/${site.id}`,
      headers: as(managerA),
      payload: { latitude: 43.7 },
    });
    expect(half.statusCode).toBe(400);
    const badPostal = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${agencyA.id}/sites/${site.id}`,
      headers: as(managerA),
      payload: { postalCode: 'Z9Z 9Z9' },
    });
    expect(badPostal.statusCode).toBe(400);
    expect(badPostal.json().errors[0]).toMatchObject({ field: 'body.postalCode' });

    // Another agency's site, reached through any path, is refused; a site under the wrong organization is 404.
    const intoB = await app.inject({
      method: 'POST',
      url: `/api/organizations/${agencyB.id}/sites`,
      headers: as(managerA),
      payload: { name: 'Pop-up', streetAddress: '1 Yonge St', postalCode: 'M5E 1W7' },
    });
    expect(intoB.statusCode).toBe(403);
    const bSite = agencyB.sites[0]!;
    const throughA = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${agencyA.id}/sites/${bSite.id}`,
      headers: as(managerA),
      payload: { name: 'Taken over' },
    });
    expect(throughA.statusCode).toBe(404);
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select(['outcome'])
      .where('action', '=', 'site.manage')
      .where('recordId', '=', site.id)
      .execute();
    // Added, moved, pinned: the refused changes left nothing.
    expect(audit.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });
});
