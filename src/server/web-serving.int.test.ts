import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../test/db.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { buildApp, type AppInstance } from './app.ts';

// Serving the built web UI does not depend on the database engine, so this runs on PGlite only.
describe('serving the web UI', () => {
  let handle: DatabaseHandle;
  let app: AppInstance;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html lang="en"><title>Continuum</title></html>');
    fs.writeFileSync(path.join(webDir, 'assets', 'main-abc123.js'), 'console.log(1)');
    handle = await openEngine('pglite');
    app = await buildApp({ database: handle, logLevel: 'silent', webDir });
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('answers page paths with the app shell, never cached', async () => {
    for (const url of ['/', '/directory', '/organizations/6225b9c7-ce07-47ee-aa9f-dac0f79733e7', '/directory?q=x']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.body).toContain('<title>Continuum</title>');
    }
    const head = await app.inject({ method: 'HEAD', url: '/directory' });
    expect(head.statusCode).toBe(200);
  });

  it('answers an unknown page with the shell and a 404 status', async () => {
    const res = await app.inject('/no/such/page');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('caches fingerprinted assets for good', async () => {
    const res = await app.inject('/assets/main-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('does not answer dotfiles, missing files or unknown API paths with the shell', async () => {
    for (const url of ['/.env', '/.git/config', '/assets/missing.js', '/api/nothing', '/api']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
  });

  it('answers a malformed organization id like a random one', async () => {
    const res = await app.inject('/api/organizations/not-a-uuid');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});
