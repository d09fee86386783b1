import { sql, type Insertable } from 'kysely';
import type { ClientsTable } from '../src/db/schema.ts';
import { systemActor, type Actor } from '../src/access/actor.ts';
import { withTransaction, type DatabaseHandle } from '../src/db/database.ts';
import { readClock, systemClock } from '../src/lib/clock.ts';
import { batchMatchBrute, batchMatchFast, indexJobs } from '../src/domain/matching/batch.ts';
import { clientJobMatches } from '../src/domain/matching/client-matches.service.ts';
import { getMatchModel } from '../src/domain/matching/match.ts';
import { getProgramMatchModel } from '../src/domain/matching/program-match.ts';
import { clientProgramMatches } from '../src/domain/matching/program-matches.service.ts';
import { loadDirectory } from './directory.bench.ts';
import { generateCity } from '../src/synthetic/generate-city.ts';
import { createOrganization } from '../src/domain/organizations/organization.service.ts';
import { createRandom } from '../src/synthetic/random.ts';
import { syntheticMatchClients, syntheticMatchJobs } from '../src/synthetic/jobs.ts';
import { median, p95, type Row } from './stats.ts';

// Matching at city scale (issue 14): batch matching of every client against every open job order, the
// fast path beside the brute force of the same model, and one client's top 20 from the API's service
// among 50,000 open job orders in the database.

export type MatchingSizes = {
  clients: number;
  jobs: number;
  bruteSample: number;
  runs: number;
  apiJobs: number;
  requests: number;
};

export async function benchBatchMatching(sizes: MatchingSizes, log: (line: string) => void): Promise<Row[]> {
  const model = getMatchModel();
  const random = createRandom(14);
  const jobs = syntheticMatchJobs(random.fork('jobs'), sizes.jobs);
  const clients = syntheticMatchClients(random.fork('clients'), sizes.clients);
  const index = indexJobs(jobs);
  const fastSeconds: number[] = [];
  const bruteSeconds: number[] = [];
  const ratios: number[] = [];
  const recalls: number[] = [];
  for (let run = 0; run < sizes.runs; run += 1) {
    let started = performance.now();
    const fast = batchMatchFast(model, clients, index, 10);
    const fastTime = (performance.now() - started) / 1000;
    // The brute force on a sample of clients, scaled to all of them: the full product would take an hour.
    const sample = clients.slice(run * sizes.bruteSample, (run + 1) * sizes.bruteSample);
    started = performance.now();
    const brute = batchMatchBrute(model, sample, jobs, 10);
    const bruteTime = ((performance.now() - started) / 1000) * (clients.length / sample.length);
    let found = 0;
    let wanted = 0;
    for (const [id, top] of brute) {
      const mine = new Set(fast.get(id)!.map((t) => t.jobId));
      for (const t of top) {
        wanted += 1;
        if (mine.has(t.jobId)) found += 1;
      }
    }
    fastSeconds.push(fastTime);
    bruteSeconds.push(bruteTime);
    ratios.push(bruteTime / fastTime);
    recalls.push(wanted === 0 ? 1 : found / wanted);
    log(
      `  batch matching, run ${run + 1}: ${clients.length.toLocaleString('en-CA')} clients × ${jobs.length.toLocaleString('en-CA')} job orders, top 10: fast ${fastTime.toFixed(1)} s, brute force ${bruteTime.toFixed(0)} s (from ${sample.length} clients), ${(bruteTime / fastTime).toFixed(1)}×, ${(100 * recalls.at(-1)!).toFixed(2)} % of brute force's top 10 found`,
    );
  }
  const bench = `batch matching ${clients.length / 1000}k × ${jobs.length / 1000}k`;
  const row = (metric: string, values: number[], unit: string): Row => ({
    bench,
    engine: 'node',
    metric,
    runs: values.length,
    median: median(values),
    p95: p95(values),
    unit,
  });
  return [
    row('fast path', fastSeconds, 's'),
    row('brute force (estimated from a sample)', bruteSeconds, 's'),
    row('brute ÷ fast', ratios, '×'),
    row(
      "brute force's top 10 found",
      recalls.map((r) => 100 * r),
      '%',
    ),
  ];
}

// One client's top 20 among `apiJobs` open job orders through the service the API route calls.
export async function benchClientMatches(
  handle: DatabaseHandle,
  engine: string,
  sizes: MatchingSizes,
  log: (line: string) => void,
): Promise<Row[]> {
  const db = handle.db;
  const system = systemActor('bench');
  const agency = await withTransaction(db, (trx) =>
    createOrganization(trx, system, {
      name: `Bench agency ${Date.now()}`,
      type: 'employment_service_provider',
      offersFrench: false,
      sites: [],
    }),
  );
  const employers: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    const employer = await withTransaction(db, (trx) =>
      createOrganization(trx, system, {
        name: `Bench employer ${Date.now()} ${i}`,
        type: 'employer',
        offersFrench: false,
        sites: [],
      }),
    );
    employers.push(employer.id);
  }
  const random = createRandom(15);
  const jobs = syntheticMatchJobs(random.fork('jobs'), sizes.apiJobs);
  for (let start = 0; start < jobs.length; start += 1000) {
    await db
      .insertInto('jobOrders')
      .values(
        jobs.slice(start, start + 1000).map((j, i) => ({
          employerId: employers[(start + i) % employers.length]!,
          postedByOrganizationId: agency.id,
          title: `Job ${start + i}`,
          nocCode: j.nocCode,
          description: 'A synthetic job order for the matching benchmark.',
          skills: j.skills,
          credentialsRequired: j.credentialsRequired,
          hoursPerWeek: j.hoursPerWeek,
          schedule: 'fixed' as const,
          hourlyWageCents: 2000,
          permanence: 'permanent' as const,
          workplace: j.workplace,
          postalCode: j.postalCode,
          accommodationsOffered: j.accommodationsOffered,
          openings: 1,
          decentWorkScore: j.decentWorkScore,
          decentWorkModel: 'dw-2026.1',
        })),
      )
      .execute();
  }
  await sql`analyze job_orders`.execute(db);
  const people = syntheticMatchClients(random.fork('clients'), 200).filter((c) => c.targetNocCodes.length > 0);
  const clientIds = await insertBenchClients(db, agency.id, people, (person) => ({
    hoursWanted: person.hoursWanted === null ? null : Math.round(person.hoursWanted),
  }));
  const actor = benchActor(agency.id, 'job_developer');
  const model = getMatchModel();
  const clock = systemClock('America/Toronto');
  const timed = await timeClientAnswers(
    clientIds,
    sizes,
    (clientId) =>
      clientJobMatches(db, actor, clientId, { limit: 20 }, { requestId: 'bench', model, ...readClock(clock) }),
    (run, med, p) =>
      `  one client's top 20 among ${jobs.length.toLocaleString('en-CA')} open job orders, run ${run}: median ${med} ms, p95 ${p} ms`,
    log,
  );
  log(`  (job orders read and scored per request: ${timed.considered.toLocaleString('en-CA')} on average)`);
  return [
    {
      bench: `client's top 20 among ${jobs.length / 1000}k job orders`,
      engine,
      metric: 'median of runs',
      runs: sizes.runs,
      median: timed.median,
      p95: timed.p95,
      unit: 'ms',
    },
  ];
}

// The directory's programs for one client (issue 14, point 4), from the API's service: the programs of a
// city's providers (its usual directory, about 2,000 services at a million clients) loaded as the demo loads
// them, and clients of one agency with goals, ages, languages and barriers.
export async function benchProgramMatches(
  handle: DatabaseHandle,
  engine: 'pglite' | 'postgres',
  sizes: { cityClients: number; runs: number; requests: number },
  log: (line: string) => void,
): Promise<Row[]> {
  // The directory bench's city (seed 13) at its usual size: one service per provider's usual count.
  const usual = generateCity({ seed: 13, clients: sizes.cityClients }).services.length;
  const services = await loadDirectory({
    engine,
    handle,
    clients: sizes.cityClients,
    services: usual,
    runs: 0,
    perKind: 0,
    env: {},
    log,
  });
  const db = handle.db;
  const agency = await withTransaction(db, (trx) =>
    createOrganization(trx, systemActor('bench'), {
      name: `Bench program agency ${Date.now()}`,
      type: 'employment_service_provider',
      offersFrench: true,
      sites: [],
    }),
  );
  const random = createRandom(16);
  const people = syntheticMatchClients(random.fork('clients'), 200).filter((c) => c.targetNocCodes.length > 0);
  const clientIds = await insertBenchClients(db, agency.id, people, (_person, i) => ({
    dateOfBirth: `${1960 + (i % 45)}-0${1 + (i % 9)}-15`,
    preferredLanguage: i % 5 === 0 ? ('fr' as const) : ('en' as const),
    incomeSource: i % 3 === 0 ? ('ontario_works' as const) : ('none' as const),
  }));
  // A quarter of them with a barrier still active: life stabilization is what they need first.
  for (const [i, clientId] of clientIds.entries())
    if (i % 4 === 0)
      await db.insertInto('clientBarriers').values({ clientId, kind: 'housing', status: 'active' }).execute();
  await sql`analyze clients, client_barriers`.execute(db);
  const actor = benchActor(agency.id, 'employment_counsellor');
  const model = getProgramMatchModel();
  const clock = systemClock('America/Toronto');
  const timed = await timeClientAnswers(
    clientIds,
    sizes,
    (clientId) =>
      clientProgramMatches(db, actor, clientId, { limit: 10 }, { requestId: 'bench', model, ...readClock(clock) }),
    (run, med, p) =>
      `  one client's top 10 programs among ${services.toLocaleString('en-CA')} listings, run ${run}: median ${med} ms, p95 ${p} ms`,
    log,
  );
  log(`  (programs taking people read and scored per request: ${timed.considered.toLocaleString('en-CA')} on average)`);
  return [
    {
      bench: `client's top 10 programs among ${services.toLocaleString('en-CA')} listings`,
      engine,
      metric: 'median of runs',
      runs: sizes.runs,
      median: timed.median,
      p95: timed.p95,
      unit: 'ms',
    },
  ];
}

// One client's answer timed over runs of requests, each run's median and p95 logged; the medians of the
// runs' medians and p95s come back, with how many rows each answer read and scored on average.
async function timeClientAnswers(
  clientIds: readonly string[],
  sizes: { runs: number; requests: number },
  answer: (clientId: string) => Promise<{ considered: number }>,
  say: (run: number, median: string, p95: string) => string,
  log: (line: string) => void,
): Promise<{ median: number; p95: number; considered: number }> {
  const medians: number[] = [];
  const p95s: number[] = [];
  let considered = 0;
  for (let run = 0; run < sizes.runs; run += 1) {
    const times: number[] = [];
    for (let i = 0; i < sizes.requests; i += 1) {
      const clientId = clientIds[(run * sizes.requests + i) % clientIds.length]!;
      const started = performance.now();
      considered += (await answer(clientId)).considered;
      times.push(performance.now() - started);
    }
    medians.push(median(times));
    p95s.push(p95(times));
    log(say(run + 1, median(times).toFixed(1), p95(times).toFixed(1)));
  }
  return {
    median: median(medians),
    p95: median(p95s),
    considered: Math.round(considered / (sizes.runs * sizes.requests)),
  };
}

// The benchmarks' caller: a worker of the agency, straight to the service (no session).
function benchActor(organizationId: string, role: 'job_developer' | 'employment_counsellor'): Actor {
  return {
    kind: 'user',
    userId: '00000000-0000-4000-8000-000000000001',
    organizationId,
    roles: [role],
    sessionId: 'bench',
  };
}

// The synthetic job seekers as clients of one agency, with what each benchmark adds to them.
async function insertBenchClients(
  db: DatabaseHandle['db'],
  organizationId: string,
  people: ReturnType<typeof syntheticMatchClients>,
  more: (person: ReturnType<typeof syntheticMatchClients>[number], index: number) => Partial<Insertable<ClientsTable>>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, person] of people.entries()) {
    const row = await db
      .insertInto('clients')
      .values({
        organizationId,
        givenName: 'Bench',
        familyName: person.id,
        dateOfBirth: '1990-01-01',
        educationLevel: 'college',
        incomeSource: 'ontario_works',
        targetNocCodes: person.targetNocCodes,
        postalCode: person.postalCode,
        ...more(person, i),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}
