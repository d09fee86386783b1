import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import { describe, expect, it } from 'vitest';
import { contentSecurityDirectives, securityHeaders } from './security-headers.ts';

// The headers set once per answer are exactly what helmet sets with the configuration they stand for
// (a helmet upgrade that changes its defaults shows here).
describe('security headers', () => {
  it('are the headers helmet gives for our configuration', async () => {
    const app = Fastify();
    const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: Object.fromEntries(Object.entries(contentSecurityDirectives).map(([k, v]) => [camel(k), v])),
      },
      frameguard: { action: 'deny' },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'no-referrer' },
    });
    app.get('/', async () => ({}));
    const res = await app.inject('/');
    await app.close();
    const fromHelmet = Object.fromEntries(
      Object.entries(res.headers).filter(
        ([name]) => !['content-type', 'content-length', 'date', 'connection'].includes(name),
      ),
    );
    expect(securityHeaders).toEqual(fromHelmet);
  });
});
