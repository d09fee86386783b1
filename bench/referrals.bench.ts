import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRandom } from '../src/synthetic/random.ts';
import { startProcess, stopProcesses } from './child.ts';
import { openCachedCity, type CachedCity } from './city-cache.ts';
import { sessionFor } from './clients.bench.ts';
import { latencyRows, measureInterleaved } from './measure.ts';
import type { Row } from './stats.ts';

// Closed-loop referrals (issue 13): an agency's referral inbox and outbox, and one referral's page, on
// the synthetic city's referrals (synthetic version 6), as a signed-in counsellor of the agency over
// HTTP against the real server (bench/city-server.ts, a child process), one request at a time. The
// agency is the one receiving the most referrals (a training organization, in the synthetic city); its
// inbox size is reported beside the figures.
// Baseline: a bare Fastify route, measured in the same runs.

export type ReferralsBenchOptions = { city: CachedCity; runs: number; perKind: number; log: (line: string) => void };

const KINDS = {
  inbox: { name: 'GET /api/referrals?box=inbox, open ones, a page of 25', goalMs: 50 },
  inboxAll: { name: 'GET /api/referrals?box=inbox&status=all, a page of 25 among every referral', goalMs: 50 },
  overdue: { name: 'GET /api/referrals?box=inbox&overdue=true' },
  outbox: { name: 'GET /api/referrals?box=outbox, the busiest sender' },
  page: { name: 'GET /api/referrals/:id, the receiving agency' },
  candidates: { name: 'GET /api/services/:id/candidates?scope=agency, the agency holding the most files' },
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
             from referrals r group by r.${column} order by count(*) desc limit 1`,
        )
      ).rows[0];
    const receiving = await top('to_organization_id');
    const sending = await top('from_organization_id');
    if (!receiving || !sending) throw new Error('The city holds no referrals between agencies: build a version 6 city');
    // An employment counsellor at each (every kind of agency has them): the receiving one reads the
    // clients' names through the referrals' consents, as the inbox's people do.
    const run = crypto.randomBytes(4).toString('hex');
    const sessions = new Map([
      [receiving.id, await sessionFor(handle, receiving.id, 'employment_counsellor', `${run}-in`)],
      [sending.id, await sessionFor(handle, sending.id, 'employment_counsellor', `${run}-out`)],
    ]);
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
    // Recruitment: the agency holding the most files looks through all of them for programs of other
    // agencies that take people today (active, not ended, a seat open, intake open or continuous).
    const holder = (
      await handle.pool.query<{ id: string; n: number }>(
        'select organization_id as id, count(*)::int as n from clients group by 1 order by 2 desc limit 1',
      )
    ).rows[0]!;
    sessions.set(holder.id, await sessionFor(handle, holder.id, 'employment_counsellor', `${run}-recruit`));
    const { rows: programs } = await handle.pool.query<{ id: string }>(
      `select s.id from services s where s.status = 'active' and s.organization_id <> $1
         and coalesce(s.seats_open, 1) > 0 and (s.ends_on is null or s.ends_on >= current_date)
         and (not exists (select 1 from service_intake_windows w where w.service_id = s.id)
           or exists (select 1 from service_intake_windows w where w.service_id = s.id
             and w.opens_on <= current_date and (w.closes_on is null or w.closes_on >= current_date)))
       order by md5(s.id::text) limit 50`,
      [holder.id],
    );
    return {
      receiving,
      sending,
      holder,
      sessions,
      sample: sample.map((s) => s.id),
      programs: programs.map((p) => p.id),
      total,
      clients,
    };
  } finally {
    await handle.close();
  }
}

export async function benchReferrals(options: ReferralsBenchOptions): Promise<Row[]> {
  const { city, log } = options;
  const { receiving, sending, holder, sessions, sample, programs, total, clients } = await busiest(city);
  log(
    `  referrals ${city.engine}: ${total.toLocaleString('en-CA')} referrals; busiest inbox ${receiving.n.toLocaleString('en-CA')} (${receiving.open.toLocaleString('en-CA')} open), busiest outbox ${sending.n.toLocaleString('en-CA')}; most files at one agency ${holder.n.toLocaleString('en-CA')}; ${programs.length} programs recruiting`,
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
    if (programs.length > 0)
      requests.push({
        kind: 'candidates',
        url: `/api/services/${programs[i % programs.length]}/candidates?scope=agency`,
        headers: sessions.get(holder.id)!,
      });
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
  let measured;
  try {
    measured = await measureInterleaved({
      api,
      bare: 'http://127.0.0.1:3916',
      requests,
      runs: options.runs,
      perKind: options.perKind,
      log,
      label: `referrals ${city.engine}`,
    });
  } finally {
    await stopProcesses([server, bare]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const bench = `referrals (${clients.toLocaleString('en-CA')} clients, ${total.toLocaleString('en-CA')} referrals; inbox of ${receiving.n.toLocaleString('en-CA')})`;
  return latencyRows(measured, KINDS, { bench, engine: city.engine });
}
