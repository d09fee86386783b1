// Business days in Ontario: weekdays that are not statutory holidays under the Employment Standards
// Act, 2000 (New Year's Day, Family Day, Good Friday, Victoria Day, Canada Day, Labour Day,
// Thanksgiving, Christmas Day, Boxing Day). A holiday on a weekend is observed on the next weekday
// that is not itself a holiday, as Ontario's public offices do. Dates are 'YYYY-MM-DD' in the city's time
// zone: callers count from their clock's today (src/lib/clock.ts).

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const weekday = (d: Date) => d.getUTCDay();

function nthMonday(year: number, month: number, n: number): Date {
  const first = utc(year, month, 1);
  const offset = (8 - weekday(first)) % 7;
  return utc(year, month, 1 + offset + (n - 1) * 7);
}

// Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher).
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(utc(year, month, day));
}

const cache = new Map<number, Map<string, string>>();

// The year's statutory holidays as observed: date -> name.
export function ontarioHolidays(year: number): Map<string, string> {
  const known = cache.get(year);
  if (known) return known;
  const easter = new Date(`${easterSunday(year)}T00:00:00Z`);
  const victoria = utc(year, 5, 24);
  while (weekday(victoria) !== 1) victoria.setUTCDate(victoria.getUTCDate() - 1);
  const fixed: [string, Date][] = [
    ["New Year's Day", utc(year, 1, 1)],
    ['Canada Day', utc(year, 7, 1)],
    ['Christmas Day', utc(year, 12, 25)],
    ['Boxing Day', utc(year, 12, 26)],
  ];
  const floating: [string, Date][] = [
    ['Family Day', nthMonday(year, 2, 3)],
    ['Good Friday', new Date(easter.getTime() - 2 * 86_400_000)],
    ['Victoria Day', victoria],
    ['Labour Day', nthMonday(year, 9, 1)],
    ['Thanksgiving', nthMonday(year, 10, 2)],
  ];
  const holidays = new Map<string, string>();
  for (const [name, date] of floating) holidays.set(iso(date), name);
  for (const [name, date] of fixed) {
    const observed = new Date(date);
    while (weekday(observed) === 0 || weekday(observed) === 6 || holidays.has(iso(observed)))
      observed.setUTCDate(observed.getUTCDate() + 1);
    holidays.set(iso(observed), name);
  }
  cache.set(year, holidays);
  return holidays;
}

export function isBusinessDay(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  if (weekday(d) === 0 || weekday(d) === 6) return false;
  return !ontarioHolidays(d.getUTCFullYear()).has(date);
}

// The date `days` business days after `date` (the day itself does not count).
export function addBusinessDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isBusinessDay(iso(d))) left -= 1;
  }
  return iso(d);
}

// Business days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`.
export function businessDaysBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const d = new Date(`${from}T00:00:00Z`);
  let count = 0;
  while (iso(d) < to) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isBusinessDay(iso(d))) count += 1;
  }
  return count;
}
