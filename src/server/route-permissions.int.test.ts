import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../test/db.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { buildApp, type AppInstance } from './app.ts';

// Every API route and the permission it declares, compared with a committed snapshot: a new or
// loosened route shows in review. Update with `npx vitest run -u src/server/route-permissions`.
describe('route permissions', () => {
  let handle: DatabaseHandle;
  let app: AppInstance;
  beforeAll(async () => {
    handle = await openEngine('pglite');
    app = await buildApp({ database: handle, logLevel: 'silent' });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('matches the committed table', async () => {
    const lines = app.routePermissions
      .map((r) => `${r.method.padEnd(6)} ${r.url.padEnd(40)} ${r.permission}`)
      .sort()
      .join('\n');
    await expect(`${lines}\n`).toMatchFileSnapshot('./__snapshots__/route-permissions.txt');
  });
});
