import crypto from 'node:crypto';
import { systemActor } from '../../access/actor.ts';
import { withTransaction, type Db } from '../../db/database.ts';
import type { Role } from '../accounts/account.ts';
import { createUser } from '../accounts/account.service.ts';
import type { OrganizationType } from '../organizations/organization.ts';
import { listOrganizations } from '../organizations/organization.service.ts';

export type DemoAccount = { email: string; password: string; roles: Role[]; organization: string };

const demoPeople: { local: string; name: string; type: OrganizationType; roles: Role[] }[] = [
  { local: 'admin', name: 'Demo System Administrator', type: 'system_manager', roles: ['system_administrator'] },
  { local: 'analyst', name: 'Demo System Analyst', type: 'system_manager', roles: ['system_analyst'] },
  { local: 'manager', name: 'Demo Agency Manager', type: 'employment_service_provider', roles: ['agency_manager'] },
  { local: 'counsellor', name: 'Demo Employment Counsellor', type: 'employment_service_provider', roles: ['employment_counsellor'] },
  { local: 'caseworker', name: 'Demo Caseworker', type: 'social_assistance_office', roles: ['caseworker'] },
  { local: 'employer', name: 'Demo Employer User', type: 'employer', roles: ['employer_user'] },
];

// Accounts for trying the demo city, each with a random password that is shown once and stored
// only as its hash. Nothing here is used outside a demo database.
export async function createDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const actor = systemActor('demo');
  return withTransaction(db, async (trx) => {
    const accounts: DemoAccount[] = [];
    for (const person of demoPeople) {
      const page = await listOrganizations(trx, actor, { type: person.type, page: 1, perPage: 1 });
      const organization = page.items[0];
      if (!organization) continue;
      const password = crypto.randomBytes(12).toString('base64url');
      const email = `${person.local}@demo.continuum.example`;
      await createUser(trx, actor, {
        organizationId: organization.id,
        email,
        displayName: person.name,
        roles: person.roles,
        preferredLanguage: 'en',
        password,
      });
      accounts.push({ email, password, roles: person.roles, organization: organization.name });
    }
    return accounts;
  });
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const lines = accounts.map((a) => `  ${a.email.padEnd(36)} ${a.password}  ${a.roles.join(', ')} — ${a.organization}`);
  return ['Demo accounts (passwords are shown only this once; multi-factor sign-in is off for the demo):', ...lines].join('\n');
}
