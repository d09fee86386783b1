import path from 'node:path';
import { sql } from 'kysely';
import { checkpointAfterBulkLoad, openDatabase, readMarker, writeMarker, type DatabaseHandle } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import type { Config } from './config.ts';
import { deliverDueMessages } from '../domain/outbox/outbox.service.ts';
import { createTransport } from '../domain/outbox/transport.ts';
import { loadSyntheticCity } from '../synthetic/load-city.ts';
import { createDemoAccounts, demoState, formatDemoAccounts } from '../synthetic/demo-accounts.ts';
import { buildApp, DEFAULT_WEB_DIR, type AppInstance } from './app.ts';
import { startSweeps } from './sweeps.ts';
import { promptListingConfirmations } from '../domain/directory/listing-prompts.ts';
import {
  announceOverdueTasks,
  DIGEST_HOUR,
  sendNotificationDigests,
} from '../domain/notifications/notification.service.ts';
import { announceOverdueReleases } from '../domain/transfers/transfer.service.ts';
import { announceOverdueReferrals } from '../domain/referrals/referral.service.ts';
import { loadSecretsKey } from '../lib/secret-box.ts';
import { readClock, systemClock, type Clock } from '../lib/clock.ts';

// The small city loaded on the first start of an empty embedded database.
export const FIRST_START_CITY = { seed: 1, clients: 2000 };

export type RunningServer = { app: AppInstance; url: string; handle: DatabaseHandle; close: () => Promise<void> };

export function openDatabaseFromConfig(config: Config, command: string): Promise<DatabaseHandle> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    command,
    poolSize: config.databasePoolSize,
  });
}

export function mailDir(config: Config): string {
  return path.join(config.dataDir, 'mail');
}

async function isFreshDatabase(handle: DatabaseHandle): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass('schema_migrations')::text as found`.execute(
    handle.db,
  );
  return rows[0]?.found == null;
}

// The first start's small city and demo accounts, each loaded unless already committed. The city is
// dated at `today` (the server's clock), so the demo opens on current work.
async function completeFirstStartDemo(
  handle: DatabaseHandle,
  log: (line: string) => void,
  today: string,
): Promise<void> {
  const state = await demoState(handle.db);
  if (!state.city) {
    log(
      `First start of an empty database: loading a small synthetic city (seed ${FIRST_START_CITY.seed}, ${FIRST_START_CITY.clients} clients)…`,
    );
    const city = await loadSyntheticCity(handle, { ...FIRST_START_CITY, today });
    await checkpointAfterBulkLoad(handle);
    log(
      `Loaded ${city.organizations} organizations, ${city.sites} sites and ${city.clients} synthetic clients, dated ${city.today}.`,
    );
  } else if (!state.accounts) {
    log('The first start stopped after loading the synthetic city: creating its demo accounts now.');
  }
  if (!state.accounts) log(formatDemoAccounts(await createDemoAccounts(handle.db)));
}

export async function startServer(
  config: Config,
  options: { webDir?: string; log?: (line: string) => void; clock?: Clock } = {},
): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  // Requests and sweeps share one clock, in the configured city time zone (tests may pass their own).
  const clock = options.clock ?? systemClock(config.timeZone);
  const handle = await openDatabaseFromConfig(config, 'continuum start');
  let app: AppInstance | undefined;
  try {
    if (handle.engine === 'pglite') {
      log(
        `Embedded database (PGlite) in ${handle.dataDir}. It suits trying Continuum and small pilots; ` +
          'production personal data belongs on PostgreSQL (set DATABASE_URL).',
      );
    }
    const fresh = await isFreshDatabase(handle);
    // The first start of an empty embedded directory owes it a demo: recorded before anything is
    // loaded, and cleared only once the city and its accounts are both committed, so a start killed
    // half-way (during the city's load, or between the city and the accounts) finishes on the next.
    if (fresh && handle.engine === 'pglite' && handle.dataDir)
      writeMarker(handle.dataDir, { firstStartDemo: 'pending' });
    const migrated = await migrate(handle.db);
    if (migrated.applied.length > 0) log(`Applied ${migrated.applied.length} migration(s).`);
    const demoOwed =
      handle.engine === 'pglite' && (handle.dataDir ? readMarker(handle.dataDir)?.firstStartDemo === 'pending' : fresh);
    if (demoOwed) {
      await completeFirstStartDemo(handle, log, readClock(clock).today);
      if (handle.dataDir) writeMarker(handle.dataDir, { firstStartDemo: 'done' });
    } else if (fresh) {
      log('New PostgreSQL database: no demo data is loaded here unless asked (`continuum demo --clients N`).');
    }
    const secrets = loadSecretsKey({ fromEnv: config.secretsKey, dataDir: config.dataDir });
    if (secrets.created) {
      log(
        `Created ${secrets.source}, the key that seals two-step secrets. Keep it (and back it up) apart from the database; servers sharing a database need the same key (SECRETS_KEY).`,
      );
    }
    app = await buildApp({
      database: handle,
      secretsKey: secrets.key,
      bodyLimitBytes: config.bodyLimitBytes,
      logLevel: config.logLevel,
      webDir: options.webDir ?? DEFAULT_WEB_DIR,
      sessionPolicy: { ...config.session, mfaRequiredRoles: config.mfaRequiredRoles },
      cookieSecure: config.cookieSecure,
      trustProxyHops: config.trustProxyHops,
      publicUrl: config.publicUrl,
      requestsPerMinute: config.userRequestsPerMinute,
      decisionCacheSize: config.decisionCacheSize,
      clock,
      transferPolicyVersion: config.transferPolicyVersion,
      referralPolicyVersion: config.referralPolicyVersion,
      decentWorkModelVersion: config.decentWorkModelVersion,
      matchModelVersion: config.matchModelVersion,
      programMatchModelVersion: config.programMatchModelVersion,
    });
    const transport = createTransport({
      smtpUrl: config.smtpUrl,
      mailDir: mailDir(config),
      from: config.mailFrom,
      log,
    });
    const sweeps = startSweeps(
      config.backgroundSweeps
        ? [
            {
              name: 'outbox',
              intervalMs: config.outboxIntervalMs,
              run: () => deliverDueMessages(handle.db, transport),
            },
            // Overdue follow-ups: each announced once to its assignee (claims use SKIP LOCKED).
            {
              name: 'overdue-tasks',
              intervalMs: config.overdueSweepIntervalMs,
              run: () => announceOverdueTasks(handle.db, clock),
            },
            // The daily e-mail digest of unread notifications, for those who chose it.
            {
              name: 'notification-digest',
              intervalMs: config.overdueSweepIntervalMs,
              run: () => sendNotificationDigests(handle.db, clock, { publicUrl: config.publicUrl, hour: DIGEST_HOUR }),
            },
            // Releases past their date: told once to both agencies and the system manager.
            {
              name: 'overdue-releases',
              intervalMs: config.overdueSweepIntervalMs,
              run: () => announceOverdueReleases(handle.db, clock),
            },
            // Referrals not answered, or not started, by the referral policy's deadlines: told once to both sides.
            {
              name: 'overdue-referrals',
              intervalMs: config.overdueSweepIntervalMs,
              run: () => announceOverdueReferrals(handle.db, clock),
            },
            // Listings about to go stale: their agency's managers are asked to confirm them.
            {
              name: 'listing-confirmations',
              intervalMs: config.overdueSweepIntervalMs,
              run: () => promptListingConfirmations(handle.db, clock),
            },
          ]
        : [],
      app.log,
    );
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
    log(`Continuum is running at ${url} (${handle.engine}). API documentation: ${url}/api/docs`);
    const running = app;
    let closing: Promise<void> | undefined;
    return {
      app: running,
      url,
      handle,
      close: () => {
        closing ??= (async () => {
          await running.close();
          await sweeps.stop();
          transport.close();
          await handle.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await handle.close();
    throw error;
  }
}
