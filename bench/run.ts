import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadSyntheticCity } from '../src/synthetic/load-city.ts';
import { adminQuery, probePostgres, testDatabaseBaseUrl, withDatabase } from '../test/engines.ts';
import { benchApi } from './api.bench.ts';
import { makeApiScenario, readyApiCity } from './api-scenario.ts';
import { ensurePgliteCity, ensurePostgresCity } from './city-cache.ts';
import { benchClients } from './clients.bench.ts';
import { benchDirectory, pgliteDirectoryDir } from './directory.bench.ts';
import { benchReferrals } from './referrals.bench.ts';
import { benchLoadCity } from './load-city.bench.ts';
import { benchBatchMatching, benchClientMatches, benchProgramMatches } from './matching.bench.ts';
import { formatTable, type Row } from './stats.ts';

// `npm run bench`: every benchmark on PGlite, and on PostgreSQL when a server answers.
// BENCH_SMOKE=1 runs small sizes so CI keeps the benchmarks from rotting.
const smoke = process.env.BENCH_SMOKE === '1';
const sizes = smoke
  ? { pgliteClients: 3_000, postgresClients: 10_000, loadRuns: 2, apiRuns: 2, apiSeconds: 1, apiClients: 2_000 }
  : { pgliteClients: 100_000, postgresClients: 1_000_000, loadRuns: 3, apiRuns: 5, apiSeconds: 5, apiClients: 20_000 };
// BENCH_API_SECONDS=N: each API measurement N seconds long (the issue's figures used 8).
const apiSecondsOverride = Number(process.env.BENCH_API_SECONDS ?? '');
if (Number.isInteger(apiSecondsOverride) && apiSecondsOverride > 0) sizes.apiSeconds = apiSecondsOverride;
// The clients family: a city per seed, built once and reused (bench/city-cache.ts).
const clientSizes = smoke
  ? { seed: 42, pgliteClients: 1_500, postgresClients: 3_000, runs: 2, perKind: 8 }
  : { seed: 42, pgliteClients: 100_000, postgresClients: 1_000_000, runs: 5, perKind: 60 };
// BENCH_CLIENTS=N: the clients family on a city of N clients on both engines (a before/after comparison
// in minutes instead of the million-client city's half hour).
const clientsOverride = Number(process.env.BENCH_CLIENTS ?? '');
if (Number.isInteger(clientsOverride) && clientsOverride > 0)
  Object.assign(clientSizes, { pgliteClients: clientsOverride, postgresClients: clientsOverride });
// The directory family (issue 13): 20,000 services among the providers of the million-client city on
// PostgreSQL, and of the 100,000-client city on PGlite.
const directorySizes = smoke
  ? { pgliteClients: 3_000, postgresClients: 3_000, services: 300, runs: 2, perKind: 5 }
  : { pgliteClients: 100_000, postgresClients: 1_000_000, services: 20_000, runs: 5, perKind: 40 };
// The matching family (issue 14): batch matching in memory, and one client's top 20 on each engine.
const matchingSizes = smoke
  ? { clients: 2_000, jobs: 2_000, bruteSample: 200, runs: 2, apiJobs: 2_000, requests: 10 }
  : { clients: 100_000, jobs: 20_000, bruteSample: 1_000, runs: 3, apiJobs: 50_000, requests: 40 };
// Programs for one client: the usual directory of a city of this size (PostgreSQL; PGlite a tenth of it).
const programSizes = smoke
  ? { cityClients: 20_000, runs: 2, requests: 10 }
  : { cityClients: 1_000_000, runs: 3, requests: 40 };
const log = (line: string) => console.log(line);
// BENCH_ONLY=api, load, clients, directory, referrals or matching runs one family of benchmarks.
// The referrals family measures the clients family's city (the same cache), whose referrals ride on its consents.
const only = process.env.BENCH_ONLY;
const runs = (family: string) => only === undefined || only === '' || only === family;
const runLoad = runs('load');
const runApi = runs('api');
const runClients = runs('clients');
const runDirectory = runs('directory');
const runReferrals = runs('referrals');
const runMatching = runs('matching');

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
  if (runApi) {
    // A data directory holding the city and the benchmark's people, handed to the server once closed.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-bench-api-'));
    try {
      const scenario = await readyApiCity(
        await openDatabase({ dataDir, command: 'continuum bench' }),
        sizes.apiClients,
      );
      rows.push(
        ...(await benchApi({
          engine: 'pglite',
          env: { ...process.env, CONTINUUM_DATA_DIR: dataDir, DATABASE_URL: '' },
          scenario,
          runs: sizes.apiRuns,
          seconds: sizes.apiSeconds,
          log,
        })),
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (runClients) {
    const city = await ensurePgliteCity({ seed: clientSizes.seed, clients: clientSizes.pgliteClients }, log);
    rows.push(...(await benchClients({ city, runs: clientSizes.runs, perKind: clientSizes.perKind, log })));
  }
  if (runReferrals) {
    const city = await ensurePgliteCity({ seed: clientSizes.seed, clients: clientSizes.pgliteClients }, log);
    rows.push(...(await benchReferrals({ city, runs: clientSizes.runs, perKind: clientSizes.perKind, log })));
  }
  if (runDirectory) {
    const dataDir = pgliteDirectoryDir();
    try {
      const handle = await openDatabase({ dataDir, command: 'continuum bench' });
      await migrate(handle.db);
      rows.push(
        ...(await benchDirectory({
          engine: 'pglite',
          clients: directorySizes.pgliteClients,
          services: directorySizes.services,
          runs: directorySizes.runs,
          perKind: directorySizes.perKind,
          handle,
          env: { ...process.env, CONTINUUM_DATA_DIR: dataDir, DATABASE_URL: '' },
          log,
        })),
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (runMatching) {
    log('\nMatching (in memory)');
    rows.push(...(await benchBatchMatching(matchingSizes, log)));
    const handle = await (await pgliteFactory())();
    try {
      rows.push(...(await benchClientMatches(handle, 'pglite', matchingSizes, log)));
    } finally {
      await handle.close();
    }
    const programs = await (await pgliteFactory())();
    try {
      const pgliteSizes = { ...programSizes, cityClients: Math.max(20_000, programSizes.cityClients / 10) };
      rows.push(...(await benchProgramMatches(programs, 'pglite', pgliteSizes, log)));
    } finally {
      await programs.close();
    }
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
        await loadSyntheticCity(apiDatabase, { seed: 1, clients: sizes.apiClients });
        const scenario = await makeApiScenario(apiDatabase);
        const { rows: current } = await apiDatabase.pool.query<{ db: string }>('select current_database() as db');
        const databaseUrl = withDatabase(baseUrl, current[0]!.db);
        rows.push(
          ...(await benchApi({
            engine: 'postgres',
            env: { ...process.env, DATABASE_URL: databaseUrl },
            scenario,
            runs: sizes.apiRuns,
            seconds: sizes.apiSeconds,
            statsUrl: databaseUrl,
            log,
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
    if (runReferrals) {
      const city = await ensurePostgresCity(
        baseUrl,
        { seed: clientSizes.seed, clients: clientSizes.postgresClients },
        log,
      );
      rows.push(...(await benchReferrals({ city, runs: clientSizes.runs, perKind: clientSizes.perKind, log })));
    }
    if (runDirectory) {
      const handle = await postgresFactory(baseUrl, 'continuum_bench_directory')();
      const { rows: current } = await handle.pool.query<{ db: string }>('select current_database() as db');
      const name = current[0]!.db;
      try {
        rows.push(
          ...(await benchDirectory({
            engine: 'postgres',
            clients: directorySizes.postgresClients,
            services: directorySizes.services,
            runs: directorySizes.runs,
            perKind: directorySizes.perKind,
            // The benchmark closes it (the pool) before the server starts; the database stays until dropped below.
            handle: { ...handle, close: () => handle.pool.end() },
            env: { ...process.env, DATABASE_URL: withDatabase(baseUrl, name) },
            log,
          })),
        );
      } finally {
        await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
      }
    }
    if (runMatching) {
      const handle = await postgresFactory(baseUrl, 'continuum_bench_matching')();
      try {
        rows.push(...(await benchClientMatches(handle, 'postgres', matchingSizes, log)));
      } finally {
        await handle.close();
      }
      const programs = await postgresFactory(baseUrl, 'continuum_bench_programs')();
      try {
        rows.push(...(await benchProgramMatches(programs, 'postgres', programSizes, log)));
      } finally {
        await programs.close();
      }
    }
  }

  log(`\n${formatTable(rows)}`);
  log('\nRatios (bars: 1 █ = 0.05)');
  for (const r of rows.filter((row) => row.unit === 'ratio')) {
    log(
      `${`${r.engine} ${r.metric}`.padEnd(58)} ${'█'.repeat(Math.min(60, Math.max(1, Math.round(r.median / 0.05))))} ${r.median.toFixed(2)}`,
    );
  }
  // Throughput side by side: each route's requests per second, bars scaled to the fastest route of its engine.
  const throughput = rows.filter((row) => row.unit === 'req/s' && !row.metric.startsWith('bare'));
  if (throughput.length > 0) {
    log('\nRequests per second (bars: share of the fastest route on the same engine)');
    for (const r of throughput) {
      const fastest = Math.max(...throughput.filter((t) => t.engine === r.engine).map((t) => t.median));
      const bar = '█'.repeat(Math.max(1, Math.round((40 * r.median) / fastest)));
      log(`${`${r.engine} ${r.metric.replace(/ req\/s$/, '')}`.padEnd(90)} ${bar} ${Math.round(r.median)}`);
    }
  }
  const out = path.resolve('.tmp/bench-results.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ smoke, node: process.version, at: new Date().toISOString(), rows }, null, 2));
  log(`\nResults written to ${out} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

await main();
