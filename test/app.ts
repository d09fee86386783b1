import { buildApp, type AppInstance } from '../src/server/app.ts';
import type { DatabaseHandle } from '../src/db/database.ts';

export async function testApp(handle: DatabaseHandle, options: { bodyLimitBytes?: number } = {}): Promise<AppInstance> {
  const app = await buildApp({ database: handle, logLevel: 'silent', webDir: undefined, ...options });
  await app.ready();
  return app;
}
