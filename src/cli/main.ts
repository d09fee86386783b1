import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { DataDirError } from '../db/database.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { MigrationError } from '../db/migrate.ts';
import { BackupError } from '../db/backup.ts';
import { SyntheticCityExistsError } from '../synthetic/load-city.ts';
import { HsdsSourceError } from '../domain/directory/hsds-import.ts';
import { ConfigError } from '../server/config.ts';
import { APP_VERSION } from '../lib/version.ts';
import { AppError } from '../lib/errors.ts';
import { backupCommand, restoreCommand } from './commands/backup-database.ts';
import { demoCommand } from './commands/load-demo.ts';
import { migrateCommand } from './commands/migrate-database.ts';
import { orgCommand } from './commands/manage-organizations.ts';
import { outboxCommand } from './commands/deliver-outbox.ts';
import { startCommand } from './commands/start-server.ts';
import { userCommand } from './commands/manage-users.ts';
import { reportCommand } from './commands/report-assessments.ts';
import { addEmployerReportCommand } from './commands/report-employers.ts';
import { assessCommand } from './commands/assess.ts';
import { decentWorkCommand } from './commands/decent-work.ts';
import { matchCommand } from './commands/match.ts';
import { directoryCommand } from './commands/exchange-directory.ts';

export { CliError } from './errors.ts';
import { CliError, CliExit } from './errors.ts';
import { formatErrorForLog } from '../lib/log-safety.ts';

export function buildProgram(): Command {
  const program = new Command()
    .name('continuum')
    .description(
      'Continuum: one employment service system for a city.\nConfiguration comes from environment variables (see README).',
    )
    .version(APP_VERSION);
  program.addCommand(startCommand());
  program.addCommand(migrateCommand());
  program.addCommand(demoCommand());
  program.addCommand(orgCommand());
  program.addCommand(backupCommand());
  program.addCommand(restoreCommand());
  program.addCommand(outboxCommand());
  program.addCommand(userCommand());
  const report = reportCommand();
  addEmployerReportCommand(report);
  program.addCommand(report);
  program.addCommand(assessCommand());
  program.addCommand(decentWorkCommand());
  program.addCommand(matchCommand());
  program.addCommand(directoryCommand());
  // Commands added with addCommand do not inherit these settings: errors must reach runCli, not process.exit.
  const configure = (command: Command) => {
    command.exitOverride().showHelpAfterError('(add --help for usage)');
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

// Known failures print one clear line; only a bug prints a stack trace.
export function describeError(error: unknown): string | undefined {
  if (error instanceof ZodError) {
    return `Invalid input:\n${error.issues.map((i) => `  ${i.path.join('.') || '(input)'}: ${i.message}`).join('\n')}`;
  }
  if (error instanceof AppError) {
    const fields = error.fields.map((f) => `\n  ${f.field}: ${f.message}`).join('');
    return `${error.message}${fields}`;
  }
  if (
    error instanceof DataDirLockedError ||
    error instanceof DataDirError ||
    error instanceof MigrationError ||
    error instanceof ConfigError ||
    error instanceof CliError ||
    error instanceof BackupError ||
    error instanceof SyntheticCityExistsError ||
    error instanceof HsdsSourceError
  ) {
    return error.message;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ECONNREFUSED') return `Cannot reach the database server: ${(error as Error).message}`;
  if (code === 'EADDRINUSE')
    return `${(error as Error).message}: another program uses that port (set PORT to change it).`;
  return undefined;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliExit) return error.exitCode;
    const message = describeError(error);
    if (message) {
      console.error(`continuum: ${message}`);
      return 1;
    }
    // An unexpected error: where it happened, never the values it quotes (src/lib/log-safety.ts).
    console.error(`continuum: unexpected error: ${formatErrorForLog(error)}`);
    return 70;
  }
}
