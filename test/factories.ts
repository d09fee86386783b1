import crypto from 'node:crypto';
import { systemActor } from '../src/access/actor.ts';
import { withTransaction, type Db } from '../src/db/database.ts';
import type { NewOrganization, Organization } from '../src/domain/organizations/organization.ts';
import { newOrganizationSchema } from '../src/domain/organizations/organization.ts';
import { createOrganization } from '../src/domain/organizations/organization.service.ts';

// A fresh, uniquely named organization per test keeps test files independent on a shared database.
export async function makeOrganization(db: Db, overrides: Partial<NewOrganization> = {}): Promise<Organization> {
  const suffix = crypto.randomBytes(4).toString('hex');
  const input = newOrganizationSchema.parse({
    name: `Test Agency ${suffix}`,
    type: 'employment_service_provider',
    sites: [{ name: `Main office ${suffix}`, streetAddress: '100 Queen St W', postalCode: 'M5H 2N2' }],
    ...overrides,
  });
  return withTransaction(db, (trx) => createOrganization(trx, systemActor('test'), input));
}
