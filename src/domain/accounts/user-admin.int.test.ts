import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeOrganization, makeSession, makeUser, type TestSession, type TestUser } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';

const NEW_PASSWORD = 'lanterns along the humber river';

describeEachEngine('user administration', ({ handle }) => {
  let app: AppInstance;
  let agencyA: string;
  let agencyB: string;
  let cityOrg: string;
  let admin: TestUser;
  let managerA: TestUser;
  let counsellorA: TestUser;
  let counsellorB: TestUser;
  const sessions = new Map<string, TestSession>();
  const as = (user: TestUser) => sessions.get(user.id)!.headers;

  beforeAll(async () => {
    app = await testApp(handle());
    const db = handle().db;
    cityOrg = (await makeOrganization(db, { type: 'system_manager' })).id;
    agencyA = (await makeOrganization(db)).id;
    agencyB = (await makeOrganization(db)).id;
    admin = await makeUser(db, { organizationId: cityOrg, roles: ['system_administrator'] });
    managerA = await makeUser(db, { organizationId: agencyA, roles: ['agency_manager'] });
    counsellorA = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    counsellorB = await makeUser(db, { organizationId: agencyB, roles: ['employment_counsellor'] });
    for (const u of [admin, managerA, counsellorA, counsellorB]) sessions.set(u.id, await makeSession(db, u));
  });
  afterAll(async () => app.close());

  async function latestMessageTo(recipient: string) {
    return handle()
      .db.selectFrom('outboxMessages')
      .select(['subject', 'bodyText'])
      .where('recipient', '=', recipient)
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow();
  }
  const tokenIn = (body: string) => /#token=([A-Za-z0-9_-]+)/.exec(body)![1]!;

  it('lets a manager invite into their own agency: the server sets the organization and the invitee chooses a password', async () => {
    const email = `new-${crypto.randomBytes(4).toString('hex')}@agency.example`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: as(managerA),
      payload: { email, displayName: 'Nadia Haddad', roles: ['caseworker'] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ organizationId: agencyA, status: 'invited', roles: ['caseworker'] });
    const message = await latestMessageTo(email);
    expect(message.bodyText).toContain('http://localhost:3000/accept-invitation#token=');
    expect(message.bodyText).toContain('Bonjour Nadia Haddad');
    // Invited accounts cannot sign in before choosing a password.
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: NEW_PASSWORD } }))
        .statusCode,
    ).toBe(401);
    const token = tokenIn(message.bodyText);
    const weak = await app.inject({
      method: 'POST',
      url: '/api/auth/accept-invitation',
      payload: { token, password: 'password12345' },
    });
    expect(weak.statusCode).toBe(400);
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/auth/accept-invitation',
      payload: { token, password: NEW_PASSWORD },
    });
    expect(accepted.statusCode).toBe(204);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/accept-invitation',
          payload: { token, password: NEW_PASSWORD },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: NEW_PASSWORD } }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a forged organization, a role the organization cannot hold, and a role the manager cannot grant', async () => {
    const email = () => `x-${crypto.randomBytes(4).toString('hex')}@agency.example`;
    const forged = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: as(managerA),
      payload: { organizationId: agencyB, email: email(), displayName: 'X', roles: ['caseworker'] },
    });
    expect(forged.statusCode).toBe(403);
    const denied = await handle()
      .db.selectFrom('auditLog')
      .select(['outcome', 'recordId'])
      .where('actorUserId', '=', managerA.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toContainEqual({ outcome: 'denied', recordId: agencyB });
    const misplaced = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: as(managerA),
      payload: { email: email(), displayName: 'X', roles: ['employer_user'] },
    });
    expect(misplaced.statusCode).toBe(400);
    expect(misplaced.json().errors[0].field).toBe('roles');
    const counsellor = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: as(counsellorA),
      payload: { email: email(), displayName: 'X', roles: ['caseworker'] },
    });
    expect(counsellor.statusCode).toBe(403);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email: email(), displayName: 'X', roles: ['caseworker'] },
    });
    expect(anonymous.statusCode).toBe(401);
    // A system administrator may name the organization, and grant system roles there.
    const byAdmin = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: as(admin),
      payload: { organizationId: cityOrg, email: email(), displayName: 'Analyst', roles: ['system_analyst'] },
    });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json().organizationId).toBe(cityOrg);
  });

  it('scopes the user list by the caller', async () => {
    const ids = async (user: TestUser, query = '') => {
      const res = await app.inject({
        url: `/api/users?perPage=100${query}`,
        headers: { cookie: sessions.get(user.id)!.cookie },
      });
      expect(res.statusCode).toBe(200);
      return (res.json().items as { id: string }[]).map((u) => u.id);
    };
    const seenByManager = await ids(managerA);
    expect(seenByManager).toContain(counsellorA.id);
    expect(seenByManager).not.toContain(counsellorB.id);
    expect(await ids(managerA, `&organizationId=${agencyB}`)).toEqual([]);
    expect(await ids(counsellorA)).toEqual([counsellorA.id]);
    expect(await ids(admin, `&organizationId=${agencyB}`)).toEqual([counsellorB.id]);
  });

  it('answers 404 for a user in another agency, as for a random id', async () => {
    const other = await app.inject({
      method: 'PUT',
      url: `/api/users/${counsellorB.id}/roles`,
      headers: as(managerA),
      payload: { roles: ['caseworker'] },
    });
    const random = await app.inject({
      method: 'PUT',
      url: `/api/users/${crypto.randomUUID()}/roles`,
      headers: as(managerA),
      payload: { roles: ['caseworker'] },
    });
    expect(other.statusCode).toBe(404);
    expect(random.statusCode).toBe(404);
    const { requestId: _a, instance: _b, ...otherBody } = other.json();
    const { requestId: _c, instance: _d, ...randomBody } = random.json();
    expect(otherBody).toEqual(randomBody);
  });

  it('changes roles (effective on the next request) and disables a user, ending every session at once', async () => {
    const db = handle().db;
    const target = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    const s1 = await makeSession(db, target);
    const s2 = await makeSession(db, target);
    const changed = await app.inject({
      method: 'PUT',
      url: `/api/users/${target.id}/roles`,
      headers: as(managerA),
      payload: { roles: ['caseworker', 'job_developer'] },
    });
    expect(changed.statusCode).toBe(200);
    const me = await app.inject({ url: '/api/auth/session', headers: { cookie: s1.cookie } });
    expect(me.json().user.roles).toEqual(['caseworker', 'job_developer']);
    const disabled = await app.inject({
      method: 'POST',
      url: `/api/users/${target.id}/disable`,
      headers: as(managerA),
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');
    for (const s of [s1, s2])
      expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    const self = await app.inject({ method: 'POST', url: `/api/users/${managerA.id}/disable`, headers: as(managerA) });
    expect(self.statusCode).toBe(403);
  });

  it('resets a password by e-mail without revealing which addresses have accounts', async () => {
    const db = handle().db;
    const user = await makeUser(db, { organizationId: agencyA, password: 'maple syrup on a snowy tuesday' });
    const old = await makeSession(db, user);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: `nobody-${user.id}@agency.example` },
    });
    const known = await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    const token = tokenIn((await latestMessageTo(user.email)).bodyText);
    const done = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      payload: { token, password: NEW_PASSWORD },
    });
    expect(done.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: old.cookie } })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password: NEW_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/password-reset/complete',
          payload: { token, password: NEW_PASSWORD },
        })
      ).statusCode,
    ).toBe(400);
  });

  it("shows an actor's audit rows to system administrators and their own manager, and audits the reading", async () => {
    const res = await app.inject({
      url: `/api/audit?actorUserId=${managerA.id}`,
      headers: { cookie: sessions.get(admin.id)!.cookie },
    });
    expect(res.statusCode).toBe(200);
    const actions = (res.json().items as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['user.invite', 'user.update_roles', 'user.disable']));
    const filtered = await app.inject({
      url: `/api/audit?actorUserId=${managerA.id}&action=user.disable`,
      headers: { cookie: sessions.get(admin.id)!.cookie },
    });
    expect((filtered.json().items as { action: string }[]).every((r) => r.action === 'user.disable')).toBe(true);
    const byCounsellor = await app.inject({
      url: `/api/audit?actorUserId=${managerA.id}`,
      headers: { cookie: sessions.get(counsellorA.id)!.cookie },
    });
    expect(byCounsellor.statusCode).toBe(403);
    const otherAgency = await app.inject({
      url: `/api/audit?actorUserId=${counsellorB.id}`,
      headers: { cookie: sessions.get(managerA.id)!.cookie },
    });
    expect(otherAgency.json()).toMatchObject({ items: [], total: 0 });
    const reads = await handle()
      .db.selectFrom('auditLog')
      .select(['outcome', 'actorUserId'])
      .where('action', '=', 'audit.read_by_actor')
      .where('actorUserId', 'in', [counsellorA.id, managerA.id])
      .orderBy('id')
      .execute();
    expect(reads).toEqual([
      { outcome: 'denied', actorUserId: counsellorA.id },
      { outcome: 'succeeded', actorUserId: managerA.id },
    ]);
  });
});
