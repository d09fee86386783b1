import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeOrganization, makeSession, makeUser } from '../../../test/factories.ts';
import { currentStep, totpCode } from '../../lib/totp.ts';
import { createSecretBox } from '../../lib/secret-box.ts';
import type { AppInstance } from '../../server/app.ts';
import { buildApp } from '../../server/app.ts';

const PASSWORD = 'maple syrup on a snowy tuesday';

describeEachEngine('two-step sign-in (TOTP)', ({ handle }) => {
  let app: AppInstance;
  beforeAll(async () => {
    app = await testApp(handle());
  });
  afterAll(async () => app.close());

  it('enrols with a confirmed code, then asks for a fresh code at every sign-in and refuses replays', async () => {
    const db = handle().db;
    const organizationId = (await makeOrganization(db)).id;
    const user = await makeUser(db, { organizationId, password: PASSWORD });
    const session = await makeSession(db, user);
    const started = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp', headers: session.headers });
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri } = started.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp/confirm',
      headers: session.headers,
      payload: { code: String((Number(totpCode(secret, currentStep())) + 500_000) % 1_000_000).padStart(6, '0') },
    });
    expect(wrong.statusCode).toBe(400);
    const step = currentStep();
    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp/confirm',
      headers: session.headers,
      payload: { code: totpCode(secret, step) },
    });
    expect(confirmed.statusCode).toBe(204);
    const me = await app.inject({ url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(me.json().user.mfaEnrolled).toBe(true);
    expect((await app.inject({ method: 'POST', url: '/api/auth/mfa/totp', headers: session.headers })).statusCode).toBe(
      409,
    );

    const login = (code?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: PASSWORD, ...(code ? { code } : {}) },
        remoteAddress: '198.51.100.7',
      });
    const missing = await login();
    expect(missing.statusCode).toBe(401);
    expect(missing.json().errors).toEqual([{ field: 'code', message: 'required' }]);
    // The code used to confirm enrolment is spent; the next one (one step of drift) works once.
    expect((await login(totpCode(secret, step))).statusCode).toBe(401);
    expect((await login(totpCode(secret, step + 1))).statusCode).toBe(200);
    expect((await login(totpCode(secret, step + 1))).statusCode).toBe(401);
    const reasons = (
      await db
        .selectFrom('auditLog')
        .select('reason')
        .where('actorUserId', '=', user.id)
        .where('action', '=', 'auth.sign_in')
        .orderBy('id')
        .execute()
    ).map((r) => r.reason);
    expect(reasons).toEqual(['mfa_code_missing', 'mfa_code_replayed', null, 'mfa_code_replayed']);
  });

  it('keeps the secret sealed at rest, opens older clear ones and reseals them, and says so when the key changed', async () => {
    const db = handle().db;
    const key = crypto.randomBytes(32);
    const keyed = await buildApp({ database: handle(), logLevel: 'silent', secretsKey: key });
    const otherKey = await buildApp({ database: handle(), logLevel: 'silent', secretsKey: crypto.randomBytes(32) });
    try {
      const organizationId = (await makeOrganization(db)).id;
      const user = await makeUser(db, { organizationId, password: PASSWORD });
      const session = await makeSession(db, user);
      const { secret } = (
        await keyed.inject({ method: 'POST', url: '/api/auth/mfa/totp', headers: session.headers })
      ).json<{ secret: string }>();
      const stored = async () =>
        db
          .selectFrom('users')
          .select(['totpSecret', 'totpPendingSecret'])
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow();
      expect((await stored()).totpPendingSecret).toMatch(/^v1\./);
      expect((await stored()).totpPendingSecret).not.toContain(secret);
      const step = currentStep();
      expect(
        (
          await keyed.inject({
            method: 'POST',
            url: '/api/auth/mfa/totp/confirm',
            headers: session.headers,
            payload: { code: totpCode(secret, step) },
          })
        ).statusCode,
      ).toBe(204);
      const sealed = (await stored()).totpSecret!;
      expect(sealed).toMatch(/^v1\./);
      expect(sealed).not.toContain(secret);
      expect(createSecretBox(key).open(sealed, user.id)).toBe(secret);

      const login = (app: AppInstance, code: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password: PASSWORD, code },
          remoteAddress: '198.51.100.8',
        });
      // Another key cannot open it: a clear answer that names the way out, and an audit reason.
      const unreadable = await login(otherKey, totpCode(secret, step + 1));
      expect(unreadable.statusCode).toBe(401);
      expect(unreadable.json().detail).toContain('Ask an administrator to reset it');
      // A secret stored in the clear before sealing works once more and is sealed on the way.
      await db.updateTable('users').set({ totpSecret: secret }).where('id', '=', user.id).execute();
      expect((await login(keyed, totpCode(secret, step + 1))).statusCode).toBe(200);
      expect(createSecretBox(key).open((await stored()).totpSecret!, user.id)).toBe(secret);
      const reasons = await db
        .selectFrom('auditLog')
        .select('reason')
        .where('actorUserId', '=', user.id)
        .where('action', '=', 'auth.sign_in')
        .orderBy('id')
        .execute();
      expect(reasons.map((r) => r.reason)).toEqual(['mfa_secret_unreadable', null]);
    } finally {
      await keyed.close();
      await otherKey.close();
    }
  });

  it('holds a user whose role requires two-step sign-in to enrolment until it is set up', async () => {
    const db = handle().db;
    const strict = await buildApp({
      database: handle(),
      logLevel: 'silent',
      sessionPolicy: { idleMinutes: 30, absoluteHours: 12, mfaRequiredRoles: ['agency_manager'] },
    });
    try {
      const organizationId = (await makeOrganization(db)).id;
      const manager = await makeUser(db, { organizationId, roles: ['agency_manager'] });
      const counsellor = await makeUser(db, { organizationId, roles: ['employment_counsellor'] });
      const managerSession = await makeSession(db, manager);
      const counsellorSession = await makeSession(db, counsellor);
      const me = await strict.inject({ url: '/api/auth/session', headers: { cookie: managerSession.cookie } });
      expect(me.json().mfaEnrolmentRequired).toBe(true);
      expect((await strict.inject({ url: '/api/users', headers: { cookie: managerSession.cookie } })).statusCode).toBe(
        403,
      );
      expect(
        (await strict.inject({ url: '/api/users', headers: { cookie: counsellorSession.cookie } })).statusCode,
      ).toBe(200);
      // What anyone may call without a session stays open (the directory, the footer's health check).
      expect((await strict.inject({ url: '/api/health', headers: { cookie: managerSession.cookie } })).statusCode).toBe(
        200,
      );
      expect(
        (await strict.inject({ url: '/api/organizations', headers: { cookie: managerSession.cookie } })).statusCode,
      ).toBe(200);
      const started = await strict.inject({
        method: 'POST',
        url: '/api/auth/mfa/totp',
        headers: managerSession.headers,
      });
      expect(started.statusCode).toBe(200);
      const confirmed = await strict.inject({
        method: 'POST',
        url: '/api/auth/mfa/totp/confirm',
        headers: managerSession.headers,
        payload: { code: totpCode(started.json().secret, currentStep()) },
      });
      expect(confirmed.statusCode).toBe(204);
      expect((await strict.inject({ url: '/api/users', headers: { cookie: managerSession.cookie } })).statusCode).toBe(
        200,
      );
    } finally {
      await strict.close();
    }
  });
});
