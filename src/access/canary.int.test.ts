import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';
import { makeOrganization, makeSession, makeUser } from '../../test/factories.ts';
import { buildApp, type AppInstance } from '../server/app.ts';

// Secrets and sensitive values must never reach the logs or the audit log. Canary strings are
// planted in every secret a request can carry, then looked for everywhere.
const CANARY_PASSWORD = 'canary-password-7f3a9c correct horse';

describeEachEngine('no secrets in logs or audit rows', ({ handle }) => {
  let app: AppInstance;
  const lines: string[] = [];
  beforeAll(async () => {
    app = await buildApp({ database: handle(), logLevel: 'trace', logStream: { write: (line) => lines.push(line) } });
    await app.ready();
  });
  afterAll(async () => app.close());

  it('keeps passwords, session tokens, CSRF tokens and reset tokens out of logs and audit rows', async () => {
    const db = handle().db;
    const organizationId = (await makeOrganization(db)).id;
    const user = await makeUser(db, { organizationId, password: CANARY_PASSWORD });
    const session = await makeSession(db, user);
    const sessionToken = session.cookie.split('=')[1]!;
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: CANARY_PASSWORD },
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: `${CANARY_PASSWORD} wrong` },
    });
    await app.inject({ url: '/api/auth/session', headers: session.headers });
    await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
    const resetMail = await db
      .selectFrom('outboxMessages')
      .select('bodyText')
      .where('recipient', '=', user.email)
      .executeTakeFirstOrThrow();
    const resetToken = /#token=([A-Za-z0-9_-]+)/.exec(resetMail.bodyText)![1]!;
    await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      payload: { token: resetToken, password: `${CANARY_PASSWORD} new` },
    });
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });

    const audit = JSON.stringify(
      await db
        .selectFrom('auditLog')
        .selectAll()
        .where((eb) => eb.or([eb('actorUserId', '=', user.id), eb('actorName', '=', user.email)]))
        .execute(),
    );
    expect(audit).toContain('auth.sign_in');
    const logs = lines.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of ['canary-password-7f3a9c', sessionToken, session.csrfToken, resetToken]) {
      expect(audit).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });
});
