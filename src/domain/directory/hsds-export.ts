import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { DbOrTrx } from '../../db/database.ts';
import { formatCsvField } from '../../lib/csv.ts';
import { withOrganizations } from './hsds.service.ts';
import {
  continuumTaxonomies,
  hsdsOrganization,
  hsdsService,
  HSDS_OPENAPI_URL,
  HSDS_VERSION,
  taxonomyId,
  type ContinuumTaxonomy,
} from './hsds.ts';
import {
  datapackage,
  flattenDataset,
  hsdsTableNames,
  hsdsTables,
  tableColumns,
  type HsdsTable,
} from './hsds-tables.ts';
import {
  countServices,
  selectDirectoryOrganizations,
  selectDirectorySites,
  selectServiceIdsAfter,
  selectServiceRecords,
} from './service.queries.ts';

// The whole directory as an Open Referral HSDS 3.0 dataset (docs/directory.md, "Exchange"): every
// provider with its locations and every listing, nested as the HSDS API answers (JSON), or as HSDS's
// tabular form (a folder of CSV files and its datapackage.json). What the public API leaves out stays
// out: capacity and anything about people. Written in batches, so a city's directory never sits whole in
// memory; `importHsdsDataset` reads both forms back.

type Json = Record<string, unknown>;
export type ExportFormat = 'json' | 'csv';
export type ExportSummary = {
  format: ExportFormat;
  organizations: number;
  locations: number;
  services: number;
  files: string[];
};

const BATCH = 500;

class Sink {
  private readonly stream: fs.WriteStream;
  constructor(readonly file: string) {
    this.stream = fs.createWriteStream(file, { encoding: 'utf8' });
  }
  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

async function* organizationBatches(db: DbOrTrx) {
  for (let offset = 0; ; offset += BATCH) {
    const rows = await selectDirectoryOrganizations(db, { limit: BATCH, offset });
    if (rows.length === 0) return;
    const sites = await selectDirectorySites(db, {
      organizationIds: rows.map((o) => o.id),
      limit: 1_000_000,
      offset: 0,
    });
    yield rows.map((o) =>
      hsdsOrganization(
        o,
        sites.filter((s) => s.organizationId === o.id),
      ),
    );
    if (rows.length < BATCH) return;
  }
}

async function* serviceBatches(db: DbOrTrx, today: string) {
  for (let after: string | null = null; ;) {
    const ids = await selectServiceIdsAfter(db, after, BATCH);
    if (ids.length === 0) return;
    const rows = await selectServiceRecords(db, ids);
    yield await withOrganizations(db, rows, (row, organization) => hsdsService(row, organization, today));
    after = ids[ids.length - 1]!;
  }
}

export async function exportHsdsDataset(
  db: DbOrTrx,
  options: {
    format: ExportFormat;
    out: string;
    today: string;
    now: Date;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ExportSummary> {
  const total = await countServices(db);
  let done = 0;
  const summary: ExportSummary = { format: options.format, organizations: 0, locations: 0, services: 0, files: [] };
  if (options.format === 'json') {
    const sink = new Sink(options.out);
    summary.files.push(options.out);
    await sink.write(
      `{"version":${JSON.stringify(HSDS_VERSION)},"openapi_url":${JSON.stringify(HSDS_OPENAPI_URL)},` +
        `"exported_at":${JSON.stringify(options.now.toISOString())},\n"organizations":[`,
    );
    let first = true;
    for await (const batch of organizationBatches(db)) {
      for (const o of batch) {
        await sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(o)}`);
        first = false;
        summary.organizations++;
        summary.locations += (o['locations'] as unknown[]).length;
      }
    }
    await sink.write('\n],\n"services":[');
    first = true;
    for await (const batch of serviceBatches(db, options.today)) {
      for (const s of batch) {
        await sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(s)}`);
        first = false;
      }
      summary.services += batch.length;
      done += batch.length;
      options.onProgress?.(done, total);
    }
    await sink.write('\n]}\n');
    await sink.close();
    return summary;
  }

  // The tabular form: one CSV per table, the columns of its HSDS schema, each record once.
  fs.mkdirSync(options.out, { recursive: true });
  const sinks = new Map<HsdsTable, Sink>();
  for (const table of hsdsTableNames) {
    const sink = new Sink(path.join(options.out, hsdsTables[table].file));
    sinks.set(table, sink);
    summary.files.push(sink.file);
    await sink.write(
      `${tableColumns(table)
        .map((c) => c.name)
        .join(',')}\n`,
    );
  }
  const seen = new Map<HsdsTable, Set<string>>(hsdsTableNames.map((t) => [t, new Set()]));
  const write = async (organizations: Json[], services: Json[]) => {
    for (const [table, rows] of flattenDataset(organizations, services, seen)) {
      if (rows.length === 0) continue;
      const columns = tableColumns(table);
      await sinks
        .get(table)!
        .write(
          rows
            .map(
              (r) =>
                `${columns.map((c) => formatCsvField(r[c.name] as string | number | boolean | undefined)).join(',')}\n`,
            )
            .join(''),
        );
    }
  };
  for await (const batch of organizationBatches(db)) await write(batch, []);
  for await (const batch of serviceBatches(db, options.today)) {
    await write([], batch);
    done += batch.length;
    options.onProgress?.(done, total);
  }
  // The taxonomies our attributes' terms name.
  const taxonomyColumns = tableColumns('taxonomies');
  await sinks.get('taxonomies')!.write(
    (Object.keys(continuumTaxonomies) as ContinuumTaxonomy[])
      .map((t) => {
        const row: Json = { id: taxonomyId(t), ...continuumTaxonomies[t] };
        return `${taxonomyColumns.map((c) => formatCsvField(row[c.name] as string | undefined)).join(',')}\n`;
      })
      .join(''),
  );
  for (const sink of sinks.values()) await sink.close();
  const packageFile = path.join(options.out, 'datapackage.json');
  fs.writeFileSync(packageFile, `${JSON.stringify(datapackage(hsdsTableNames, options.now.toISOString()), null, 2)}\n`);
  summary.files.push(packageFile);
  summary.organizations = seen.get('organizations')!.size;
  summary.locations = seen.get('locations')!.size;
  summary.services = seen.get('services')!.size;
  return summary;
}
