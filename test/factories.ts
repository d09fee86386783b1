import crypto from 'node:crypto';
import { systemActor } from '../src/access/actor.ts';
import { withTransaction, type Db } from '../src/db/database.ts';
import type { NewOrganization, Organization } from '../src/domain/organizations/organization.ts';
import { newOrganizationSchema } from '../src/domain/organizations/organization.ts';
import { createOrganization } from '../src/domain/organizations/organization.service.ts';
import type { Role, User } from '../src/domain/accounts/account.ts';
import { insertSession, insertUser } from '../src/domain/accounts/account.queries.ts';
import { hashToken } from '../src/domain/accounts/account.service.ts';
import { hashPassword } from '../src/domain/accounts/password.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/server/auth.ts';

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

export type TestUser = User & { password: string | undefined };
export type TestSession = { cookie: string; csrfToken: string; headers: Record<string, string> };

// Users straight into the database; pass a password only where a test signs in for real (hashing is slow on purpose).
export async function makeUser(
  db: Db,
  options: { organizationId: string; roles?: Role[]; password?: string; status?: 'active' | 'disabled' },
): Promise<TestUser> {
  const suffix = crypto.randomBytes(5).toString('hex');
  const user = await withTransaction(db, async (trx) => {
    const created = await insertUser(trx, {
      organizationId: options.organizationId,
      email: `user-${suffix}@agency.example`,
      displayName: `Test User ${suffix}`,
      preferredLanguage: 'en',
      passwordHash: options.password ? await hashPassword(options.password) : 'not-a-hash',
      roles: options.roles ?? ['employment_counsellor'],
    });
    if (options.status === 'disabled') {
      await trx.updateTable('users').set({ status: 'disabled', disabledAt: new Date() }).where('id', '=', created.id).execute();
    }
    return created;
  });
  return { ...user, status: options.status ?? 'active', password: options.password };
}

export async function makeSession(db: Db, user: { id: string }): Promise<TestSession> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(32).toString('base64url');
  await insertSession(db, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    absoluteExpiresAt: new Date(Date.now() + 3_600_000),
    userAgent: 'test',
  });
  const cookie = `${SESSION_COOKIE}=${token}`;
  return { cookie, csrfToken, headers: { cookie, [CSRF_HEADER]: csrfToken } };
}

// A client record held by an organization, straight into the database (the clients module and its
// intake arrive with issue 4).
export async function makeClient(db: Db, options: { organizationId: string }): Promise<{ id: string; organizationId: string }> {
  return db
    .insertInto('clients')
    .values({
      organizationId: options.organizationId,
      givenName: 'Test',
      familyName: `Client ${crypto.randomBytes(4).toString('hex')}`,
      dateOfBirth: '1990-04-01',
      educationLevel: 'college',
      incomeSource: 'ontario_works',
    })
    .returning(['id', 'organizationId'])
    .executeTakeFirstOrThrow();
}
