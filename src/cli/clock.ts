import { isoDateSchema } from '../lib/dates.ts';
import { fixedClock, systemClock, type Clock } from '../lib/clock.ts';
import type { Config } from '../server/config.ts';

// A command's clock: the system's, in the configured city time zone (TIME_ZONE), or, with
// `--today YYYY-MM-DD`, that day (to rerun a computation as of a date, or to check one by hand).
export function commandClock(config: Pick<Config, 'timeZone'>, today?: string): Clock {
  if (today === undefined) return systemClock(config.timeZone);
  return fixedClock(isoDateSchema.parse(today), config.timeZone);
}
