import { isIsoDate, todayIn } from './dates.ts';

// Time is an input. The edge (a request, a CLI command, a sweep) reads the clock once and passes that
// reading down; services and SQL never ask the system for the time or name a time zone themselves,
// so a test sets the clock instead of ageing rows.

export type Clock = {
  // The city's IANA time zone (configuration: TIME_ZONE), where "today" is decided.
  readonly timeZone: string;
  now(): Date;
  // 'YYYY-MM-DD' in the city's time zone.
  today(): string;
};

// One reading of the clock, taken at the edge and carried in the context objects services take.
export type Moment = { now: Date; today: string; timeZone: string };

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function requireTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new RangeError(`${timeZone} is not an IANA time zone`);
}

export function systemClock(timeZone: string): Clock {
  requireTimeZone(timeZone);
  return { timeZone, now: () => new Date(), today: () => todayIn(timeZone, new Date()) };
}

// A clock that stands still until told to move: for tests, and for a CLI command run "as of" a date.
export type SettableClock = Clock & {
  set(at: Date | string): void;
  advance(by: { days?: number; hours?: number; minutes?: number }): void;
};

// `at`: an instant, or a date 'YYYY-MM-DD' meaning noon of that day in the clock's zone (noon keeps
// the date the same whatever the offset).
export function fixedClock(at: Date | string, timeZone: string): SettableClock {
  requireTimeZone(timeZone);
  let current = instantOf(at, timeZone);
  return {
    timeZone,
    now: () => new Date(current.getTime()),
    today: () => todayIn(timeZone, current),
    set: (next) => {
      current = instantOf(next, timeZone);
    },
    advance: ({ days = 0, hours = 0, minutes = 0 }) => {
      current = new Date(current.getTime() + ((days * 24 + hours) * 60 + minutes) * 60_000);
    },
  };
}

export function readClock(clock: Clock): Moment {
  const now = clock.now();
  return { now, today: todayIn(clock.timeZone, now), timeZone: clock.timeZone };
}

function instantOf(at: Date | string, timeZone: string): Date {
  if (at instanceof Date) return new Date(at.getTime());
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) {
    if (!isIsoDate(at)) throw new RangeError(`${at} is not a real date`);
    return noonIn(at, timeZone);
  }
  const parsed = new Date(at);
  if (!at.includes('T') || Number.isNaN(parsed.getTime()))
    throw new RangeError(`${at} is neither a date (YYYY-MM-DD) nor an instant`);
  return parsed;
}

// Noon of a calendar day in a time zone, as an instant: noon UTC, corrected by the zone's offset then.
function noonIn(date: string, timeZone: string): Date {
  const guess = new Date(`${date}T12:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(guess);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return new Date(guess.getTime() - (local - guess.getTime()));
}
