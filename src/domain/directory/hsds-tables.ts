import fs from 'node:fs';

// HSDS 3.0's tabular form (its CSV "datapackage"): one table per kind of record, linked by id columns.
// The columns of each table are the scalar members of its modular JSON Schema, in the schema's order, so
// the files we write and the files we read follow the specification, not a list of our own.
// `flattenDataset` turns nested HSDS records (as the API answers) into tables; `assembleDataset` does the
// reverse, typing each cell as its schema says (a CSV cell is text; HSDS's numbers are numbers).

type Json = Record<string, unknown>;

const SCHEMA_DIR = new URL('../../../vendor/hsds-3.0/schema/', import.meta.url);

// The tables Continuum reads and writes: file name, schema file, and the nested member that holds them.
export const hsdsTables = {
  organizations: { file: 'organizations.csv', schema: 'organization.json' },
  locations: { file: 'locations.csv', schema: 'location.json' },
  addresses: { file: 'addresses.csv', schema: 'address.json' },
  accessibility: { file: 'accessibility.csv', schema: 'accessibility.json' },
  services: { file: 'services.csv', schema: 'service.json' },
  service_at_location: { file: 'service_at_location.csv', schema: 'service_at_location.json' },
  phones: { file: 'phones.csv', schema: 'phone.json' },
  schedules: { file: 'schedules.csv', schema: 'schedule.json' },
  languages: { file: 'languages.csv', schema: 'language.json' },
  contacts: { file: 'contacts.csv', schema: 'contact.json' },
  funding: { file: 'funding.csv', schema: 'funding.json' },
  attributes: { file: 'attributes.csv', schema: 'attribute.json' },
  taxonomy_terms: { file: 'taxonomy_terms.csv', schema: 'taxonomy_term.json' },
  taxonomies: { file: 'taxonomies.csv', schema: 'taxonomy.json' },
  metadata: { file: 'metadata.csv', schema: 'metadata.json' },
} as const;
export type HsdsTable = keyof typeof hsdsTables;
export const hsdsTableNames = Object.keys(hsdsTables) as HsdsTable[];

type Column = { name: string; type: 'string' | 'number' | 'integer' | 'boolean'; required: boolean };
const columnCache = new Map<HsdsTable, Column[]>();

export function tableColumns(table: HsdsTable): Column[] {
  const cached = columnCache.get(table);
  if (cached) return cached;
  const schema = JSON.parse(fs.readFileSync(new URL(hsdsTables[table].schema, SCHEMA_DIR), 'utf8')) as {
    properties: Record<string, { type?: string }>;
    required?: string[];
  };
  const required = new Set(schema.required ?? []);
  const columns = Object.entries(schema.properties).flatMap(([name, p]): Column[] =>
    p.type === 'string' || p.type === 'number' || p.type === 'integer' || p.type === 'boolean'
      ? [{ name, type: p.type, required: required.has(name) }]
      : [],
  );
  columnCache.set(table, columns);
  return columns;
}

// Which table a nested member's records go to.
const nestedTables: Record<string, HsdsTable> = {
  locations: 'locations',
  location: 'locations',
  addresses: 'addresses',
  accessibility: 'accessibility',
  service_at_locations: 'service_at_location',
  phones: 'phones',
  schedules: 'schedules',
  languages: 'languages',
  contacts: 'contacts',
  funding: 'funding',
  attributes: 'attributes',
  taxonomy_term: 'taxonomy_terms',
  taxonomy_detail: 'taxonomies',
  metadata: 'metadata',
};

export type Tables = Map<HsdsTable, Json[]>;

// Nested records to tables. A record met twice (a location under two services) is written once; a
// nested record's link to its parent is already in its own id columns (HSDS nests with them set).
// `seen` carries the ids already written across calls, for a dataset flattened in batches.
export function flattenDataset(
  organizations: readonly Json[],
  services: readonly Json[],
  seen: Map<HsdsTable, Set<string>> = new Map(hsdsTableNames.map((t) => [t, new Set()])),
): Tables {
  const tables: Tables = new Map(hsdsTableNames.map((t) => [t, []]));
  const visit = (table: HsdsTable, record: Json, parent?: { key: string; id: string }) => {
    const id = String(record['id']);
    const columns = tableColumns(table);
    const row: Json = {};
    for (const column of columns) if (record[column.name] !== undefined) row[column.name] = record[column.name];
    // A member nested under its parent without the parent's id column (an attribute's term under its
    // attribute, say) gets it from the nesting.
    if (parent && columns.some((c) => c.name === parent.key) && row[parent.key] === undefined)
      row[parent.key] = parent.id;
    if (!seen.get(table)!.has(id)) {
      seen.get(table)!.add(id);
      tables.get(table)!.push(row);
    }
    for (const [key, value] of Object.entries(record)) {
      const nested = nestedTables[key];
      if (!nested) continue;
      const children = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
      for (const child of children as Json[]) visit(nested, child, { key: `${singular(table)}_id`, id });
    }
  };
  for (const o of organizations) visit('organizations', o);
  for (const s of services) {
    const { organization: _organization, ...rest } = s;
    visit('services', rest);
  }
  return tables;
}

const singular = (table: HsdsTable) =>
  table === 'taxonomies' ? 'taxonomy' : table === 'accessibility' ? 'accessibility' : table.replace(/s$/, '');

// A CSV cell as its column's JSON type: blank is absent, except in a required text column (where HSDS
// writes an empty string, as metadata's previous_value); a number that does not read as one stays text,
// so validation says what is wrong with it.
function typed(value: string, column: Pick<Column, 'type' | 'required'>): unknown {
  const { type } = column;
  if (value === '') return type === 'string' && column.required ? '' : undefined;
  if (type === 'number' || type === 'integer') {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

export type RawTable = { header: string[]; rows: string[][] };

export function typedRows(table: HsdsTable, raw: RawTable): Json[] {
  const columns = new Map(tableColumns(table).map((c) => [c.name, c]));
  return raw.rows.map((cells) => {
    const record: Json = {};
    raw.header.forEach((name, i) => {
      const value = typed(cells[i] ?? '', columns.get(name) ?? { type: 'string', required: false });
      if (value !== undefined) record[name] = value;
    });
    return record;
  });
}

// Tables to nested records, the way the HSDS API nests them: a service with its phones, schedules,
// languages, contacts (and their phones), funding, attributes (and their terms), metadata and places
// (service_at_location with its location, addresses and accessibility); an organization with its phones
// and locations. Records that link to nothing are left where they are (the caller may report them).
export function assembleDataset(tables: Map<HsdsTable, Json[]>): { organizations: Json[]; services: Json[] } {
  const rows = (t: HsdsTable) => tables.get(t) ?? [];
  const by = (t: HsdsTable, key: string) => {
    const index = new Map<string, Json[]>();
    for (const row of rows(t)) {
      const k = row[key];
      if (typeof k !== 'string') continue;
      const list = index.get(k) ?? [];
      list.push(row);
      index.set(k, list);
    }
    return (id: unknown) => (typeof id === 'string' ? (index.get(id) ?? []) : []);
  };
  const taxonomies = new Map(rows('taxonomies').map((t) => [t['id'], t]));
  const terms = new Map(
    rows('taxonomy_terms').map((t) => {
      const detail = taxonomies.get(t['taxonomy_id']);
      return [t['id'], detail ? { ...t, taxonomy_detail: detail } : t];
    }),
  );
  const phonesOf = {
    organization: by('phones', 'organization_id'),
    service: by('phones', 'service_id'),
    contact: by('phones', 'contact_id'),
  };
  const addressesOf = by('addresses', 'location_id');
  const accessibilityOf = by('accessibility', 'location_id');
  const metadataOf = by('metadata', 'resource_id');
  const locations = new Map(
    rows('locations').map((l) => [
      l['id'],
      { ...l, addresses: addressesOf(l['id']), accessibility: accessibilityOf(l['id']), metadata: metadataOf(l['id']) },
    ]),
  );
  const locationsOf = by('locations', 'organization_id');
  const contactsOf = by('contacts', 'service_id');
  const attributesOf = by('attributes', 'link_id');
  const placesOf = by('service_at_location', 'service_id');
  const schedulesOf = by('schedules', 'service_id');
  const languagesOf = by('languages', 'service_id');
  const fundingOf = by('funding', 'service_id');

  const withTerms = (a: Json) => {
    const term = terms.get(a['taxonomy_term_id']);
    return term ? { ...a, taxonomy_term: term } : a;
  };
  const organizations = rows('organizations').map((o) => ({
    ...o,
    attributes: attributesOf(o['id']).map(withTerms),
    phones: phonesOf.organization(o['id']),
    locations: locationsOf(o['id']).map((l) => locations.get(l['id'])),
    metadata: metadataOf(o['id']),
  }));
  const services = rows('services').map((s) => ({
    ...s,
    phones: phonesOf.service(s['id']),
    schedules: schedulesOf(s['id']),
    languages: languagesOf(s['id']),
    contacts: contactsOf(s['id']).map((c) => ({ ...c, phones: phonesOf.contact(c['id']) })),
    funding: fundingOf(s['id']),
    attributes: attributesOf(s['id']).map(withTerms),
    metadata: metadataOf(s['id']),
    service_at_locations: placesOf(s['id']).map((p) => {
      const location = locations.get(p['location_id']);
      return location ? { ...p, location } : p;
    }),
  }));
  return { organizations, services };
}

// The datapackage.json that describes the tables we write (Frictionless Data Package).
export function datapackage(tables: readonly HsdsTable[], exportedAt: string): Json {
  return {
    name: 'continuum-directory',
    title: 'Continuum directory of workforce programs (Open Referral HSDS 3.0)',
    profile: 'tabular-data-package',
    created: exportedAt,
    licenses: [{ name: 'CC-BY-SA-4.0', title: 'Creative Commons Attribution-ShareAlike 4.0 (the HSDS model)' }],
    resources: tables.map((t) => ({
      name: t,
      path: hsdsTables[t].file,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: tableColumns(t).map((c) => ({ name: c.name, type: c.type === 'integer' ? 'integer' : c.type })),
      },
    })),
  };
}
