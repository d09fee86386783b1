import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeClient, makeOrganization, makeSession, makeUser, type TestUser } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';

const PASSWORD = 'maple syrup on a snowy tuesday';

function cookieFrom(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0]! : setCookie!;
  return header.split(';')[0]!;
}

describeEachEngine('sign-in and sessions', ({ handle }) => {
  let app: AppInstance;
  let user: TestUser;
  let organizationId: string;
  beforeAll(async () => {
    app = await testApp(handle());
    organizationId = (await makeOrganization(handle().db)).id;
    user = await makeUser(handle().db, { organizationId, password: PASSWORD, roles: ['caseworker', 'agency_manager'] });
  });
  afterAll(async () => app.close());

  async function auditRows(filter: { actorName?: string; actorUserId?: string }) {
    let query = handle().db.selectFrom('auditLog').selectAll().orderBy('id');
    if (filter.actorName) query = query.where('actorName', '=', filter.actorName);
    if (filter.actorUserId) query = query.where('actorUserId', '=', filter.actorUserId);
    return query.execute();
  }

  it('signs in with a secure, http-only, same-site session cookie and audits it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email.toUpperCase(), password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^continuum_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const body = res.json();
    expect(body.user).toMatchObject({ id: user.id, organizationId, roles: ['agency_manager', 'caseworker'] });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(body)).not.toContain('passwordHash');
    const rows = await auditRows({ actorUserId: user.id });
    expect(rows.at(-1)).toMatchObject({
      action: 'auth.sign_in',
      outcome: 'succeeded',
      actorOrganizationId: organizationId,
    });
  });

  it('gives a new token at every sign-in', async () => {
    const first = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: PASSWORD },
    });
    const second = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: PASSWORD },
    });
    expect(cookieFrom(first.headers['set-cookie'])).not.toBe(cookieFrom(second.headers['set-cookie']));
  });

  it('answers an unknown account, a wrong password and a disabled account the same way', async () => {
    const disabled = await makeUser(handle().db, { organizationId, password: PASSWORD, status: 'disabled' });
    const attempts = [
      { email: `nobody-${user.id}@agency.example`, password: PASSWORD },
      { email: user.email, password: 'not the right password at all' },
      { email: disabled.email, password: PASSWORD },
    ];
    const answers = [];
    for (const payload of attempts) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
      const { requestId: _r, ...rest } = res.json();
      answers.push(rest);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const reasons = [];
    for (const payload of attempts) reasons.push((await auditRows({ actorName: payload.email.toLowerCase() })).at(-1));
    expect(reasons.map((r) => [r?.outcome, r?.reason])).toEqual([
      ['failed', 'unknown_account'],
      ['failed', 'wrong_password'],
      ['failed', 'account_disabled'],
    ]);
    // The audit never holds the password that was tried.
    const all = JSON.stringify(await auditRows({ actorName: user.email }));
    expect(all).not.toContain('not the right password');
  });

  it('refuses a malformed sign-in body with a clear problem', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: PASSWORD, remember: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'body', message: 'unknown field(s): remember', code: 'unrecognized_keys' },
    ]);
  });

  it('knows the signed-in user from the cookie and refuses anonymous callers', async () => {
    const session = await makeSession(handle().db, user);
    const me = await app.inject({ url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: user.id }, csrfToken: session.csrfToken });
    const anonymous = await app.inject({ url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(401);
    const forged = await app.inject({
      url: '/api/auth/session',
      headers: { cookie: 'continuum_session=forged-token-that-is-long-enough-xxxxxxx' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('needs the CSRF token to sign out, and ends the session', async () => {
    const session = await makeSession(handle().db, user);
    const withoutToken = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(withoutToken.statusCode).toBe(403);
    const wrongToken = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrongToken.statusCode).toBe(403);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/continuum_session=;/);
    const after = await app.inject({ url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('signs out everywhere at once', async () => {
    const other = await makeUser(handle().db, { organizationId });
    const sessions = [
      await makeSession(handle().db, other),
      await makeSession(handle().db, other),
      await makeSession(handle().db, other),
    ];
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: sessions[0]!.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sessionsEnded: 3 });
    for (const s of sessions) {
      expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    }
  });

  it('ends a session after the idle timeout, after the absolute timeout, and when the user is disabled', async () => {
    const db = handle().db;
    const idle = await makeSession(db, user);
    const absolute = await makeSession(db, user);
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: sql`now() - interval '31 minutes'` })
      .where('csrfToken', '=', idle.csrfToken)
      .execute();
    await db
      .updateTable('sessions')
      .set({ absoluteExpiresAt: sql`now() - interval '1 second'` })
      .where('csrfToken', '=', absolute.csrfToken)
      .execute();
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: idle.cookie } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: absolute.cookie } })).statusCode).toBe(401);

    const leaving = await makeUser(db, { organizationId });
    const session = await makeSession(db, leaving);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    await db
      .updateTable('users')
      .set({ status: 'disabled', disabledAt: new Date() })
      .where('id', '=', leaving.id)
      .execute();
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: session.cookie } })).statusCode).toBe(401);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const db = handle().db;
    const [row] = await auditRows({ actorUserId: user.id });
    expect(row).toBeDefined();
    await expect(
      db.updateTable('auditLog').set({ outcome: 'denied' }).where('id', '=', row!.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('auditLog').where('id', '=', row!.id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });
});

describeEachEngine('sign-in throttling', ({ handle }) => {
  let app: AppInstance;
  beforeAll(async () => {
    app = await testApp(handle());
  });
  afterAll(async () => app.close());

  it('blocks an account from one address after five failures, without locking the real user out elsewhere', async () => {
    const organizationId = (await makeOrganization(handle().db)).id;
    const user = await makeUser(handle().db, { organizationId, password: PASSWORD });
    const attacker = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const attempt = (password: string, remoteAddress: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password }, remoteAddress });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong guess number ${i}`, attacker)).statusCode).toBe(401);
    const blocked = await attempt(PASSWORD, attacker);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    // The real user, on their own network, still signs in.
    expect((await attempt(PASSWORD, '192.0.2.44')).statusCode).toBe(200);
    const denied = await handle()
      .db.selectFrom('auditLog')
      .select(['outcome', 'reason'])
      .where('actorName', '=', user.email)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([{ outcome: 'denied', reason: 'throttled' }]);
  });

  it("lifts the account's blocks when its owner resets the password by e-mail", async () => {
    const db = handle().db;
    const organizationId = (await makeOrganization(db)).id;
    const user = await makeUser(db, { organizationId, password: PASSWORD });
    const home = `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const attempt = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password },
        remoteAddress: home,
      });
    for (let i = 0; i < 5; i++) await attempt(`forgotten password ${i}`);
    expect((await attempt(PASSWORD)).statusCode).toBe(429);
    await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: user.email },
      remoteAddress: home,
    });
    const message = await db
      .selectFrom('outboxMessages')
      .select('bodyText')
      .where('recipient', '=', user.email)
      .executeTakeFirstOrThrow();
    const token = /#token=([A-Za-z0-9_-]+)/.exec(message.bodyText)![1]!;
    const fresh = 'a new password by the lake';
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/password-reset/complete',
          payload: { token, password: fresh },
        })
      ).statusCode,
    ).toBe(204);
    expect((await attempt(fresh)).statusCode).toBe(200);
  });

  it('does not count the first step of a two-step sign-in (the right password, no code yet) as a failure', async () => {
    const db = handle().db;
    const organizationId = (await makeOrganization(db)).id;
    const user = await makeUser(db, { organizationId, password: PASSWORD });
    await db
      .updateTable('users')
      .set({ totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', totpEnrolledAt: new Date() })
      .where('id', '=', user.id)
      .execute();
    const address = `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 7; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: PASSWORD },
        remoteAddress: address,
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().errors).toEqual([{ field: 'code', message: 'required' }]);
    }
  });

  it('answers every API request with no-store', async () => {
    const res = await app.inject('/api/health');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describeEachEngine('per-user request limit', ({ handle }) => {
  it('answers 429 with Retry-After past the limit, for that user only', async () => {
    const { buildApp } = await import('../../server/app.ts');
    const limited = await buildApp({ database: handle(), logLevel: 'silent', requestsPerMinute: 5 });
    try {
      const organizationId = (await makeOrganization(handle().db)).id;
      const busy = await makeSession(handle().db, await makeUser(handle().db, { organizationId }));
      const calm = await makeSession(handle().db, await makeUser(handle().db, { organizationId }));
      const statuses = [];
      for (let i = 0; i < 7; i++)
        statuses.push(
          (await limited.inject({ url: '/api/auth/session', headers: { cookie: busy.cookie } })).statusCode,
        );
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const refused = await limited.inject({ url: '/api/auth/session', headers: { cookie: busy.cookie } });
      expect(refused.json().code).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await limited.inject({ url: '/api/auth/session', headers: { cookie: calm.cookie } })).statusCode).toBe(
        200,
      );
    } finally {
      await limited.close();
    }
  });

  it('holds across server processes within a tenth of the limit, and keeps every hit when a process stops', async () => {
    const { buildApp } = await import('../../server/app.ts');
    // Two servers on one database, each counting in memory and writing a tenth of the limit at a time.
    const limit = 40;
    const first = await buildApp({ database: handle(), logLevel: 'silent', requestsPerMinute: limit });
    const second = await buildApp({ database: handle(), logLevel: 'silent', requestsPerMinute: limit });
    const organizationId = (await makeOrganization(handle().db)).id;
    const user = await makeUser(handle().db, { organizationId });
    const busy = await makeSession(handle().db, user);
    const stored = async () =>
      (
        await handle()
          .db.selectFrom('rateLimits')
          .select('hits')
          .where('key', '=', `requests:user:${user.id}`)
          .executeTakeFirst()
      )?.hits ?? 0;
    try {
      let admitted = 0;
      for (let i = 0; i < 2 * limit; i++) {
        const app = i % 2 === 0 ? first : second;
        const res = await app.inject({ url: '/api/auth/session', headers: { cookie: busy.cookie } });
        if (res.statusCode === 200) admitted += 1;
        else expect(res.statusCode).toBe(429);
      }
      // Never refused early; past the limit by at most the other process's unwritten tenth.
      expect(admitted).toBeGreaterThanOrEqual(limit);
      expect(admitted).toBeLessThanOrEqual(limit + limit / 10);
      // Once over, both processes refuse.
      for (const app of [first, second])
        expect((await app.inject({ url: '/api/auth/session', headers: { cookie: busy.cookie } })).statusCode).toBe(429);
    } finally {
      await first.close();
      await second.close();
    }
    // Every request counted, the unwritten ones written as the servers stopped.
    expect(await stored()).toBe(2 * limit + 2);
  });

  it('holds on the client page, decided on guesses, within a tenth of the limit and a request per process', async () => {
    const { buildApp } = await import('../../server/app.ts');
    const limit = 40;
    const first = await buildApp({ database: handle(), logLevel: 'silent', requestsPerMinute: limit });
    const second = await buildApp({ database: handle(), logLevel: 'silent', requestsPerMinute: limit });
    const organizationId = (await makeOrganization(handle().db)).id;
    const user = await makeUser(handle().db, { organizationId, roles: ['employment_counsellor'] });
    const client = await makeClient(handle().db, { organizationId });
    const busy = await makeSession(handle().db, user);
    try {
      let admitted = 0;
      for (let i = 0; i < 2 * limit; i++) {
        const app = i % 2 === 0 ? first : second;
        const res = await app.inject({ url: `/api/clients/${client.id}`, headers: { cookie: busy.cookie } });
        if (res.statusCode === 200) admitted += 1;
        else expect(res.statusCode, res.body).toBe(429);
      }
      // Never refused early (near the limit a guess is not used); past it by at most the other process's
      // unwritten tenth and the one request each process judges on the count its previous request read.
      expect(admitted).toBeGreaterThanOrEqual(limit);
      expect(admitted).toBeLessThanOrEqual(limit + limit / 10 + 2);
      for (const app of [first, second])
        expect(
          (await app.inject({ url: `/api/clients/${client.id}`, headers: { cookie: busy.cookie } })).statusCode,
        ).toBe(429);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
