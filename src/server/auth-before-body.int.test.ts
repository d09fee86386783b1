import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';
import { testApp } from '../../test/app.ts';
import { makeOrganization, makeSession, makeUser } from '../../test/factories.ts';
import { isPublicAction, scopesOf } from '../access/permissions.ts';
import type { AppInstance } from './app.ts';

// Who may call a route is settled before its body is read (issue 9, point 3): a visitor gets 401 on
// every route that needs a session, and a signed-in user whose roles do not hold the action gets 403,
// whatever they send: no field errors, no hint of what the route expects, and nothing written.

const bodies: { label: string; payload: string; contentType: string }[] = [
  {
    label: 'unknown fields',
    payload: JSON.stringify({ surprise: true, nested: { deeper: [1, 2, 3] } }),
    contentType: 'application/json',
  },
  { label: 'broken JSON', payload: '{"givenName": ', contentType: 'application/json' },
  { label: 'not JSON at all', payload: 'givenName=Amara', contentType: 'application/x-www-form-urlencoded' },
];

describeEachEngine('sessions and permissions before the body', ({ handle }) => {
  let app: AppInstance;
  beforeAll(async () => {
    app = await testApp(handle());
  });
  afterAll(async () => app.close());

  const withIds = (url: string) => url.replace(/:[a-zA-Z]+/g, () => crypto.randomUUID());

  it('answers 401 to a visitor on every route that needs a session, whatever the body', async () => {
    const closed = app.routePermissions.filter((r) => !isPublicAction(r.permission));
    expect(closed.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const route of closed) {
      for (const body of route.method === 'GET' ? [bodies[0]!] : bodies) {
        const res = await app.inject({
          method: route.method as 'POST',
          url: withIds(route.url) + (route.method === 'GET' ? '?bogus=%ZZ&page=-1' : ''),
          payload: route.method === 'GET' ? undefined : body.payload,
          headers: { 'content-type': body.contentType },
        });
        const problem = String(res.headers['content-type'] ?? '').startsWith('application/problem+json')
          ? (res.json() as { code?: string; errors?: unknown })
          : undefined;
        if (res.statusCode !== 401 || problem?.code !== 'unauthenticated' || problem.errors !== undefined) {
          wrong.push(`${route.method} ${route.url} (${body.label}): ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 before validation to a signed-in user whose roles do not hold the action', async () => {
    const db = handle().db;
    const employer = await makeOrganization(db, { type: 'employer' });
    const user = await makeUser(db, { organizationId: employer.id, roles: ['employer_user'] });
    const { headers } = await makeSession(db, user);
    const refused = app.routePermissions.filter(
      (r) => r.method !== 'GET' && scopesOf(r.permission, 'employer_user').length === 0,
    );
    expect(refused.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const route of refused) {
      const res = await app.inject({
        method: route.method as 'POST',
        url: withIds(route.url),
        payload: bodies[1]!.payload,
        headers: { ...headers, 'content-type': 'application/json' },
      });
      if (res.statusCode !== 403)
        wrong.push(`${route.method} ${route.url}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });
});
