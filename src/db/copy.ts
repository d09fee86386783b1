import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseHandle } from './database.ts';

export type CopyValue = string | number | boolean | null | undefined;

const needsEscape = /[\\\t\n\r]/;

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is null.
export function encodeCopyValue(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`COPY cannot encode ${value}`);
    return String(value);
  }
  // Most values need no escaping; testing first keeps million-row loads fast.
  if (!needsEscape.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function encodeCopyRow(row: readonly CopyValue[]): string {
  return `${row.map(encodeCopyValue).join('\t')}\n`;
}

function* encodeRows(rows: Iterable<readonly CopyValue[]>): Generator<string> {
  for (const row of rows) yield encodeCopyRow(row);
}

const identifier = /^[a-z_][a-z0-9_]*$/;

function copyStatement(table: string, columns: readonly string[], source: string): string {
  for (const name of [table, ...columns]) {
    if (!identifier.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  }
  return `COPY ${table} (${columns.join(', ')}) FROM ${source}`;
}

export type CopyOptions = { onProgress?: (rowsSoFar: number) => void };

export type BulkLoader = {
  // COPY rows into a table; returns the number of rows loaded.
  copy: (
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly CopyValue[]>,
    options?: CopyOptions,
  ) => Promise<number>;
  // COPY lines already in COPY text format (each ending in a newline), e.g. a raw baseline.
  copyLines: (
    table: string,
    columns: readonly string[],
    lines: Iterable<string>,
    options?: CopyOptions,
  ) => Promise<number>;
  // A plain statement in the same transaction ($1, $2 … parameters).
  query: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
};

const CHUNK_ROWS = 50_000;

// Bulk load through COPY, all in one transaction: a crash or an error leaves nothing behind.
// This is the one engine-specific path in the data layer: node-postgres's COPY protocol is not
// supported by PGlite's adapter (it aborts the WASM runtime), so the embedded engine receives
// the same COPY text as blobs. Do not call it while holding a Kysely transaction.
export async function bulkLoad<T>(handle: DatabaseHandle, fn: (loader: BulkLoader) => Promise<T>): Promise<T> {
  if (handle.pglite) {
    return handle.pglite.transaction(async (tx) => {
      const copyLines: BulkLoader['copyLines'] = async (table, columns, lines, options = {}) => {
        const statement = copyStatement(table, columns, `'/dev/blob'`);
        let total = 0;
        let parts: string[] = [];
        const flush = async () => {
          if (parts.length === 0) return;
          await tx.query(statement, [], { blob: new Blob(parts) });
          total += parts.length;
          parts = [];
          options.onProgress?.(total);
        };
        for (const line of lines) {
          parts.push(line);
          if (parts.length >= CHUNK_ROWS) await flush();
        }
        await flush();
        return total;
      };
      return fn({
        query: async (text, params) => (await tx.query<Record<string, unknown>>(text, params ?? [])).rows,
        copyLines,
        copy: (table, columns, rows, options) => copyLines(table, columns, encodeRows(rows), options),
      });
    });
  }
  const client = await handle.pool.connect();
  try {
    await client.query('BEGIN');
    const copyLines: BulkLoader['copyLines'] = async (table, columns, lines, options = {}) => {
      let total = 0;
      async function* chunks(): AsyncGenerator<string> {
        let buffer = '';
        for (const line of lines) {
          buffer += line;
          total++;
          if (total % 1000 === 0) {
            yield buffer;
            buffer = '';
            if (total % CHUNK_ROWS === 0) options.onProgress?.(total);
          }
        }
        if (buffer) yield buffer;
      }
      await pipeline(Readable.from(chunks()), client.query(copyFrom(copyStatement(table, columns, 'STDIN'))));
      options.onProgress?.(total);
      return total;
    };
    const result = await fn({
      query: async (text, params) => (await client.query<Record<string, unknown>>(text, params ?? [])).rows,
      copyLines,
      copy: (table, columns, rows, options) => copyLines(table, columns, encodeRows(rows), options),
    });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
