import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import { hsdsValidators } from './hsds-schemas.ts';
import { makeOrganization, makeSession, makeUser, wordMarker } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import type { Organization } from '../organizations/organization.ts';

// The public HSDS 3.0 API (issue 13, point 3): every answer validates against the official schemas and
// the OpenAPI document's Page wrapper, also with additionalProperties: false injected.

const open = hsdsValidators({ closed: false });
const closed = hsdsValidators({ closed: true });

function expectValid(validate: ValidateFunction, value: unknown): void {
  const ok = validate(value);
  expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
}

function expectBoth(name: string | { page: string }, value: unknown): void {
  for (const validators of [open, closed]) {
    expectValid(typeof name === 'string' ? validators.schema(name) : validators.page(name.page), value);
  }
}

describe('the HSDS schema check itself', () => {
  it('accepts the official examples and refuses a member HSDS does not name when closed', () => {
    const example = { id: crypto.randomUUID(), name: 'A service', status: 'active' };
    expectBoth('service.json', example);
    const extended = { ...example, seats_open: 3 };
    expect(open.schema('service.json')(extended)).toBe(true);
    expect(closed.schema('service.json')(extended)).toBe(false);
    expect(closed.schema('service.json')({ ...example, status: 'open' })).toBe(false);
  });
});

describeEachEngine('HSDS API', ({ handle }) => {
  let app: AppInstance;
  let agency: Organization;
  let serviceId: string;
  // Found by full-text search: letters only (a hex marker can read as a number).
  const marker = wordMarker();

  beforeAll(async () => {
    app = await testApp(handle(), { clock: testClock('2026-12-03') });
    const db = handle().db;
    agency = await makeOrganization(db, {
      nameFr: `Agence ${marker}`,
      website: 'https://agency.example',
      sites: [
        {
          name: `Office ${marker}`,
          streetAddress: '1 Town Centre Ct',
          postalCode: 'M1P 4P5',
          city: 'Toronto',
          province: 'ON',
          wheelchairAccessible: true,
          accessibilityDescription: 'Ramp at the east door; accessible washroom on the ground floor.',
          transportation: 'Scarborough Centre station, then a 5-minute walk.',
        },
      ],
    });
    const manager = await makeSession(db, await makeUser(db, { organizationId: agency.id, roles: ['agency_manager'] }));
    const res = await app.inject({
      method: 'POST',
      url: '/api/services',
      headers: manager.headers,
      payload: {
        name: `HSDS ${marker} welding pre-apprenticeship`,
        nameFr: `Préapprentissage ${marker}`,
        description: 'Sixteen weeks of welding training with a work placement.',
        interventionTypes: ['training', 'work_integrated_learning'],
        targetNocCodes: ['72106'],
        targetNaicsCodes: ['332'],
        targetPopulations: ['youth'],
        languages: ['en', 'fr'],
        minimumAge: 18,
        maximumAge: 29,
        credentialAwarded: 'Welder level 1',
        funder: 'Employment Ontario',
        startsOn: '2027-01-11',
        endsOn: '2027-05-01',
        seats: 16,
        seatsOpen: 5,
        phone: '416-555-0100',
        siteIds: [agency.sites[0]!.id],
        schedules: [{ weekdays: ['MO', 'WE'], opensAt: '09:00', closesAt: '15:30', description: 'Classes' }],
        intakeWindows: [{ opensOn: '2026-11-15', closesOn: '2026-12-20' }, { opensOn: '2027-03-01' }],
        contacts: [{ name: 'Intake desk', title: 'Intake', email: 'intake@agency.example', phone: '416-555-0101' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    serviceId = res.json().id;
  });
  afterAll(async () => app.close());

  it('says which version it is', async () => {
    const res = await app.inject('/hsds/');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: '3.0', openapi_url: expect.stringContaining('openapi.json') });
  });

  it('answers one service fully nested, valid HSDS, with our fields as attributes and no capacity', async () => {
    const res = await app.inject(`/hsds/services/${serviceId}`);
    expect(res.statusCode).toBe(200);
    const service = res.json();
    expectBoth('service.json', service);
    expect(service).toMatchObject({
      id: serviceId,
      status: 'active',
      minimum_age: 18,
      organization: { id: agency.id },
      funding: [{ source: 'Employment Ontario' }],
      languages: [
        { code: 'en', name: 'English' },
        { code: 'fr', name: 'French' },
      ],
      schedules: [{ freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00', closes_at: '15:30' }],
      service_at_locations: [
        {
          location_id: agency.sites[0]!.id,
          location: {
            addresses: [{ postal_code: 'M1P 4P5', country: 'CA' }],
            accessibility: [{ description: 'Wheelchair accessible' }],
          },
        },
      ],
    });
    const attributes = service.attributes as { value?: string; taxonomy_term: { taxonomy: string; code: string } }[];
    const byTaxonomy = (name: string) => attributes.filter((a) => a.taxonomy_term.taxonomy === name);
    expect(byTaxonomy('continuum-intervention-type').map((a) => a.taxonomy_term.code)).toEqual([
      'training',
      'work_integrated_learning',
    ]);
    expect(byTaxonomy('NOC 2021').map((a) => a.taxonomy_term.code)).toEqual(['72106']);
    expect(byTaxonomy('NAICS Canada 2022').map((a) => a.taxonomy_term.code)).toEqual(['332']);
    expect(byTaxonomy('continuum-intake-window').map((a) => a.value)).toEqual([
      '2026-11-15/2026-12-20',
      '2027-03-01/..',
    ]);
    expect(byTaxonomy('continuum-intake-state').map((a) => a.taxonomy_term.code)).toEqual(['open']);
    expect(byTaxonomy('continuum-program-dates').map((a) => a.value)).toEqual(['2027-01-11/2027-05-01']);
    expect((service.metadata as { field_name: string }[]).map((m) => m.field_name)).toEqual([
      'details',
      'sites',
      'schedules',
      'intake',
      'contacts',
    ]);
    expect(JSON.stringify(service)).not.toMatch(/seats/i);
  });

  it('pages services as HSDS defines, with search and the organization filter', async () => {
    const res = await app.inject(`/hsds/services?search=${marker}&per_page=1`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expectBoth({ page: 'service_list.json' }, page);
    expect(page).toMatchObject({
      total_items: 1,
      page_number: 1,
      size: 1,
      first_page: true,
      last_page: true,
      empty: false,
    });
    expect(page.contents[0]).toMatchObject({ id: serviceId, organization: { id: agency.id } });

    const full = (await app.inject(`/hsds/services?organization_id=${agency.id}&full=true`)).json();
    expectBoth({ page: 'service.json' }, full);
    expect(full.contents[0].attributes.length).toBeGreaterThan(0);

    const none = (await app.inject(`/hsds/services?organization_id=${crypto.randomUUID()}`)).json();
    expectBoth({ page: 'service_list.json' }, none);
    expect(none).toMatchObject({ total_items: 0, size: 0, empty: true, contents: [] });

    const later = (
      await app.inject(`/hsds/services?organization_id=${agency.id}&modified_after=2999-01-01T00:00:00Z`)
    ).json();
    expect(later.total_items).toBe(0);
    expect((await app.inject('/hsds/services?format=ndjson')).statusCode).toBe(400);
  });

  it('answers organizations and locations as HSDS objects', async () => {
    const organization = (await app.inject(`/hsds/organizations/${agency.id}`)).json();
    expectBoth('organization.json', organization);
    expect(organization).toMatchObject({
      id: agency.id,
      website: 'https://agency.example',
      locations: [{ id: agency.sites[0]!.id }],
    });

    const organizations = (await app.inject(`/hsds/organizations?search=${marker}`)).json();
    expectBoth({ page: 'organization_list.json' }, organizations);
    expect(organizations.contents.map((o: { id: string }) => o.id)).toEqual([agency.id]);

    const location = (await app.inject(`/hsds/locations/${agency.sites[0]!.id}`)).json();
    expectBoth('location.json', location);
    expect(location).toMatchObject({ transportation: expect.stringContaining('Scarborough Centre') });

    const locations = (await app.inject(`/hsds/locations?organization_id=${agency.id}`)).json();
    expectBoth({ page: 'location.json' }, locations);
    expect(locations.total_items).toBe(1);
  });

  it('answers 404 problem+json for unknown ids, and never lists employers', async () => {
    for (const url of [
      `/hsds/services/${crypto.randomUUID()}`,
      `/hsds/organizations/${crypto.randomUUID()}`,
      `/hsds/locations/${crypto.randomUUID()}`,
      '/hsds/services/not-an-id',
      '/hsds/nothing-here',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const employer = await makeOrganization(handle().db, { type: 'employer' });
    expect((await app.inject(`/hsds/organizations/${employer.id}`)).statusCode).toBe(404);
  });
});
