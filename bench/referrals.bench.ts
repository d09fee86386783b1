import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRandom } from '../src/synthetic/random.ts';
import { startProcess, stopProcesses } from './child.ts';
import { openCachedCity, type CachedCity } from './city-cache.ts';
import { counsellors } from './clients.bench.ts';
import { timed } from './http.ts';
import { median, p95, type Row } from './stats.ts';

// Closed-loop referrals (issue 13): an agency's referral inbox and outbox, and one referral's page, on
// the synthetic city's referrals (synthetic version 6), as a signed-in counsellor of the agency over
// HTTP against the real server (bench/city-server.ts, a child process), one request at a time. The
// agency is the one receiving the most referrals; its inbox size is reported beside the figures.
// Baseline: a bare Fastify route, measured in the same runs.

export type ReferralsBenchOptions = { city: CachedCity; runs: number; perKind: number; log: (line: string) => void };

const KINDS = {
  inbox: { name: 'GET /api/referrals?box=inbox, open ones, a page of 25', goalMs: 50 },
  inboxAll: { name: 'GET /api/referrals?box=inbox&status=all, a page of 25 among every referral', goalMs: 50 },
  overdue: { name: 'GET /api/referrals?box=inbox&overdue=true' },
  outbox: { name: 'GET /api/referrals?box=outbox, the busiest sender' },
  page: { name: 'GET /api/referrals/:id, the receiving agency' },
} as const;
type Kind = keyof typeof KINDS;

type Agency = { id: string; n: number; open: number };

async function busiest(city: CachedCity) {
  const handle = await openCachedCity(city);
  try {
    const top = async (column: 'to_organization_id' | 'from_organization_id') =>
      (
        await handle.pool.query<Agency>(
          `select r.${column} as id, count(*)::int as n, count(*) filter (where r.closed_at is null)::int as open
             from referrals r join organizations o on o.id = r.${column}
            where o.type in ('employment_service_provider', 'social_assistance_office')
            group by r.${column} order by count(*) desc limit 1`,
        )
      ).rows[0];
    const receiving = await top('to_organization_id');
    const sending = await top('from_organization_id');
    if (!receiving || !sending) throw new Error('The city holds no referrals between agencies: build a version 6 city');
    const sessions = await counsellors(handle);
    const { rows: sample } = await handle.pool.query<{ id: string }>(
      'select id from referrals where to_organization_id = $1 order by md5(id::text) limit 200',
      [receiving.id],
    );
    const total = Number(
      (await handle.pool.query<{ n: number }>('select count(*)::int as n from referrals')).rows[0]!.n,
    );
    const clients = Number(
      (await handle.pool.query<{ n: number }>('select count(*)::int as n from clients')).rows[0]!.n,
    );
    return { receiving, sending, sessions, sample: sample.map((s) => s.id), total, clients };
  } finally {
    await handle.close();
  }
}

export async function benchReferrals(options: ReferralsBenchOptions): Promise<Row[]> {
  const { city, log } = options;
  const { receiving, sending, sessions, sample, total, clients } = await busiest(city);
  log(
    `  referrals ${city.engine}: ${total.toLocaleString('en-CA')} referrals; busiest inbox ${receiving.n.toLocaleString('en-CA')} (${receiving.open.toLocaleString('en-CA')} open), busiest outbox ${sending.n.toLocaleString('en-CA')}`,
  );
  const r = createRandom(20_261_204);
  const pages = (n: number) => Math.max(1, Math.ceil(n / 25));
  const inboxHeaders = sessions.get(receiving.id)!;
  const requests: { kind: Kind; url: string; headers: Record<string, string> }[] = [];
  for (let i = 0; i < options.perKind; i++) {
    requests.push({
      kind: 'inbox',
      url: `/api/referrals?box=inbox&page=${r.int(1, Math.min(10, pages(receiving.open)))}`,
      headers: inboxHeaders,
    });
    requests.push({
      kind: 'inboxAll',
      url: `/api/referrals?box=inbox&status=all&page=${r.int(1, Math.min(40, pages(receiving.n)))}`,
      headers: inboxHeaders,
    });
    requests.push({ kind: 'overdue', url: '/api/referrals?box=inbox&overdue=true', headers: inboxHeaders });
    requests.push({
      kind: 'outbox',
      url: `/api/referrals?box=outbox&page=${r.int(1, Math.min(10, pages(sending.n)))}`,
      headers: sessions.get(sending.id)!,
    });
    requests.push({ kind: 'page', url: `/api/referrals/${sample[i % sample.length]}`, headers: inboxHeaders });
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-bench-referrals-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '3915',
    HOST: '127.0.0.1',
    CONTINUUM_DATA_DIR: city.engine === 'pglite' ? city.dataDir : dataDir,
    DATABASE_URL: city.engine === 'postgres' ? city.databaseUrl : '',
  };
  const server = (await startProcess(['bench/city-server.ts'], env)).child;
  const bare = (await startProcess(['bench/bare-server.ts', '3916'], env)).child;
  const api = 'http://127.0.0.1:3915';
  const latencies = new Map<Kind | 'bare', number[]>();
  const runMedians = new Map<Kind | 'bare', number[]>();
  try {
    // Warm-up: every request once, unmeasured.
    for (const req of requests) {
      const { status } = await timed(api, req);
      if (status !== 200) throw new Error(`${req.kind} ${req.url}: HTTP ${status}`);
    }
    for (let run = 0; run < options.runs; run++) {
      const perRun = new Map<Kind | 'bare', number[]>();
      const record = (kind: Kind | 'bare', ms: number) => {
        latencies.set(kind, [...(latencies.get(kind) ?? []), ms]);
        perRun.set(kind, [...(perRun.get(kind) ?? []), ms]);
      };
      for (let i = 0; i < options.perKind; i++)
        record('bare', (await timed('http://127.0.0.1:3916', { url: '/bare', headers: {} })).ms);
      for (const req of requests) {
        const t = await timed(api, req);
        if (t.status !== 200) throw new Error(`${req.kind} ${req.url}: HTTP ${t.status}`);
        record(req.kind, t.ms);
      }
      for (const [kind, values] of perRun) runMedians.set(kind, [...(runMedians.get(kind) ?? []), median(values)]);
      log(
        `  referrals ${city.engine} run ${run + 1}/${options.runs}: ${[...perRun].map(([k, v]) => `${k} ${median(v).toFixed(1)} ms`).join(', ')}`,
      );
    }
  } finally {
    await stopProcesses([server, bare]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const bench = `referrals (${clients.toLocaleString('en-CA')} clients, ${total.toLocaleString('en-CA')} referrals; inbox of ${receiving.n.toLocaleString('en-CA')})`;
  const rows: Row[] = [];
  const bareValues = latencies.get('bare') ?? [];
  rows.push({
    bench,
    engine: city.engine,
    metric: 'bare Fastify route latency',
    runs: bareValues.length,
    median: median(bareValues),
    p95: p95(bareValues),
    unit: 'ms',
  });
  const bareRuns = runMedians.get('bare') ?? [];
  for (const [kind, meta] of Object.entries(KINDS) as [Kind, { name: string; goalMs?: number }][]) {
    const values = latencies.get(kind) ?? [];
    const goal = meta.goalMs ? ` (p95 goal < ${meta.goalMs} ms)` : '';
    rows.push({
      bench,
      engine: city.engine,
      metric: `${meta.name} latency${goal}`,
      runs: values.length,
      median: median(values),
      p95: p95(values),
      unit: 'ms',
    });
    const ratios = (runMedians.get(kind) ?? []).map((m, i) => m / (bareRuns[i] ?? Number.NaN));
    rows.push({
      bench,
      engine: city.engine,
      metric: `${meta.name} / bare latency`,
      runs: ratios.length,
      median: median(ratios),
      p95: p95(ratios),
      unit: '×',
    });
  }
  return rows;
}
