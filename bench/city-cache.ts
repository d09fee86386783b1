import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { checkpointAfterBulkLoad, openDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { generateCity } from '../src/synthetic/generate-city.ts';
import { loadSyntheticCity, SYNTHETIC_CITY_VERSION } from '../src/synthetic/load-city.ts';
import { plantedDuplicates, type PlantedPair } from '../src/synthetic/near-duplicates.ts';
import { withDatabase } from '../test/engines.ts';

// A synthetic city built once per generator version, seed and size, and reused by later runs: a
// PostgreSQL database named for it on the benchmark server, or a PGlite data directory under
// .tmp/bench-cities. A city counts as built when its synthetic_loads row says so (a load that was
// interrupted leaves none, and is rebuilt). It is dated at the day it was built (city-as-of.ts). The
// planted near-duplicate pairs are kept beside it, as loaded.

export type CitySpec = { seed: number; clients: number };
export type CachedCity =
  | { engine: 'postgres'; name: string; databaseUrl: string; built: boolean; loadSeconds: number; pairs: PlantedPair[] }
  | { engine: 'pglite'; name: string; dataDir: string; built: boolean; loadSeconds: number; pairs: PlantedPair[] };

const CACHE_DIR = path.resolve('.tmp/bench-cities');

export function cityName(spec: CitySpec): string {
  return `continuum_city_v${SYNTHETIC_CITY_VERSION}_s${spec.seed}_c${spec.clients}`;
}

async function admin(baseUrl: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

async function holdsCity(handle: DatabaseHandle, spec: CitySpec): Promise<boolean> {
  const { rows } = await handle.pool.query<{ n: number }>(
    'select count(*)::int as n from synthetic_loads where seed = $1 and clients = $2',
    [spec.seed, spec.clients],
  );
  return (rows[0]?.n ?? 0) > 0;
}

async function load(handle: DatabaseHandle, spec: CitySpec, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  let lastTenth = -1;
  await loadSyntheticCity(handle, {
    ...spec,
    onProgress: (phase, done, total) => {
      const tenth = Math.floor((done / Math.max(1, total)) * 10);
      if (phase === 'clients' && tenth !== lastTenth) {
        lastTenth = tenth;
        log(
          `    ${done.toLocaleString('en-CA')} / ${total.toLocaleString('en-CA')} clients, ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    },
  });
  await checkpointAfterBulkLoad(handle);
  return (performance.now() - started) / 1000;
}

// The pairs from the generator, with the birth dates the city holds: they moved with the day it was
// built. A city just built writes them afresh; a kept one reads them back.
async function pairsFor(handle: DatabaseHandle, name: string, spec: CitySpec, built: boolean): Promise<PlantedPair[]> {
  const file = path.join(CACHE_DIR, `${name}.pairs.json`);
  if (!built && fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as PlantedPair[];
  const planted = plantedDuplicates(generateCity(spec));
  const ids = planted.flatMap((p) => [p.original.id, p.copy.id]);
  const rows =
    ids.length === 0
      ? []
      : await handle.db
          .selectFrom('clients')
          .select(['id', sql<string>`to_char(date_of_birth, 'YYYY-MM-DD')`.as('dateOfBirth')])
          .where('id', 'in', ids)
          .execute();
  const born = new Map(rows.map((r) => [r.id, r.dateOfBirth]));
  const asLoaded = (c: PlantedPair['original']) => {
    const dateOfBirth = born.get(c.id);
    if (dateOfBirth === undefined) throw new Error(`${name} lacks the planted client ${c.id}`);
    return { ...c, dateOfBirth };
  };
  const pairs = planted.map((p) => ({ ...p, original: asLoaded(p.original), copy: asLoaded(p.copy) }));
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(pairs));
  return pairs;
}

export async function ensurePostgresCity(
  baseUrl: string,
  spec: CitySpec,
  log: (line: string) => void,
): Promise<CachedCity> {
  const name = cityName(spec);
  const databaseUrl = withDatabase(baseUrl, name);
  const exists = (await admin(baseUrl, 'select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
  if (exists) {
    const handle = await openDatabase({ databaseUrl, poolSize: 2 });
    try {
      await migrate(handle.db);
      if (await holdsCity(handle, spec)) {
        log(`  reusing ${name}`);
        const pairs = await pairsFor(handle, name, spec, false);
        return { engine: 'postgres', name, databaseUrl, built: false, loadSeconds: 0, pairs };
      }
    } finally {
      await handle.close();
    }
    await admin(baseUrl, `drop database if exists ${name} with (force)`);
  }
  log(`  building ${name} (once; later runs reuse it)`);
  await admin(baseUrl, `create database ${name}`);
  const handle = await openDatabase({ databaseUrl, poolSize: 2 });
  try {
    await migrate(handle.db);
    const loadSeconds = await load(handle, spec, log);
    const pairs = await pairsFor(handle, name, spec, true);
    return { engine: 'postgres', name, databaseUrl, built: true, loadSeconds, pairs };
  } finally {
    await handle.close();
  }
}

export async function ensurePgliteCity(spec: CitySpec, log: (line: string) => void): Promise<CachedCity> {
  const name = cityName(spec);
  const dataDir = path.join(CACHE_DIR, name);
  if (fs.existsSync(dataDir)) {
    try {
      const handle = await openDatabase({ dataDir, command: 'bench' });
      try {
        await migrate(handle.db);
        if (await holdsCity(handle, spec)) {
          log(`  reusing ${path.relative(process.cwd(), dataDir)}`);
          const pairs = await pairsFor(handle, name, spec, false);
          return { engine: 'pglite', name, dataDir, built: false, loadSeconds: 0, pairs };
        }
      } finally {
        await handle.close();
      }
    } catch (error) {
      log(`  ${path.relative(process.cwd(), dataDir)} cannot be reused (${(error as Error).message}); rebuilding`);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  log(`  building ${path.relative(process.cwd(), dataDir)} (once; later runs reuse it)`);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const handle = await openDatabase({ dataDir, command: 'bench' });
  try {
    await migrate(handle.db);
    const loadSeconds = await load(handle, spec, log);
    const pairs = await pairsFor(handle, name, spec, true);
    return { engine: 'pglite', name, dataDir, built: true, loadSeconds, pairs };
  } finally {
    await handle.close();
  }
}

export async function openCachedCity(city: CachedCity): Promise<DatabaseHandle> {
  return city.engine === 'postgres'
    ? openDatabase({ databaseUrl: city.databaseUrl, poolSize: 2 })
    : openDatabase({ dataDir: city.dataDir, command: 'bench' });
}
