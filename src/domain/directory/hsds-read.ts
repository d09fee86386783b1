import fs from 'node:fs';
import path from 'node:path';
import { CsvError, parseCsv } from '../../lib/csv.ts';
import { assembleDataset, hsdsTableNames, hsdsTables, typedRows, type HsdsTable } from './hsds-tables.ts';

// Reading an Open Referral HSDS 3.0 dataset (docs/directory.md, "Exchange"): JSON (organizations and
// services nested as the HSDS API answers them: one record, a list, an API page, the tabular form as
// JSON, or our export's {organizations, services}) or a folder of HSDS CSV files, with or without its
// datapackage.json. Records come out nested, whatever form they came in; `importHsdsDataset` takes them.

export type Json = Record<string, unknown>;

export type HsdsDataset = {
  format: 'json' | 'csv';
  organizations: Json[];
  services: Json[];
  // Records of a kind the import does not take, or files it could not read: rejected as they are.
  unreadable: { kind: 'record' | 'file'; record: string; reason: string }[];
};

export class HsdsSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HsdsSourceError';
  }
}

// --- Reading a dataset -------------------------------------------------------------------------------

export function readHsdsDataset(source: string): HsdsDataset {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch (error) {
    throw new HsdsSourceError(`Cannot read ${source}: ${(error as Error).message}`);
  }
  if (stat.isDirectory()) return readCsvFolder(source);
  if (path.basename(source) === 'datapackage.json') return readCsvFolder(path.dirname(source));
  const text = fs.readFileSync(source, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new HsdsSourceError(
      `${source} is not JSON (${(error as Error).message}). Give an HSDS JSON file or a folder of HSDS CSV files.`,
    );
  }
  return collectJson(parsed);
}

// Marks an organization the dataset only refers to (by a location's organization_id).
export const REFERENCE = '__continuum_reference';

export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function collectJson(parsed: unknown): HsdsDataset {
  const dataset: HsdsDataset = { format: 'json', organizations: [], services: [], unreadable: [] };
  const organizations = new Map<string, Json>();
  const nestedOrganizations = new Map<string, Json>();
  const looseLocations: Json[] = [];
  const add = (item: unknown, index: string, kind?: 'organization' | 'service') => {
    if (!isObject(item)) {
      dataset.unreadable.push({ kind: 'record', record: index, reason: 'not an object' });
      return;
    }
    if (kind === 'service') {
      dataset.services.push(item);
      if (isObject(item['organization']) && typeof item['organization']['id'] === 'string')
        nestedOrganizations.set(item['organization']['id'], item['organization']);
    } else if (kind === 'organization') {
      const { services, ...organization } = item;
      if (Array.isArray(services))
        for (const s of services)
          add(isObject(s) ? { organization_id: organization['id'], ...s } : s, `${index}.services`, 'service');
      organizations.set(String(organization['id']), organization);
    } else if ('location_type' in item) {
      looseLocations.push(item);
    } else if (('service_id' in item || 'service' in item) && ('location_id' in item || 'location' in item)) {
      // A service at a location (HSDS service_at_location_full): its service, with this place.
      const { service, ...place } = item;
      if (isObject(service))
        add({ ...service, service_at_locations: [{ ...place, service_id: service['id'] }] }, index);
      else
        dataset.unreadable.push({
          kind: 'record',
          record: typeof item['id'] === 'string' ? item['id'] : index,
          reason: 'a service_at_location without its service: import it within its service',
        });
    } else if (
      !organizationKeys.some((k) => k in item) &&
      ['taxonomy', 'taxonomy_id', 'term_uri', 'code', 'parent_id', 'version'].some((k) => k in item)
    ) {
      dataset.unreadable.push({
        kind: 'record',
        record: typeof item['id'] === 'string' ? item['id'] : index,
        reason: 'a taxonomy or taxonomy term on its own: the directory takes terms as attributes of a service',
      });
    } else if ('status' in item || 'service_at_locations' in item) {
      add(item, index, 'service');
    } else if ('description' in item || organizationKeys.some((k) => k in item)) {
      add(item, index, 'organization');
    } else {
      dataset.unreadable.push({
        kind: 'record',
        record: typeof item['id'] === 'string' ? item['id'] : index,
        reason: 'neither an HSDS organization, service nor location',
      });
    }
  };
  const addAll = (list: unknown, label: string, kind?: 'organization' | 'service') => {
    if (!Array.isArray(list)) throw new HsdsSourceError(`${label} is not a list.`);
    list.forEach((item, i) => add(item, `${label}[${i}]`, kind));
  };
  if (isObject(parsed) && Object.keys(parsed).some((k) => k.endsWith('.csv'))) return collectTabularJson(parsed);
  if (Array.isArray(parsed)) addAll(parsed, 'records');
  else if (isObject(parsed) && Array.isArray(parsed['contents'])) addAll(parsed['contents'], 'contents');
  else if (isObject(parsed) && !('id' in parsed) && ('organizations' in parsed || 'services' in parsed)) {
    if (parsed['organizations'] !== undefined) addAll(parsed['organizations'], 'organizations', 'organization');
    if (parsed['services'] !== undefined) addAll(parsed['services'], 'services', 'service');
  } else if (isObject(parsed)) add(parsed, 'record');
  else throw new HsdsSourceError('The JSON holds no HSDS records (give an object, a list or an HSDS page).');

  // An organization nested in a service stands for itself when the dataset has no record of it.
  for (const [id, o] of nestedOrganizations) if (!organizations.has(id)) organizations.set(id, o);
  // A location given on its own belongs to its organization: the dataset's record of it, else the
  // directory's (a reference that changes nothing of the organization).
  for (const location of looseLocations) {
    const organizationId = typeof location['organization_id'] === 'string' ? location['organization_id'] : undefined;
    if (!organizationId) {
      dataset.unreadable.push({
        kind: 'record',
        record: String(location['id'] ?? 'location'),
        reason: 'a location on its own that names no organization (organization_id): import it within its organization',
      });
      continue;
    }
    const owner = organizations.get(organizationId) ?? { id: organizationId, [REFERENCE]: true };
    owner['locations'] = [...(Array.isArray(owner['locations']) ? owner['locations'] : []), location];
    organizations.set(organizationId, owner);
  }
  dataset.organizations = [...organizations.values()];
  return dataset;
}

const organizationKeys = [
  'email',
  'website',
  'tax_status',
  'tax_id',
  'year_incorporated',
  'legal_status',
  'logo',
  'parent_organization_id',
  'funding',
  'phones',
  'locations',
  'programs',
  'organization_identifiers',
  'services',
];

// The tabular form written as JSON (HSDS's tabular.json example): each table's rows under its file name.
function collectTabularJson(parsed: Json): HsdsDataset {
  const tables = new Map<HsdsTable, Json[]>();
  for (const [file, rows] of Object.entries(parsed)) {
    const table = hsdsTableNames.find((t) => hsdsTables[t].file === file);
    if (!table || !Array.isArray(rows)) continue;
    // Cells of a table, as in its CSV form: typed by the column's schema, whatever JSON type they came in.
    const records = rows.filter(isObject);
    const header = [...new Set(records.flatMap((r) => Object.keys(r)))];
    const cell = (v: unknown) =>
      v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    tables.set(table, typedRows(table, { header, rows: records.map((r) => header.map((h) => cell(r[h]))) }));
  }
  return { format: 'json', ...assembleDataset(tables), unreadable: [] };
}

function readCsvFolder(folder: string): HsdsDataset {
  // The tables the package names (datapackage.json), else the HSDS file names present in the folder.
  const files = new Map<HsdsTable, string>();
  const packageFile = path.join(folder, 'datapackage.json');
  let described = false;
  if (fs.existsSync(packageFile)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(packageFile, 'utf8')) as {
        resources?: { name?: string; path?: string }[];
      };
      for (const resource of pkg.resources ?? []) {
        const table = hsdsTableNames.find(
          (t) => t === resource.name || hsdsTables[t].file === path.basename(resource.path ?? ''),
        );
        if (table && resource.path) files.set(table, path.join(folder, resource.path));
      }
      described = Array.isArray(pkg.resources);
    } catch {
      // Not a usable package description (the official example's is a bare link): read the files by name.
    }
  }
  if (!described)
    for (const table of hsdsTableNames) {
      const file = path.join(folder, hsdsTables[table].file);
      if (fs.existsSync(file)) files.set(table, file);
    }
  if (!files.has('services') && !files.has('organizations'))
    throw new HsdsSourceError(
      `${folder} holds neither services.csv nor organizations.csv: not an HSDS tabular dataset.`,
    );
  const tables = new Map<HsdsTable, Json[]>();
  const unreadable: HsdsDataset['unreadable'] = [];
  for (const [table, file] of files) {
    try {
      const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8')).filter((r) => r.some((c) => c !== ''));
      tables.set(table, header ? typedRows(table, { header, rows }) : []);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      unreadable.push({ kind: 'file', record: path.basename(file), reason: `not readable as CSV: ${error.message}` });
    }
  }
  const { organizations, services } = assembleDataset(tables);
  return { format: 'csv', organizations, services, unreadable };
}
