import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../src/domain/accounts/account.ts';
import { insertSession, insertUser } from '../src/domain/accounts/account.queries.ts';
import { hashToken } from '../src/domain/accounts/account.service.ts';
import { createRandom, type Random } from '../src/synthetic/random.ts';
import { misspell, swappedDate } from '../src/synthetic/near-duplicates.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/server/auth.ts';
import type { DatabaseHandle } from '../src/db/database.ts';
import { startProcess, stopProcesses } from './child.ts';
import { openCachedCity, type CachedCity } from './city-cache.ts';
import { timed } from './http.ts';
import { median, p95, type Row } from './stats.ts';

// Intake duplicate search and the client page on a big synthetic city, as a signed-in counsellor
// over HTTP against the real server (bench/city-server.ts, a child process), one request at a time
// so each latency is one request's. Baseline: a bare Fastify route, measured in the same runs.

export type ClientsBenchOptions = { city: CachedCity; runs: number; perKind: number; log: (line: string) => void };

const SEARCH_KINDS = ['exact', 'typo', 'swapped', 'planted'] as const;
type SearchKind = (typeof SEARCH_KINDS)[number];
const CASELOAD_KINDS = ['caseload', 'caseloadFirstPage', 'caseloadSearch'] as const;
type Target = SearchKind | 'page' | (typeof CASELOAD_KINDS)[number];
type Request = { kind: Target; headers: Record<string, string>; url: string; body?: string; expect?: string };

const TARGETS: Record<Target | 'bare', { name: string; goalMs?: number }> = {
  bare: { name: 'bare Fastify route' },
  exact: { name: 'POST /api/clients/duplicates, exact name and birth date', goalMs: 50 },
  typo: { name: 'POST /api/clients/duplicates, typo in the family name', goalMs: 50 },
  swapped: { name: 'POST /api/clients/duplicates, day and month swapped', goalMs: 50 },
  planted: { name: 'POST /api/clients/duplicates, planted near-duplicates', goalMs: 50 },
  page: { name: 'GET /api/clients/:id, holding agency counsellor', goalMs: 30 },
  caseload: { name: 'POST /api/caseload, the whole caseload in one page', goalMs: 50 },
  caseloadFirstPage: { name: 'POST /api/caseload, first page of 50 (the web page)' },
  caseloadSearch: { name: 'POST /api/caseload, search by family name' },
};

// The caseload a worker carries in the issue's target.
const CASELOAD_SIZE = 150;

type Sampled = { id: string; organizationId: string; givenName: string; familyName: string; dateOfBirth: string };

// Clients spread over the whole table: the first id at or after a seeded random uuid.
async function sampleClients(handle: DatabaseHandle, r: Random, count: number): Promise<Sampled[]> {
  const seen = new Set<string>();
  const out: Sampled[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 3; attempt++) {
    const { rows } = await handle.pool.query<Sampled>(
      `select id, organization_id as "organizationId", given_name as "givenName", family_name as "familyName",
         to_char(date_of_birth, 'YYYY-MM-DD') as "dateOfBirth" from clients where id >= $1 order by id limit 1`,
      [r.uuid()],
    );
    const row = rows[0];
    if (row && !seen.has(row.id)) {
      seen.add(row.id);
      out.push(row);
    }
  }
  return out;
}

// A benchmark person of this role at this organization, with a session made directly (never a password):
// the headers a signed-in request sends.
export async function sessionFor(
  handle: DatabaseHandle,
  organizationId: string,
  role: Role,
  label: string,
): Promise<Record<string, string>> {
  const user = await insertUser(handle.db, {
    organizationId,
    email: `bench-${label}-${organizationId.slice(0, 8)}@bench.example`,
    displayName: 'Benchmark Counsellor',
    preferredLanguage: 'en',
    // Never signs in with a password: the session below is made directly.
    passwordHash: 'not-a-hash',
    roles: [role],
  });
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(32).toString('base64url');
  await insertSession(handle.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    absoluteExpiresAt: new Date(Date.now() + 6 * 3_600_000),
    userAgent: 'bench',
  });
  return { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrfToken, 'content-type': 'application/json' };
}

// One counsellor (a caseworker at a social assistance office) with a session, per agency that holds files.
async function counsellors(handle: DatabaseHandle): Promise<Map<string, Record<string, string>>> {
  const agencies = await handle.db
    .selectFrom('organizations')
    .select(['id', 'type'])
    .where('type', 'in', ['employment_service_provider', 'social_assistance_office'])
    .execute();
  const sessions = new Map<string, Record<string, string>>();
  const run = crypto.randomBytes(4).toString('hex');
  for (const agency of agencies) {
    const role: Role = agency.type === 'social_assistance_office' ? 'caseworker' : 'employment_counsellor';
    sessions.set(agency.id, await sessionFor(handle, agency.id, role, run));
  }
  return sessions;
}

// Synthetic workers (counsellors and caseworkers, never signed in) with a caseload nearest 150
// open places, made active with a session each. Returns their caseload sizes too.
async function caseloadWorkers(
  handle: DatabaseHandle,
  count: number,
): Promise<{ headers: Record<string, string>; size: number; familyName: string }[]> {
  const { rows } = await handle.pool.query<{ userId: string; size: number; familyName: string }>(
    `select m.user_id as "userId", count(*)::int as size, min(c.family_name) as "familyName"
       from case_team_members m
       join user_roles r on r.user_id = m.user_id and r.role in ('employment_counsellor', 'caseworker')
       join clients c on c.id = m.client_id
      where m.removed_at is null
      group by m.user_id
      order by abs(count(*) - $1), md5(m.user_id::text)
      limit $2`,
    [CASELOAD_SIZE, count],
  );
  await handle.pool.query(`update users set status = 'active' where id = any($1) and status = 'invited'`, [
    rows.map((w) => w.userId),
  ]);
  const out = [];
  for (const w of rows) {
    const token = crypto.randomBytes(32).toString('base64url');
    const csrfToken = crypto.randomBytes(32).toString('base64url');
    await insertSession(handle.db, {
      tokenHash: hashToken(token),
      userId: w.userId,
      csrfToken,
      absoluteExpiresAt: new Date(Date.now() + 6 * 3_600_000),
      userAgent: 'bench',
    });
    out.push({
      headers: { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrfToken, 'content-type': 'application/json' },
      size: w.size,
      familyName: w.familyName,
    });
  }
  return out;
}

async function buildRequests(
  handle: DatabaseHandle,
  city: CachedCity,
  perKind: number,
): Promise<{ requests: Request[]; caseloadSizes: number[] }> {
  const r = createRandom(20_260_101);
  const sessions = await counsellors(handle);
  const agencies = [...sessions.keys()].sort();
  // Intake at another agency than the one holding the file: the search is "is this person known elsewhere?".
  const elsewhere = (holder: string) => sessions.get(agencies[(agencies.indexOf(holder) + 1) % agencies.length]!)!;
  const search = (
    kind: SearchKind,
    c: Sampled,
    headers: Record<string, string>,
    q: { givenName: string; familyName: string; dateOfBirth: string },
  ): Request => ({
    kind,
    headers,
    url: '/api/clients/duplicates',
    body: JSON.stringify({ givenName: q.givenName, familyName: q.familyName, dateOfBirth: q.dateOfBirth }),
    expect: c.id,
  });
  const requests: Request[] = [];
  const sample = await sampleClients(handle, r, perKind * 6);
  const [exact, typo, page] = [0, 1, 2].map((k) => sample.slice(k * perKind, (k + 1) * perKind)) as [
    Sampled[],
    Sampled[],
    Sampled[],
  ];
  // Only dates that can be swapped (day 12 or less, not equal to the month).
  const swapped = sample
    .slice(3 * perKind)
    .filter((c) => swappedDate(c.dateOfBirth) !== null)
    .slice(0, perKind);
  for (const c of exact) requests.push(search('exact', c, elsewhere(c.organizationId), c));
  for (const c of typo) {
    const familyName = /.[a-z]/.test(c.familyName) ? misspell(r, c.familyName) : c.familyName;
    requests.push(search('typo', c, elsewhere(c.organizationId), { ...c, familyName }));
  }
  for (const c of swapped)
    requests.push(
      search('swapped', c, elsewhere(c.organizationId), { ...c, dateOfBirth: swappedDate(c.dateOfBirth)! }),
    );
  for (const pair of city.pairs.slice(0, perKind)) {
    const { copy, original } = pair;
    requests.push(search('planted', { ...original }, sessions.get(copy.organizationId)!, copy));
  }
  for (const c of page)
    requests.push({ kind: 'page', headers: sessions.get(c.organizationId)!, url: `/api/clients/${c.id}` });
  const workers = await caseloadWorkers(handle, perKind);
  for (const w of workers) {
    requests.push({
      kind: 'caseload',
      headers: w.headers,
      url: '/api/caseload',
      body: JSON.stringify({ perPage: 200 }),
    });
    requests.push({ kind: 'caseloadFirstPage', headers: w.headers, url: '/api/caseload', body: JSON.stringify({}) });
    requests.push({
      kind: 'caseloadSearch',
      headers: w.headers,
      url: '/api/caseload',
      body: JSON.stringify({ q: w.familyName }),
    });
  }
  return { requests, caseloadSizes: workers.map((w) => w.size) };
}

const isSearch = (kind: Target): kind is SearchKind => (SEARCH_KINDS as readonly string[]).includes(kind);

export async function benchClients(options: ClientsBenchOptions): Promise<Row[]> {
  const { city, log } = options;
  let handle = await openCachedCity(city);
  let requests: Request[];
  let caseloadSizes: number[];
  let clientCount: number;
  try {
    ({ requests, caseloadSizes } = await buildRequests(handle, city, options.perKind));
    clientCount = Number((await handle.pool.query<{ n: number }>('select count(*)::int as n from clients')).rows[0]!.n);
  } finally {
    // PGlite: one process per data directory, and the server is about to open it.
    if (city.engine === 'pglite') await handle.close();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-bench-clients-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '3911',
    HOST: '127.0.0.1',
    CONTINUUM_DATA_DIR: city.engine === 'pglite' ? city.dataDir : dataDir,
    DATABASE_URL: city.engine === 'postgres' ? city.databaseUrl : '',
  };
  const server = (await startProcess(['bench/city-server.ts'], env)).child;
  const bare = (await startProcess(['bench/bare-server.ts', '3912'], env)).child;
  const api = 'http://127.0.0.1:3911';
  const latencies = new Map<Target | 'bare', number[]>();
  const runMedians = new Map<Target | 'bare', number[]>();
  const found = new Map<SearchKind, { hit: number; all: number }>();
  const requestIds: { kind: SearchKind; id: string; expect: string }[] = [];
  try {
    // Warm-up: every request once (plans, caches, JIT), unmeasured.
    for (const req of requests) {
      const { status } = await timed(api, req);
      if (status !== 200) throw new Error(`${req.kind} ${req.url} ${req.body ?? ''}: HTTP ${status}`);
    }
    for (let run = 0; run < options.runs; run++) {
      const perRun = new Map<Target | 'bare', number[]>();
      const record = (kind: Target | 'bare', ms: number) => {
        latencies.set(kind, [...(latencies.get(kind) ?? []), ms]);
        perRun.set(kind, [...(perRun.get(kind) ?? []), ms]);
      };
      for (let i = 0; i < options.perKind; i++)
        record('bare', (await timed('http://127.0.0.1:3912', { url: '/bare', headers: {} })).ms);
      for (const req of requests) {
        const t = await timed(api, req);
        if (t.status !== 200) throw new Error(`${req.kind} ${req.url}: HTTP ${t.status}`);
        record(req.kind, t.ms);
        if (run === 0 && isSearch(req.kind) && req.expect && t.requestId)
          requestIds.push({ kind: req.kind, id: t.requestId, expect: req.expect });
      }
      for (const [kind, values] of perRun) runMedians.set(kind, [...(runMedians.get(kind) ?? []), median(values)]);
      log(
        `  clients ${city.engine} run ${run + 1}/${options.runs}: ${[...perRun].map(([k, v]) => `${k} ${median(v).toFixed(1)} ms`).join(', ')}`,
      );
    }
  } finally {
    await stopProcesses([server, bare]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  // Did the search rank the expected record in the top five? Its audit row lists what it returned.
  if (city.engine === 'pglite') handle = await openCachedCity(city);
  try {
    const { rows } = await handle.pool.query<{ requestId: string; recordIds: string[] | string | null }>(
      `select request_id as "requestId", record_ids as "recordIds" from audit_log where action = 'client.search_duplicates' and request_id = any($1)`,
      [requestIds.map((x) => x.id)],
    );
    const byRequest = new Map(
      rows.map((row) => [
        row.requestId,
        Array.isArray(row.recordIds)
          ? row.recordIds
          : String(row.recordIds ?? '')
              .replace(/[{}]/g, '')
              .split(','),
      ]),
    );
    for (const x of requestIds) {
      const f = found.get(x.kind) ?? { hit: 0, all: 0 };
      f.all++;
      if ((byRequest.get(x.id) ?? []).slice(0, 5).includes(x.expect)) f.hit++;
      found.set(x.kind, f);
    }
  } finally {
    await handle.close();
  }

  const bench = `clients (${clientCount.toLocaleString('en-CA')} clients)`;
  const rows: Row[] = [];
  if (city.built)
    rows.push({
      bench,
      engine: city.engine,
      metric: 'city built for this run, seconds',
      runs: 1,
      median: city.loadSeconds,
      p95: city.loadSeconds,
      unit: 's',
    });
  for (const [kind, meta] of Object.entries(TARGETS) as [Target | 'bare', (typeof TARGETS)['bare']][]) {
    const values = latencies.get(kind) ?? [];
    if (values.length === 0) continue;
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
  }
  // How many times the bare route's latency (per run, medians), as the API benchmark's ratios but inverted:
  // these routes are one to two orders of magnitude slower than the bare route, and a speed ratio rounds to 0.00.
  const bareRuns = runMedians.get('bare') ?? [];
  if (caseloadSizes.length > 0) {
    rows.push({
      bench,
      engine: city.engine,
      metric: `caseload size of the ${caseloadSizes.length} workers measured (open places on case teams)`,
      runs: caseloadSizes.length,
      median: median(caseloadSizes),
      p95: p95(caseloadSizes),
      unit: 'clients',
    });
  }
  for (const kind of [...SEARCH_KINDS, 'page', ...CASELOAD_KINDS] as const) {
    const medians = runMedians.get(kind) ?? [];
    const ratios = medians.map((m, i) => m / (bareRuns[i] ?? Number.NaN));
    if (ratios.length > 0)
      rows.push({
        bench,
        engine: city.engine,
        metric: `${TARGETS[kind].name} / bare latency`,
        runs: ratios.length,
        median: median(ratios),
        p95: p95(ratios),
        unit: '×',
      });
  }
  for (const kind of SEARCH_KINDS) {
    const f = found.get(kind);
    if (f && f.all > 0)
      rows.push({
        bench,
        engine: city.engine,
        metric: `${kind}: expected record in the top 5 (${f.hit}/${f.all})`,
        runs: f.all,
        median: f.hit / f.all,
        p95: f.hit / f.all,
        unit: 'share',
      });
  }
  return rows;
}
