import { Command, Option } from 'commander';
import { systemActor } from '../../access/actor.ts';
import { withTransaction } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { loadConfig } from '../../server/config.ts';
import { newUserSchema, roles, type Role } from '../../domain/accounts/account.ts';
import { inviteUser } from '../../domain/accounts/user-admin.service.ts';
import { createUser } from '../../domain/accounts/account.service.ts';
import { resetTwoStep } from '../../domain/accounts/mfa.service.ts';
import { openDatabaseFromConfig } from '../../server/main.ts';
import { CliError } from '../errors.ts';

async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new CliError(
      'Give the password on standard input, e.g. `read -rs PW && printf %s "$PW" | continuum user create …`.',
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline (from echo or a file) is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function userCommand(): Command {
  const user = new Command('user').description('Manage user accounts');
  user
    .command('create')
    .description(
      'Create a user in an organization, e.g. the first administrator of a new deployment.\n' +
        'The password is read from standard input (never from an argument, which other users could see),\n' +
        'or --invite e-mails an invitation link (through the outbox) to choose one.\n' +
        'Example: printf %s "$PW" | continuum user create --org <organization id> --role system_administrator \\\n' +
        '           --email admin@city.example --name "Alex Admin" --password-stdin',
    )
    .requiredOption('--org <id>', 'organization id (see `continuum org list`)')
    .addOption(new Option('--role <role...>', 'one or more roles').choices(roles).makeOptionMandatory())
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--language <lang>', 'preferred language').choices(['en', 'fr']).default('en'))
    .option('--password-stdin', 'read the password from standard input')
    .option(
      '--invite',
      'e-mail an invitation to choose a password instead (delivered by the outbox, or `continuum outbox deliver`)',
    )
    .action(
      async (options: {
        org: string;
        role: string[];
        email: string;
        name: string;
        language: string;
        passwordStdin?: boolean;
        invite?: boolean;
      }) => {
        if (options.passwordStdin === options.invite) {
          throw new CliError(
            'Choose one: --password-stdin (the password on standard input) or --invite (an e-mailed link).',
          );
        }
        if (options.invite) {
          const config = loadConfig();
          const handle = await openDatabaseFromConfig(config, 'continuum user create');
          try {
            await migrate(handle.db);
            const invited = await withTransaction(handle.db, (trx) =>
              inviteUser(
                trx,
                systemActor('cli'),
                {
                  organizationId: options.org,
                  email: options.email,
                  displayName: options.name,
                  roles: options.role as Role[],
                  preferredLanguage: options.language as 'en' | 'fr',
                },
                { publicUrl: config.publicUrl, requestId: 'cli' },
              ),
            );
            console.log(JSON.stringify(invited, null, 2));
          } finally {
            await handle.close();
          }
          return;
        }
        const input = newUserSchema.parse({
          organizationId: options.org,
          email: options.email,
          displayName: options.name,
          roles: options.role,
          preferredLanguage: options.language,
        });
        const password = await readPasswordFromStdin();
        const handle = await openDatabaseFromConfig(loadConfig(), 'continuum user create');
        try {
          await migrate(handle.db);
          const created = await withTransaction(handle.db, (trx) =>
            createUser(trx, systemActor('cli'), { ...input, password }),
          );
          console.log(JSON.stringify(created, null, 2));
        } finally {
          await handle.close();
        }
      },
    );
  user
    .command('reset-two-step')
    .description(
      "Turn off a user's two-step sign-in (a lost phone, or a secrets key that is gone): they sign in\n" +
        'with their password and set it up again; every session of theirs ends. Audited.\n' +
        'Example: continuum user reset-two-step --email counsellor@agency.example',
    )
    .requiredOption('--email <email>', "the user's e-mail address")
    .action(async (options: { email: string }) => {
      const handle = await openDatabaseFromConfig(loadConfig(), 'continuum user reset-two-step');
      try {
        await migrate(handle.db);
        const result = await withTransaction(handle.db, (trx) =>
          resetTwoStep(trx, systemActor('cli'), options.email, 'cli'),
        );
        console.log(
          result.wasEnrolled
            ? `Two-step sign-in is off for ${options.email}; ${result.sessionsEnded} session(s) ended. They set it up again after signing in.`
            : `${options.email} had no two-step sign-in set up; ${result.sessionsEnded} session(s) ended.`,
        );
      } finally {
        await handle.close();
      }
    });
  return user;
}
