import { Command } from 'commander';
import { migrate } from '../../db/migrate.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabaseFromConfig } from '../../server/main.ts';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply pending database migrations (forward-only). Safe to run while other servers start.')
    .action(async () => {
      const handle = await openDatabaseFromConfig(loadConfig(), 'continuum migrate');
      try {
        const result = await migrate(handle.db, { onApply: (m) => console.log(`applied ${m.file}`) });
        console.log(
          result.applied.length === 0
            ? `Database is up to date (${result.alreadyApplied} migrations applied, ${handle.engine}).`
            : `Applied ${result.applied.length} migration(s) on ${handle.engine}.`,
        );
      } finally {
        await handle.close();
      }
    });
}
