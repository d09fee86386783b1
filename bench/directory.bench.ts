import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bulkLoad } from '../src/db/copy.ts';
import { checkpointAfterBulkLoad, type DatabaseHandle } from '../src/db/database.ts';
import { systemClock } from '../src/lib/clock.ts';
import { cityAsOf } from '../src/synthetic/city-as-of.ts';
import { CITY_TIME_ZONE } from '../src/synthetic/distributions.ts';
import { generateCity } from '../src/synthetic/generate-city.ts';
import { cityCopyBatches } from '../src/synthetic/load-city.ts';
import { createRandom } from '../src/synthetic/random.ts';
import { startProcess, stopProcesses } from './child.ts';
import { latencyRows, measureInterleaved } from './measure.ts';
import type { Row } from './stats.ts';

// The directory of programs (issue 13): the public search and the HSDS services page, over HTTP against
// the real server (bench/city-server.ts, a child process), one request at a time, beside a bare Fastify
// route measured in the same runs. The database holds a city's organizations and sites and a directory
// of the asked size; its client tables stay empty, because no directory query reads them.

export type DirectoryBenchOptions = {
  engine: 'pglite' | 'postgres';
  // The city whose organizations and sites hold the directory (its size sets how many providers there are).
  clients: number;
  // About how many services to list.
  services: number;
  runs: number;
  perKind: number;
  // A migrated, empty database, and how the server child reaches it.
  handle: DatabaseHandle;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
};

const KINDS = {
  words: { name: 'GET /api/services, words in English or French', goalMs: 30 },
  filters: { name: 'GET /api/services, words and workforce filters', goalMs: 30 },
  near: { name: 'GET /api/services, near a postal code, intake open soon', goalMs: 30 },
  browse: { name: 'GET /api/services, no words, a page of a kind of program', goalMs: 30 },
  hsds: { name: 'GET /hsds/services, a page of 50', goalMs: 50 },
  hsdsFull: { name: 'GET /hsds/services?full=true, a page of 50 fully nested' },
  page: { name: 'GET /api/services/:id' },
} as const;
type Kind = keyof typeof KINDS;

const WORDS = [
  'welding',
  'soudage',
  'résumé',
  'cv',
  'truck',
  'camion',
  'customer service',
  'clientèle',
  'youth job',
  'jeunes',
  'small business',
  'entreprise',
  'forklift',
  'housing',
  'logement',
  'digital skills',
  'préposé',
  'early childhood',
  'security guard',
  'carpentry',
];
const INTERVENTIONS = ['training', 'pre_employment', 'employment_services', 'life_stabilization', 'retention'];
const POPULATIONS = ['youth', 'newcomers', 'women', 'mature_workers', 'persons_with_disabilities'];
const FSAS = ['M1P', 'M3N', 'M6K', 'M4J', 'M9V', 'M5V', 'M2N', 'M1B', 'M6N', 'M4C'];

export async function loadDirectory(options: DirectoryBenchOptions): Promise<number> {
  // The directory's size at one service per provider's usual count, then scaled to the size asked.
  const usual = generateCity({ seed: 13, clients: options.clients }).services.length;
  const servicesPerProvider = Math.min(100, Math.max(0.1, options.services / Math.max(1, usual)));
  const city = cityAsOf(
    generateCity({ seed: 13, clients: options.clients, servicesPerProvider }),
    systemClock(CITY_TIME_ZONE).today(),
  );
  await bulkLoad(options.handle, async (loader) => {
    for (const batch of cityCopyBatches(city)) {
      if (batch.table === 'clients') break;
      await loader.copyLines(batch.table, batch.columns, batch.lines());
    }
    await loader.query(
      'analyze organizations, sites, services, service_sites, service_schedules, service_intake_windows',
    );
  });
  // The visibility map, as autovacuum leaves it on a server in service (and as the demo load leaves it).
  await checkpointAfterBulkLoad(options.handle);
  return city.services.length;
}

export async function benchDirectory(options: DirectoryBenchOptions): Promise<Row[]> {
  const { log } = options;
  let services: number;
  let sampleIds: string[];
  try {
    services = await loadDirectory(options);
    const { rows } = await options.handle.pool.query<{ id: string }>(
      'select id from services order by md5(id::text) limit $1',
      [options.perKind],
    );
    sampleIds = rows.map((r) => r.id);
  } finally {
    // PGlite: one process per data directory, and the server is about to open it.
    await options.handle.close();
  }
  log(`  directory ${options.engine}: ${services.toLocaleString('en-CA')} services`);

  const r = createRandom(20_261_203);
  const requests: { kind: Kind; url: string }[] = [];
  const q = (words: string) => encodeURIComponent(words);
  for (let i = 0; i < options.perKind; i++) {
    requests.push({ kind: 'words', url: `/api/services?q=${q(r.pick(WORDS))}` });
    requests.push({
      kind: 'filters',
      url: `/api/services?q=${q(r.pick(WORDS))}&intervention=${r.pick(INTERVENTIONS)},training&population=${r.pick(POPULATIONS)}&language=en`,
    });
    requests.push({ kind: 'near', url: `/api/services?near=${r.pick(FSAS)}&withinKm=5&intake=open_soon` });
    requests.push({ kind: 'browse', url: `/api/services?intervention=${r.pick(INTERVENTIONS)}&page=${r.int(1, 5)}` });
    requests.push({
      kind: 'hsds',
      url: `/hsds/services?per_page=50&page=${r.int(1, Math.max(1, Math.floor(services / 50)))}`,
    });
    requests.push({
      kind: 'hsdsFull',
      url: `/hsds/services?full=true&per_page=50&page=${r.int(1, Math.max(1, Math.floor(services / 50)))}`,
    });
    requests.push({ kind: 'page', url: `/api/services/${sampleIds[i % sampleIds.length]}` });
  }

  const server = (await startProcess(['bench/city-server.ts'], { ...options.env, PORT: '3913', HOST: '127.0.0.1' }))
    .child;
  const bare = (await startProcess(['bench/bare-server.ts', '3914'], options.env)).child;
  const api = 'http://127.0.0.1:3913';
  let measured;
  try {
    measured = await measureInterleaved({
      api,
      bare: 'http://127.0.0.1:3914',
      requests: requests.map((r) => ({ ...r, headers: {} })),
      runs: options.runs,
      perKind: options.perKind,
      log,
      label: `directory ${options.engine}`,
    });
  } finally {
    await stopProcesses([server, bare]);
  }

  const bench = `directory (${services.toLocaleString('en-CA')} services, a ${options.clients.toLocaleString('en-CA')}-client city's providers)`;
  return latencyRows(measured, KINDS, { bench, engine: options.engine });
}

// A fresh data directory for PGlite (the server child opens it by path).
export function pgliteDirectoryDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-bench-directory-'));
}
