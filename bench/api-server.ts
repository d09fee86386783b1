import crypto from 'node:crypto';
import { systemActor } from '../src/access/actor.ts';
import { withTransaction } from '../src/db/database.ts';
import { insertSession } from '../src/domain/accounts/account.queries.ts';
import { createUser, hashToken } from '../src/domain/accounts/account.service.ts';
import { listOrganizations } from '../src/domain/organizations/organization.service.ts';
import { loadConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/main.ts';

// The real server, as `continuum start` runs it, quiet, for load tests from another process. It also
// makes a signed-in user and prints its session cookie, so authenticated routes can be measured.
const server = await startServer(
  loadConfig({ ...process.env, LOG_LEVEL: 'warn', USER_REQUESTS_PER_MINUTE: '1000000' }),
  { log: () => undefined },
);
const token = crypto.randomBytes(32).toString('base64url');
await withTransaction(server.handle.db, async (trx) => {
  const actor = systemActor('bench');
  const organization = (
    await listOrganizations(trx, actor, { type: 'employment_service_provider', page: 1, perPage: 1 })
  ).items[0]!;
  const user = await createUser(trx, actor, {
    organizationId: organization.id,
    email: `bench-${crypto.randomBytes(4).toString('hex')}@bench.example`,
    displayName: 'Benchmark User',
    // A manager, so GET /api/users runs the whole trust layer: session, role gate, scoped list, audit row.
    roles: ['agency_manager'],
    preferredLanguage: 'en',
    password: crypto.randomBytes(18).toString('base64url'),
  });
  await insertSession(trx, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken: crypto.randomBytes(32).toString('base64url'),
    absoluteExpiresAt: new Date(Date.now() + 3_600_000),
    userAgent: 'bench',
  });
});
process.stdout.write(`ready ${server.url} continuum_session=${token}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
