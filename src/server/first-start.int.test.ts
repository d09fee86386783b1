import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, readMarker, writeMarker } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { loadSyntheticCity } from '../synthetic/load-city.ts';

// A power cut during the first start (issue 10): `continuum start` killed with SIGKILL while it
// loads the first city, or stopped between the city and its demo accounts, comes back whole on the
// next start, with accounts one can sign in with. PGlite only: the first-start demo is the embedded
// engine's (a PostgreSQL server loads one only when asked, with `continuum demo`).
const cli = path.resolve('bin/continuum.js');
const dirs: string[] = [];
const children: ChildProcess[] = [];

function env(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: '',
    CONTINUUM_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    BACKGROUND_SWEEPS: 'off',
  };
}

// Starts `continuum start` and resolves with its output once `until` matches it.
function start(dataDir: string, until: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [cli, 'start'], { env: env(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(until)} in:\n${output}`)), 180_000);
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!until.test(output)) reject(new Error(`exited ${String(code)} before ${String(until)}:\n${output}`));
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// Signs in as the demo admin with the password the start printed.
async function signIn(output: string): Promise<number> {
  const url = /running at (http:\/\/[^\s]+) /.exec(output)?.[1];
  const password = /admin@demo\.continuum\.example\s+(\S+)/.exec(output)?.[1];
  expect(url, output).toBeDefined();
  expect(password, output).toBeDefined();
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.continuum.example', password }),
  });
  return response.status;
}

describe('the first start, cut short', () => {
  afterAll(async () => {
    await Promise.all(children.map((child) => stop(child)));
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const newDir = () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-first-start-'));
    dirs.push(root);
    return path.join(root, 'data');
  };

  it(
    'killed during the city’s load: the next start loads the city and the accounts',
    { timeout: 400_000 },
    async () => {
      const dataDir = newDir();
      const first = await start(dataDir, /loading a small synthetic city/);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await killHard(first.child);
      expect(first.output()).not.toMatch(/Continuum is running/);
      expect(readMarker(dataDir)?.firstStartDemo).toBe('pending');
      // The dead process's lock is taken over; the city loads whole, then the accounts.
      const second = await start(dataDir, /Continuum is running at/);
      expect(second.output()).toMatch(/Loaded \d+ organizations, \d+ sites and 2000 synthetic clients/);
      expect(await signIn(second.output())).toBe(200);
      await stop(second.child);
      expect(readMarker(dataDir)?.firstStartDemo).toBe('done');
      // Once done, a later start loads nothing again.
      const third = await start(dataDir, /Continuum is running at/);
      expect(third.output()).not.toMatch(/synthetic city|Demo accounts/);
      await stop(third.child);
    },
  );

  it(
    'stopped between the city and the accounts: the next start, or `continuum demo`, creates the accounts',
    { timeout: 400_000 },
    async () => {
      // The state a kill between the two commits leaves: the first start's city, no accounts, the demo owed.
      const dataDir = newDir();
      const handle = await openDatabase({ dataDir, command: 'test' });
      writeMarker(dataDir, { firstStartDemo: 'pending' });
      await migrate(handle.db);
      await loadSyntheticCity(handle, { seed: 1, clients: 300 });
      await handle.close();
      const started = await start(dataDir, /Continuum is running at/);
      expect(started.output()).toMatch(/stopped after loading the synthetic city: creating its demo accounts now/);
      expect(started.output()).not.toMatch(/Loaded \d+ organizations/);
      expect(await signIn(started.output())).toBe(200);
      await stop(started.child);

      // `continuum demo` on a database with a city and no accounts creates them rather than refusing.
      const other = newDir();
      const again = await openDatabase({ dataDir: other, command: 'test' });
      await migrate(again.db);
      await loadSyntheticCity(again, { seed: 2, clients: 200 });
      await again.close();
      const demo = spawnSync(process.execPath, [cli, 'demo', '--clients', '200'], {
        env: env(other),
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect(demo.status, demo.stderr).toBe(0);
      expect(demo.stdout).toMatch(/without its demo accounts: creating them now/);
      expect(demo.stdout).toMatch(/admin@demo\.continuum\.example/);
      const refused = spawnSync(process.execPath, [cli, 'demo', '--clients', '200'], {
        env: env(other),
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/already holds a synthetic city/);
    },
  );
});
