import { REFERENCE_DATE } from './distributions.ts';

// Dates as whole days since 1970-01-01 (UTC), and back to 'YYYY-MM-DD' through a table built once:
// formatting a Date per value would cost more than drawing the value.

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1940, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2040, 0, 1) / DAY_MS;

let strings: string[] | undefined;

// 'YYYY-MM-DD' read digit by digit: this runs several times per client.
export function dayOf(date: string): number {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function dayString(day: number): string {
  if (!strings) {
    strings = [];
    for (let n = FIRST_DAY; n <= LAST_DAY; n++) strings.push(new Date(n * DAY_MS).toISOString().slice(0, 10));
  }
  const s = strings[day - FIRST_DAY];
  if (s === undefined) throw new Error(`day ${day} is outside the synthetic calendar (1940–2040)`);
  return s;
}

// A date moved by a number of days: through the table inside it, by Date beyond it (a city loaded
// years after its reference date reaches past 2040).
export function addDays(date: string, days: number): string {
  const day = dayOf(date) + days;
  if (day >= FIRST_DAY && day <= LAST_DAY) return dayString(day);
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const REFERENCE_DAY = dayOf(REFERENCE_DATE);
