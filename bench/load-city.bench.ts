import { bulkLoad } from '../src/db/copy.ts';
import type { DatabaseHandle } from '../src/db/database.ts';
import { cityCopyTables, loadSyntheticCity } from '../src/domain/synthetic/load-city.ts';
import { generateCity } from '../src/domain/synthetic/generate-city.ts';
import { median, p95, type Row } from './stats.ts';

export type LoadBenchOptions = {
  engine: 'pglite' | 'postgres';
  clients: number;
  runs: number;
  // A fresh, migrated, empty database for each run.
  freshDatabase: () => Promise<DatabaseHandle>;
  log: (line: string) => void;
};

// The generator's load rate against a raw COPY of the very same rows, in the same run: the ratio
// shows what generating the city costs on top of the database's own bulk-load speed.
export async function benchLoadCity(options: LoadBenchOptions): Promise<Row[]> {
  const seed = 42;
  const generatorSeconds: number[] = [];
  const rawSeconds: number[] = [];
  const ratios: number[] = [];
  // The raw rows are materialized once, before any timing.
  const city = generateCity({ seed, clients: options.clients });
  const tables = cityCopyTables(city).map((t) => ({ ...t, lines: [...t.lines()] }));
  const totalRows = tables.reduce((n, t) => n + t.lines.length, 0);
  for (let run = 0; run < options.runs; run++) {
    const forGenerator = await options.freshDatabase();
    let started = performance.now();
    try {
      await loadSyntheticCity(forGenerator, { seed, clients: options.clients });
    } finally {
      await forGenerator.close();
    }
    const generator = (performance.now() - started) / 1000;

    const forRaw = await options.freshDatabase();
    started = performance.now();
    try {
      await bulkLoad(forRaw, async (loader) => {
        for (const table of tables) await loader.copyLines(table.table, table.columns, table.lines);
      });
    } finally {
      await forRaw.close();
    }
    const raw = (performance.now() - started) / 1000;
    generatorSeconds.push(generator);
    rawSeconds.push(raw);
    ratios.push(generator / raw);
    options.log(
      `  load city ${options.engine} run ${run + 1}/${options.runs}: generator ${generator.toFixed(1)} s, raw COPY ${raw.toFixed(1)} s`,
    );
  }
  const base = { bench: `load city (${options.clients.toLocaleString('en-CA')} clients)`, engine: options.engine, runs: options.runs };
  return [
    { ...base, metric: 'generator + COPY, seconds', median: median(generatorSeconds), p95: p95(generatorSeconds), unit: 's' },
    { ...base, metric: 'raw COPY of the same rows, seconds', median: median(rawSeconds), p95: p95(rawSeconds), unit: 's' },
    {
      ...base,
      metric: 'generator rows/s',
      median: totalRows / median(generatorSeconds),
      p95: totalRows / p95(generatorSeconds),
      unit: 'rows/s',
    },
    { ...base, metric: 'generator / raw COPY time', median: median(ratios), p95: p95(ratios), unit: 'ratio' },
  ];
}
