import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { createSecretBox } from '../lib/secret-box.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { signIn } from '../domain/accounts/account.service.ts';
import { makeOrganization } from '../../test/factories.ts';

const cli = path.resolve('bin/continuum.js');
const PASSWORD = 'maple leaves over the don valley';

function run(args: string[], env: Record<string, string>, input: string) {
  return spawnSync(process.execPath, [cli, ...args], {
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

// `continuum user create` on each engine: the embedded data directory and a PostgreSQL server.
for (const engine of ['pglite', 'postgres'] as const) {
  describe.skipIf(engine === 'postgres' && !inject('postgresUrl'))(`continuum user create [${engine}]`, () => {
    let dir: string;
    let env: Record<string, string>;
    let organizationId: string;
    const open = (): Promise<DatabaseHandle> =>
      engine === 'postgres'
        ? openDatabase({ databaseUrl: inject('postgresUrl')! })
        : openDatabase({ dataDir: path.join(dir, 'data') });

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-cli-user-'));
      env =
        engine === 'postgres'
          ? { DATABASE_URL: inject('postgresUrl')! }
          : { DATABASE_URL: '', CONTINUUM_DATA_DIR: path.join(dir, 'data') };
      const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
      const handle =
        engine === 'postgres'
          ? await open()
          : await openDatabase({ dataDir: path.join(dir, 'data'), loadDataDir: template });
      organizationId = (await makeOrganization(handle.db, { type: 'system_manager' })).id;
      await handle.close();
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('creates the first administrator with a password from standard input, who can then sign in', async () => {
      const email = `admin-${crypto.randomBytes(4).toString('hex')}@city.example`;
      const result = run(
        [
          'user',
          'create',
          '--org',
          organizationId,
          '--role',
          'system_administrator',
          '--email',
          email,
          '--name',
          'Alex Admin',
          '--password-stdin',
        ],
        env,
        `${PASSWORD}\n`,
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ email, roles: ['system_administrator'], status: 'active' });
      expect(result.stdout).not.toContain(PASSWORD);
      const handle = await open();
      try {
        const session = await signIn(
          handle.db,
          { email, password: PASSWORD },
          {
            requestId: 'test',
            userAgent: null,
            ip: '127.0.0.1',
            policy: { idleMinutes: 30, absoluteHours: 12 },
            secretBox: createSecretBox(crypto.randomBytes(32)),
          },
        );
        expect(session.session.user.email).toBe(email);
      } finally {
        await handle.close();
      }
    });

    it("resets a user's two-step sign-in, ending their sessions, and says so for an unknown address", async () => {
      const email = `two-step-${crypto.randomBytes(4).toString('hex')}@city.example`;
      expect(
        run(
          [
            'user',
            'create',
            '--org',
            organizationId,
            '--role',
            'system_analyst',
            '--email',
            email,
            '--name',
            'Sam Step',
            '--password-stdin',
          ],
          env,
          PASSWORD,
        ).status,
      ).toBe(0);
      let handle = await open();
      try {
        await handle.db
          .updateTable('users')
          .set({ totpSecret: 'v1.sealed-elsewhere', totpEnrolledAt: new Date() })
          .where('email', '=', email)
          .execute();
      } finally {
        await handle.close();
      }
      const reset = run(['user', 'reset-two-step', '--email', email.toUpperCase()], env, '');
      expect(reset.stderr).toBe('');
      expect(reset.stdout).toContain(`Two-step sign-in is off for ${email.toUpperCase()}`);
      handle = await open();
      try {
        const row = await handle.db
          .selectFrom('users')
          .select(['id', 'totpSecret', 'totpEnrolledAt'])
          .where('email', '=', email)
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({ totpSecret: null, totpEnrolledAt: null });
        const audit = await handle.db
          .selectFrom('auditLog')
          .select(['actorKind', 'actorName'])
          .where('action', '=', 'user.reset_two_step')
          .where('recordId', '=', row.id)
          .execute();
        expect(audit).toEqual([{ actorKind: 'system', actorName: 'cli' }]);
      } finally {
        await handle.close();
      }
      const unknown = run(['user', 'reset-two-step', '--email', 'nobody@city.example'], env, '');
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('No user has the e-mail address nobody@city.example');
    });

    it('invites the first administrator by e-mail instead, through the outbox', async () => {
      const email = `invited-${crypto.randomBytes(4).toString('hex')}@city.example`;
      const result = run(
        [
          'user',
          'create',
          '--org',
          organizationId,
          '--role',
          'system_administrator',
          '--email',
          email,
          '--name',
          'Ira Invite',
          '--invite',
        ],
        { ...env, PUBLIC_URL: 'https://continuum.city.example' },
        '',
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ email, status: 'invited' });
      const handle = await open();
      try {
        const message = await handle.db
          .selectFrom('outboxMessages')
          .select('bodyText')
          .where('recipient', '=', email)
          .executeTakeFirstOrThrow();
        expect(message.bodyText).toContain('https://continuum.city.example/accept-invitation#token=');
      } finally {
        await handle.close();
      }
      const both = run(
        [
          'user',
          'create',
          '--org',
          organizationId,
          '--role',
          'system_analyst',
          '--email',
          `b${email}`,
          '--name',
          'B',
          '--invite',
          '--password-stdin',
        ],
        env,
        PASSWORD,
      );
      expect(both.status).toBe(1);
      expect(both.stderr).toContain('Choose one');
    });

    it('refuses a common password and writes nothing', async () => {
      const email = `weak-${crypto.randomBytes(4).toString('hex')}@city.example`;
      const result = run(
        [
          'user',
          'create',
          '--org',
          organizationId,
          '--role',
          'system_analyst',
          '--email',
          email,
          '--name',
          'Weak Pass',
          '--password-stdin',
        ],
        env,
        'password123456',
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/too common/);
      const handle = await open();
      try {
        expect(await handle.db.selectFrom('users').select('id').where('email', '=', email).execute()).toHaveLength(0);
      } finally {
        await handle.close();
      }
    });

    it('refuses an unknown organization and an unknown role clearly', () => {
      const unknownOrg = run(
        [
          'user',
          'create',
          '--org',
          crypto.randomUUID(),
          '--role',
          'caseworker',
          '--email',
          'x@city.example',
          '--name',
          'X',
          '--password-stdin',
        ],
        env,
        PASSWORD,
      );
      expect(unknownOrg.status).toBe(1);
      expect(unknownOrg.stderr).toMatch(/No organization has that id/);
      const unknownRole = run(
        ['user', 'create', '--org', organizationId, '--role', 'wizard', '--email', 'x@city.example', '--name', 'X'],
        env,
        '',
      );
      expect(unknownRole.status).not.toBe(0);
      expect(unknownRole.stderr).toMatch(/Allowed choices are system_administrator/);
    });
  });
}
