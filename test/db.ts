import fs from 'node:fs';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type Engine } from '../src/db/database.ts';

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
