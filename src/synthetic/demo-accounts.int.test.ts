import crypto from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createSecretBox } from '../lib/secret-box.ts';
import { describeEachEngine } from '../../test/db.ts';
import { signIn } from '../domain/accounts/account.service.ts';
import { createDemoAccounts, formatDemoAccounts, type DemoAccount } from './demo-accounts.ts';
import { loadSyntheticCity } from './load-city.ts';

describeEachEngine('demo city accounts', ({ handle }) => {
  let accounts: DemoAccount[];
  beforeAll(async () => {
    // Enough clients that each demo agency's synthetic workers carry files.
    await loadSyntheticCity(handle(), { seed: 3, clients: 400 });
    accounts = await createDemoAccounts(handle().db);
  });

  it('creates one account per demo role with a random password that signs in, stored only as a hash', async () => {
    expect(accounts.map((a) => a.roles[0])).toEqual([
      'system_administrator',
      'system_analyst',
      'agency_manager',
      'employment_counsellor',
      'job_seeker',
      'caseworker',
      'employer_user',
    ]);
    expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
    const printed = formatDemoAccounts(accounts);
    expect(printed).toContain('admin@demo.continuum.example');
    const admin = accounts[0]!;
    const result = await signIn(
      handle().db,
      { email: admin.email, password: admin.password },
      {
        requestId: 'test',
        userAgent: null,
        ip: '127.0.0.1',
        policy: { idleMinutes: 30, absoluteHours: 12 },
        secretBox: createSecretBox(crypto.randomBytes(32)),
      },
    );
    expect(result.session.user.roles).toEqual(['system_administrator']);
    const stored = await handle()
      .db.selectFrom('users')
      .select('passwordHash')
      .where('email', '=', admin.email)
      .executeTakeFirstOrThrow();
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(admin.password);
  });

  it("gives the demo job seeker an account tied to a client on the demo counsellor's caseload, with a plan", async () => {
    const seeker = accounts.find((a) => a.roles[0] === 'job_seeker')!;
    const user = await handle()
      .db.selectFrom('users')
      .select(['clientId', 'status'])
      .where('email', '=', seeker.email)
      .executeTakeFirstOrThrow();
    expect(user.status).toBe('active');
    const counsellor = accounts.find((a) => a.roles[0] === 'employment_counsellor')!;
    const onCaseload = await handle()
      .db.selectFrom('caseTeamMembers')
      .innerJoin('users', 'users.id', 'caseTeamMembers.userId')
      .select('caseTeamMembers.clientId')
      .where('users.email', '=', counsellor.email)
      .where('caseTeamMembers.clientId', '=', user.clientId!)
      .where('caseTeamMembers.removedAt', 'is', null)
      .executeTakeFirst();
    expect(onCaseload).toBeDefined();
    const goals = await handle()
      .db.selectFrom('planGoals')
      .select('id')
      .where('clientId', '=', user.clientId!)
      .execute();
    expect(goals.length).toBeGreaterThan(0);
    const result = await signIn(
      handle().db,
      { email: seeker.email, password: seeker.password },
      {
        requestId: 'test',
        userAgent: null,
        ip: '127.0.0.1',
        policy: { idleMinutes: 30, absoluteHours: 12 },
        secretBox: createSecretBox(crypto.randomBytes(32)),
      },
    );
    expect(result.session.user.roles).toEqual(['job_seeker']);
    expect(result.session.can.myFile).toBe(true);
  });

  it('hands the demo counsellor and caseworker a synthetic colleague’s caseload, with its open tasks', async () => {
    for (const account of accounts.filter(
      (a) => a.roles.includes('employment_counsellor') || a.roles.includes('caseworker'),
    )) {
      expect(account.caseload, account.email).toBeGreaterThan(0);
      const user = await handle()
        .db.selectFrom('users')
        .select('id')
        .where('email', '=', account.email)
        .executeTakeFirstOrThrow();
      const places = await handle()
        .db.selectFrom('caseTeamMembers')
        .select(['clientId'])
        .where('userId', '=', user.id)
        .where('removedAt', 'is', null)
        .execute();
      expect(places).toHaveLength(account.caseload);
      const tasks = await handle()
        .db.selectFrom('tasks')
        .select('id')
        .where('assignedTo', '=', user.id)
        .where('status', '=', 'open')
        .execute();
      expect(tasks.length).toBeGreaterThan(0);
      expect(formatDemoAccounts(accounts)).toContain(`(caseload of ${account.caseload})`);
    }
  });
});
