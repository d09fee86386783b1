import Fastify from 'fastify';

// The baseline: a bare Fastify route with no database, no validation and no plugins.
const port = Number(process.argv[2] ?? 3902);
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ status: 'ok' }));
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('ready\n');
