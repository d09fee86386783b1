import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';
import { testApp } from '../../test/app.ts';
import { makeOrganization, makeSession, makeUser } from '../../test/factories.ts';
import type { Role } from '../access/roles.ts';
import type { AppInstance } from './app.ts';

// A bad id anywhere (path, query or body) answers 400 or 404 with a problem+json body, never 500
// (issue 9, point 7). Every route of the OpenAPI document, as staff of three kinds, with ids that are
// not ids: words, digits, quotes, accents, a near-uuid and one of 100 characters.

const badIds = ['abc', '0', "1' or '1'='1", 'é', '00000000-0000-0000-0000-00000000000g', 'a'.repeat(100)];

type Operation = {
  parameters?: { in: string; name: string }[];
  requestBody?: {
    content?: Record<string, { schema?: { properties?: Record<string, { type?: string | string[] }> } }>;
  };
};

describeEachEngine('malformed ids', ({ handle }) => {
  let app: AppInstance;
  beforeAll(async () => {
    app = await testApp(handle());
  });
  afterAll(async () => app.close());

  it(
    'answers 400 or 404 (or the caller’s 401/403), never 5xx, to a malformed id in path, query or body',
    { timeout: 300_000 },
    async () => {
      const db = handle().db;
      const agency = await makeOrganization(db, { type: 'employment_service_provider' });
      const city = await makeOrganization(db, { type: 'system_manager' });
      const callers: { role: Role; organizationId: string }[] = [
        { role: 'agency_manager', organizationId: agency.id },
        { role: 'employment_counsellor', organizationId: agency.id },
        { role: 'system_administrator', organizationId: city.id },
      ];
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
        paths: Record<string, Record<string, Operation>>;
      };
      const wrong: string[] = [];
      let sent = 0;
      for (const caller of callers) {
        const user = await makeUser(db, { organizationId: caller.organizationId, roles: [caller.role] });
        for (const [route, operations] of Object.entries(doc.paths)) {
          for (const [method, operation] of Object.entries(operations)) {
            const upper = method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
            const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
            const idQueries = (operation.parameters ?? [])
              .filter((p) => p.in === 'query' && /Id$/.test(p.name))
              .map((p) => p.name);
            const properties = operation.requestBody?.content?.['application/json']?.schema?.properties ?? {};
            const idFields = Object.entries(properties).filter(([name]) => /Ids?$/.test(name));
            const requests: { url: string; payload?: Record<string, unknown> }[] = [];
            for (const bad of badIds) {
              const encoded = encodeURIComponent(bad);
              const url = route.replace(/\{([^}]+)\}/g, () => encoded);
              if (pathParams.length > 0) requests.push({ url, ...(upper === 'GET' ? {} : { payload: {} }) });
              const plain = route.replace(/\{([^}]+)\}/g, '00000000-0000-4000-8000-000000000000');
              for (const q of idQueries) requests.push({ url: `${plain}?${q}=${encoded}` });
              for (const [name, schema] of idFields) {
                const many = schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
                requests.push({ url: plain, payload: { [name]: many ? [bad] : bad } });
              }
            }
            for (const request of requests) {
              // A fresh session each time: sign-out routes must not spoil the next request.
              const { headers } = await makeSession(db, user);
              const res = await app.inject({
                method: upper,
                url: request.url,
                headers,
                ...(request.payload ? { payload: request.payload } : {}),
              });
              sent += 1;
              const problem = String(res.headers['content-type'] ?? '').startsWith('application/problem+json');
              if (res.statusCode >= 500 || (res.statusCode >= 400 && !problem)) {
                wrong.push(
                  `${caller.role}: ${upper} ${request.url.slice(0, 90)} ${JSON.stringify(request.payload ?? '').slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 100)}`,
                );
              }
            }
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(sent).toBeGreaterThan(500);
    },
  );
});
