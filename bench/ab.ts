import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { adminQuery, probePostgres, testDatabaseBaseUrl, withDatabase } from '../test/engines.ts';
import { readyApiCity, scenarioTarget, type ApiScenario, type ScenarioTarget } from './api-scenario.ts';
import { stopProcesses } from './child.ts';
import { cpuSeconds, postgresCpu, postgresCpuSince } from './cpu.ts';
import { median } from './stats.ts';

// Two checkouts of Continuum, one route, side by side: before and after a change to the request path,
// in minutes instead of the API family's quarter of an hour, and steadier than two separate runs on a
// machine whose speed drifts. Each checkout's real server (bench/api-server.ts, run from its own
// directory) serves one PostgreSQL database holding a 20,000-client city; the runs interleave the
// checkouts, each run measuring `GET /api/health` and then the route, and read the CPU each request
// cost the server and PostgreSQL (/proc). See docs/benchmarks.md ("Before and after").
//
//   git worktree add /tmp/before HEAD && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   npm run bench:ab -- /tmp/before .
//   AB_ROUTE=consented AB_RUNS=7 npm run bench:ab -- /tmp/before .   # or session, note, health
//
// The database (continuum_ab) and its people are made once and kept for the next comparison; AB_FRESH=1
// makes them again. Both checkouts must know the database's migrations (the later checkout makes it).

const dirs = process.argv.slice(2).map((d) => path.resolve(d));
const runs = Number(process.env.AB_RUNS ?? 5);
const seconds = Number(process.env.AB_SECONDS ?? 5);
const route = process.env.AB_ROUTE ?? 'client';
const DATABASE = 'continuum_ab';
const SCENARIO = path.join(os.tmpdir(), 'continuum-ab-scenario.json');
const FIRST_PORT = 3921;

async function readyScenario(baseUrl: string): Promise<ApiScenario> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  const exists = await admin
    .query('select 1 from pg_database where datname = $1', [DATABASE])
    .finally(() => admin.end());
  if (process.env.AB_FRESH !== '1' && exists.rowCount === 1 && fs.existsSync(SCENARIO))
    return JSON.parse(fs.readFileSync(SCENARIO, 'utf8')) as ApiScenario;
  console.log('Making the city (20,000 clients), once');
  await adminQuery(baseUrl, `drop database if exists ${DATABASE} with (force)`);
  await adminQuery(baseUrl, `create database ${DATABASE}`);
  const scenario = await readyApiCity(
    await openDatabase({ databaseUrl: withDatabase(baseUrl, DATABASE), poolSize: 4 }),
    20_000,
  );
  fs.writeFileSync(SCENARIO, JSON.stringify(scenario));
  return scenario;
}

function startServer(dir: string, port: number, databaseUrl: string): Promise<ChildProcess> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/api-server.ts'], {
      cwd: dir,
      env: { ...env, BACKGROUND_SWEEPS: 'off' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`the server of ${dir} exited with ${code} before it was ready`)));
  });
}

type Sample = { health: number; rps: number; p975: number; errors: number; serverUs: number; postgresUs: number };

async function measure(port: number, child: ChildProcess, target: ScenarioTarget, duration: number): Promise<Sample> {
  const load = (t: ScenarioTarget) =>
    autocannon({
      url: `http://127.0.0.1:${port}${t.path}`,
      method: t.method ?? 'GET',
      connections: 10,
      duration,
      headers: t.headers ?? {},
      ...(t.body ? { body: t.body } : {}),
    });
  const health = await load({ path: '/api/health' });
  const before = { server: cpuSeconds(child.pid!), postgres: postgresCpu() };
  const result = await load(target);
  const perRequest = (used: number) => (used * 1e6) / Math.max(1, result.requests.total);
  return {
    health: health.requests.average,
    rps: result.requests.average,
    p975: result.latency.p97_5,
    errors: health.errors + health.non2xx + result.errors + result.non2xx + result.timeouts,
    serverUs: perRequest(cpuSeconds(child.pid!) - before.server),
    postgresUs: perRequest(postgresCpuSince(before.postgres)),
  };
}

async function main(): Promise<void> {
  if (dirs.length < 1 || dirs.some((d) => !fs.existsSync(path.join(d, 'bench/api-server.ts'))))
    throw new Error(
      'usage: npm run bench:ab -- <checkout> [<checkout> ...] (each a Continuum checkout with node_modules)',
    );
  const baseUrl = testDatabaseBaseUrl();
  const probe = await probePostgres(baseUrl);
  if (!probe.ok) throw new Error(`no PostgreSQL at ${new URL(baseUrl).host}: ${probe.reason}`);
  const scenario = await readyScenario(baseUrl);
  const target = scenarioTarget(scenario, route);
  const children: ChildProcess[] = [];
  try {
    for (const [i, dir] of dirs.entries())
      children.push(await startServer(dir, FIRST_PORT + i, withDatabase(baseUrl, DATABASE)));
    for (const [i, child] of children.entries()) await measure(FIRST_PORT + i, child, target, 2); // warm-up
    const samples: Sample[][] = dirs.map(() => []);
    for (let run = 0; run < runs; run++) {
      for (const [i, child] of children.entries()) {
        const s = await measure(FIRST_PORT + i, child, target, seconds);
        samples[i]!.push(s);
        console.log(
          `run ${run + 1}/${runs} ${dirs[i]}: health ${Math.round(s.health)}, ${route} ${Math.round(s.rps)} req/s (p97.5 ${s.p975} ms, ${s.errors} errors), ratio ${(s.rps / s.health).toFixed(3)}, CPU per request: server ${Math.round(s.serverUs)} µs, PostgreSQL ${Math.round(s.postgresUs)} µs`,
        );
      }
    }
    console.log(`\n${route}, medians of ${runs} interleaved runs of ${seconds} s, 10 connections:`);
    console.log(
      '| checkout | req/s | / health | server µs | PostgreSQL µs | errors |\n| --- | --- | --- | --- | --- | --- |',
    );
    for (const [i, dir] of dirs.entries()) {
      const s = samples[i]!;
      const m = (f: (x: Sample) => number) => median(s.map(f));
      console.log(
        `| ${dir} | ${Math.round(m((x) => x.rps))} | ${m((x) => x.rps / x.health).toFixed(3)} | ${Math.round(m((x) => x.serverUs))} | ${Math.round(m((x) => x.postgresUs))} | ${s.reduce((n, x) => n + x.errors, 0)} |`,
      );
    }
    if (dirs.length === 2) {
      // Each run's pair was measured moments apart: the median of the pairs' ratios.
      const pairs = (f: (x: Sample) => number) => median(samples[1]!.map((b, r) => f(b) / f(samples[0]![r]!)));
      console.log(
        `\nsecond ÷ first, median of the runs' pairs: req/s ${pairs((x) => x.rps).toFixed(3)}, ratio to health ${pairs((x) => x.rps / x.health).toFixed(3)}, server CPU ${pairs((x) => x.serverUs).toFixed(3)}, PostgreSQL CPU ${pairs((x) => x.postgresUs).toFixed(3)}`,
      );
    }
  } finally {
    await stopProcesses(children);
  }
}

await main();
