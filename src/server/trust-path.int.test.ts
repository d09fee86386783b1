import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';
import { testApp } from '../../test/app.ts';
import { makeClient, makeConsent, makeOrganization, makeSession, makeUser } from '../../test/factories.ts';
import { countStatements } from '../db/statement-count.ts';
import type { AppInstance } from './app.ts';

// The trust path with two server processes on one database (two apps, each with its own pool,
// compiled statements and request counts): what one of them changes, the other obeys on its very next
// request, also on the client page, whose access facts arrive with the session's own statement.

describeEachEngine('the trust path across server processes', ({ handle }) => {
  let first: AppInstance;
  let second: AppInstance;

  beforeAll(async () => {
    first = await testApp(handle());
    second = await testApp(handle());
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  async function setting() {
    const db = handle().db;
    const holder = await makeOrganization(db, { type: 'employment_service_provider' });
    const partner = await makeOrganization(db, { type: 'employment_service_provider' });
    const counsellor = await makeUser(db, { organizationId: holder.id, roles: ['employment_counsellor'] });
    const manager = await makeUser(db, { organizationId: partner.id, roles: ['agency_manager'] });
    const worker = await makeUser(db, { organizationId: partner.id, roles: ['employment_counsellor'] });
    const client = await makeClient(db, { organizationId: holder.id });
    const consentId = await makeConsent(db, {
      clientId: client.id,
      organizationId: partner.id,
      recordedByOrganizationId: holder.id,
    });
    return {
      client,
      consentId,
      holding: await makeSession(db, counsellor),
      managing: await makeSession(db, manager),
      working: await makeSession(db, worker),
      worker,
    };
  }

  // The holding counsellor revokes the partner's consent through the first process.
  async function revokeThroughFirst(s: Awaited<ReturnType<typeof setting>>) {
    const revoked = await first.inject({
      method: 'POST',
      url: `/api/clients/${s.client.id}/consents/${s.consentId}/revoke`,
      headers: s.holding.headers,
      payload: { method: 'phone', reason: 'The client asked by phone.' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
  }

  it('a consent revoked through one process closes the file in the other on the next request', async () => {
    const s = await setting();
    const page = (app: AppInstance) => app.inject({ url: `/api/clients/${s.client.id}`, headers: s.working.headers });
    expect((await page(second)).statusCode).toBe(200);
    await revokeThroughFirst(s);
    const refused = await page(second);
    expect(refused.statusCode).toBe(404);
    // Read as for any id: the 404 says nothing of the file.
    expect(refused.json().code).toBe('not_found');
  });

  it('a session signed out, a user disabled and a role taken away through one process count in the other', async () => {
    const s = await setting();
    const read = (app: AppInstance, headers: Record<string, string>) =>
      app.inject({ url: `/api/clients/${s.client.id}`, headers });
    // Signed out through the first: the second answers 401.
    expect((await read(second, s.holding.headers)).statusCode).toBe(200);
    expect(
      (await first.inject({ method: 'POST', url: '/api/auth/logout', headers: s.holding.headers })).statusCode,
    ).toBe(204);
    expect((await read(second, s.holding.headers)).statusCode).toBe(401);
    // A role taken away by the manager through the first: the worker's next read through the second is 403.
    expect((await read(second, s.working.headers)).statusCode).toBe(200);
    const changed = await first.inject({
      method: 'PUT',
      url: `/api/users/${s.worker.id}/roles`,
      headers: s.managing.headers,
      payload: { roles: ['trainer'] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await read(second, s.working.headers)).statusCode).toBe(404);
    // Disabled through the first: every session of the user ends in the second too.
    const disabled = await first.inject({
      method: 'POST',
      url: `/api/users/${s.worker.id}/disable`,
      headers: s.managing.headers,
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((await read(second, s.working.headers)).statusCode).toBe(401);
  });

  it('answers the client page with two statements, both transactions, the audit row committed with the read', async () => {
    const s = await setting();
    const { result, count } = await countStatements(() =>
      second.inject({ url: `/api/clients/${s.client.id}`, headers: s.holding.headers }),
    );
    expect(result.statusCode).toBe(200);
    expect(count.statements).toBe(2);
    expect(count.transactions).toBe(2);
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select(['action', 'outcome', 'clientId', 'purpose'])
      .where('requestId', '=', String(result.headers['x-request-id']))
      .execute();
    expect(audit).toEqual([
      { action: 'client.read', outcome: 'succeeded', clientId: s.client.id, purpose: 'service_delivery' },
    ]);
  });

  it('answers a repeated client page with one statement, the same answer, its own audit row', async () => {
    const s = await setting();
    const read = (headers: Record<string, string>) =>
      countStatements(() => second.inject({ url: `/api/clients/${s.client.id}`, headers }));
    for (const headers of [s.holding.headers, s.working.headers]) {
      const first = await read(headers);
      const again = await read(headers);
      expect(again.result.statusCode).toBe(200);
      expect(again.count.statements).toBe(1);
      expect(again.count.transactions).toBe(1);
      // Decided on the guess, answered as the fresh read answered (a consented reader sees fewer categories).
      expect(again.result.json()).toEqual(first.result.json());
      const audit = await handle()
        .db.selectFrom('auditLog')
        .select(['action', 'outcome', 'clientId', 'purpose', 'reason'])
        .where('requestId', 'in', [
          String(first.result.headers['x-request-id']),
          String(again.result.headers['x-request-id']),
        ])
        .execute();
      expect(audit).toHaveLength(2);
      expect(audit[1]).toEqual(audit[0]);
    }
  });

  it('decides afresh once the facts change under a guess, then keeps to one statement on the new decision', async () => {
    const s = await setting();
    const read = () =>
      countStatements(() => second.inject({ url: `/api/clients/${s.client.id}`, headers: s.working.headers }));
    const reasonOf = async (response: { headers: Record<string, unknown> }) =>
      (
        await handle()
          .db.selectFrom('auditLog')
          .select('reason')
          .where('requestId', '=', String(response.headers['x-request-id']))
          .executeTakeFirstOrThrow()
      ).reason;
    await read();
    const wide = await read();
    expect(wide.count.statements).toBe(1);
    expect(await reasonOf(wide.result)).toContain('identity_contact');
    // The client narrows what the partner may see: the wide consent is revoked, an employment-only one given.
    await revokeThroughFirst(s);
    await makeConsent(handle().db, {
      clientId: s.client.id,
      organizationId: s.worker.organizationId,
      recordedByOrganizationId: s.client.organizationId,
      categories: ['employment'],
    });
    // The guarded statement finds another digest and reads nothing; the session statement and the usual
    // audited read follow.
    const narrow = await read();
    expect(narrow.result.statusCode).toBe(200);
    expect(narrow.count.statements).toBe(3);
    expect(await reasonOf(narrow.result)).toBe('scope cons; categories employment');
    expect(narrow.result.json()).not.toEqual(wide.result.json());
    expect(narrow.result.json().givenName).toBeUndefined();
    // The new decision is the guess now: one statement, the narrow answer, the narrow audit reason.
    const again = await read();
    expect(again.count.statements).toBe(1);
    expect(again.result.json()).toEqual(narrow.result.json());
    expect(await reasonOf(again.result)).toBe('scope cons; categories employment');
  });

  it('a consent given through one process opens the file in the other on the next request', async () => {
    const s = await setting();
    const db = handle().db;
    const other = await makeOrganization(db, { type: 'employment_service_provider' });
    const stranger = await makeSession(
      db,
      await makeUser(db, { organizationId: other.id, roles: ['employment_counsellor'] }),
    );
    const page = () => second.inject({ url: `/api/clients/${s.client.id}`, headers: stranger.headers });
    // Refused twice (the second on what the first read): a guess that refuses is never the answer.
    expect((await page()).statusCode).toBe(404);
    expect((await page()).statusCode).toBe(404);
    await makeConsent(db, {
      clientId: s.client.id,
      organizationId: other.id,
      recordedByOrganizationId: s.client.organizationId,
    });
    const opened = await page();
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().access.scope).toBe('cons');
  });

  it('a role given through one process counts in the other on the next client page', async () => {
    const s = await setting();
    const db = handle().db;
    // A trainer at the partner agency: no role that reads files, refused.
    const trainer = await makeUser(db, { organizationId: s.worker.organizationId, roles: ['trainer'] });
    const session = await makeSession(db, trainer);
    const page = () => second.inject({ url: `/api/clients/${s.client.id}`, headers: session.headers });
    const before = await page();
    expect([403, 404]).toContain(before.statusCode);
    expect((await page()).statusCode).toBe(before.statusCode);
    const changed = await first.inject({
      method: 'PUT',
      url: `/api/users/${trainer.id}/roles`,
      headers: s.managing.headers,
      payload: { roles: ['employment_counsellor'] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await page()).statusCode).toBe(200);
  });
});
