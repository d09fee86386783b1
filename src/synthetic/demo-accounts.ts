import crypto from 'node:crypto';
import { sql } from 'kysely';
import { systemActor } from '../access/actor.ts';
import { withTransaction, type Db, type Trx } from '../db/database.ts';
import type { Role } from '../domain/accounts/account.ts';
import { createUser } from '../domain/accounts/account.service.ts';
import { createClientAccount } from '../domain/accounts/user-admin.service.ts';
import type { OrganizationType } from '../domain/organizations/organization.ts';
import { handOverMemberships } from '../domain/case-team/case-team.service.ts';
import { listOrganizations } from '../domain/organizations/organization.service.ts';
import { reassignOpenTasks } from '../domain/tasks/task.service.ts';

// caseload: the clients handed to a demo counsellor or caseworker from a synthetic colleague.
export type DemoAccount = { email: string; password: string; roles: Role[]; organization: string; caseload: number };

const demoPeople: { local: string; name: string; type: OrganizationType; roles: Role[] }[] = [
  { local: 'admin', name: 'Demo System Administrator', type: 'system_manager', roles: ['system_administrator'] },
  { local: 'analyst', name: 'Demo System Analyst', type: 'system_manager', roles: ['system_analyst'] },
  { local: 'manager', name: 'Demo Agency Manager', type: 'employment_service_provider', roles: ['agency_manager'] },
  {
    local: 'counsellor',
    name: 'Demo Employment Counsellor',
    type: 'employment_service_provider',
    roles: ['employment_counsellor'],
  },
  { local: 'caseworker', name: 'Demo Caseworker', type: 'social_assistance_office', roles: ['caseworker'] },
  { local: 'employer', name: 'Demo Employer User', type: 'employer', roles: ['employer_user'] },
];

export const DEMO_EMAIL_DOMAIN = 'demo.continuum.example';

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
      const email = `${person.local}@${DEMO_EMAIL_DOMAIN}`;
      const user = await createUser(trx, actor, {
        organizationId: organization.id,
        email,
        displayName: person.name,
        roles: person.roles,
        preferredLanguage: 'en',
        password,
      });
      // A counsellor or caseworker takes over the fullest caseload of a synthetic colleague (who never
      // signs in), by the product's own handover, so the demo opens on real files, notes and tasks.
      let caseload = 0;
      const role = person.roles.find((r) => r === 'employment_counsellor' || r === 'caseworker');
      if (role) {
        const { rows } = await sql<{ userId: string }>`
          select m.user_id as "userId" from case_team_members m
          join users u on u.id = m.user_id and u.organization_id = ${organization.id} and u.status = 'invited'
          join user_roles r on r.user_id = u.id and r.role = ${role}
          where m.removed_at is null group by m.user_id order by count(*) desc, m.user_id limit 1`.execute(trx);
        const from = rows[0];
        if (from) {
          const moved = await handOverMemberships(
            trx,
            actor,
            { userId: from.userId },
            { userId: user.id, organizationId: organization.id },
            undefined,
          );
          await reassignOpenTasks(trx, from.userId, user.id, moved);
          caseload = moved.length;
        }
      }
      accounts.push({ email, password, roles: person.roles, organization: organization.name, caseload });
      if (person.local === 'counsellor' && caseload > 0) {
        const seeker = await createDemoJobSeeker(trx, user.id);
        if (seeker) accounts.push({ ...seeker, organization: organization.name, caseload: 0 });
      }
    }
    return accounts;
  });
}

// A job seeker with their own account: an active, assessed client on the demo counsellor's caseload with
// a plan, so the client's own pages (their file, who opened it, their plan) show real things.
async function createDemoJobSeeker(
  trx: Trx,
  counsellorId: string,
): Promise<{ email: string; password: string; roles: Role[] } | undefined> {
  const { rows } = await sql<{ id: string; organizationId: string; name: string; language: string }>`
    select c.id, c.organization_id as "organizationId", coalesce(c.preferred_name, c.given_name) || ' ' || c.family_name as name,
      c.preferred_language as language
    from case_team_members m join clients c on c.id = m.client_id
    where m.user_id = ${counsellorId} and m.removed_at is null and c.status = 'active'
      and exists (select 1 from assessments a where a.client_id = c.id)
      and exists (select 1 from plan_goals g where g.client_id = c.id)
    order by c.family_name, c.id limit 1`.execute(trx);
  const client = rows[0];
  if (!client) return undefined;
  const password = crypto.randomBytes(12).toString('base64url');
  const email = `jobseeker@${DEMO_EMAIL_DOMAIN}`;
  const roles: Role[] = ['job_seeker'];
  await createClientAccount(trx, systemActor('demo'), {
    clientId: client.id,
    organizationId: client.organizationId,
    email,
    displayName: client.name,
    preferredLanguage: client.language === 'fr' ? 'fr' : 'en',
    password,
  });
  return { email, password, roles };
}

// What a demo database holds so far: a synthetic city, and the demo accounts to try it with. A load
// killed between the two leaves a city nobody can sign in to; both `continuum start` (on the first
// start's directory) and `continuum demo` finish it by creating the accounts.
export async function demoState(db: Db): Promise<{ city: boolean; accounts: boolean }> {
  const city = await db.selectFrom('syntheticLoads').select('seed').limit(1).executeTakeFirst();
  const account = await db
    .selectFrom('users')
    .select('id')
    .where('email', 'like', `%@${DEMO_EMAIL_DOMAIN}`)
    .limit(1)
    .executeTakeFirst();
  return { city: city !== undefined, accounts: account !== undefined };
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const lines = accounts.map(
    (a) =>
      `  ${a.email.padEnd(36)} ${a.password}  ${a.roles.join(', ')} — ${a.organization}${a.caseload > 0 ? ` (caseload of ${a.caseload})` : ''}`,
  );
  return [
    'Demo accounts (passwords are shown only this once; multi-factor sign-in is off for the demo):',
    ...lines,
  ].join('\n');
}
