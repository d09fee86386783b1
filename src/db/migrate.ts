import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export type Migration = { version: number; name: string; file: string; sql: string; checksum: string };
export type MigrationResult = { applied: Migration[]; alreadyApplied: number };

export class MigrationError extends Error {}

// Any fixed number works; it keeps two starting servers from migrating at once.
const MIGRATION_LOCK_KEY = 7_243_001;

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const seen = new Set<number>();
  return files.map((file) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new MigrationError(`Migration file ${file} must be named NNNN_verb_noun.sql`);
    const version = Number(match[1]);
    if (seen.has(version)) throw new MigrationError(`Two migrations share the number ${match[1]}`);
    seen.add(version);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const checksum = crypto.createHash('sha256').update(text).digest('hex');
    return { version, name: match[2] ?? file, file, sql: text, checksum };
  });
}

// Forward-only: applies what is missing, each migration in its own transaction, and refuses to
// run if an applied migration's file has changed since (migrations are never edited once merged).
export async function migrate(
  db: Db,
  options: { dir?: string; onApply?: (m: Migration) => void } = {},
): Promise<MigrationResult> {
  const migrations = listMigrations(options.dir);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`.execute(conn);
      const rows = await conn.selectFrom('schemaMigrations').select(['version', 'name', 'checksum']).execute();
      const applied = new Map(rows.map((r) => [r.version, r]));
      for (const m of migrations) {
        const done = applied.get(m.version);
        if (done && done.checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.file} was changed after it was applied to this database. ` +
              'Migrations are forward-only: restore the file and add a new migration instead.',
          );
        }
      }
      const known = new Set(migrations.map((m) => m.version));
      const unknown = rows.filter((r) => !known.has(r.version));
      if (unknown.length > 0) {
        throw new MigrationError(
          `This database has migrations this version of Continuum does not know (${unknown
            .map((r) => r.version)
            .join(', ')}): it was created by a newer version.`,
        );
      }
      const pending = migrations.filter((m) => !applied.has(m.version));
      for (const m of pending) {
        await conn.transaction().execute(async (trx) => {
          await sql.raw(m.sql).execute(trx);
          await trx
            .insertInto('schemaMigrations')
            .values({ version: m.version, name: m.name, checksum: m.checksum })
            .execute();
        });
        options.onApply?.(m);
      }
      return { applied: pending, alreadyApplied: applied.size };
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}
