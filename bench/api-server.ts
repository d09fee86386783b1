import { loadConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/main.ts';

// The real server, as `continuum start` runs it, quiet, for load tests from another process. The
// people it is loaded as are made beforehand (bench/api-scenario.ts); several of these processes may
// serve one PostgreSQL database.
const server = await startServer(
  loadConfig({ ...process.env, LOG_LEVEL: 'warn', USER_REQUESTS_PER_MINUTE: '1000000' }),
  {
    log: () => undefined,
  },
);
process.stdout.write(`ready ${server.url}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
