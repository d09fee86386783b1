import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startProcess } from './child.ts';
import { median, p95, type Row } from './stats.ts';

export type ApiBenchOptions = { engine: 'pglite' | 'postgres'; databaseUrl?: string; runs: number; seconds: number };

async function measure(
  url: string,
  seconds: number,
  cookie?: string,
): Promise<{ rps: number; p95Ms: number; errors: number }> {
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    pipelining: 1,
    ...(cookie ? { headers: { cookie } } : {}),
  });
  return {
    rps: result.requests.average,
    p95Ms: result.latency.p97_5 ?? result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

// Requests per second of real API reads against a bare Fastify route, measured in the same run.
export async function benchApiRead(options: ApiBenchOptions): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-bench-api-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '3901',
    HOST: '127.0.0.1',
    CONTINUUM_DATA_DIR: dataDir,
    DATABASE_URL: options.engine === 'postgres' ? options.databaseUrl : '',
  };
  const apiProcess = await startProcess(['bench/api-server.ts'], env);
  const api = apiProcess.child;
  const cookie = apiProcess.line.split(' ')[2];
  const bare = (await startProcess(['bench/bare-server.ts', '3902'], env)).child;
  try {
    const list = (await (await fetch('http://127.0.0.1:3901/api/organizations?perPage=1')).json()) as {
      items: { id: string }[];
    };
    const id = list.items[0]?.id;
    if (!id) throw new Error('the benchmark server has no organizations');
    const targets = {
      bare: 'http://127.0.0.1:3902/bare',
      health: 'http://127.0.0.1:3901/api/health',
      organization: `http://127.0.0.1:3901/api/organizations/${id}`,
      list: 'http://127.0.0.1:3901/api/organizations?perPage=25',
      session: 'http://127.0.0.1:3901/api/auth/session',
      users: 'http://127.0.0.1:3901/api/users?perPage=25',
    };
    await measure(targets.organization, 1); // warm-up
    const samples: Record<keyof typeof targets, { rps: number[]; p95Ms: number[] }> = {
      bare: { rps: [], p95Ms: [] },
      health: { rps: [], p95Ms: [] },
      organization: { rps: [], p95Ms: [] },
      list: { rps: [], p95Ms: [] },
      session: { rps: [], p95Ms: [] },
      users: { rps: [], p95Ms: [] },
    };
    const routes = ['health', 'organization', 'list', 'session', 'users'] as const;
    const ratios: Record<(typeof routes)[number], number[]> = {
      health: [],
      organization: [],
      list: [],
      session: [],
      users: [],
    };
    for (let run = 0; run < options.runs; run++) {
      // Interleaved, so each ratio compares measurements taken moments apart.
      const bareRun = await measure(targets.bare, options.seconds);
      samples.bare.rps.push(bareRun.rps);
      samples.bare.p95Ms.push(bareRun.p95Ms);
      for (const key of routes) {
        // Signed-in routes carry the session cookie: session lookup, the per-user counter, the role gate
        // and (for the user list) the scoped query and its audit row are in their path.
        const signedIn = key === 'session' || key === 'users';
        const r = await measure(targets[key], options.seconds, signedIn ? cookie : undefined);
        if (r.errors > 0) throw new Error(`${key}: ${r.errors} errors or non-2xx answers`);
        samples[key].rps.push(r.rps);
        samples[key].p95Ms.push(r.p95Ms);
        ratios[key].push(r.rps / bareRun.rps);
      }
    }
    const rows: Row[] = [];
    const names = {
      bare: 'bare Fastify route',
      health: 'GET /api/health',
      organization: 'GET /api/organizations/:id',
      list: 'GET /api/organizations (25)',
      session: 'GET /api/auth/session (signed in)',
      users: 'GET /api/users (manager, 25, audited)',
    };
    for (const key of Object.keys(targets) as (keyof typeof targets)[]) {
      rows.push({
        bench: 'api read',
        engine: options.engine,
        metric: `${names[key]} req/s`,
        runs: options.runs,
        median: median(samples[key].rps),
        p95: p95(samples[key].rps),
        unit: 'req/s',
      });
      rows.push({
        bench: 'api read',
        engine: options.engine,
        metric: `${names[key]} latency p97.5`,
        runs: options.runs,
        median: median(samples[key].p95Ms),
        p95: p95(samples[key].p95Ms),
        unit: 'ms',
      });
    }
    for (const key of routes) {
      rows.push({
        bench: 'api read',
        engine: options.engine,
        metric: `${names[key]} / bare`,
        runs: options.runs,
        median: median(ratios[key]),
        p95: p95(ratios[key]),
        unit: 'ratio',
      });
    }
    return rows;
  } finally {
    api.kill('SIGTERM');
    bare.kill('SIGTERM');
    await Promise.all([api, bare].map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
