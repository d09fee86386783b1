import { Command, InvalidArgumentError } from 'commander';
import { checkpointAfterBulkLoad } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { loadConfig } from '../../server/config.ts';
import { loadSyntheticCity } from '../../synthetic/load-city.ts';
import { createDemoAccounts, demoState, formatDemoAccounts } from '../../synthetic/demo-accounts.ts';
import { openDatabaseFromConfig } from '../../server/main.ts';
import { commandClock } from '../clock.ts';
import { createProgress } from '../progress.ts';

export function positiveInt(max: number) {
  return (value: string): number => {
    const n = Number(value.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 0 || n > max)
      throw new InvalidArgumentError(`must be a whole number from 0 to ${max}`);
    return n;
  };
}

export function demoCommand(): Command {
  return new Command('demo')
    .description(
      'Load a synthetic city (organizations, sites and clients across Toronto) deterministically from a seed.\n' +
        'The city is dated at the day it is loaded: its intakes, consents, notes and tasks lie around that day.\n' +
        'Works on PGlite and PostgreSQL; everything loads in one transaction.',
    )
    .option('-c, --clients <n>', 'number of synthetic clients', positiveInt(5_000_000), 2000)
    .option(
      '-s, --seed <s>',
      'seed: the same seed gives the same city (dated at the load day)',
      positiveInt(2_147_483_647),
      1,
    )
    .option('--today <date>', 'the day (YYYY-MM-DD) the city is dated at (default: today in TIME_ZONE)')
    .action(async (options: { clients: number; seed: number; today?: string }) => {
      const config = loadConfig();
      const today = commandClock(config, options.today).today();
      const handle = await openDatabaseFromConfig(config, 'continuum demo');
      try {
        await migrate(handle.db);
        // A load killed between the city and its accounts is finished here, not refused.
        const state = await demoState(handle.db);
        if (state.city && !state.accounts) {
          console.log('This database holds a synthetic city without its demo accounts: creating them now.');
          console.log(formatDemoAccounts(await createDemoAccounts(handle.db)));
          return;
        }
        const progress = createProgress('loading', options.clients);
        const result = await loadSyntheticCity(handle, {
          seed: options.seed,
          clients: options.clients,
          today,
          onProgress: (phase, done, total) => progress.update(done, total, phase),
        });
        const accounts = await createDemoAccounts(handle.db);
        await checkpointAfterBulkLoad(handle);
        progress.done(
          `Loaded a synthetic city on ${handle.engine} (seed ${result.seed}, dated ${result.today}): ${result.organizations} organizations, ` +
            `${result.sites} sites, ${result.clients.toLocaleString('en-CA')} clients in ${(result.durationMs / 1000).toFixed(1)} s.`,
        );
        console.log(formatDemoAccounts(accounts));
      } finally {
        await handle.close();
      }
    });
}
