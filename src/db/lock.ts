import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

// Two processes opening one PGlite data directory corrupt it, so the embedded directory is guarded
// by a lock file. The file names its holder (pid, hostname, a token unique to this opening) and
// carries a heartbeat: the holder touches the file every few seconds from a worker thread, which
// keeps beating while the main thread runs a long query. A starter tells a live holder from a dead
// one thus (docs/database.md, "Restarts and crashes"):
// - same host, same pid as the starter but a token this process never held: an earlier life of this
//   pid (a container restarting as PID 1), so dead;
// - same host, another pid: alive while the process exists and is a Node process;
// - another host (a new container's hostname, or a directory shared between machines): alive while
//   its heartbeat goes on; the starter waits until the heartbeat is stale, or has moved (alive).
export type LockInfo = { pid: number; hostname: string; command: string; startedAt: string; token: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    const where = holder.hostname === os.hostname() ? '' : ` on host ${holder.hostname}`;
    super(
      `The data directory ${dataDir} is in use by process ${holder.pid}${where} (${holder.command}, since ${holder.startedAt}). ` +
        'Stop the server first, or point CONTINUUM_DATA_DIR at another directory.',
    );
  }
}

export type DataDirLock = { path: string; release: () => void };

export type LockTiming = {
  // How often the holder touches the lock file.
  heartbeatMs: number;
  // A heartbeat older than this is a dead holder's.
  staleMs: number;
  // Told when the starter waits for another host's heartbeat to go stale.
  onWait?: (message: string) => void;
};

export const DEFAULT_LOCK_TIMING: LockTiming = { heartbeatMs: 5_000, staleMs: 30_000 };

const LOCK_FILE = 'continuum.lock';
// The tokens of the locks this process holds now: its own pid in a lock file is only its own lock
// when the token is one of these.
const heldTokens = new Set<string>();

function isAlive(pid: number): boolean {
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
      // A lock written before tokens existed has none: it cannot be this process's.
      token: String(parsed.token ?? ''),
    };
  } catch {
    return undefined;
  }
}

// The heartbeat: the lock file's modification time (undefined when the file is gone).
function heartbeatOf(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

type Verdict = 'alive' | 'dead' | 'ask_heartbeat';

function judge(holder: LockInfo | undefined): Verdict {
  // Unreadable: a half-written file of a starter that is writing it now, or the wreck of a crash.
  if (!holder) return 'ask_heartbeat';
  if (holder.hostname !== os.hostname()) return 'ask_heartbeat';
  if (holder.pid === process.pid) return heldTokens.has(holder.token) ? 'alive' : 'dead';
  return isAlive(holder.pid) ? 'alive' : 'dead';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Beats from a worker thread; stops (and says so) if the file is no longer this opening's.
const HEARTBEAT_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const timer = setInterval(() => {
  let token;
  try { token = JSON.parse(fs.readFileSync(workerData.file, 'utf8')).token; } catch { token = undefined; }
  if (token !== workerData.token) { clearInterval(timer); parentPort.postMessage('lost'); return; }
  const now = new Date();
  try { fs.utimesSync(workerData.file, now, now); } catch {}
}, workerData.heartbeatMs);
`;

function startHeartbeat(file: string, token: string, heartbeatMs: number): Worker {
  const worker = new Worker(HEARTBEAT_SOURCE, { eval: true, workerData: { file, token, heartbeatMs } });
  worker.on('message', () => {
    console.error(
      `continuum: the lock ${file} is no longer this process's (it was removed or taken over); stop this process.`,
    );
  });
  worker.unref();
  return worker;
}

export async function acquireDataDirLock(
  dataDir: string,
  command: string,
  timing: LockTiming = DEFAULT_LOCK_TIMING,
): Promise<DataDirLock> {
  const file = path.join(dataDir, LOCK_FILE);
  const token = crypto.randomUUID();
  const info: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    command,
    startedAt: new Date().toISOString(),
    token,
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      heldTokens.add(token);
      const heartbeat = startHeartbeat(file, token, timing.heartbeatMs);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        void heartbeat.terminate();
        heldTokens.delete(token);
        if (readLock(file)?.token === token) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { path: file, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(file);
    let verdict = judge(holder);
    if (verdict === 'ask_heartbeat') verdict = await waitForHeartbeat(file, holder, timing);
    if (verdict === 'alive') throw new DataDirLockedError(dataDir, holder ?? unknownHolder);
    // The holder is dead: take the lock over. Renaming the stale file away first means only one of
    // two racing starters removes it.
    const stale = `${file}.stale-${process.pid}-${token}`;
    try {
      fs.renameSync(file, stale);
      fs.rmSync(stale, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new DataDirLockedError(dataDir, readLock(file) ?? unknownHolder);
}

const unknownHolder: LockInfo = { pid: 0, hostname: 'unknown', command: 'unknown', startedAt: 'unknown', token: '' };

// Another host's lock (or an unreadable one): dead once its heartbeat is older than `staleMs`, alive
// as soon as the heartbeat moves (or the file is rewritten by its holder).
async function waitForHeartbeat(file: string, holder: LockInfo | undefined, timing: LockTiming): Promise<Verdict> {
  const first = heartbeatOf(file);
  if (first === undefined) return 'dead';
  if (Date.now() - first > timing.staleMs) return 'dead';
  timing.onWait?.(
    `The data directory's lock names ${holder ? `process ${holder.pid} on host ${holder.hostname}` : 'an unreadable holder'}; ` +
      `waiting up to ${Math.ceil(timing.staleMs / 1000)} s to see whether its heartbeat goes on…`,
  );
  const step = Math.max(25, Math.min(timing.heartbeatMs / 4, 1_000));
  for (;;) {
    await sleep(step);
    const beat = heartbeatOf(file);
    if (beat === undefined) return 'dead';
    if (beat !== first) return 'alive';
    if (Date.now() - beat > timing.staleMs) return 'dead';
  }
}
