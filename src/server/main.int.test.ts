import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganization, makeTask, makeUser } from '../../test/factories.ts';
import { loadConfig } from './config.ts';
import { startServer, type RunningServer } from './main.ts';

// The server as `continuum start` runs it: its sweeps announce overdue tasks, unless
// BACKGROUND_SWEEPS=off leaves that to another process. Embedded engine only: a sweep on the
// shared PostgreSQL test database would announce other suites' tasks while they run.
describe('continuum start and its background sweeps', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function serverWithOverdueTask(sweeps: 'on' | 'off'): Promise<{ server: RunningServer; userId: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-main-'));
    dirs.push(dir);
    const server = await startServer(
      loadConfig({
        CONTINUUM_DATA_DIR: dir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        OVERDUE_SWEEP_INTERVAL_MS: '1000',
        BACKGROUND_SWEEPS: sweeps,
      }),
      { log: () => undefined },
    );
    const db = server.handle.db;
    const org = await makeOrganization(db);
    const user = await makeUser(db, { organizationId: org.id });
    const client = await makeClient(db, { organizationId: org.id });
    await makeTask(db, { clientId: client.id, organizationId: org.id, assignedTo: user.id, dueOn: '2020-01-06' });
    return { server, userId: user.id };
  }

  const notices = (server: RunningServer, userId: string) =>
    server.handle.db.selectFrom('notifications').select('kind').where('userId', '=', userId).execute();

  it('announces an overdue task by itself when sweeps are on', async () => {
    const { server, userId } = await serverWithOverdueTask('on');
    try {
      for (let i = 0; i < 50 && (await notices(server, userId)).length === 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await notices(server, userId)).toEqual([{ kind: 'task_overdue' }]);
    } finally {
      await server.close();
    }
  });

  it('runs no sweep with BACKGROUND_SWEEPS=off', async () => {
    const { server, userId } = await serverWithOverdueTask('off');
    try {
      await new Promise((r) => setTimeout(r, 2500));
      expect(await notices(server, userId)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('refuses a value other than on or off', () => {
    expect(() => loadConfig({ BACKGROUND_SWEEPS: 'no' })).toThrow(/BACKGROUND_SWEEPS/);
  });
});
