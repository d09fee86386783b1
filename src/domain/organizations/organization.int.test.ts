import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymous, systemActor } from '../../access/actor.ts';
import { withTransaction } from '../../db/database.ts';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeOrganization } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import { AppError } from '../../lib/errors.ts';
import { newOrganizationSchema, newSiteSchema } from './organization.ts';
import { createOrganization } from './organization.service.ts';

describeEachEngine('organizations', ({ handle }) => {
  let app: AppInstance;
  beforeAll(async () => {
    app = await testApp(handle());
  });
  afterAll(async () => app.close());

  it('creates an organization with sites placed in their FSA and neighbourhood', async () => {
    const org = await makeOrganization(handle().db, {
      nameFr: 'Centre d’emploi du Nord',
      offersFrench: true,
      sites: [
        newSiteSchema.parse({
          name: 'Jane and Finch office',
          streetAddress: '1 York Gate Blvd',
          postalCode: 'm3n3a1',
        }),
      ],
    });
    expect(org.sites).toHaveLength(1);
    const site = org.sites[0]!;
    expect(site.postalCode).toBe('M3N 3A1');
    expect(site.latitude).not.toBeNull();
    expect(site.neighbourhoodId).not.toBeNull();
    expect(site.neighbourhoodName).toBeTruthy();

    const res = await app.inject(`/api/organizations/${org.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: org.id, nameFr: 'Centre d’emploi du Nord', offersFrench: true });
  });

  it('lists with filters and the standard envelope', async () => {
    const marker = crypto.randomBytes(3).toString('hex');
    const a = await makeOrganization(handle().db, { name: `Filter ${marker} Employer`, type: 'employer' });
    await makeOrganization(handle().db, { name: `Filter ${marker} Trainer`, type: 'training_organization' });
    const res = await app.inject(`/api/organizations?q=${marker}&type=employer`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, page: 1, perPage: 25, items: [{ id: a.id, type: 'employer' }] });

    const byFsa = await app.inject(`/api/organizations?q=${marker}&fsa=m5h`);
    expect(byFsa.json().total).toBe(2);
    const elsewhere = await app.inject(`/api/organizations?q=${marker}&fsa=M1B`);
    expect(elsewhere.json().total).toBe(0);

    const paged = await app.inject(`/api/organizations?q=${marker}&perPage=1&page=2`);
    expect(paged.json()).toMatchObject({ total: 2, page: 2, perPage: 1 });
    expect(paged.json().items).toHaveLength(1);
  });

  it('treats % and _ in a search as plain characters', async () => {
    const res = await app.inject(`/api/organizations?q=${encodeURIComponent('%_')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
  });

  it('answers 404 problem+json for an unknown id', async () => {
    const res = await app.inject(`/api/organizations/${crypto.randomUUID()}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
  });

  it('refuses a duplicate name (any case) and writes nothing', async () => {
    const org = await makeOrganization(handle().db);
    const input = newOrganizationSchema.parse({ name: org.name.toUpperCase(), type: 'employer' });
    await expect(
      withTransaction(handle().db, (trx) => createOrganization(trx, systemActor('test'), input)),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('rolls back the organization when one of its sites is invalid', async () => {
    const name = `Half Written ${crypto.randomBytes(3).toString('hex')}`;
    const input = newOrganizationSchema.parse({
      name,
      type: 'community_agency',
      sites: [
        { name: 'Good site', streetAddress: '1 Main St', postalCode: 'M4C 1A1' },
        { name: 'Bad site', streetAddress: '2 Main St', postalCode: 'M4C 1A1', latitude: 43.7 },
      ],
    });
    await expect(
      withTransaction(handle().db, (trx) => createOrganization(trx, systemActor('test'), input)),
    ).rejects.toThrow(AppError);
    const rows = await handle().db.selectFrom('organizations').select('id').where('name', '=', name).execute();
    expect(rows).toHaveLength(0);
  });

  it('refuses to create organizations for a visitor', async () => {
    const input = newOrganizationSchema.parse({
      name: `Anon ${crypto.randomBytes(3).toString('hex')}`,
      type: 'employer',
    });
    await expect(
      withTransaction(handle().db, (trx) => createOrganization(trx, anonymous, input)),
    ).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('rejects bad input with field-level reasons', () => {
    const result = newOrganizationSchema.safeParse({
      name: 'X',
      type: 'bank',
      website: 'ftp://x',
      sites: [{ name: 'S', streetAddress: 'A', postalCode: 'D1A 1A1' }],
      colour: 'red',
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join('.') || i.code);
    expect(fields).toEqual(
      expect.arrayContaining(['name', 'type', 'website', 'sites.0.postalCode', 'unrecognized_keys']),
    );
  });

  it('summarizes the system publicly without personal information', async () => {
    await makeOrganization(handle().db);
    const res = await app.inject('/api/system/summary');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sites).toBeGreaterThan(0);
    expect(
      body.organizationsByType.find((r: { type: string }) => r.type === 'employment_service_provider').count,
    ).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/given|family|birth/i);
  });
});
