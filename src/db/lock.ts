import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Two processes opening one PGlite data directory corrupt it, so the embedded
// directory is guarded by a lock file holding the owner's pid.
export type LockInfo = { pid: number; hostname: string; command: string; startedAt: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data directory ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.startedAt}). ` +
        'Stop the server first, or point CONTINUUM_DATA_DIR at another directory.',
    );
  }
}

export type DataDirLock = { path: string; release: () => void };

const LOCK_FILE = 'continuum.lock';

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A recycled pid that is no longer a Node process does not hold our lock.
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /node|continuum|tsx|vitest/.test(cmdline);
  } catch {
    return true;
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid !== 'number') return undefined;
    return {
      pid: parsed.pid,
      hostname: String(parsed.hostname ?? ''),
      command: String(parsed.command ?? 'unknown'),
      startedAt: String(parsed.startedAt ?? 'unknown'),
    };
  } catch {
    return undefined;
  }
}

export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, hostname: os.hostname(), command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        const current = readLock(file);
        if (current?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { path: file, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(file);
    const sameHost = holder === undefined || holder.hostname === os.hostname();
    if (holder && (!sameHost || isAlive(holder.pid))) throw new DataDirLockedError(dataDir, holder);
    // The holder died (or the file is unreadable): take the lock over. Renaming the stale
    // file away first means only one of two racing starters removes it.
    const stale = `${file}.stale-${process.pid}`;
    try {
      fs.renameSync(file, stale);
      fs.rmSync(stale, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const holder = readLock(file);
  if (holder) throw new DataDirLockedError(dataDir, holder);
  throw new Error(`Could not take the lock ${file}`);
}
