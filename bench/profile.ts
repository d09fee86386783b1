import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { adminQuery, probePostgres, testDatabaseBaseUrl, withDatabase } from '../test/engines.ts';
import { readyApiCity, scenarioTarget, type ApiScenario } from './api-scenario.ts';
import { startProcess, stopProcesses } from './child.ts';
import { cpuSeconds, postgresCpu, postgresCpuSince } from './cpu.ts';

// Where a request's time goes: the real server under autocannon load (10 connections) with a CPU profile
// (`node --cpu-prof`), summarized by where the time was spent, and PostgreSQL's own view of the same run
// (every statement's duration, from `log_min_duration_statement = 0` on the profiled database, read back
// from the server log at PROFILE_PG_LOG). See docs/benchmarks.md ("Where a request's time goes").
//
//   npm run bench:profile                          # GET /api/clients/:id as the holding counsellor
//   PROFILE_ROUTE=session npm run bench:profile    # or consented, health, note
//   PROFILE_ENGINE=pglite npm run bench:profile    # the embedded database (no PostgreSQL view)

const route = process.env.PROFILE_ROUTE ?? 'client';
const seconds = Number(process.env.PROFILE_SECONDS ?? 10);
const clients = Number(process.env.PROFILE_CLIENTS ?? 20_000);
const engine = process.env.PROFILE_ENGINE === 'pglite' ? 'pglite' : 'postgres';
const pgLog = process.env.PROFILE_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';
// PROFILE_STATEMENT_LOG=off: no statement log (it costs PostgreSQL time of its own), CPU figures only.
const statementLog = engine === 'postgres' && process.env.PROFILE_STATEMENT_LOG !== 'off';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

// Self time by where the code lives: our source by file, a dependency by package, Node's internals, and
// the engine's own entries (garbage collection, idle, program).
function whereOf(url: string, functionName: string): string {
  if (!url) return `(${functionName || 'anonymous'})`;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return `dependency ${dependency[1]}`;
  if (url.startsWith('node:')) return `node ${url.slice(5).split('/')[0]}`;
  const ours = /\/(src|bench|test)\/(.*)$/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return url;
}

function summarize(file: string): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, micros] of self) {
    const node = byId.get(id)!;
    const place = whereOf(node.callFrame.url, node.callFrame.functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${place}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  }
  const share = (micros: number) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, micros]) => `  ${share(micros)}  ${name}`)
      .join('\n');
  return `CPU profile of the server process, ${(total / 1e6).toFixed(1)} s sampled\n\nSelf time by place:\n${top(byPlace, 30)}\n\nSelf time by function:\n${top(byFunction, 30)}`;
}

// Statements' durations as PostgreSQL logged them for the profiled database, grouped by their first
// words: with the extended protocol each statement is logged in three phases (parse, bind, execute).
function postgresView(fromByte: number): string {
  // Only what the run added (the log of a long run is too big to read whole).
  const fd = fs.openSync(pgLog, 'r');
  const length = Math.min(fs.fstatSync(fd).size - fromByte, 256 * 1024 * 1024);
  const buffer = Buffer.alloc(Math.max(0, length));
  fs.readSync(fd, buffer, 0, buffer.length, fromByte);
  fs.closeSync(fd);
  const text = buffer.toString('utf8');
  type Group = { count: number; parse: number; bind: number; execute: number };
  const groups = new Map<string, Group>();
  let executed = 0;
  const totals = { parse: 0, bind: 0, execute: 0 };
  for (const line of text.split('\n')) {
    const m = /duration: ([\d.]+) ms\s+(parse|bind|execute|statement)[^:]*: (.*)$/.exec(line);
    if (!m) continue;
    const phase = m[2] === 'statement' ? 'execute' : (m[2] as 'parse' | 'bind' | 'execute');
    const key = m[3]!.replace(/\s+/g, ' ').replace(/\$\d+/g, '$').slice(0, 90);
    const g = groups.get(key) ?? { count: 0, parse: 0, bind: 0, execute: 0 };
    if (phase === 'execute') {
      g.count += 1;
      executed += 1;
    }
    g[phase] += Number(m[1]);
    totals[phase] += Number(m[1]);
    groups.set(key, g);
  }
  const mean = (ms: number, count: number) => (count ? ms / count : 0).toFixed(3).padStart(7);
  const rows = [...groups]
    .sort((a, b) => b[1].parse + b[1].bind + b[1].execute - (a[1].parse + a[1].bind + a[1].execute))
    .slice(0, 20)
    .map(
      ([k, g]) =>
        `  ${String(g.count).padStart(7)}  ${mean(g.parse, g.count)}  ${mean(g.bind, g.count)}  ${mean(g.execute, g.count)}  ${k}`,
    );
  return [
    `PostgreSQL: ${executed} statements executed; time in parse ${totals.parse.toFixed(0)} ms, bind ${totals.bind.toFixed(0)} ms, execute ${totals.execute.toFixed(0)} ms`,
    '    count    parse     bind  execute  (mean ms)  statement',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-profile-'));
  let env: NodeJS.ProcessEnv;
  let scenario: ApiScenario;
  let databaseName = '';
  let cleanup: () => Promise<void>;
  if (engine === 'postgres') {
    const baseUrl = testDatabaseBaseUrl();
    const probe = await probePostgres(baseUrl);
    if (!probe.ok) throw new Error(`no PostgreSQL at ${baseUrl}: ${probe.reason}`);
    databaseName = `continuum_profile_${process.pid}`;
    await adminQuery(baseUrl, `create database ${databaseName}`);
    const url = withDatabase(baseUrl, databaseName);
    scenario = await readyApiCity(await openDatabase({ databaseUrl: url, poolSize: 4 }), clients);
    env = { ...process.env, DATABASE_URL: url };
    cleanup = () => adminQuery(baseUrl, `drop database if exists ${databaseName} with (force)`);
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-profile-data-'));
    scenario = await readyApiCity(await openDatabase({ dataDir, command: 'continuum bench:profile' }), clients);
    env = { ...process.env, CONTINUUM_DATA_DIR: dataDir, DATABASE_URL: '' };
    cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const target = scenarioTarget(scenario, route);
  const serverEnv = {
    ...env,
    PORT: '3911',
    HOST: '127.0.0.1',
    BACKGROUND_SWEEPS: 'off',
  };
  let child: ChildProcess | undefined;
  try {
    // Every statement of the server's connections is logged with its duration (set before they open).
    if (statementLog) await setStatementLog(env.DATABASE_URL!, databaseName, true);
    ({ child } = await startProcess(['bench/api-server.ts'], serverEnv, [
      '--cpu-prof',
      `--cpu-prof-dir=${profileDir}`,
    ]));
    const load = (duration: number) =>
      autocannon({
        url: `http://127.0.0.1:3911${target.path}`,
        method: target.method ?? 'GET',
        connections: 10,
        duration,
        ...(target.headers ? { headers: target.headers } : {}),
        ...(target.body ? { body: target.body } : {}),
      });
    await load(2); // warm-up
    const logFrom = fs.existsSync(pgLog) ? fs.statSync(pgLog).size : 0;
    const cpuBefore = { server: cpuSeconds(child.pid!), postgres: postgresCpu(), load: process.cpuUsage() };
    const result = await load(seconds);
    const cpu = {
      server: cpuSeconds(child.pid!) - cpuBefore.server,
      postgres: postgresCpuSince(cpuBefore.postgres),
      load: (() => {
        const used = process.cpuUsage(cpuBefore.load);
        return (used.user + used.system) / 1e6;
      })(),
    };
    console.log(
      `${route}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, ${result.errors + result.non2xx} errors${statementLog ? ' (statement logging on)' : ''}`,
    );
    const requests = result.requests.total;
    const perRequest = (cpuSecondsUsed: number) => `${((cpuSecondsUsed * 1e6) / requests).toFixed(0)} µs`;
    console.log(
      `CPU per request: server ${perRequest(cpu.server)}, PostgreSQL ${perRequest(cpu.postgres)}, load generator ${perRequest(cpu.load)}; cores busy: ${((cpu.server + cpu.postgres + cpu.load) / seconds).toFixed(2)} of ${os.cpus().length}`,
    );
    await stopProcesses([child]);
    const profile = fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (profile)
      console.log(`\n${summarize(path.join(profileDir, profile))}\n(profile: ${path.join(profileDir, profile)})`);
    if (statementLog && fs.existsSync(pgLog)) console.log(`\n${postgresView(logFrom)}`);
  } finally {
    if (child) await stopProcesses([child]);
    await cleanup();
  }
}

// Statement logging for the connections opened afterwards to the profiled database only.
async function setStatementLog(url: string, database: string, on: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `alter database ${database} ${on ? 'set log_min_duration_statement = 0' : 'reset log_min_duration_statement'}`,
    );
  } finally {
    await client.end();
  }
}

await main();
