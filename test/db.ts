import fs from 'node:fs';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import crypto from 'node:crypto';
import { openDatabase, type DatabaseHandle, type Engine } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { adminQuery, withDatabase } from './engines.ts';

export type EngineContext = { engine: Engine; handle: () => DatabaseHandle };

// Runs one suite on both engines: embedded PGlite always, PostgreSQL when a server answers
// (REQUIRE_POSTGRES=1 turns a missing server into a failure in the global setup).
export function describeEachEngine(name: string, fn: (ctx: EngineContext) => void): void {
  for (const engine of ['pglite', 'postgres'] as const) {
    const postgresUrl = inject('postgresUrl');
    const skip = engine === 'postgres' && !postgresUrl;
    describe.skipIf(skip)(`${name} [${engine}]`, () => {
      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await openEngine(engine);
      });
      afterAll(async () => {
        await handle?.close();
      });
      fn({
        engine,
        handle: () => {
          if (!handle) throw new Error('database not open yet');
          return handle;
        },
      });
    });
  }
}

export async function openEngine(engine: Engine): Promise<DatabaseHandle> {
  if (engine === 'postgres') {
    const url = inject('postgresUrl');
    if (!url) throw new Error('no PostgreSQL test database');
    return openDatabase({ databaseUrl: url, poolSize: 4 });
  }
  const template = fs.readFileSync(inject('pgliteTemplate'));
  return openDatabase({ memory: true, loadDataDir: new Blob([template]) });
}

// A database no other suite writes to, for a suite that loads a city or watches every write: on
// PostgreSQL a new migrated database (dropped by `close`), on PGlite the usual in-memory copy.
export async function openIsolatedEngine(engine: Engine, prefix: string): Promise<DatabaseHandle> {
  if (engine === 'pglite') return openEngine('pglite');
  const base = inject('postgresUrl');
  if (!base) throw new Error('no PostgreSQL test database');
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  await adminQuery(base, `create database ${name}`);
  const handle = await openDatabase({ databaseUrl: withDatabase(base, name), poolSize: 4 });
  await migrate(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(base, `drop database if exists ${name} with (force)`);
    },
  };
}
