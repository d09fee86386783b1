import fs from 'node:fs';
import path from 'node:path';
import { bulkLoad } from '../src/db/copy.ts';
import type { DatabaseHandle } from '../src/db/database.ts';
import { cityCopyBatches, loadSyntheticCity, tuneForBulkLoad } from '../src/synthetic/load-city.ts';
import { cityAsOf } from '../src/synthetic/city-as-of.ts';
import { CITY_TIME_ZONE } from '../src/synthetic/distributions.ts';
import { generateCity } from '../src/synthetic/generate-city.ts';
import { systemClock } from '../src/lib/clock.ts';
import { median, p95, type Row } from './stats.ts';

export type LoadBenchOptions = {
  engine: 'pglite' | 'postgres';
  clients: number;
  runs: number;
  // A fresh, migrated, empty database for each run.
  freshDatabase: () => Promise<DatabaseHandle>;
  log: (line: string) => void;
};

type SpilledBatch = { table: string; columns: readonly string[]; offset: number; bytes: number; lines: number };

// The COPY text of the whole city, generated before any timing and kept on disk (a million clients
// with their assessments are about 10 GB of text, more than a process holds), batch by batch in
// load order, so the raw run repeats the generator's COPY statements without generating anything.
function spill(clients: number, seed: number, today: string, file: string): { batches: SpilledBatch[]; rows: number } {
  const fd = fs.openSync(file, 'w');
  const batches: SpilledBatch[] = [];
  let offset = 0;
  let rows = 0;
  try {
    for (const batch of cityCopyBatches(cityAsOf(generateCity({ seed, clients }), today))) {
      const lines = [...batch.lines()];
      const buffer = Buffer.from(lines.join(''), 'utf8');
      fs.writeSync(fd, buffer);
      batches.push({ table: batch.table, columns: batch.columns, offset, bytes: buffer.length, lines: lines.length });
      offset += buffer.length;
      rows += lines.length;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { batches, rows };
}

// The generator's load rate against a raw COPY of the very same rows, in the same run: the ratio
// shows what generating the city (and scoring its assessments) costs on top of the database's own
// bulk-load speed. Both use the same session settings (tuneForBulkLoad).
export async function benchLoadCity(options: LoadBenchOptions): Promise<Row[]> {
  const seed = 42;
  // One load day for every run and the raw rows, so all load the very same rows.
  const today = systemClock(CITY_TIME_ZONE).today();
  const generatorSeconds: number[] = [];
  const rawSeconds: number[] = [];
  const ratios: number[] = [];
  const file = path.resolve(`.tmp/bench-raw-copy-${process.pid}.txt`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { batches, rows: totalRows } = spill(options.clients, seed, today, file);
  try {
    for (let run = 0; run < options.runs; run++) {
      const forGenerator = await options.freshDatabase();
      let started = performance.now();
      try {
        await loadSyntheticCity(forGenerator, { seed, clients: options.clients, today });
      } finally {
        await forGenerator.close();
      }
      const generator = (performance.now() - started) / 1000;

      const forRaw = await options.freshDatabase();
      const fd = fs.openSync(file, 'r');
      started = performance.now();
      try {
        await bulkLoad(forRaw, async (loader) => {
          await tuneForBulkLoad(loader);
          for (const b of batches) {
            const buffer = Buffer.alloc(b.bytes);
            fs.readSync(fd, buffer, 0, b.bytes, b.offset);
            await loader.copyLines(b.table, b.columns, [buffer.toString('utf8')]);
          }
        });
      } finally {
        fs.closeSync(fd);
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
  } finally {
    fs.rmSync(file, { force: true });
  }
  const base = {
    bench: `load city (${options.clients.toLocaleString('en-CA')} clients)`,
    engine: options.engine,
    runs: options.runs,
  };
  return [
    {
      ...base,
      metric: 'generator + COPY, seconds',
      median: median(generatorSeconds),
      p95: p95(generatorSeconds),
      unit: 's',
    },
    {
      ...base,
      metric: 'raw COPY of the same rows, seconds',
      median: median(rawSeconds),
      p95: p95(rawSeconds),
      unit: 's',
    },
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
