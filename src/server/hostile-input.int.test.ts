import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';
import { buildApp, type AppInstance } from './app.ts';
import {
  makeClient,
  makeOrganization,
  makeSession,
  makeTask,
  makeUser,
  type TestSession,
} from '../../test/factories.ts';

// The classes of hostile input that once answered 500, plain JSON, or a log line with personal
// information (issue 10), each pinned here; the fuzz test (fuzz-*.int.test.ts) looks for new ones.

describeEachEngine('hostile input', ({ handle }) => {
  let app: AppInstance;
  const lines: string[] = [];
  let counsellor: TestSession;
  let counsellorId: string;
  let organizationId: string;
  beforeAll(async () => {
    app = await buildApp({
      database: handle(),
      logLevel: 'info',
      webDir: undefined,
      logStream: { write: (line) => lines.push(line) },
    });
    await app.ready();
    const agency = await makeOrganization(handle().db);
    organizationId = agency.id;
    const user = await makeUser(handle().db, { organizationId, roles: ['employment_counsellor'] });
    counsellorId = user.id;
    counsellor = await makeSession(handle().db, user);
  });
  afterAll(async () => app.close());

  const problem = (response: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
    expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    return JSON.parse(response.body) as { code: string; reason: string; errors?: { field: string; code?: string }[] };
  };

  describe('a NUL character', () => {
    it('is refused in a query string, without sign-in', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/organizations?q=a%00b' });
      expect(response.statusCode).toBe(400);
      const body = problem(response);
      expect(body.reason).toBe('nul_character');
      expect(body.errors).toEqual([expect.objectContaining({ field: 'querystring.q', code: 'nul_character' })]);
    });

    it('is refused in sign-in and password reset', async () => {
      for (const url of ['/api/auth/login', '/api/auth/password-reset']) {
        const response = await app.inject({
          method: 'POST',
          url,
          payload: { email: 'a\u0000b@example.org', ...(url.endsWith('login') ? { password: 'x' } : {}) },
        });
        expect(response.statusCode, url).toBe(400);
        expect(problem(response).reason).toBe('nul_character');
      }
    });

    it('is refused anywhere in a body, a nested field or a key, and nothing is written', async () => {
      const client = await makeClient(handle().db, { organizationId });
      const before = await handle()
        .db.selectFrom('caseNotes')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('clientId', '=', client.id)
        .executeTakeFirstOrThrow();
      const response = await app.inject({
        method: 'POST',
        url: `/api/clients/${client.id}/notes`,
        headers: counsellor.headers,
        payload: { kind: 'contact', visibility: 'agency', body: 'Met at the \u0000 office' },
      });
      expect(response.statusCode).toBe(400);
      expect(problem(response).errors?.[0]?.field).toBe('body.body');
      const after = await handle()
        .db.selectFrom('caseNotes')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('clientId', '=', client.id)
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
      const patched = await app.inject({
        method: 'PATCH',
        url: `/api/clients/${client.id}`,
        headers: counsellor.headers,
        payload: { goals: { statement: 'a\u0000' }, ['x\u0000']: 1 },
      });
      expect(patched.statusCode).toBe(400);
      expect(
        problem(patched)
          .errors?.map((e) => e.field)
          .sort(),
      ).toEqual(['body.goals.statement', 'body.x\\u0000']);
    });
  });

  describe('a body nested thousands deep', () => {
    it('is refused before anything reads it, however deep', async () => {
      for (const depth of [33, 5_000, 300_000]) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/password-reset',
          headers: { 'content-type': 'application/json' },
          payload: `{"x":${'['.repeat(depth)}${']'.repeat(depth)}}`,
        });
        expect(response.statusCode, String(depth)).toBe(400);
        expect(problem(response).reason).toBe('too_deep');
      }
    });
  });

  describe('a date outside 1900–2199', () => {
    it('is refused with its reason: a note, an intake, a duplicate search', async () => {
      const client = await makeClient(handle().db, { organizationId });
      const cases = [
        {
          url: `/api/clients/${client.id}/notes`,
          payload: { kind: 'contact', visibility: 'agency', body: 'x', contactOn: '0000-01-01' },
          field: 'body.contactOn',
        },
        {
          url: '/api/clients/duplicates',
          payload: { givenName: 'Ana', familyName: 'Silva', dateOfBirth: '0000-01-01' },
          field: 'body.dateOfBirth',
        },
        {
          url: `/api/clients/${client.id}/plan/goals`,
          payload: { description: 'A job', targetDate: '2200-01-01' },
          field: 'body.targetDate',
        },
      ];
      for (const c of cases) {
        const response = await app.inject({
          method: 'POST',
          url: c.url,
          headers: counsellor.headers,
          payload: c.payload,
        });
        expect(response.statusCode, c.url).toBe(400);
        expect(problem(response).errors).toEqual([
          expect.objectContaining({ field: c.field, code: 'date_out_of_range' }),
        ]);
      }
    });
  });

  describe('the router’s own refusals', () => {
    it('answer a malformed percent-encoding with problem+json', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/clients/%E0%A4%A', headers: counsellor.headers });
      expect(response.statusCode).toBe(400);
      expect(problem(response).reason).toBe('bad_url');
      expect(response.body).not.toContain('%E0');
      expect(response.headers['x-request-id']).toBeTruthy();
    });

    it('answer an id longer than any as not found, without echoing it', async () => {
      const long = 'a'.repeat(700);
      const response = await app.inject({ method: 'GET', url: `/api/clients/${long}`, headers: counsellor.headers });
      expect(response.statusCode).toBe(404);
      expect(problem(response).code).toBe('not_found');
      expect(response.body).not.toContain(long);
      // Up to the router's limit, an id is only an id that matches nothing, after the sign-in check.
      const within = await app.inject({ method: 'GET', url: `/api/clients/${'a'.repeat(400)}` });
      expect(within.statusCode).toBe(401);
      const signedIn = await app.inject({
        method: 'GET',
        url: `/api/clients/${'a'.repeat(400)}`,
        headers: counsellor.headers,
      });
      expect(signedIn.statusCode).toBe(404);
    });
  });

  describe('rules that a check constraint used to catch', () => {
    it('an interpreter language on a client who needs none is refused; unticking the need clears it', async () => {
      const client = await makeClient(handle().db, { organizationId });
      const url = `/api/clients/${client.id}`;
      const refused = await app.inject({
        method: 'PATCH',
        url,
        headers: counsellor.headers,
        payload: { interpreterLanguage: 'Tamil' },
      });
      expect(refused.statusCode).toBe(400);
      expect(problem(refused).reason).toBe('interpreter_not_needed');
      const both = await app.inject({
        method: 'PATCH',
        url,
        headers: counsellor.headers,
        payload: { interpreterNeeded: true, interpreterLanguage: 'Tamil' },
      });
      expect(both.statusCode).toBe(200);
      const cleared = await app.inject({
        method: 'PATCH',
        url,
        headers: counsellor.headers,
        payload: { interpreterNeeded: false },
      });
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json().identityContact).toMatchObject({ interpreterNeeded: false, interpreterLanguage: null });
    });

    it('an assessment dated before the client’s birth is refused, and no log line carries the birth date', async () => {
      const client = await makeClient(handle().db, { organizationId });
      lines.length = 0;
      const response = await app.inject({
        method: 'POST',
        url: `/api/clients/${client.id}/assessments`,
        headers: counsellor.headers,
        payload: { assessedOn: '1980-01-01' },
      });
      expect(response.statusCode).toBe(400);
      expect(problem(response).reason).toBe('before_date_of_birth');
      expect(lines.join('\n')).not.toContain('1990-04-01');
    });
  });

  describe('an attachment of no bytes', () => {
    it('is refused with its reason ("+" is valid base64 for nothing at all)', async () => {
      const client = await makeClient(handle().db, { organizationId });
      const response = await app.inject({
        method: 'POST',
        url: `/api/clients/${client.id}/attachments`,
        headers: counsellor.headers,
        payload: { kind: 'resume', fileName: 'cv.txt', contentType: 'text/plain', contentBase64: '+' },
      });
      expect(response.statusCode).toBe(400);
      expect(problem(response).errors).toEqual([
        expect.objectContaining({ field: 'contentBase64', code: 'empty_file' }),
      ]);
    });
  });

  describe('a client’s tasks', () => {
    it('page with a true total past 500', async () => {
      const client = await makeClient(handle().db, { organizationId });
      await handle()
        .db.insertInto('tasks')
        .values(
          Array.from({ length: 520 }, (_, i) => ({
            clientId: client.id,
            organizationId,
            createdBy: null,
            assignedTo: counsellorId,
            kind: 'follow_up' as const,
            title: `Task ${i}`,
            dueOn: '2099-01-01',
            recurUntil: null,
            previousTaskId: null,
          })),
        )
        .execute();
      await makeTask(handle().db, { clientId: client.id, organizationId, assignedTo: counsellorId });
      const page = async (n: number) =>
        (
          await app.inject({
            method: 'GET',
            url: `/api/clients/${client.id}/tasks?page=${n}`,
            headers: counsellor.headers,
          })
        ).json() as { items: { id: string }[]; total: number; perPage: number };
      const first = await page(1);
      expect(first).toMatchObject({ total: 521, perPage: 100 });
      expect(first.items).toHaveLength(100);
      expect((await page(6)).items).toHaveLength(21);
      expect(await page(7)).toMatchObject({ items: [], total: 521 });
      const ids = new Set<string>();
      for (let n = 1; n <= 6; n++) for (const task of (await page(n)).items) ids.add(task.id);
      expect(ids.size).toBe(521);
    });
  });
});
