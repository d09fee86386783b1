import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { instrumentPool } from './connection.ts';
import { acquireDataDirLock, DEFAULT_LOCK_TIMING, type DataDirLock, type LockTiming } from './lock.ts';

export type Engine = 'pglite' | 'postgres';
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbOrTrx = Db | Trx;

export type DatabaseHandle = {
  db: Db;
  engine: Engine;
  // Present on the embedded engine only: bulk loads use its COPY FROM '/dev/blob'.
  pglite: PGlite | undefined;
  pool: pg.Pool;
  dataDir: string | undefined;
  close: () => Promise<void>;
};

// The extensions the migrations create, bundled with PGlite (a server has them in postgresql-contrib).
export const pgliteExtensions = { pg_trgm };

// PGlite 0.5 embeds PostgreSQL 18; a data directory belongs to one major version.
export const EMBEDDED_PG_MAJOR = 18;
// The package does not export its package.json, so read it beside its entry point.
export const PGLITE_VERSION: string = (
  JSON.parse(
    fs.readFileSync(
      path.join(path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json'),
      'utf8',
    ),
  ) as { version: string }
).version;

const MARKER_FILE = 'continuum.json';
export type DataDirMarker = {
  format: 1;
  pgliteVersion: string;
  pgMajor: number;
  createdAt: string;
  // The first start's demo (a small city and its demo accounts): `pending` from the moment an empty
  // directory is first started until both are committed, so a start killed half-way finishes the
  // job on the next start. Absent: no first-start demo is owed.
  firstStartDemo?: 'pending' | 'done';
};

export class DataDirError extends Error {}

// bigint counts and numerics come back as strings by default; ids are uuids, so numbers are safe.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// Dates (no time) stay 'YYYY-MM-DD' strings: converting to a JS Date would shift them by time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export function pgDataPath(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

export function readMarker(dataDir: string): DataDirMarker | undefined {
  const file = path.join(dataDir, MARKER_FILE);
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DataDirMarker;
  } catch {
    throw new DataDirError(`${file} is not valid JSON: the data directory looks damaged. Nothing was changed.`);
  }
}

export function writeMarker(dataDir: string, changes: Partial<DataDirMarker> = {}): void {
  const marker: DataDirMarker = {
    format: 1,
    pgliteVersion: PGLITE_VERSION,
    pgMajor: EMBEDDED_PG_MAJOR,
    createdAt: new Date().toISOString(),
    ...readMarkerQuietly(dataDir),
    ...changes,
  };
  // Written aside and renamed: a crash leaves the old marker or the new one, never half of one.
  const file = path.join(dataDir, MARKER_FILE);
  const temporary = `${file}.${process.pid}.partial`;
  const fd = fs.openSync(temporary, 'w', 0o644);
  try {
    fs.writeSync(fd, `${JSON.stringify(marker, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

function readMarkerQuietly(dataDir: string): DataDirMarker | undefined {
  try {
    return readMarker(dataDir);
  } catch {
    return undefined;
  }
}

// Checks a data directory before anything opens it, so a foreign or damaged one is never overwritten.
export function inspectDataDir(dataDir: string): 'empty' | 'existing' {
  if (!fs.existsSync(dataDir)) return 'empty';
  if (!fs.statSync(dataDir).isDirectory()) throw new DataDirError(`${dataDir} exists and is not a directory.`);
  // The lock, the secrets key and delivered mail may sit in the directory before any database does.
  const entries = fs.readdirSync(dataDir).filter((e) => e !== 'continuum.lock' && e !== 'secrets.key' && e !== 'mail');
  if (entries.length === 0) return 'empty';
  const marker = readMarker(dataDir);
  if (!marker) {
    throw new DataDirError(
      `${dataDir} is not empty and is not a Continuum data directory (no ${MARKER_FILE}). ` +
        'Nothing was changed: set CONTINUUM_DATA_DIR to an empty or new directory.',
    );
  }
  if (marker.pgMajor !== EMBEDDED_PG_MAJOR) {
    throw new DataDirError(
      `${dataDir} holds a PostgreSQL ${marker.pgMajor} database (PGlite ${marker.pgliteVersion}); ` +
        `this Continuum embeds PostgreSQL ${EMBEDDED_PG_MAJOR} (PGlite ${PGLITE_VERSION}). Nothing was changed.`,
    );
  }
  const versionFile = path.join(pgDataPath(dataDir), 'PG_VERSION');
  if (!fs.existsSync(versionFile)) {
    throw new DataDirError(`${dataDir} has no database files (${versionFile} is missing). Nothing was changed.`);
  }
  const major = Number(fs.readFileSync(versionFile, 'utf8').trim());
  if (major !== EMBEDDED_PG_MAJOR) {
    throw new DataDirError(
      `${dataDir} holds PostgreSQL ${major} files; this Continuum embeds PostgreSQL ${EMBEDDED_PG_MAJOR}. Nothing was changed.`,
    );
  }
  return 'existing';
}

function createKysely(pool: pg.Pool): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

export type OpenOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  // For the lock file: which command holds the directory.
  command?: string;
  poolSize?: number;
  // Embedded only: an in-memory database (tests), or one loaded from a dump.
  memory?: boolean;
  loadDataDir?: Blob | File;
  // The lock's heartbeat and when it is stale (src/db/lock.ts); tests shorten them.
  lockTiming?: LockTiming;
};

// While the lock of another host goes stale, the person starting is told why nothing happens yet.
const lockTiming: LockTiming = { ...DEFAULT_LOCK_TIMING, onWait: (message) => console.error(`continuum: ${message}`) };

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    // No JIT compilation: the product's statements are short, and JIT's compile time (tens of
    // milliseconds, once a plan's estimated cost passes jit_above_cost) outweighs any gain on them
    // (docs/database.md). A deployment can still turn it on per role or database.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: '-c jit=off',
    });
    instrumentPool(pool);
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const db = createKysely(pool);
    return { db, engine: 'postgres', pglite: undefined, pool, dataDir: undefined, close: () => db.destroy() };
  }
  if (options.memory) {
    const pglite = await PGlite.create({
      extensions: pgliteExtensions,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    return embeddedHandle(pglite, undefined, undefined);
  }
  const dataDir = options.dataDir;
  if (!dataDir) throw new DataDirError('Either DATABASE_URL or a data directory is required.');
  const state = inspectDataDir(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(dataDir, options.command ?? 'continuum', options.lockTiming ?? lockTiming);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir: pgDataPath(dataDir),
      extensions: pgliteExtensions,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    if (state === 'empty') writeMarker(dataDir);
  } catch (error) {
    lock.release();
    throw new DataDirError(
      `The embedded database in ${dataDir} could not be opened (${(error as Error).message}). ` +
        'Nothing was changed; restore a backup with `continuum restore` if the directory is damaged.',
    );
  }
  return embeddedHandle(pglite, dataDir, lock);
}

function embeddedHandle(pglite: PGlite, dataDir: string | undefined, lock: DataDirLock | undefined): DatabaseHandle {
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  instrumentPool(pool);
  const db = createKysely(pool);
  let closed = false;
  return {
    db,
    engine: 'pglite',
    pglite,
    pool,
    dataDir,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      await pglite.close();
      lock?.release();
    },
  };
}

export function withTransaction<T>(db: Db, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

// A sweep over rows claimed in batches (each claim with SKIP LOCKED, so several server processes may
// sweep at once): each batch in a transaction of its own, until a batch comes back short. `claim`
// does one batch's work and says how many rows it claimed. Returns the total.
export async function sweepInBatches(db: Db, batch: number, claim: (trx: Trx) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const claimed = await withTransaction(db, claim);
    total += claimed;
    if (claimed < batch) return total;
  }
}

export async function pingDatabase(db: Db): Promise<{ ok: boolean; latencyMs: number; version?: string }> {
  const started = performance.now();
  try {
    const { rows } = await sql<{ version: string }>`select current_setting('server_version') as version`.execute(db);
    return { ok: true, latencyMs: performance.now() - started, version: rows[0]?.version };
  } catch {
    return { ok: false, latencyMs: performance.now() - started };
  }
}

// Bulk loads leave WAL behind on the embedded engine (≈400 MB after a million rows); a checkpoint reclaims it.
// The directory's listings are vacuumed too: the search reads its covering index alone only on pages
// vacuum has marked all-visible (migration 0026), and the embedded engine runs no autovacuum.
export async function checkpointAfterBulkLoad(handle: DatabaseHandle): Promise<void> {
  await sql`vacuum (analyze) services`.execute(handle.db);
  if (handle.engine === 'pglite') await sql`checkpoint`.execute(handle.db);
}
