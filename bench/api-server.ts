import { loadConfig } from '../src/lib/config.ts';
import { startServer } from '../src/server/main.ts';

// The real server, as `continuum start` runs it, quiet, for load tests from another process.
const server = await startServer(loadConfig({ ...process.env, LOG_LEVEL: 'warn' }), { log: () => undefined });
process.stdout.write(`ready ${server.url}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
