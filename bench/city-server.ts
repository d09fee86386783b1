import { loadConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/main.ts';

// The real server, as `continuum start` runs it, on an existing synthetic city (DATABASE_URL or
// CONTINUUM_DATA_DIR), quiet. The benchmark made its users and sessions beforehand. No sweeps: a
// kept city is dated at the day it was built and reused on later days, when more of its open tasks
// are overdue, and the overdue sweep would write notices for them while requests are timed (and
// change the kept city).
const server = await startServer(
  loadConfig({ ...process.env, LOG_LEVEL: 'warn', USER_REQUESTS_PER_MINUTE: '1000000', BACKGROUND_SWEEPS: 'off' }),
  { log: () => undefined },
);
process.stdout.write(`ready ${server.url}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
