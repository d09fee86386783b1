import { z } from 'zod';

// Calendar dates as 'YYYY-MM-DD' strings: no time of day, no time zone, so they compare as strings.

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  const [y, m, d] = splitDate(value);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

// Every date the system takes falls in this range: a birth, a contact, a plan, a consent. A date outside
// it is a typing slip (0202 for 2020) or a probe, and year 0 does not exist in PostgreSQL at all.
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

export const isoDateSchema = z
  .string({ error: 'must be a date as YYYY-MM-DD' })
  .regex(isoDatePattern, { error: (issue) => `${String(issue.input)} is not a date as YYYY-MM-DD`, abort: true })
  .refine(isIsoDate, { error: (issue) => `${String(issue.input)} is not a real date`, abort: true })
  .refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, {
    error: `must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}`,
    params: { reason: 'date_out_of_range' },
    abort: true,
  });

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function splitDate(value: string): [number, number, number] {
  return value.split('-').map(Number) as [number, number, number];
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Today's date in a time zone (the city's: from the clock, src/lib/clock.ts), whatever the server's own.
// Every request reads the clock, so the formatter is made once per zone (building an
// Intl.DateTimeFormat costs about 50 µs, using one about 5), and the answer is kept for the minute:
// every zone's offset is a whole number of quarter hours, so a date never changes within a minute.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const lastDay = new Map<string, { minute: number; day: string }>();

export function todayIn(timeZone: string, now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const kept = lastDay.get(timeZone);
  if (kept?.minute === minute) return kept.day;
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  lastDay.set(timeZone, { minute, day });
  return day;
}

// Age in whole years. Someone born on 29 February turns a year older on 1 March in a common year.
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = splitDate(dateOfBirth);
  const [y, m, d] = splitDate(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// The same day N months later (negative: earlier), clamped to the month's last day (31 March − 1 month = 28/29 February).
export function addMonths(date: string, months: number): string {
  const [y, m, d] = splitDate(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDate(year, month, Math.min(d, daysInMonth(year, month)));
}

// Calendar months a period touches, both ends included: 2024-01-31 to 2024-02-01 is 2 months.
export function calendarMonthsTouched(start: string, end: string): number {
  const [sy, sm] = splitDate(start);
  const [ey, em] = splitDate(end);
  return Math.max(0, ey * 12 + em - (sy * 12 + sm) + 1);
}

// The ISO date `days` calendar days after `date` (before, for a negative number).
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
