import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadSyntheticCity } from '../src/synthetic/load-city.ts';
import { adminQuery, probePostgres, testDatabaseBaseUrl, withDatabase } from '../test/engines.ts';
import { benchApiRead } from './api-read.bench.ts';
import { ensurePgliteCity, ensurePostgresCity } from './city-cache.ts';
import { benchClients } from './clients.bench.ts';
import { benchLoadCity } from './load-city.bench.ts';
import { formatTable, type Row } from './stats.ts';

// `npm run bench`: every benchmark on PGlite, and on PostgreSQL when a server answers.
// BENCH_SMOKE=1 runs small sizes so CI keeps the benchmarks from rotting.
const smoke = process.env.BENCH_SMOKE === '1';
const sizes = smoke
  ? { pgliteClients: 3_000, postgresClients: 10_000, loadRuns: 2, apiRuns: 2, apiSeconds: 1 }
  : { pgliteClients: 100_000, postgresClients: 1_000_000, loadRuns: 3, apiRuns: 5, apiSeconds: 3 };
// The clients family: a city per seed, built once and reused (bench/city-cache.ts).
const clientSizes = smoke
  ? { seed: 42, pgliteClients: 1_500, postgresClients: 3_000, runs: 2, perKind: 8 }
  : { seed: 42, pgliteClients: 100_000, postgresClients: 1_000_000, runs: 5, perKind: 60 };
// BENCH_CLIENTS=N: the clients family on a city of N clients on both engines (a before/after comparison
// in minutes instead of the million-client city's half hour).
const clientsOverride = Number(process.env.BENCH_CLIENTS ?? '');
if (Number.isInteger(clientsOverride) && clientsOverride > 0)
  Object.assign(clientSizes, { pgliteClients: clientsOverride, postgresClients: clientsOverride });
const log = (line: string) => console.log(line);
// BENCH_ONLY=api, load or clients runs one family of benchmarks.
const only = process.env.BENCH_ONLY;
const runs = (family: string) => only === undefined || only === '' || only === family;
const runLoad = runs('load');
const runApi = runs('api');
const runClients = runs('clients');

// PostgreSQL: a throwaway database per run, dropped when closed.
function postgresFactory(baseUrl: string, prefix: string) {
  let n = 0;
  return async (): Promise<DatabaseHandle> => {
    const name = `${prefix}_${process.pid}_${n++}`;
    await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    await adminQuery(baseUrl, `create database ${name}`);
    const handle = await openDatabase({ databaseUrl: withDatabase(baseUrl, name), poolSize: 4 });
    await migrate(handle.db);
    const close = handle.close;
    return {
      ...handle,
      close: async () => {
        await close();
        await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
      },
    };
  };
}

// PGlite: an in-memory database loaded from a migrated template (no initdb per run).
async function pgliteFactory(): Promise<() => Promise<DatabaseHandle>> {
  const template = await openDatabase({ memory: true });
  await migrate(template.db);
  const dump = await template.pglite!.dumpDataDir('none');
  await template.close();
  return () => openDatabase({ memory: true, loadDataDir: dump });
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const started = performance.now();
  log(`Continuum benchmarks${smoke ? ' (smoke sizes)' : ''} on node ${process.version}`);

  log('\nPGlite');
  if (runLoad) {
    rows.push(
      ...(await benchLoadCity({
        engine: 'pglite',
        clients: sizes.pgliteClients,
        runs: sizes.loadRuns,
        freshDatabase: await pgliteFactory(),
        log,
      })),
    );
  }
  if (runApi) rows.push(...(await benchApiRead({ engine: 'pglite', runs: sizes.apiRuns, seconds: sizes.apiSeconds })));
  if (runClients) {
    const city = await ensurePgliteCity({ seed: clientSizes.seed, clients: clientSizes.pgliteClients }, log);
    rows.push(...(await benchClients({ city, runs: clientSizes.runs, perKind: clientSizes.perKind, log })));
  }

  const baseUrl = testDatabaseBaseUrl();
  const probe = await probePostgres(baseUrl);
  if (!probe.ok) {
    log(`\nPostgreSQL skipped: no server at ${new URL(baseUrl).host} (${probe.reason})`);
  } else {
    log('\nPostgreSQL');
    if (runLoad) {
      rows.push(
        ...(await benchLoadCity({
          engine: 'postgres',
          clients: sizes.postgresClients,
          runs: sizes.loadRuns,
          freshDatabase: postgresFactory(baseUrl, 'continuum_bench_load'),
          log,
        })),
      );
    }
    if (runApi) {
      const apiDatabase = await postgresFactory(baseUrl, 'continuum_bench_api')();
      try {
        await loadSyntheticCity(apiDatabase, { seed: 1, clients: 20_000 });
        const { rows: current } = await apiDatabase.pool.query<{ db: string }>('select current_database() as db');
        rows.push(
          ...(await benchApiRead({
            engine: 'postgres',
            databaseUrl: withDatabase(baseUrl, current[0]!.db),
            runs: sizes.apiRuns,
            seconds: sizes.apiSeconds,
          })),
        );
      } finally {
        await apiDatabase.close();
      }
    }
    if (runClients) {
      const city = await ensurePostgresCity(
        baseUrl,
        { seed: clientSizes.seed, clients: clientSizes.postgresClients },
        log,
      );
      rows.push(...(await benchClients({ city, runs: clientSizes.runs, perKind: clientSizes.perKind, log })));
    }
  }

  log(`\n${formatTable(rows)}`);
  log('\nRatios (bars: 1 █ = 0.05)');
  for (const r of rows.filter((row) => row.unit === 'ratio')) {
    log(
      `${`${r.engine} ${r.metric}`.padEnd(58)} ${'█'.repeat(Math.min(60, Math.max(1, Math.round(r.median / 0.05))))} ${r.median.toFixed(2)}`,
    );
  }
  const out = path.resolve('.tmp/bench-results.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ smoke, node: process.version, at: new Date().toISOString(), rows }, null, 2));
  log(`\nResults written to ${out} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

await main();
