import { DEFAULT_TIME_ZONE } from '../src/server/config.ts';
import { fixedClock, readClock, systemClock, type Moment, type SettableClock } from '../src/lib/clock.ts';

// Tests set the clock rather than age rows: a clock in the city's default time zone that stands at
// `at` (default: the real time now) until the test moves it.
export function testClock(at: Date | string = new Date()): SettableClock {
  return fixedClock(at, DEFAULT_TIME_ZONE);
}

// One reading of the real clock, for a service called directly (as a route or command would pass it).
export function momentNow(): Moment {
  return readClock(systemClock(DEFAULT_TIME_ZONE));
}
