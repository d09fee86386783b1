import { buildApp, type AppInstance } from '../src/server/app.ts';
import type { DatabaseHandle } from '../src/db/database.ts';
import type { Clock } from '../src/lib/clock.ts';

// `clock`: a test that needs time to pass passes a settable clock (test/clock.ts) and moves it.
export async function testApp(
  handle: DatabaseHandle,
  options: { bodyLimitBytes?: number; clock?: Clock; requestsPerMinute?: number } = {},
): Promise<AppInstance> {
  const app = await buildApp({ database: handle, logLevel: 'silent', webDir: undefined, ...options });
  await app.ready();
  return app;
}
