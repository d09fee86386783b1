import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, openEngine } from '../../test/db.ts';
import { testApp } from '../../test/app.ts';
import type { AppInstance } from './app.ts';

describeEachEngine('HTTP basics', ({ handle, engine }) => {
  let app: AppInstance;
  beforeAll(async () => {
    app = await testApp(handle(), { bodyLimitBytes: 2048 });
  });
  afterAll(async () => app.close());

  it('reports health with the engine and a working database', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'ok', engine, database: { ok: true } });
    expect(Number(String(body.database.version).split('.')[0])).toBeGreaterThanOrEqual(15);
  });

  it('sends security headers on every answer', async () => {
    for (const url of ['/api/health', '/api/nowhere']) {
      const res = await app.inject(url);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('answers an unknown route with problem+json 404', async () => {
    const res = await app.inject('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found', type: 'urn:continuum:problem:not_found' });
  });

  it('names unknown query fields and never leaks a stack trace', async () => {
    const res = await app.inject('/api/organizations?colour=blue');
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('invalid');
    expect(body.errors).toEqual([
      { field: 'querystring', message: 'unknown field(s): colour', code: 'unrecognized_keys' },
    ]);
    expect(body.reason).toBe('validation');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('rejects a malformed JSON body and an oversized one with clear problems', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().detail).toMatch(/not valid JSON/);
    const oversized = await app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(5000) }),
    });
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json().code).toBe('payload_too_large');
  });

  it('serves the OpenAPI document with every API route in it', async () => {
    const res = await app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/organizations', '/api/organizations/{id}', '/api/system/summary']),
    );
    const page = await app.inject('/api/docs');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('route table', () => {
  it('refuses to start with an API route that declares no permission', async () => {
    const { buildApp } = await import('./app.ts');
    const handle = await openEngine('pglite');
    const app = await buildApp({ database: handle, logLevel: 'silent' });
    expect(() => app.get('/api/unguarded', async () => 'x')).toThrow(/declares no permission/);
    await app.close();
    await handle.close();
  });
});
