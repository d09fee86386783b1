import crypto from 'node:crypto';
import type { Role } from '../src/access/roles.ts';
import type { UserActor } from '../src/access/actor.ts';
import { withTransaction, type DatabaseHandle } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadSyntheticCity } from '../src/synthetic/load-city.ts';
import { insertSession, insertUser } from '../src/domain/accounts/account.queries.ts';
import { hashToken } from '../src/domain/accounts/account.service.ts';
import { grantConsent } from '../src/domain/consent/consent.service.ts';
import { readClock, systemClock } from '../src/lib/clock.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/lib/session-cookie.ts';
import { DEFAULT_TIME_ZONE } from '../src/server/config.ts';

// The people and records the API throughput benchmark acts as and on, made in a synthetic city before
// the server starts: the holding agency's counsellor with a caseload of about 150 and one client of it;
// another agency's counsellor whom that client's consent (every category, integrated case management)
// lets read the same file; an agency manager (the users list). Each signed in with a session of its own.

export type Headers = Record<string, string>;
export type ApiScenario = {
  holding: Headers;
  consented: Headers;
  manager: Headers;
  clientId: string;
  organizationId: string;
  // The client's own name and birth date, searched at intake by the other agency.
  duplicateSearch: { givenName: string; familyName: string; dateOfBirth: string };
  caseloadSize: number;
};

const CASELOAD_SIZE = 150;

async function signIn(handle: DatabaseHandle, userId: string): Promise<{ headers: Headers; sessionId: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(32).toString('base64url');
  const { id: sessionId } = await insertSession(handle.db, {
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    absoluteExpiresAt: new Date(Date.now() + 12 * 3_600_000),
    userAgent: 'bench',
  });
  return {
    headers: { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrfToken, 'content-type': 'application/json' },
    sessionId,
  };
}

async function newUser(handle: DatabaseHandle, organizationId: string, role: Role, run: string): Promise<string> {
  const user = await insertUser(handle.db, {
    organizationId,
    email: `bench-${run}-${role}@bench.example`,
    displayName: `Benchmark ${role}`,
    preferredLanguage: 'en',
    // Never signs in with a password: its session is made directly.
    passwordHash: 'not-a-hash',
    roles: [role],
  });
  return user.id;
}

// A fresh database made ready for the API benchmarks: migrated, a synthetic city (seed 1) loaded, the
// scenario's people and records made; the handle is closed afterwards, so a server may open it.
export async function readyApiCity(handle: DatabaseHandle, clients: number): Promise<ApiScenario> {
  try {
    await migrate(handle.db);
    await loadSyntheticCity(handle, { seed: 1, clients });
    return await makeApiScenario(handle);
  } finally {
    await handle.close();
  }
}

export async function makeApiScenario(handle: DatabaseHandle): Promise<ApiScenario> {
  const run = crypto.randomBytes(4).toString('hex');
  // A synthetic worker (never signed in) whose open places on case teams are nearest 150, at the agency
  // holding the client: made active and given a session.
  const { rows: workers } = await handle.pool.query<{
    userId: string;
    organizationId: string;
    role: Role;
    size: number;
  }>(
    `select m.user_id as "userId", u.organization_id as "organizationId", min(r.role) as role, count(*)::int as size
       from case_team_members m
       join users u on u.id = m.user_id
       join user_roles r on r.user_id = m.user_id and r.role in ('employment_counsellor', 'caseworker')
       join clients c on c.id = m.client_id and c.organization_id = u.organization_id
      where m.removed_at is null
      group by m.user_id, u.organization_id
      order by abs(count(*) - $1), md5(m.user_id::text)
      limit 1`,
    [CASELOAD_SIZE],
  );
  const worker = workers[0];
  if (!worker) throw new Error('the benchmark city has no worker with a caseload');
  await handle.pool.query(`update users set status = 'active' where id = $1`, [worker.userId]);
  const { rows: clients } = await handle.pool.query<{
    id: string;
    givenName: string;
    familyName: string;
    dateOfBirth: string;
  }>(
    `select c.id, c.given_name as "givenName", c.family_name as "familyName",
            to_char(c.date_of_birth, 'YYYY-MM-DD') as "dateOfBirth"
       from clients c join case_team_members m on m.client_id = c.id and m.user_id = $1 and m.removed_at is null
      where c.organization_id = $2 and c.status = 'active'
      order by c.id limit 1`,
    [worker.userId, worker.organizationId],
  );
  const client = clients[0];
  if (!client) throw new Error('the benchmark worker has no active client held by their agency');
  const { rows: others } = await handle.pool.query<{ id: string }>(
    `select id from organizations where type = 'employment_service_provider' and id <> $1 order by id limit 1`,
    [worker.organizationId],
  );
  const other = others[0];
  if (!other) throw new Error('the benchmark city has no second employment service provider');

  const holding = await signIn(handle, worker.userId);
  const consented = await signIn(handle, await newUser(handle, other.id, 'employment_counsellor', run));
  const manager = await signIn(handle, await newUser(handle, worker.organizationId, 'agency_manager', run));

  // The client's consent, recorded by the holding counsellor as the web page records it.
  const actor: UserActor = {
    kind: 'user',
    userId: worker.userId,
    organizationId: worker.organizationId,
    roles: [worker.role],
    sessionId: holding.sessionId,
  };
  const moment = readClock(systemClock(DEFAULT_TIME_ZONE));
  const nextYear = `${Number(moment.today.slice(0, 4)) + 1}${moment.today.slice(4)}`;
  await withTransaction(handle.db, (trx) =>
    grantConsent(
      trx,
      actor,
      client.id,
      {
        organizationId: other.id,
        categories: ['identity_contact', 'employment', 'assessment', 'plan', 'notes'],
        purpose: 'integrated_case_management',
        method: 'written',
        evidence: 'Signed consent form (benchmark)',
        expiresOn: nextYear,
      },
      { requestId: crypto.randomUUID(), ...moment },
    ),
  );
  return {
    holding: holding.headers,
    consented: consented.headers,
    manager: manager.headers,
    clientId: client.id,
    organizationId: worker.organizationId,
    duplicateSearch: { givenName: client.givenName, familyName: client.familyName, dateOfBirth: client.dateOfBirth },
    caseloadSize: worker.size,
  };
}

// One of the scenario's requests by name, for the tools that load one route (bench/profile.ts, bench/ab.ts).
export type ScenarioTarget = { path: string; method?: 'GET' | 'POST'; headers?: Headers; body?: string };
export const scenarioRoutes = ['client', 'consented', 'session', 'health', 'note'] as const;

export function scenarioTarget(s: ApiScenario, route: string): ScenarioTarget {
  switch (route) {
    case 'client':
      return { path: `/api/clients/${s.clientId}`, headers: s.holding };
    case 'consented':
      return { path: `/api/clients/${s.clientId}`, headers: s.consented };
    case 'session':
      return { path: '/api/auth/session', headers: s.holding };
    case 'health':
      return { path: '/api/health' };
    case 'note':
      return {
        path: `/api/clients/${s.clientId}/notes`,
        method: 'POST',
        headers: s.holding,
        body: JSON.stringify({ kind: 'contact', visibility: 'agency', body: 'Called about the interview.' }),
      };
    default:
      throw new Error(`the route must be one of ${scenarioRoutes.join(', ')}, not ${route}`);
  }
}
