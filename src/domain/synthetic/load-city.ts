import { bulkLoad, encodeCopyRow } from '../../db/copy.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import type { SyntheticCity, SyntheticClient, SyntheticOrganization, SyntheticSite } from './city.ts';
import { generateCity } from './generate-city.ts';

export type CityTable = 'organizations' | 'sites' | 'clients' | 'client_equity';

export type LoadCityOptions = {
  seed: number;
  clients: number;
  // phase: the table being loaded.
  onProgress?: (phase: CityTable, done: number, total: number) => void;
};

export type LoadCityResult = {
  seed: number;
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

const ORGANIZATION_COLUMNS = ['id', 'name', 'name_fr', 'type', 'website', 'phone', 'email', 'offers_french'] as const;
const SITE_COLUMNS = [
  'id',
  'organization_id',
  'name',
  'street_address',
  'city',
  'province',
  'postal_code',
  'neighbourhood_id',
  'latitude',
  'longitude',
  'wheelchair_accessible',
] as const;
const CLIENT_COLUMNS = [
  'id',
  'organization_id',
  'given_name',
  'family_name',
  'date_of_birth',
  'preferred_language',
  'postal_code',
  'neighbourhood_id',
  'education_level',
  'income_source',
] as const;
const EQUITY_COLUMNS = ['client_id', 'newcomer', 'arrival_year', 'disability', 'francophone'] as const;

function organizationLine(o: SyntheticOrganization): string {
  return encodeCopyRow([o.id, o.name, o.nameFr, o.type, o.website, o.phone, o.email, o.offersFrench]);
}

function siteLine(s: SyntheticSite): string {
  return encodeCopyRow([
    s.id,
    s.organizationId,
    s.name,
    s.streetAddress,
    s.city,
    s.province,
    s.postalCode,
    s.neighbourhoodId,
    s.latitude,
    s.longitude,
    s.wheelchairAccessible,
  ]);
}

// Clients are the million-row hot path, so their COPY lines are written directly instead of
// through encodeCopyRow's per-value escaping: no generated value contains a tab, newline,
// carriage return or backslash (synthetic.test.ts checks these lines against encodeCopyRow).
export function clientCopyLine(c: SyntheticClient): string {
  return (
    `${c.id}\t${c.organizationId}\t${c.givenName}\t${c.familyName}\t${c.dateOfBirth}\t${c.preferredLanguage}\t` +
    `${c.postalCode}\t${c.neighbourhoodId}\t${c.educationLevel}\t${c.incomeSource}\n`
  );
}

export function clientEquityCopyLine(c: SyntheticClient): string {
  const e = c.equity;
  return `${c.id}\t${e.newcomer ? 't' : 'f'}\t${e.arrivalYear ?? '\\N'}\t${e.disability ? 't' : 'f'}\t${e.francophone ? 't' : 'f'}\n`;
}

function* lines<T>(items: Iterable<T>, toLine: (item: T) => string): Generator<string, void, undefined> {
  for (const item of items) yield toLine(item);
}

export type CityCopyTable = {
  table: CityTable;
  columns: readonly string[];
  rows: number;
  // A fresh pass over the table's COPY text lines on each call.
  lines: () => Iterable<string>;
};

// The city as COPY input, in load order (parents before children). Clients are generated twice
// (once for clients, once for client_equity) rather than held in memory; generation is
// deterministic, so both passes agree.
export function cityCopyTables(city: SyntheticCity): CityCopyTable[] {
  return [
    {
      table: 'organizations',
      columns: ORGANIZATION_COLUMNS,
      rows: city.organizations.length,
      lines: () => lines(city.organizations, organizationLine),
    },
    { table: 'sites', columns: SITE_COLUMNS, rows: city.sites.length, lines: () => lines(city.sites, siteLine) },
    { table: 'clients', columns: CLIENT_COLUMNS, rows: city.clientCount, lines: () => lines(city.clients(), clientCopyLine) },
    {
      table: 'client_equity',
      columns: EQUITY_COLUMNS,
      rows: city.clientCount,
      lines: () => lines(city.clients(), clientEquityCopyLine),
    },
  ];
}

// Generates a city and loads it with COPY in one transaction: a failure leaves nothing behind.
export async function loadSyntheticCity(handle: DatabaseHandle, options: LoadCityOptions): Promise<LoadCityResult> {
  const started = performance.now();
  const city = generateCity({ seed: options.seed, clients: options.clients });

  return bulkLoad(handle, async (loader) => {
    const existing = await loader.query('select seed, clients from synthetic_loads order by created_at limit 1');
    const previous = existing[0];
    if (previous) throw new SyntheticCityExistsError(Number(previous.seed), Number(previous.clients));

    const loaded = {} as Record<CityTable, number>;
    for (const t of cityCopyTables(city)) {
      loaded[t.table] = await loader.copyLines(t.table, t.columns, t.lines(), {
        onProgress: (done) => options.onProgress?.(t.table, done, t.rows),
      });
    }
    // Fresh statistics, so the first queries after a big load get sensible plans.
    await loader.query('analyze organizations, sites, clients, client_equity');

    const durationMs = Math.round(performance.now() - started);
    await loader.query(
      'insert into synthetic_loads (seed, clients, organizations, duration_ms) values ($1, $2, $3, $4)',
      [city.seed, loaded.clients, loaded.organizations, durationMs],
    );
    return {
      seed: city.seed,
      organizations: loaded.organizations,
      sites: loaded.sites,
      clients: loaded.clients,
      durationMs,
    };
  });
}
