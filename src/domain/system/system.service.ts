import type { Actor } from '../../access/actor.ts';
import { pingDatabase, type Db, type DbOrTrx, type Engine } from '../../db/database.ts';
import { APP_VERSION } from '../../lib/version.ts';
import { countOrganizationsPerType, countSites } from '../organizations/organization.service.ts';
import type { Health, SystemSummary } from './system.ts';

export async function checkHealth(db: Db, engine: Engine): Promise<Health> {
  const ping = await pingDatabase(db);
  return {
    status: ping.ok ? 'ok' : 'degraded',
    engine,
    database: {
      ok: ping.ok,
      latencyMs: Math.round(ping.latencyMs * 100) / 100,
      ...(ping.version ? { version: ping.version } : {}),
    },
    version: APP_VERSION,
    time: new Date().toISOString(),
  };
}

export async function getSystemSummary(db: DbOrTrx, _actor: Actor): Promise<SystemSummary> {
  const [byType, coverage] = await Promise.all([countOrganizationsPerType(db), countSites(db)]);
  return {
    organizationsByType: byType,
    ...coverage,
  };
}
