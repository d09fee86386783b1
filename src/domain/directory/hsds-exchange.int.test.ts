import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, openIsolatedEngine } from '../../../test/db.ts';
import { makeOrganization, makeService } from '../../../test/factories.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { parseCsv } from '../../lib/csv.ts';
import { exportHsdsDataset } from './hsds-export.ts';
import { importHsdsDataset, readHsdsDataset, type ImportReport } from './hsds-import.ts';
import { hsdsValidators } from './hsds-schemas.ts';
import { hsdsTableNames, hsdsTables, tableColumns } from './hsds-tables.ts';
import { selectServiceRecords } from './service.queries.ts';

// The HSDS exchange (issue 13, point 3): the official examples import cleanly and idempotently, bad
// records are rejected with every reason and leave nothing, and the whole directory exports as JSON and
// as the tabular form, valid against the official schemas (closed), and imports back unchanged.

const EXAMPLES = path.resolve('vendor/hsds-3.0/examples');
const SERVICE = 'ac148810-d857-441c-9679-408f346de14b';
const ORGANIZATION = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610';
const LOCATION = '3a19ff88-4620-4d17-9830-ac1d859eb5d5';
const NOW = new Date('2026-12-03T15:00:00Z');

const changes = (r: ImportReport) =>
  [r.organizations, r.locations, r.services].reduce((n, t) => n + t.created + t.updated, 0);

function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

describeEachEngine('HSDS exchange', ({ engine }) => {
  let handle: DatabaseHandle;
  let dir: string;
  beforeAll(async () => {
    handle = await openIsolatedEngine(engine, 'continuum_hsds_exchange');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-hsds-'));
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports every official example dataset cleanly, and each a second time without a change', async () => {
    const sources = [
      'service_full.json',
      'organization_full.json',
      'service_list.json',
      'organization_list.json',
      'service_at_location_full.json',
      'tabular.json',
      'csv',
    ];
    const first = await importHsdsDataset(handle.db, readHsdsDataset(path.join(EXAMPLES, sources[0]!)), { now: NOW });
    expect(first.rejected).toEqual([]);
    expect(first.services.created).toBe(1);
    expect(first.organizations.created).toBe(1);
    expect(first.locations.created).toBe(1);
    for (const source of sources) {
      const report = await importHsdsDataset(handle.db, readHsdsDataset(path.join(EXAMPLES, source)), { now: NOW });
      expect({ source, rejected: report.rejected }).toEqual({ source, rejected: [] });
      expect({ source, changes: changes(report) }).toEqual({ source, changes: 0 });
    }

    const [service] = await selectServiceRecords(handle.db, [SERVICE]);
    expect(service).toMatchObject({
      organizationId: ORGANIZATION,
      name: 'Community Counselling',
      alternateName: 'MyCity Counselling Services',
      status: 'active',
      minimumAge: 12,
      maximumAge: 100,
      languages: ['ur'],
      interventionTypes: [],
      phone: '+44 1234 234567',
    });
    expect(service!.funder).toMatch(/^This service is funded partially by the MyCity local government/);
    expect(service!.detailsVerifiedAt.slice(0, 10)).toBe('2005-01-01');
    expect(service!.schedules.map((s) => [s.weekdays, s.opensAt, s.closesAt])).toEqual([
      [['TH', 'FR'], '10:00', '18:00'],
    ]);
    expect(service!.contacts.map((c) => c.name)).toEqual(['Ann Persona']);
    expect(service!.sites).toHaveLength(1);
    const site = await handle.db.selectFrom('sites').selectAll().where('id', '=', LOCATION).executeTakeFirstOrThrow();
    // The example's address is not Canadian, and its coordinates (100, 101) are not on Earth.
    expect(site).toMatchObject({ country: 'US', postalCode: 'ABC 1234', province: 'MyState', latitude: null });
    expect(site.streetAddress).toBe('1-30 Main Street, MyVillage');
    const organization = await handle.db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', ORGANIZATION)
      .executeTakeFirstOrThrow();
    expect(organization).toMatchObject({ name: 'Example Organization Inc.', type: 'community_agency' });
    expect(organization.description).toMatch(/^Example Org is a non-profit/);
  });

  it('rejects each bad record with its reasons, leaves nothing of it, and lands the rest', async () => {
    const marker = crypto.randomBytes(3).toString('hex');
    const orgId = crypto.randomUUID();
    const badOrgId = crypto.randomUUID();
    const ids = Array.from({ length: 8 }, () => crypto.randomUUID());
    const location = (id: string) => ({
      id,
      location_type: 'physical',
      name: `Hub ${marker}`,
      addresses: [
        {
          id: crypto.randomUUID(),
          address_1: '1 Yonge St',
          city: 'Toronto',
          state_province: 'Ontario',
          postal_code: 'm5e1e5',
          country: 'CA',
          address_type: 'physical',
        },
      ],
    });
    const term = (taxonomy: string, code: string) => ({
      id: crypto.randomUUID(),
      taxonomy_term: { id: crypto.randomUUID(), code, name: code, description: code, taxonomy },
    });
    const service = (id: string, extra: Record<string, unknown> = {}) => ({
      id,
      organization_id: orgId,
      name: `Skills ${marker} ${id.slice(0, 4)}`,
      description: 'Job search workshops and one-to-one coaching.',
      status: 'active',
      ...extra,
    });
    const dataset = {
      organizations: [
        {
          id: orgId,
          name: `Agency ${marker}`,
          description: 'A community agency.',
          locations: [location(ids[7]!)],
        },
        // HSDS requires a description.
        { id: badOrgId, name: `Nameless ${marker}` },
      ],
      services: [
        service(ids[0]!, {
          attributes: [term('continuum-intervention-type', 'training'), term('NOC 2021', '72410')],
          service_at_locations: [{ id: crypto.randomUUID(), service_id: ids[0], location_id: ids[7] }],
        }),
        // HSDS requires a name.
        { id: ids[1], organization_id: orgId, status: 'active', description: 'No name at all here.' },
        service(ids[2]!, { attributes: [term('NOC 2021', '99999')] }),
        service(ids[3]!, { attributes: [term('NAICS Canada 2022', '999999')] }),
        service(ids[4]!, { description: 'Short' }),
        service(ids[5]!, { organization_id: badOrgId }),
        service(ids[6]!, { status: 'open' }),
      ],
    };
    const file = writeJson(dir, 'bad.json', dataset);

    const dry = await importHsdsDataset(handle.db, readHsdsDataset(file), { now: NOW, dryRun: true });
    expect(dry.services.created).toBe(1);
    expect(await handle.db.selectFrom('services').select('id').where('id', 'in', ids).execute()).toEqual([]);
    expect(await handle.db.selectFrom('organizations').select('id').where('id', '=', orgId).execute()).toEqual([]);

    const report = await importHsdsDataset(handle.db, readHsdsDataset(file), { now: NOW });
    expect(report.organizations).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(report.services).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 6 });
    const reasons = new Map(report.rejected.map((r) => [r.id, r.reasons.join(' | ')]));
    expect(reasons.get(badOrgId)).toMatch(/must have required property 'description'/);
    expect(reasons.get(ids[1]!)).toMatch(/must have required property 'name'/);
    expect(reasons.get(ids[2]!)).toMatch(/NOC 2021.*99999|99999.*NOC/);
    expect(reasons.get(ids[3]!)).toMatch(/NAICS/);
    expect(reasons.get(ids[4]!)).toMatch(/^description: /);
    expect(reasons.get(ids[5]!)).toMatch(/its organization was rejected/);
    expect(reasons.get(ids[6]!)).toMatch(/^status: /);
    const landed = await handle.db.selectFrom('services').select('id').where('id', 'in', ids).execute();
    expect(landed.map((r) => r.id)).toEqual([ids[0]]);
    const [good] = await selectServiceRecords(handle.db, [ids[0]!]);
    expect(good).toMatchObject({ interventionTypes: ['training'], targetNocCodes: ['72410'] });
    expect(good!.sites.map((s) => [s.siteId, s.postalCode, s.province, s.neighbourhoodName !== null])).toEqual([
      [ids[7], 'M5E 1E5', 'ON', true],
    ]);

    // The same file again changes nothing and rejects the same records.
    const again = await importHsdsDataset(handle.db, readHsdsDataset(file), { now: NOW });
    expect(changes(again)).toBe(0);
    expect(again.rejected.map((r) => r.id)).toEqual(report.rejected.map((r) => r.id));
  });

  it('refuses an organization that would duplicate one the directory holds under another id', async () => {
    const existing = await makeOrganization(handle.db, { type: 'community_agency' });
    const file = writeJson(dir, 'duplicate.json', {
      id: crypto.randomUUID(),
      name: existing.name.toUpperCase(),
      description: 'The same agency, entered again elsewhere.',
    });
    const report = await importHsdsDataset(handle.db, readHsdsDataset(file), { now: NOW });
    expect(report.organizations.rejected).toBe(1);
    expect(report.rejected[0]!.reasons[0]).toMatch(/already in the directory/);
  });

  it('exports the whole directory as JSON and CSV that validate closed, and imports them back unchanged', async () => {
    const agency = await makeOrganization(handle.db, {
      type: 'training_organization',
      nameFr: `Formation ${crypto.randomBytes(2).toString('hex')}`,
      sites: [
        {
          name: 'Scarborough campus',
          streetAddress: '1 Town Centre Ct',
          city: 'Toronto',
          province: 'ON',
          postalCode: 'M1P 4P5',
        },
      ],
    });
    const listing = await makeService(handle.db, agency.id, {
      nameFr: 'Soudage pour débutants',
      descriptionFr: 'Une formation en soudage de douze semaines, avec un stage.',
      interventionTypes: ['training', 'work_integrated_learning'],
      targetNocCodes: ['72106'],
      targetNaicsCodes: ['332710'],
      targetPopulations: ['newcomers', 'women'],
      languages: ['en', 'fr'],
      deliveryMode: 'hybrid',
      credentialAwarded: 'CWB welding ticket',
      funder: 'Ontario Ministry of Labour, Immigration, Training and Skills Development',
      startsOn: '2027-01-11',
      endsOn: '2027-04-02',
      seats: 16,
      seatsOpen: 4,
      siteIds: [agency.sites[0]!.id],
      schedules: [{ weekdays: ['MO', 'WE'], opensAt: '09:00', closesAt: '15:30', description: 'Shop days' }],
      intakeWindows: [{ opensOn: '2026-11-01', closesOn: '2026-12-20' }],
      contacts: [{ name: 'Intake desk', email: 'intake@example.org', phone: '416-555-0101' }],
    });

    const jsonFile = path.join(dir, 'directory.json');
    const csvDir = path.join(dir, 'directory-csv');
    const summary = await exportHsdsDataset(handle.db, {
      format: 'json',
      out: jsonFile,
      today: '2026-12-03',
      now: NOW,
    });
    expect(summary.services).toBeGreaterThanOrEqual(3);
    await exportHsdsDataset(handle.db, { format: 'csv', out: csvDir, today: '2026-12-03', now: NOW });

    const exported = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as {
      organizations: Record<string, unknown>[];
      services: Record<string, unknown>[];
    };
    const closed = hsdsValidators({ closed: true });
    for (const [schema, records] of [
      ['organization.json', exported.organizations],
      ['service.json', exported.services],
    ] as const) {
      const validate = closed.schema(schema);
      for (const record of records) expect(validate(record) ? [] : validate.errors?.slice(0, 3)).toEqual([]);
    }
    // Capacity is the provider's: it never leaves.
    expect(fs.readFileSync(jsonFile, 'utf8')).not.toMatch(/seats/);

    // Every table with the columns of its HSDS schema, and a datapackage that names them.
    const pkg = JSON.parse(fs.readFileSync(path.join(csvDir, 'datapackage.json'), 'utf8')) as {
      resources: { name: string; path: string }[];
    };
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(hsdsTableNames.map((t) => hsdsTables[t].file).sort());
    const servicesCsv = parseCsv(fs.readFileSync(path.join(csvDir, 'services.csv'), 'utf8'));
    expect(servicesCsv[0]).toEqual(tableColumns('services').map((c) => c.name));
    expect(servicesCsv.some((row) => row[0] === listing.id)).toBe(true);

    // Both forms import back without a change.
    for (const source of [jsonFile, csvDir]) {
      const report = await importHsdsDataset(handle.db, readHsdsDataset(source), { now: NOW });
      expect({ source, rejected: report.rejected }).toEqual({ source, rejected: [] });
      expect({ source, changes: changes(report) }).toEqual({ source, changes: 0 });
    }

    // A listing changed here is put back as the export has it, its capacity untouched.
    const [before] = await selectServiceRecords(handle.db, [listing.id]);
    await handle.db
      .updateTable('services')
      .set({ name: 'Renamed by hand', targetNocCodes: [] })
      .where('id', '=', listing.id)
      .execute();
    await handle.db.deleteFrom('serviceSchedules').where('serviceId', '=', listing.id).execute();
    const restored = await importHsdsDataset(handle.db, readHsdsDataset(csvDir), { now: NOW });
    expect(restored.services.updated).toBe(1);
    const [after] = await selectServiceRecords(handle.db, [listing.id]);
    const comparable = (r: typeof before) => ({
      ...r!,
      updatedAt: undefined,
      detailsVerifiedAt: r!.detailsVerifiedAt.slice(0, 10),
      sites: r!.sites.map((s) => ({ ...s, id: undefined, verifiedAt: undefined })),
      schedules: r!.schedules.map((s) => ({ ...s, id: undefined, verifiedAt: undefined })),
      intakeWindows: r!.intakeWindows.map((s) => ({ ...s, id: undefined, verifiedAt: undefined })),
      contacts: r!.contacts.map((s) => ({ ...s, id: undefined, verifiedAt: undefined })),
    });
    expect(comparable(after)).toEqual(comparable(before));
    expect(after).toMatchObject({ seats: 16, seatsOpen: 4 });
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where record_id = ${listing.id} and reason like 'imported from HSDS%'`.execute(
      handle.db,
    );
    expect(audit.rows[0]!.n).toBe(1);
  });
});
