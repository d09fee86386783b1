import { loadConfig } from '../src/lib/config.ts';
import { startServer } from '../src/server/main.ts';

// The real server, as `continuum start` runs it, on an existing synthetic city (DATABASE_URL or
// CONTINUUM_DATA_DIR), quiet. The benchmark made its users and sessions beforehand.
const server = await startServer(loadConfig({ ...process.env, LOG_LEVEL: 'warn', USER_REQUESTS_PER_MINUTE: '1000000' }), { log: () => undefined });
process.stdout.write(`ready ${server.url}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
