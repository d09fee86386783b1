import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import type { ApiScenario, Headers } from './api-scenario.ts';
import { startProcess, stopProcesses } from './child.ts';
import { median, p95, type Row } from './stats.ts';

// Throughput of the reads people make (and one write) against the real server (`startServer`, as
// `continuum start` runs it) in a child process, loaded by autocannon from this process, with a bare
// Fastify route measured in the same runs. See docs/benchmarks.md ("API throughput").

export type ApiBenchOptions = {
  engine: 'pglite' | 'postgres';
  // The server's environment: DATABASE_URL (PostgreSQL) or CONTINUUM_DATA_DIR (PGlite), ready and
  // holding the scenario's people and records.
  env: NodeJS.ProcessEnv;
  scenario: ApiScenario;
  runs: number;
  seconds: number;
  // PostgreSQL only: the database to count transactions in (pg_stat_database).
  statsUrl?: string;
  log: (line: string) => void;
};

type Target = { name: string; path: string; method?: 'GET' | 'POST'; headers?: Headers; body?: string };
type Sample = { rps: number; p50: number; p975: number; errors: number };

const BARE_PORT = 3902;
const API_PORT = 3901;
const SECOND_PORT = 3903;

function targetsOf(s: ApiScenario): Record<string, Target> {
  return {
    health: { name: 'GET /api/health', path: '/api/health' },
    session: { name: 'GET /api/auth/session (signed in)', path: '/api/auth/session', headers: s.holding },
    client: {
      name: "GET /api/clients/:id, holding agency's counsellor",
      path: `/api/clients/${s.clientId}`,
      headers: s.holding,
    },
    consented: {
      name: "GET /api/clients/:id, another agency's counsellor by consent",
      path: `/api/clients/${s.clientId}`,
      headers: s.consented,
    },
    caseload: {
      name: `POST /api/caseload, first page of 50 (caseload of ${s.caseloadSize})`,
      path: '/api/caseload',
      method: 'POST',
      headers: s.holding,
      body: '{}',
    },
    duplicates: {
      name: 'POST /api/clients/duplicates, name and birth date (another agency)',
      path: '/api/clients/duplicates',
      method: 'POST',
      headers: s.consented,
      body: JSON.stringify(s.duplicateSearch),
    },
    note: {
      name: 'POST /api/clients/:id/notes, a case note (write)',
      path: `/api/clients/${s.clientId}/notes`,
      method: 'POST',
      headers: s.holding,
      body: JSON.stringify({ kind: 'contact', visibility: 'agency', body: 'Called about the interview on Monday.' }),
    },
    organization: { name: 'GET /api/organizations/:id', path: `/api/organizations/${s.organizationId}` },
    organizations: { name: 'GET /api/organizations?perPage=25', path: '/api/organizations?perPage=25' },
    users: { name: 'GET /api/users?perPage=25 (manager)', path: '/api/users?perPage=25', headers: s.manager },
  };
}

async function measure(port: number, target: Target, seconds: number, connections = 10): Promise<Sample> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${target.path}`,
    method: target.method ?? 'GET',
    connections,
    duration: seconds,
    pipelining: 1,
    ...(target.headers ? { headers: target.headers } : {}),
    ...(target.body ? { body: target.body } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5 ?? result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

// Two server processes on one database, each loaded by half the connections at the same time.
async function measureTwo(target: Target, seconds: number): Promise<Sample> {
  const [a, b] = await Promise.all([measure(API_PORT, target, seconds, 5), measure(SECOND_PORT, target, seconds, 5)]);
  return {
    rps: a.rps + b.rps,
    p50: Math.max(a.p50, b.p50),
    p975: Math.max(a.p975, b.p975),
    errors: a.errors + b.errors,
  };
}

// Transactions (commits and rollbacks) PostgreSQL counts per request over `count` requests made one
// at a time. Backends report their counts when idle for about 10 s, so the figures are read after a wait.
async function transactionsPerRequest(statsUrl: string, target: Target, count: number): Promise<number> {
  const client = new pg.Client({ connectionString: statsUrl });
  await client.connect();
  try {
    const read = async () => {
      await new Promise((r) => setTimeout(r, 11_000));
      await client.query('select pg_stat_clear_snapshot()');
      const { rows } = await client.query<{ n: string }>(
        'select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()',
      );
      return Number(rows[0]!.n);
    };
    const before = await read();
    for (let i = 0; i < count; i++) {
      const response = await fetch(`http://127.0.0.1:${API_PORT}${target.path}`, {
        method: target.method ?? 'GET',
        headers: target.headers ?? {},
        ...(target.body ? { body: target.body } : {}),
      });
      if (!response.ok) throw new Error(`${target.name} answered ${response.status}`);
      await response.arrayBuffer();
    }
    const after = await read();
    // The two reads of the counter are transactions of their own (one each).
    return (after - before - 2) / count;
  } finally {
    await client.end();
  }
}

function rowsOf(engine: string, label: string, samples: Sample[], bare: number[], runs: number): Row[] {
  const row = (metric: string, values: number[], unit: string): Row => ({
    bench: 'api',
    engine,
    metric: `${label} ${metric}`,
    runs,
    median: median(values),
    p95: p95(values),
    unit,
  });
  const metrics: [string, (sample: Sample) => number, string][] = [
    ['req/s', (sample) => sample.rps, 'req/s'],
    ['latency p50', (sample) => sample.p50, 'ms'],
    ['latency p97.5', (sample) => sample.p975, 'ms'],
    ['errors', (sample) => sample.errors, 'count'],
  ];
  const out = metrics.map(([metric, value, unit]) => row(metric, samples.map(value), unit));
  if (bare.length === samples.length)
    out.push(
      row(
        '/ bare',
        samples.map((s, i) => s.rps / bare[i]!),
        'ratio',
      ),
    );
  return out;
}

export async function benchApi(options: ApiBenchOptions): Promise<Row[]> {
  const { engine, scenario, runs, seconds, log } = options;
  const env = { ...options.env, PORT: String(API_PORT), HOST: '127.0.0.1', BACKGROUND_SWEEPS: 'off' };
  const children: ChildProcess[] = [];
  const started = async (args: string[], processEnv: NodeJS.ProcessEnv) => {
    const { child } = await startProcess(args, processEnv);
    children.push(child);
  };
  await started(['bench/api-server.ts'], env);
  await started(['bench/bare-server.ts', String(BARE_PORT)], env);
  try {
    const targets = targetsOf(scenario);
    const bareTarget: Target = { name: 'bare Fastify route', path: '/bare' };
    for (const target of Object.values(targets)) await measure(API_PORT, target, 1); // warm-up
    const samples: Record<string, Sample[]> = { bare: [] };
    const byConnections: Record<number, Sample[]> = { 1: [], 50: [] };
    const ratioToHealth: number[] = [];
    for (let run = 0; run < runs; run++) {
      // Interleaved, so each ratio compares measurements taken moments apart.
      samples.bare!.push(await measure(BARE_PORT, bareTarget, seconds));
      for (const [key, target] of Object.entries(targets)) {
        (samples[key] ??= []).push(await measure(API_PORT, target, seconds));
      }
      ratioToHealth.push(samples.client!.at(-1)!.rps / samples.health!.at(-1)!.rps);
      for (const connections of [1, 50]) {
        byConnections[connections]!.push(await measure(API_PORT, targets.client!, seconds, connections));
      }
      log(`  api run ${run + 1}/${runs}: client page ${Math.round(samples.client!.at(-1)!.rps)} req/s`);
    }
    const bare = samples.bare!.map((s) => s.rps);
    const rows: Row[] = rowsOf(engine, bareTarget.name, samples.bare!, [], runs);
    for (const [key, target] of Object.entries(targets))
      rows.push(...rowsOf(engine, target.name, samples[key]!, bare, runs));
    rows.push({
      bench: 'api',
      engine,
      metric: `${targets.client!.name} / GET /api/health`,
      runs,
      median: median(ratioToHealth),
      p95: p95(ratioToHealth),
      unit: 'ratio',
    });
    for (const connections of [1, 50]) {
      rows.push(
        ...rowsOf(
          engine,
          `${targets.client!.name}, ${connections} connection(s)`,
          byConnections[connections]!,
          bare,
          runs,
        ),
      );
    }
    if (options.statsUrl) {
      const perRequest: number[] = [];
      for (const key of ['client', 'consented'] as const) {
        perRequest.push(await transactionsPerRequest(options.statsUrl, targets[key]!, 200));
        rows.push({
          bench: 'api',
          engine,
          metric: `${targets[key]!.name}: transactions per request (pg_stat_database, 200 requests)`,
          runs: 1,
          median: perRequest.at(-1)!,
          p95: perRequest.at(-1)!,
          unit: 'xacts',
        });
      }
      // A second server process on the same database: the client page with 5 connections to each.
      await started(['bench/api-server.ts'], { ...env, PORT: String(SECOND_PORT) });
      const two: Sample[] = [];
      const one: Sample[] = [];
      for (let run = 0; run < runs; run++) {
        one.push(await measure(API_PORT, targets.client!, seconds));
        two.push(await measureTwo(targets.client!, seconds));
      }
      rows.push(...rowsOf(engine, `${targets.client!.name}, 1 process (same runs)`, one, [], runs));
      rows.push(...rowsOf(engine, `${targets.client!.name}, 2 processes`, two, [], runs));
    }
    return rows;
  } finally {
    await stopProcesses(children);
  }
}
