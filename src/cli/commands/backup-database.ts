import path from 'node:path';
import { Command } from 'commander';
import { backupDataDir, restoreDataDir } from '../../db/backup.ts';
import { loadConfig } from '../../server/config.ts';
import { CliError } from '../errors.ts';

function embeddedOnly(command: string): string {
  const config = loadConfig();
  if (config.databaseUrl) {
    throw new CliError(
      `continuum ${command} works on the embedded data directory. With DATABASE_URL, use PostgreSQL's own tools (pg_dump / pg_restore).`,
    );
  }
  return config.dataDir;
}

export function backupCommand(): Command {
  return new Command('backup')
    .description('Back up the embedded data directory to one file (stop the server first). Records the PGlite version.')
    .requiredOption('-o, --out <file>', 'backup file to write, e.g. continuum-2026-11-22.backup')
    .action(async (options: { out: string }) => {
      const dataDir = embeddedOnly('backup');
      const header = await backupDataDir(dataDir, path.resolve(options.out));
      console.log(
        `Backed up ${dataDir} to ${options.out} (${(header.bytes / 1e6).toFixed(1)} MB, PGlite ${header.pgliteVersion}, ` +
          `${header.migrations.length} migrations).`,
      );
    });
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description(
      'Restore the embedded data directory from a backup (stop the server first). Refuses a backup of another PGlite version.',
    )
    .requiredOption('-f, --from <file>', 'backup file made by continuum backup')
    .option('--replace', 'restore over an existing database (which is kept aside, not deleted)')
    .action(async (options: { from: string; replace?: boolean }) => {
      const dataDir = embeddedOnly('restore');
      const { header, keptAside } = await restoreDataDir(dataDir, path.resolve(options.from), {
        replace: options.replace === true,
      });
      console.log(`Restored ${dataDir} from ${options.from} (made ${header.createdAt}).`);
      if (keptAside) console.log(`The database it replaced is kept as ${keptAside} in ${dataDir}.`);
    });
}
