import { DEFAULT_TIME_ZONE } from '../../server/config.ts';
import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeOrganization, makeSession, makeUser, type TestUser } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import { addMonths, todayIn } from '../../lib/dates.ts';

const PASSWORD = 'a bicycle along the don valley';
const letters = (n: number) => [...crypto.randomBytes(n)].map((b) => 'bcdfghjklmnprstvwz'[b % 18]).join('');

describeEachEngine("a client's own account", ({ handle }) => {
  let app: AppInstance;
  let agency: string;
  let other: string;
  let counsellor: TestUser;
  let manager: TestUser;
  let manager2: TestUser;
  let outsider: TestUser;
  const headers = new Map<string, Record<string, string>>();
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: headers.get(who)!,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  beforeAll(async () => {
    app = await testApp(handle());
    const db = handle().db;
    agency = (await makeOrganization(db)).id;
    other = (await makeOrganization(db, { type: 'community_agency' })).id;
    counsellor = await makeUser(db, { organizationId: agency, roles: ['employment_counsellor'] });
    manager = await makeUser(db, { organizationId: agency, roles: ['agency_manager'] });
    manager2 = await makeUser(db, { organizationId: agency, roles: ['agency_manager'] });
    outsider = await makeUser(db, { organizationId: other, roles: ['employment_counsellor'] });
    for (const u of [counsellor, manager, manager2, outsider]) headers.set(u.id, (await makeSession(db, u)).headers);
  });
  afterAll(async () => app.close());

  async function clientWithAccount(): Promise<{ clientId: string; email: string }> {
    const created = await call(counsellor.id, 'POST', '/api/clients', {
      givenName: `${letters(1).toUpperCase()}${letters(5)}`,
      familyName: `${letters(1).toUpperCase()}${letters(8)}`,
      dateOfBirth: '1979-05-17',
      preferredLanguage: 'fr',
      educationLevel: 'high_school',
      incomeSource: 'ontario_works',
      barriers: [{ kind: 'housing', status: 'active' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const clientId = created.json().id;
    const email = `client-${crypto.randomBytes(4).toString('hex')}@example.org`;
    const invited = await call(counsellor.id, 'POST', `/api/clients/${clientId}/account`, { email });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json()).toMatchObject({
      roles: ['job_seeker'],
      status: 'invited',
      organizationId: agency,
      preferredLanguage: 'fr',
    });
    expect(
      (await call(counsellor.id, 'POST', `/api/clients/${clientId}/account`, { email: `x${email}` })).statusCode,
    ).toBe(409);
    const message = await handle()
      .db.selectFrom('outboxMessages')
      .select('bodyText')
      .where('recipient', '=', email)
      .executeTakeFirstOrThrow();
    const token = /#token=([A-Za-z0-9_-]+)/.exec(message.bodyText)![1]!;
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token, password: PASSWORD } }))
        .statusCode,
    ).toBe(204);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    headers.set(email, { cookie, 'x-csrf-token': login.json().csrfToken });
    return { clientId, email };
  }

  it('shows the client their own file, stream and plain-language reasons, plan and the notes made visible to them, and nothing else', async () => {
    const { clientId, email } = await clientWithAccount();
    await call(counsellor.id, 'POST', `/api/clients/${clientId}/assessments`, {});
    await call(counsellor.id, 'POST', `/api/clients/${clientId}/notes`, {
      kind: 'plan',
      visibility: 'client',
      body: 'Bring your résumé on Monday',
    });
    await call(counsellor.id, 'POST', `/api/clients/${clientId}/notes`, {
      kind: 'contact',
      visibility: 'agency',
      body: 'Internal only',
    });
    await call(counsellor.id, 'POST', `/api/clients/${clientId}/plan/goals`, { description: 'Find steady work' });

    const mine = await call(email, 'GET', '/api/me/client');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ id: clientId, access: { scope: 'self' } });
    const assessments = (await call(email, 'GET', `/api/clients/${clientId}/assessments`)).json();
    const housing = assessments.items[0].result.factors.find(
      (f: { code: string; applies: boolean }) => f.applies && f.code.includes('housing'),
    );
    expect(housing.plain.fr.length).toBeGreaterThan(10);
    const notes = (await call(email, 'GET', `/api/clients/${clientId}/notes`)).json();
    expect(notes.items.map((n: { body: string }) => n.body)).toEqual(['Bring your résumé on Monday']);
    expect((await call(email, 'GET', `/api/clients/${clientId}/plan`)).json().goals).toHaveLength(1);
    expect(
      (
        await call(email, 'POST', `/api/clients/${clientId}/plan/acknowledgements`, {
          agrees: true,
          method: 'in_person',
        })
      ).statusCode,
    ).toBe(400);
    const agreed = await call(email, 'POST', `/api/clients/${clientId}/plan/acknowledgements`, {
      agrees: false,
      method: 'client_account',
      comment: 'I would rather start with training',
    });
    expect(agreed.statusCode, agreed.body).toBe(201);
    expect(agreed.json().acknowledgement).toMatchObject({ agrees: false, method: 'client_account' });
    // The client cannot reach staff-only records or another client.
    expect((await call(email, 'GET', `/api/clients/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await call(email, 'POST', '/api/caseload', {})).statusCode).toBe(403);
    expect((await call(email, 'GET', `/api/clients/${clientId}/tasks`)).statusCode).toBe(403);
    expect((await call(email, 'GET', `/api/clients/${clientId}/audit`)).statusCode).toBe(200);
  });

  it('tells the client who opened their file, from which agency, what and when, grouped by day, and no one else', async () => {
    const { clientId, email } = await clientWithAccount();
    for (let i = 0; i < 3; i += 1) await call(counsellor.id, 'GET', `/api/clients/${clientId}`);
    await call(counsellor.id, 'GET', `/api/clients/${clientId}/notes`);
    // Another agency without consent is refused: the client sees that attempt too.
    expect((await call(outsider.id, 'GET', `/api/clients/${clientId}`)).statusCode).toBe(404);
    // The client's own reads are not "someone opened my file".
    await call(email, 'GET', '/api/me/client');
    const res = await call(email, 'GET', `/api/clients/${clientId}/access-log`);
    expect(res.statusCode, res.body).toBe(200);
    const log = res.json() as {
      items: {
        day: string;
        name: string | null;
        organizationName: string | null;
        action: string;
        outcome: string;
        times: number;
      }[];
      total: number;
    };
    const today = todayIn(DEFAULT_TIME_ZONE);
    const reads = log.items.find((i) => i.action === 'client.read' && i.name === counsellor.displayName);
    expect(reads).toMatchObject({ day: today, outcome: 'succeeded', times: 3 });
    expect(log.items.some((i) => i.action === 'note.read' && i.name === counsellor.displayName)).toBe(true);
    expect(log.items.find((i) => i.name === outsider.displayName)).toMatchObject({
      action: 'client.read',
      outcome: 'denied',
    });
    expect(log.items.every((i) => i.name !== null)).toBe(true);
    // Nothing of the client's own account, and no e-mail, request id or reason in the answer.
    expect(res.body).not.toContain(email);
    expect(res.body).not.toContain('requestId');
    expect(log.total).toBe(log.items.length);
    // Reading it is audited against the client. A role without the right is refused whatever the id (the
    // route matrix covers another agency's manager: 404).
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select('reason')
      .where('clientId', '=', clientId)
      .where('action', '=', 'audit.read_by_client')
      .execute();
    expect(audit.map((a) => a.reason)).toContainEqual(expect.stringContaining('access log'));
    const refused = await call(outsider.id, 'GET', `/api/clients/${clientId}/access-log`);
    const random = await call(outsider.id, 'GET', `/api/clients/${crypto.randomUUID()}/access-log`);
    expect([refused.statusCode, random.statusCode]).toEqual([403, 403]);
    // The counsellor (no audit right) is refused; the holding agency's manager reads the same lines.
    expect((await call(counsellor.id, 'GET', `/api/clients/${clientId}/access-log`)).statusCode).toBe(403);
    const managers = (await call(manager.id, 'GET', `/api/clients/${clientId}/access-log`)).json();
    expect(
      managers.items.find(
        (i: { action: string; name: string }) => i.action === 'client.read' && i.name === counsellor.displayName,
      ),
    ).toMatchObject({ times: 3 });
  });

  it('lets the client grant and revoke consents from their account', async () => {
    const { clientId, email } = await clientWithAccount();
    const staffMethod = await call(email, 'POST', `/api/clients/${clientId}/consents`, {
      organizationId: other,
      categories: ['identity_contact'],
      purpose: 'referral',
      method: 'in_person',
      expiresOn: addMonths(todayIn(DEFAULT_TIME_ZONE), 3),
    });
    expect(staffMethod.statusCode).toBe(400);
    const granted = await call(email, 'POST', `/api/clients/${clientId}/consents`, {
      organizationId: other,
      categories: ['identity_contact', 'employment'],
      purpose: 'referral',
      method: 'client_account',
      expiresOn: addMonths(todayIn(DEFAULT_TIME_ZONE), 3),
    });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json()).toMatchObject({
      method: 'client_account',
      evidence: expect.stringContaining('own account'),
    });
    expect((await call(outsider.id, 'GET', `/api/clients/${clientId}`)).statusCode).toBe(200);
    expect(
      (
        await call(counsellor.id, 'POST', `/api/clients/${clientId}/consents`, {
          organizationId: other,
          categories: ['notes'],
          purpose: 'referral',
          method: 'client_account',
          evidence: 'x',
          expiresOn: addMonths(todayIn(DEFAULT_TIME_ZONE), 3),
        })
      ).statusCode,
    ).toBe(400);
    const revoked = await call(email, 'POST', `/api/clients/${clientId}/consents/${granted.json().id}/revoke`, {
      method: 'client_account',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await call(outsider.id, 'GET', `/api/clients/${clientId}`)).statusCode).toBe(404);
  });

  it('turns a review request into a task for another manager, whose written answer the client reads', async () => {
    const { clientId, email } = await clientWithAccount();
    const first = (await call(counsellor.id, 'POST', `/api/clients/${clientId}/assessments`, {})).json();
    const override = await call(manager.id, 'POST', `/api/clients/${clientId}/assessments/${first.id}/override`, {
      stream: first.stream === 'C' ? 'B' : 'C',
      justification: 'Manager judgement after a case conference',
    });
    expect(override.statusCode, override.body).toBe(201);
    const asked = await call(email, 'POST', `/api/clients/${clientId}/assessments/${override.json().id}/reviews`, {
      reason: 'My housing is stable now',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'open', requestedVia: 'client_account' });
    // The task went to the manager who did not override.
    const tasks = (await call(manager2.id, 'GET', '/api/tasks')).json().items;
    expect(tasks).toContainEqual(expect.objectContaining({ kind: 'review_request', clientId }));
    expect(
      (
        await call(manager.id, 'POST', `/api/clients/${clientId}/reviews/${asked.json().id}/answer`, {
          answer: 'I overrode it myself, so I should not answer',
          outcome: 'upheld',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(manager2.id, 'POST', `/api/clients/${clientId}/reviews/${asked.json().id}/answer`, {
          answer: 'short',
          outcome: 'upheld',
        })
      ).statusCode,
    ).toBe(400);
    const answered = await call(manager2.id, 'POST', `/api/clients/${clientId}/reviews/${asked.json().id}/answer`, {
      answer: 'We reviewed your file with the new housing letter; we will reassess this week.',
      outcome: 'changed',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const seen = (await call(email, 'GET', `/api/clients/${clientId}/reviews`)).json().items[0];
    expect(seen).toMatchObject({
      status: 'answered',
      outcome: 'changed',
      answer: expect.stringContaining('housing letter'),
    });
    expect(
      (await call(manager2.id, 'GET', '/api/tasks'))
        .json()
        .items.filter((t: { clientId: string }) => t.clientId === clientId),
    ).toEqual([]);
    expect((await call(outsider.id, 'GET', `/api/clients/${clientId}/reviews`)).statusCode).toBe(404);
  });
});
