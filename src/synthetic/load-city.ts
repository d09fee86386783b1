import { bulkLoad, type BulkLoader } from '../db/copy.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { systemClock } from '../lib/clock.ts';
import type { SyntheticCity, SyntheticClient } from './city.ts';
import { cityAsOf } from './city-as-of.ts';
import { CITY_TIME_ZONE } from './distributions.ts';
import { generateCity } from './generate-city.ts';
import {
  EMPLOYMENT_COLUMNS,
  employmentLines,
  PLACEMENT_COLUMNS,
  PLACEMENT_EVENT_COLUMNS,
  placementConsentLines,
  placementEventLines,
  placementLines,
  REGISTRATION_COLUMNS,
  registrationLines,
  type ClientJobSideRows,
  ACCOMMODATION_COLUMNS,
  ACKNOWLEDGEMENT_COLUMNS,
  acknowledgementLines,
  REFERRAL_COLUMNS,
  REFERRAL_EVENT_COLUMNS,
  REFERRAL_RATING_COLUMNS,
  referralEventLines,
  referralLines,
  referralRatingLines,
  GOAL_COLUMNS,
  goalLines,
  NOTE_COLUMNS,
  noteLines,
  NOTIFICATION_COLUMNS,
  notificationLines,
  STEP_CHANGE_COLUMNS,
  stepChangeLines,
  STEP_COLUMNS,
  stepLines,
  TASK_COLUMNS,
  taskLines,
  TEAM_COLUMNS,
  teamLines,
  USER_COLUMNS,
  USER_ROLE_COLUMNS,
  userLines,
  userRoleLines,
  accommodationLines,
  ASSESSMENT_COLUMNS,
  assessmentLines,
  BARRIER_COLUMNS,
  barrierLines,
  CLIENT_COLUMNS,
  clientCopyLine,
  clientEquityCopyLine,
  CONSENT_COLUMNS,
  consentLines,
  EQUITY_COLUMNS,
  EXTERNAL_ID_COLUMNS,
  externalIdLines,
  ORGANIZATION_COLUMNS,
  organizationLine,
  REVOCATION_COLUMNS,
  revocationLines,
  SITE_COLUMNS,
  siteLine,
  SERVICE_COLUMNS,
  SERVICE_INTAKE_COLUMNS,
  SERVICE_SCHEDULE_COLUMNS,
  SERVICE_SITE_COLUMNS,
  serviceIntakeLines,
  serviceLine,
  serviceScheduleLines,
  serviceSiteLines,
  STATUS_CHANGE_COLUMNS,
  statusChangeLines,
  WORK_HISTORY_COLUMNS,
  workHistoryLines,
  EMPLOYER_CONTACT_COLUMNS,
  EMPLOYER_PROFILE_COLUMNS,
  ENGAGEMENT_COLUMNS,
  HIRING_EVENT_COLUMNS,
  HIRING_EVENT_EMPLOYER_COLUMNS,
  HIRING_EVENT_JOB_COLUMNS,
  JOB_ORDER_COLUMNS,
  employerContactLine,
  employerProfileLine,
  engagementLine,
  hiringEventEmployerLines,
  hiringEventJobLines,
  hiringEventLine,
  jobOrderLine,
} from './copy-lines.ts';
import { generateEmployerSide } from './employers.ts';
import { drawClientJobSide, jobSideIndex } from './placements.ts';

export { clientCopyLine, clientEquityCopyLine };

// Bump when the generator's output changes: benchmarks reuse a loaded city by version, seed and size.
export const SYNTHETIC_CITY_VERSION = 8;

export type CityTable =
  | 'organizations'
  | 'sites'
  | 'services'
  | 'service_sites'
  | 'service_schedules'
  | 'service_intake_windows'
  | 'employer_profiles'
  | 'employer_contacts'
  | 'employer_engagements'
  | 'job_orders'
  | 'hiring_events'
  | 'hiring_event_employers'
  | 'hiring_event_jobs'
  | 'clients'
  | 'client_equity'
  | 'client_status_changes'
  | 'client_work_history'
  | 'client_barriers'
  | 'client_accommodations'
  | 'client_external_ids'
  | 'assessments'
  | 'consents'
  | 'consent_revocations'
  | 'users'
  | 'user_roles'
  | 'case_team_members'
  | 'case_notes'
  | 'tasks'
  | 'notifications'
  | 'plan_goals'
  | 'plan_steps'
  | 'plan_step_changes'
  | 'plan_acknowledgements'
  | 'referrals'
  | 'referral_events'
  | 'referral_ratings'
  | 'hiring_event_registrations'
  | 'placements'
  | 'placement_events'
  | 'employments';

export type LoadCityOptions = {
  seed: number;
  clients: number;
  // One planted near-duplicate pair per this many clients (default 500).
  duplicateEvery?: number;
  // The day the city is loaded as of ('YYYY-MM-DD' in the city's time zone, from the caller's
  // clock): every date the generator made moves by this day − REFERENCE_DATE (city-as-of.ts).
  // Default: today in America/Toronto.
  today?: string;
  // phase: the table being loaded ('clients' for every table drawn from clients, which load
  // together chunk by chunk); done and total count organizations, sites or clients.
  onProgress?: (phase: CityTable, done: number, total: number) => void;
};
export type LoadCityResult = {
  seed: number;
  // The day the city is dated at.
  today: string;
  organizations: number;
  sites: number;
  clients: number;
  durationMs: number;
};

// One synthetic city per database: its ids and organization names are fixed by the seed, so a
// second load would collide with the first.
export class SyntheticCityExistsError extends Error {
  constructor(
    readonly seed: number,
    readonly clients: number,
  ) {
    super(
      `This database already holds a synthetic city (seed ${seed}, ${clients} clients). ` +
        'Load a synthetic city into a fresh database.',
    );
    this.name = 'SyntheticCityExistsError';
  }
}

export type CityCopyBatch = {
  table: CityTable;
  columns: readonly string[];
  // A pass over this batch's COPY text lines.
  lines: () => Iterable<string>;
  // Clients generated up to and including this batch's chunk (0 for organizations and sites).
  clientsSoFar: number;
};

// Clients are generated once and loaded in chunks: each chunk's rows go to every client table
// (parents first) before the next chunk is drawn, so only one chunk is ever in memory.
export const CLIENT_CHUNK = 10_000;

const CLIENT_TABLES: readonly {
  table: CityTable;
  columns: readonly string[];
  lines: (c: SyntheticClient) => Iterable<string> | string;
}[] = [
  { table: 'clients', columns: CLIENT_COLUMNS, lines: clientCopyLine },
  // Staff before the rows that name them (assessments, consents, teams, notes, tasks).
  { table: 'users', columns: USER_COLUMNS, lines: userLines },
  { table: 'user_roles', columns: USER_ROLE_COLUMNS, lines: userRoleLines },
  { table: 'client_equity', columns: EQUITY_COLUMNS, lines: clientEquityCopyLine },
  { table: 'client_status_changes', columns: STATUS_CHANGE_COLUMNS, lines: statusChangeLines },
  { table: 'client_work_history', columns: WORK_HISTORY_COLUMNS, lines: workHistoryLines },
  { table: 'client_barriers', columns: BARRIER_COLUMNS, lines: barrierLines },
  { table: 'client_accommodations', columns: ACCOMMODATION_COLUMNS, lines: accommodationLines },
  { table: 'client_external_ids', columns: EXTERNAL_ID_COLUMNS, lines: externalIdLines },
  { table: 'assessments', columns: ASSESSMENT_COLUMNS, lines: assessmentLines },
  { table: 'consents', columns: CONSENT_COLUMNS, lines: consentLines },
  { table: 'consent_revocations', columns: REVOCATION_COLUMNS, lines: revocationLines },
  { table: 'case_team_members', columns: TEAM_COLUMNS, lines: teamLines },
  { table: 'case_notes', columns: NOTE_COLUMNS, lines: noteLines },
  { table: 'tasks', columns: TASK_COLUMNS, lines: taskLines },
  { table: 'notifications', columns: NOTIFICATION_COLUMNS, lines: notificationLines },
  { table: 'plan_goals', columns: GOAL_COLUMNS, lines: goalLines },
  { table: 'plan_steps', columns: STEP_COLUMNS, lines: stepLines },
  { table: 'plan_step_changes', columns: STEP_CHANGE_COLUMNS, lines: stepChangeLines },
  { table: 'plan_acknowledgements', columns: ACKNOWLEDGEMENT_COLUMNS, lines: acknowledgementLines },
  { table: 'referrals', columns: REFERRAL_COLUMNS, lines: referralLines },
  { table: 'referral_events', columns: REFERRAL_EVENT_COLUMNS, lines: referralEventLines },
  { table: 'referral_ratings', columns: REFERRAL_RATING_COLUMNS, lines: referralRatingLines },
];

// The client side of the employer pipelines, drawn per client from the city's employer side
// (placements.ts): the consents naming employers first (a shared placement names one), then the rest.
const JOB_SIDE_TABLES: readonly {
  table: CityTable;
  columns: readonly string[];
  lines: (rows: ClientJobSideRows) => Iterable<string>;
}[] = [
  { table: 'consents', columns: CONSENT_COLUMNS, lines: placementConsentLines },
  { table: 'hiring_event_registrations', columns: REGISTRATION_COLUMNS, lines: registrationLines },
  { table: 'placements', columns: PLACEMENT_COLUMNS, lines: placementLines },
  { table: 'placement_events', columns: PLACEMENT_EVENT_COLUMNS, lines: placementEventLines },
  { table: 'employments', columns: EMPLOYMENT_COLUMNS, lines: employmentLines },
];

const LAST_CLIENT_TABLE = JOB_SIDE_TABLES[JOB_SIDE_TABLES.length - 1]!.table;

const DIRECTORY_TABLES = ['services', 'service_sites', 'service_schedules', 'service_intake_windows'] as const;
const EMPLOYER_TABLES = [
  'employer_profiles',
  'employer_contacts',
  'employer_engagements',
  'job_orders',
  'hiring_events',
  'hiring_event_employers',
  'hiring_event_jobs',
] as const;
export const CITY_TABLES: readonly CityTable[] = [
  'organizations',
  'sites',
  ...DIRECTORY_TABLES,
  ...EMPLOYER_TABLES,
  ...CLIENT_TABLES.map((t) => t.table),
  ...JOB_SIDE_TABLES.map((t) => t.table).filter((t) => t !== 'consents'),
];

function* linesOf(
  chunk: readonly SyntheticClient[],
  toLines: (c: SyntheticClient) => Iterable<string> | string,
): Generator<string> {
  for (const c of chunk) {
    const out = toLines(c);
    if (typeof out === 'string') yield out;
    else yield* out;
  }
}

// The city as COPY input, in load order: organizations, sites, then chunk after chunk of clients.
export function* cityCopyBatches(
  city: SyntheticCity,
  chunkSize = CLIENT_CHUNK,
): Generator<CityCopyBatch, void, undefined> {
  yield {
    table: 'organizations',
    columns: ORGANIZATION_COLUMNS,
    lines: () => city.organizations.map(organizationLine),
    clientsSoFar: 0,
  };
  yield { table: 'sites', columns: SITE_COLUMNS, lines: () => city.sites.map(siteLine), clientsSoFar: 0 };
  const today = city.referenceDate;
  const organizationNames = new Map(city.organizations.map((o) => [o.id, o.name]));
  yield {
    table: 'services',
    columns: SERVICE_COLUMNS,
    lines: () => city.services.map((s) => serviceLine(s, today, organizationNames.get(s.organizationId) ?? '')),
    clientsSoFar: 0,
  };
  yield {
    table: 'service_sites',
    columns: SERVICE_SITE_COLUMNS,
    lines: () => city.services.flatMap((s) => [...serviceSiteLines(s, today)]),
    clientsSoFar: 0,
  };
  yield {
    table: 'service_schedules',
    columns: SERVICE_SCHEDULE_COLUMNS,
    lines: () => city.services.flatMap((s) => [...serviceScheduleLines(s, today)]),
    clientsSoFar: 0,
  };
  yield {
    table: 'service_intake_windows',
    columns: SERVICE_INTAKE_COLUMNS,
    lines: () => city.services.flatMap((s) => [...serviceIntakeLines(s, today)]),
    clientsSoFar: 0,
  };
  // The employer side: profiles, contacts, the engagement log, job orders and events (no client in it).
  const employers = generateEmployerSide(city);
  yield {
    table: 'employer_profiles',
    columns: EMPLOYER_PROFILE_COLUMNS,
    lines: () => employers.profiles.map(employerProfileLine),
    clientsSoFar: 0,
  };
  yield {
    table: 'employer_contacts',
    columns: EMPLOYER_CONTACT_COLUMNS,
    lines: () => employers.contacts.map(employerContactLine),
    clientsSoFar: 0,
  };
  yield {
    table: 'employer_engagements',
    columns: ENGAGEMENT_COLUMNS,
    lines: () => employers.engagements.map(engagementLine),
    clientsSoFar: 0,
  };
  yield {
    table: 'job_orders',
    columns: JOB_ORDER_COLUMNS,
    lines: () => employers.jobOrders.map(jobOrderLine),
    clientsSoFar: 0,
  };
  yield {
    table: 'hiring_events',
    columns: HIRING_EVENT_COLUMNS,
    lines: () => employers.events.map(hiringEventLine),
    clientsSoFar: 0,
  };
  yield {
    table: 'hiring_event_employers',
    columns: HIRING_EVENT_EMPLOYER_COLUMNS,
    lines: () => employers.events.flatMap((e) => [...hiringEventEmployerLines(e)]),
    clientsSoFar: 0,
  };
  yield {
    table: 'hiring_event_jobs',
    columns: HIRING_EVENT_JOB_COLUMNS,
    lines: () => employers.events.flatMap((e) => [...hiringEventJobLines(e)]),
    clientsSoFar: 0,
  };
  const jobSide = jobSideIndex(employers, city);
  let chunk: SyntheticClient[] = [];
  let done = 0;
  function* flush(): Generator<CityCopyBatch> {
    const rows = chunk;
    done += rows.length;
    for (const t of CLIENT_TABLES)
      yield { table: t.table, columns: t.columns, lines: () => linesOf(rows, t.lines), clientsSoFar: done };
    // Drawn once per client, in the stream's order (the running counts per event depend on it).
    const sides = rows.map((client) => ({ client, side: drawClientJobSide(jobSide, client) }));
    for (const t of JOB_SIDE_TABLES)
      yield {
        table: t.table,
        columns: t.columns,
        lines: () => sides.flatMap((r) => [...t.lines(r)]),
        clientsSoFar: done,
      };
    chunk = [];
  }
  for (const c of city.clients()) {
    chunk.push(c);
    if (chunk.length >= chunkSize) yield* flush();
  }
  if (chunk.length > 0) yield* flush();
}

// Settings for this transaction only. Assessments are the bulk of a city (a 7 KB result each):
// lz4 compresses them about twice as fast as the default pglz (a build without lz4, such as
// PGlite's, keeps pglz). A bigger GIN pending list merges name trigrams in fewer, larger passes.
export async function tuneForBulkLoad(loader: BulkLoader): Promise<void> {
  const lz4 = await loader.query(
    `select 1 as ok from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)`,
  );
  if (lz4.length > 0) await loader.query(`set local default_toast_compression = 'lz4'`);
  await loader.query(`set local gin_pending_list_limit = '32MB'`);
}

// Generates a city and loads it with COPY in one transaction: a failure leaves nothing behind.
export async function loadSyntheticCity(handle: DatabaseHandle, options: LoadCityOptions): Promise<LoadCityResult> {
  const started = performance.now();
  const city = cityAsOf(
    generateCity({ seed: options.seed, clients: options.clients, duplicateEvery: options.duplicateEvery }),
    options.today ?? systemClock(CITY_TIME_ZONE).today(),
  );

  return bulkLoad(handle, async (loader) => {
    const existing = await loader.query('select seed, clients from synthetic_loads order by created_at limit 1');
    const previous = existing[0];
    if (previous) throw new SyntheticCityExistsError(Number(previous.seed), Number(previous.clients));

    await tuneForBulkLoad(loader);
    const loaded = Object.fromEntries(CITY_TABLES.map((t) => [t, 0])) as Record<CityTable, number>;
    for (const batch of cityCopyBatches(city)) {
      const progress =
        batch.table === 'organizations' || batch.table === 'sites'
          ? (done: number) =>
              options.onProgress?.(
                batch.table,
                done,
                batch.table === 'sites' ? city.sites.length : city.organizations.length,
              )
          : undefined;
      loaded[batch.table] += await loader.copyLines(
        batch.table,
        batch.columns,
        batch.lines(),
        progress ? { onProgress: progress } : {},
      );
      if (batch.table === LAST_CLIENT_TABLE) options.onProgress?.('clients', batch.clientsSoFar, city.clientCount);
    }
    // Fresh statistics, so the first queries after a big load get sensible plans.
    await loader.query(`analyze ${CITY_TABLES.join(', ')}`);

    const durationMs = Math.round(performance.now() - started);
    await loader.query(
      'insert into synthetic_loads (seed, clients, organizations, duration_ms) values ($1, $2, $3, $4)',
      [city.seed, loaded.clients, loaded.organizations, durationMs],
    );
    return {
      seed: city.seed,
      today: city.referenceDate,
      organizations: loaded.organizations,
      sites: loaded.sites,
      clients: loaded.clients,
      durationMs,
    };
  });
}
