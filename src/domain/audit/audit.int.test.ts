import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import {
  makeClient,
  makeOrganization,
  makeSession,
  makeUser,
  type TestSession,
  type TestUser,
} from '../../../test/factories.ts';
import { writeAudit } from '../../access/audit.ts';
import crypto from 'node:crypto';
import type { AppInstance } from '../../server/app.ts';
import type { AuditList } from './audit.ts';

const PASSWORD = 'cedar canoes on lake ontario';

describeEachEngine('audit search', ({ handle }) => {
  let app: AppInstance;
  let agencyA: string;
  let agencyB: string;
  let admin: TestUser;
  let managerA: TestUser;
  let counsellorA: TestUser;
  let counsellorB: TestUser;
  const sessions = new Map<string, TestSession>();
  const search = async (user: TestUser | undefined, query: string) =>
    app.inject({ url: `/api/audit?${query}`, headers: user ? { cookie: sessions.get(user.id)!.cookie } : {} });

  beforeAll(async () => {
    app = await testApp(handle());
    const db = handle().db;
    const city = (await makeOrganization(db, { type: 'system_manager' })).id;
    agencyA = (await makeOrganization(db)).id;
    agencyB = (await makeOrganization(db)).id;
    admin = await makeUser(db, { organizationId: city, roles: ['system_administrator'] });
    managerA = await makeUser(db, { organizationId: agencyA, roles: ['agency_manager'] });
    counsellorA = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'], password: PASSWORD });
    counsellorB = await makeUser(db, { organizationId: agencyB, roles: ['employment_counsellor'], password: PASSWORD });
    for (const u of [admin, managerA, counsellorA, counsellorB]) sessions.set(u.id, await makeSession(db, u));
    // Real sign-ins, one failed, give each counsellor audit rows of their own.
    for (const user of [counsellorA, counsellorB]) {
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: 'not the password at all' },
      });
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: PASSWORD } });
    }
  });
  afterAll(async () => app.close());

  it('finds a sign-in for a system administrator, by actor, action prefix and outcome, naming the actor and organization', async () => {
    const res = await search(admin, `actorUserId=${counsellorA.id}&action=auth`);
    expect(res.statusCode).toBe(200);
    const body = res.json<AuditList>();
    expect(body.items.map((r) => `${r.action} ${r.outcome}`)).toEqual([
      'auth.sign_in succeeded',
      'auth.sign_in failed',
    ]);
    expect(body.items[0]).toMatchObject({
      actorEmail: counsellorA.email,
      actorName: counsellorA.displayName,
      actorOrganizationId: agencyA,
    });
    expect(body.items[0]!.actorOrganizationName).toMatch(/^Test Agency/);
    expect(body).toMatchObject({ total: 2, totalCapped: false });
    const failed = await search(admin, `organizationId=${agencyB}&outcome=failed`);
    expect(failed.json<AuditList>().items.map((r) => r.actorUserId)).toEqual([counsellorB.id]);
    const future = await search(
      admin,
      `actorUserId=${counsellorA.id}&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(future.json<AuditList>().total).toBe(0);
  });

  it("keeps an agency manager to their own staff's rows, whatever the filters say", async () => {
    const own = await search(managerA, 'action=auth.sign_in');
    expect(own.statusCode).toBe(200);
    const actors = new Set(own.json<AuditList>().items.map((r) => r.actorOrganizationId));
    expect([...actors]).toEqual([agencyA]);
    for (const query of [`organizationId=${agencyB}`, `actorUserId=${counsellorB.id}`]) {
      expect((await search(managerA, query)).json()).toMatchObject({ items: [], total: 0 });
    }
  });

  it('refuses other roles (403, audited) and visitors (401), and checks the filters', async () => {
    expect((await search(counsellorA, '')).statusCode).toBe(403);
    expect((await search(undefined, '')).statusCode).toBe(401);
    const bad = await search(admin, 'actorUserId=someone&outcome=maybe&perPage=1000');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['querystring.actorUserId', 'querystring.outcome', 'querystring.perPage']);
    const denied = await handle()
      .db.selectFrom('auditLog')
      .select('outcome')
      .where('action', '=', 'audit.read_by_actor')
      .where('actorUserId', '=', counsellorA.id)
      .execute();
    expect(denied).toEqual([{ outcome: 'denied' }]);
  });

  it('audits each search with its filters and the ids of the rows it returned', async () => {
    const res = await search(admin, `actorUserId=${counsellorB.id}`);
    const ids = res.json<AuditList>().items.map((r) => r.id);
    expect(ids).toHaveLength(2);
    const row = await handle()
      .db.selectFrom('auditLog')
      .select(['reason', 'recordId'])
      .where('action', '=', 'audit.read_by_actor')
      .where('actorUserId', '=', admin.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      reason: `actorUserId=${counsellorB.id}; 2 row(s), ids ${Math.min(...ids)}-${Math.max(...ids)}`,
      recordId: counsellorB.id,
    });
  });

  it("shows a client's rows to the manager of the agency holding the file, and a random id's 404 to everyone else", async () => {
    const db = handle().db;
    const client = await makeClient(db, { organizationId: agencyA });
    const counsellorActor = {
      kind: 'user' as const,
      userId: counsellorA.id,
      organizationId: agencyA,
      roles: counsellorA.roles,
      sessionId: 's',
    };
    await writeAudit(db, counsellorActor, {
      action: 'client.read',
      outcome: 'succeeded',
      recordType: 'client',
      recordId: client.id,
      clientId: client.id,
      purpose: 'integrated_case_management',
    });
    const read = (user: TestUser, id: string) =>
      app.inject({ url: `/api/clients/${id}/audit`, headers: { cookie: sessions.get(user.id)!.cookie } });

    const own = await read(managerA, client.id);
    expect(own.statusCode).toBe(200);
    expect(own.json<AuditList>().items).toEqual([
      expect.objectContaining({
        action: 'client.read',
        actorUserId: counsellorA.id,
        clientId: client.id,
        purpose: 'integrated_case_management',
      }),
    ]);
    // Another agency's manager, and an administrator (no client information for system roles), see nothing.
    const managerB = await makeUser(db, { organizationId: agencyB, roles: ['agency_manager'] });
    sessions.set(managerB.id, await makeSession(db, managerB));
    const hidden = await read(managerB, client.id);
    const random = await read(managerB, crypto.randomUUID());
    expect(hidden.statusCode).toBe(404);
    const { requestId: _a, instance: _b, ...hiddenBody } = hidden.json();
    const { requestId: _c, instance: _d, ...randomBody } = random.json();
    expect(hiddenBody).toEqual(randomBody);
    expect((await read(admin, client.id)).statusCode).toBe(403);
    expect((await read(counsellorA, client.id)).statusCode).toBe(403);

    const rows = await db
      .selectFrom('auditLog')
      .select(['actorUserId', 'outcome', 'reason'])
      .where('action', '=', 'audit.read_by_client')
      .where('clientId', '=', client.id)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { actorUserId: managerA.id, outcome: 'succeeded', reason: expect.stringContaining('1 row(s)') },
      { actorUserId: managerB.id, outcome: 'denied', reason: 'not_visible' },
    ]);
  });
});
