import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { APP_VERSION } from '../lib/version.ts';
import {
  pgliteExtensions,
  DataDirError,
  EMBEDDED_PG_MAJOR,
  inspectDataDir,
  openDatabase,
  PGLITE_VERSION,
  pgDataPath,
  writeMarker,
} from './database.ts';
import { acquireDataDirLock } from './lock.ts';

// A backup is one file: a magic line, a JSON header line, then PGlite's gzipped data-directory dump.
const MAGIC = 'CONTINUUM-BACKUP 1';

export type BackupHeader = {
  pgliteVersion: string;
  pgMajor: number;
  appVersion: string;
  createdAt: string;
  migrations: number[];
  bytes: number;
  sha256: string;
};

export class BackupError extends Error {}

export async function backupDataDir(dataDir: string, outFile: string): Promise<BackupHeader> {
  if (inspectDataDir(dataDir) === 'empty') throw new BackupError(`${dataDir} holds no database to back up.`);
  if (fs.existsSync(outFile)) throw new BackupError(`${outFile} already exists; choose another file name.`);
  const handle = await openDatabase({ dataDir, command: 'continuum backup' });
  try {
    const migrations = (
      await handle.db.selectFrom('schemaMigrations').select('version').orderBy('version').execute()
    ).map((r) => r.version);
    await handle.pglite!.query('CHECKPOINT');
    const dump = Buffer.from(await (await handle.pglite!.dumpDataDir('gzip')).arrayBuffer());
    const header: BackupHeader = {
      pgliteVersion: PGLITE_VERSION,
      pgMajor: EMBEDDED_PG_MAJOR,
      appVersion: APP_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      bytes: dump.length,
      sha256: crypto.createHash('sha256').update(dump).digest('hex'),
    };
    const temporary = `${outFile}.partial`;
    fs.writeFileSync(temporary, Buffer.concat([Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`), dump]), {
      mode: 0o600,
    });
    fs.renameSync(temporary, outFile);
    return header;
  } finally {
    await handle.close();
  }
}

export function readBackup(file: string): { header: BackupHeader; dump: Buffer } {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const first = data.indexOf(10);
  const second = first < 0 ? -1 : data.indexOf(10, first + 1);
  if (first < 0 || second < 0 || data.subarray(0, first).toString() !== MAGIC) {
    throw new BackupError(`${file} is not a Continuum backup.`);
  }
  let header: BackupHeader;
  try {
    header = JSON.parse(data.subarray(first + 1, second).toString()) as BackupHeader;
  } catch {
    throw new BackupError(`${file} has a damaged header.`);
  }
  const dump = data.subarray(second + 1);
  const sha256 = crypto.createHash('sha256').update(dump).digest('hex');
  if (dump.length !== header.bytes || sha256 !== header.sha256) {
    throw new BackupError(`${file} is damaged or incomplete (its checksum does not match).`);
  }
  return { header, dump };
}

// Restores into the data directory. An existing database is kept aside (never deleted), and
// a backup from another PGlite version is refused: a data directory belongs to one version.
export async function restoreDataDir(
  dataDir: string,
  backupFile: string,
  options: { replace?: boolean } = {},
): Promise<{ header: BackupHeader; keptAside: string | undefined }> {
  const { header, dump } = readBackup(backupFile);
  if (header.pgliteVersion !== PGLITE_VERSION || header.pgMajor !== EMBEDDED_PG_MAJOR) {
    throw new BackupError(
      `${backupFile} was made with PGlite ${header.pgliteVersion} (PostgreSQL ${header.pgMajor}); this Continuum uses ` +
        `PGlite ${PGLITE_VERSION} (PostgreSQL ${EMBEDDED_PG_MAJOR}). Restore it with the version that made it.`,
    );
  }
  const state = inspectDataDir(dataDir);
  if (state === 'existing' && !options.replace) {
    throw new BackupError(
      `${dataDir} already holds a database. Add --replace to restore over it (the current one is kept aside, not deleted).`,
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(dataDir, 'continuum restore');
  const target = pgDataPath(dataDir);
  let keptAside: string | undefined;
  try {
    if (fs.existsSync(target)) {
      keptAside = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(target, keptAside);
    }
    try {
      const pglite = await PGlite.create({
        dataDir: target,
        extensions: pgliteExtensions,
        loadDataDir: new Blob([new Uint8Array(dump)]),
      });
      await pglite.query('select 1 from schema_migrations limit 1');
      await pglite.close();
    } catch (error) {
      fs.rmSync(target, { recursive: true, force: true });
      if (keptAside) fs.renameSync(keptAside, target);
      throw new DataDirError(`The backup could not be restored (${(error as Error).message}). Nothing was changed.`);
    }
    writeMarker(dataDir);
    return { header, keptAside: keptAside ? path.basename(keptAside) : undefined };
  } finally {
    lock.release();
  }
}
