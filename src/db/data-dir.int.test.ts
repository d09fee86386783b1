import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.ts';
import { newOrganizationSchema } from '../domain/organizations/organization.ts';
import { createOrganization } from '../domain/organizations/organization.service.ts';
import { BackupError, backupDataDir, readBackup, restoreDataDir } from './backup.ts';
import { DataDirError, openDatabase, withTransaction, type DatabaseHandle } from './database.ts';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';
import { migrate } from './migrate.ts';

// The embedded data directory's own behaviour (lock, foreign directories, backup and restore)
// exists only on PGlite, so this suite has no PostgreSQL run.
const cli = path.resolve('bin/continuum.js');
let root: string;
let dataDir: string;

function runCli(
  args: string[],
  env: Record<string, string>,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function orgNames(handle: DatabaseHandle): Promise<string[]> {
  return (await handle.db.selectFrom('organizations').select('name').orderBy('name').execute()).map((r) => r.name);
}

describe('embedded data directory', () => {
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-datadir-'));
    dataDir = path.join(root, 'main');
    const handle = await openDatabase({ dataDir, command: 'test' });
    await migrate(handle.db);
    await withTransaction(handle.db, (trx) =>
      createOrganization(
        trx,
        systemActor('test'),
        newOrganizationSchema.parse({ name: 'Before Backup Agency', type: 'community_agency' }),
      ),
    );
    await handle.close();
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('marks a new directory as Continuum data with its PostgreSQL version', () => {
    const marker = JSON.parse(fs.readFileSync(path.join(dataDir, 'continuum.json'), 'utf8'));
    expect(marker).toMatchObject({ format: 1, pgMajor: 18 });
    expect(fs.readFileSync(path.join(dataDir, 'pgdata', 'PG_VERSION'), 'utf8').trim()).toBe('18');
    expect(fs.existsSync(path.join(dataDir, 'continuum.lock'))).toBe(false);
  });

  it('refuses a second opener while the directory is open', async () => {
    const handle = await openDatabase({ dataDir, command: 'continuum start' });
    try {
      await expect(openDatabase({ dataDir, command: 'again' })).rejects.toThrow(DataDirLockedError);
      const other = runCli(['migrate'], { CONTINUUM_DATA_DIR: dataDir });
      expect(other.status).toBe(1);
      expect(other.stderr).toMatch(/in use by process \d+ \(continuum start/);
      expect(other.stderr).toMatch(/Stop the server first/);
      expect(other.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await handle.close();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    fs.writeFileSync(
      path.join(dataDir, 'continuum.lock'),
      JSON.stringify({
        pid: deadPid,
        hostname: os.hostname(),
        command: 'continuum start',
        startedAt: '2026-01-01T00:00:00Z',
      }),
    );
    const handle = await openDatabase({ dataDir, command: 'test' });
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'continuum.lock'), 'utf8')).pid).toBe(process.pid);
    expect(await orgNames(handle)).toContain('Before Backup Agency');
    await handle.close();
  });

  const lockFile = () => path.join(dataDir, 'continuum.lock');
  const writeLock = (holder: Record<string, unknown>, ageMs = 0) => {
    fs.writeFileSync(
      lockFile(),
      JSON.stringify({ command: 'continuum start', startedAt: '2026-01-01T00:00:00Z', ...holder }),
    );
    const at = new Date(Date.now() - ageMs);
    fs.utimesSync(lockFile(), at, at);
  };

  it('takes over a lock holding its own pid from an earlier life (a container restarting as PID 1)', async () => {
    writeLock({ pid: process.pid, hostname: os.hostname(), token: 'an-earlier-life' });
    const handle = await openDatabase({ dataDir, command: 'test' });
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).token).not.toBe('an-earlier-life');
    expect(await orgNames(handle)).toContain('Before Backup Agency');
    await handle.close();
  });

  it('takes over another host’s lock whose heartbeat stopped (a container started under a new hostname)', async () => {
    writeLock({ pid: 1, hostname: 'container-of-yesterday', token: 't' }, 60_000);
    const handle = await openDatabase({ dataDir, command: 'test' });
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).hostname).toBe(os.hostname());
    await handle.close();
    // A lock written before heartbeats and tokens existed is judged by its age the same way.
    writeLock({ pid: 1, hostname: 'container-of-yesterday' }, 60_000);
    await (await openDatabase({ dataDir, command: 'test' })).close();
  });

  it('refuses another host’s lock while its heartbeat goes on, and takes it over once it stops', async () => {
    const timing = { heartbeatMs: 50, staleMs: 600 };
    writeLock({ pid: 1, hostname: 'other-machine', token: 't' });
    const beating = setInterval(() => fs.utimesSync(lockFile(), new Date(), new Date()), 50);
    const waits: string[] = [];
    try {
      await expect(acquireDataDirLock(dataDir, 'test', { ...timing, onWait: (m) => waits.push(m) })).rejects.toThrow(
        /in use by process 1 on host other-machine/,
      );
      expect(waits[0]).toMatch(/waiting up to 1 s to see whether its heartbeat goes on/);
    } finally {
      clearInterval(beating);
    }
    const started = Date.now();
    const lock = await acquireDataDirLock(dataDir, 'test', timing);
    expect(Date.now() - started).toBeGreaterThanOrEqual(timing.staleMs - 100);
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('beats while held, from a thread of its own, and a second opener of the same process is refused', async () => {
    const lock = await acquireDataDirLock(dataDir, 'test', { heartbeatMs: 50, staleMs: 600 });
    try {
      const old = new Date(Date.now() - 10_000);
      fs.utimesSync(lockFile(), old, old);
      // The main thread is busy (as during a long query): the heartbeat still moves.
      const until = Date.now() + 300;
      while (Date.now() < until) {
        /* busy */
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(Date.now() - fs.statSync(lockFile()).mtimeMs).toBeLessThan(1_000);
      await expect(acquireDataDirLock(dataDir, 'again', { heartbeatMs: 50, staleMs: 600 })).rejects.toThrow(
        DataDirLockedError,
      );
    } finally {
      lock.release();
    }
  });

  it('refuses a foreign directory and leaves it untouched', async () => {
    const foreign = path.join(root, 'foreign');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'my files');
    await expect(openDatabase({ dataDir: foreign })).rejects.toThrow(/not a Continuum data directory/);
    expect(fs.readdirSync(foreign)).toEqual(['notes.txt']);
    const started = runCli(['start'], { CONTINUUM_DATA_DIR: foreign, PORT: '0' });
    expect(started.status).toBe(1);
    expect(started.stderr).toMatch(/not a Continuum data directory.*Nothing was changed/);
  });

  it('refuses a directory made by another PostgreSQL major version', async () => {
    const old = path.join(root, 'old');
    fs.mkdirSync(path.join(old, 'pgdata'), { recursive: true });
    fs.writeFileSync(
      path.join(old, 'continuum.json'),
      JSON.stringify({ format: 1, pgliteVersion: '0.2.0', pgMajor: 16 }),
    );
    fs.writeFileSync(path.join(old, 'pgdata', 'PG_VERSION'), '16\n');
    await expect(openDatabase({ dataDir: old })).rejects.toThrow(DataDirError);
    await expect(openDatabase({ dataDir: old })).rejects.toThrow(/PostgreSQL 16/);
  });

  it('backs up and restores, refusing other versions, damage and silent overwrites', async () => {
    const backupFile = path.join(root, 'city.backup');
    const header = await backupDataDir(dataDir, backupFile);
    expect(header.migrations.length).toBeGreaterThan(0);
    expect(readBackup(backupFile).header.pgliteVersion).toBe(header.pgliteVersion);

    // Restore into a new directory.
    const restored = path.join(root, 'restored');
    await restoreDataDir(restored, backupFile);
    const handle = await openDatabase({ dataDir: restored });
    expect(await orgNames(handle)).toContain('Before Backup Agency');
    await withTransaction(handle.db, (trx) =>
      createOrganization(
        trx,
        systemActor('test'),
        newOrganizationSchema.parse({ name: 'After Backup Agency', type: 'employer' }),
      ),
    );
    await handle.close();

    // An existing database is never replaced without --replace, and then it is kept aside.
    await expect(restoreDataDir(restored, backupFile)).rejects.toThrow(/already holds a database/);
    const { keptAside } = await restoreDataDir(restored, backupFile, { replace: true });
    expect(keptAside).toMatch(/^pgdata\.replaced-/);
    expect(fs.existsSync(path.join(restored, keptAside!, 'PG_VERSION'))).toBe(true);
    const again = await openDatabase({ dataDir: restored });
    expect(await orgNames(again)).not.toContain('After Backup Agency');
    await again.close();

    // Another PGlite version is refused.
    const raw = fs.readFileSync(backupFile);
    const firstNewline = raw.indexOf(10);
    const secondNewline = raw.indexOf(10, firstNewline + 1);
    const otherHeader = { ...header, pgliteVersion: '0.4.0' };
    const foreignBackup = path.join(root, 'other-version.backup');
    fs.writeFileSync(
      foreignBackup,
      Buffer.concat([
        raw.subarray(0, firstNewline + 1),
        Buffer.from(`${JSON.stringify(otherHeader)}\n`),
        raw.subarray(secondNewline + 1),
      ]),
    );
    await expect(restoreDataDir(path.join(root, 'never'), foreignBackup)).rejects.toThrow(/made with PGlite 0\.4\.0/);
    expect(fs.existsSync(path.join(root, 'never'))).toBe(false);

    // A truncated file is refused.
    const truncated = path.join(root, 'truncated.backup');
    fs.writeFileSync(truncated, raw.subarray(0, raw.length - 100));
    await expect(restoreDataDir(path.join(root, 'never'), truncated)).rejects.toThrow(BackupError);
    await expect(restoreDataDir(path.join(root, 'never'), truncated)).rejects.toThrow(/damaged or incomplete/);
  });

  it('backs up from the CLI and refuses while the server holds the directory', async () => {
    const handle = await openDatabase({ dataDir, command: 'continuum start' });
    try {
      const refused = runCli(['backup', '--out', path.join(root, 'while-running.backup')], {
        CONTINUUM_DATA_DIR: dataDir,
      });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/Stop the server first/);
    } finally {
      await handle.close();
    }
    const out = path.join(root, 'cli.backup');
    const ok = runCli(['backup', '--out', out], { CONTINUUM_DATA_DIR: dataDir });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/Backed up .* PGlite 0\.5/);
    expect(fs.existsSync(out)).toBe(true);
  });
});
