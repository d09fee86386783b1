import { describe, expect, it } from 'vitest';
import { ageOn } from '../lib/dates.ts';
import { birthYearsShift, cityAsOf, moveYears } from './city-as-of.ts';
import { addDays, dayOf, dayString } from './days.ts';
import { REFERENCE_DATE } from './distributions.ts';
import { generateCity } from './generate-city.ts';
import { plantedDuplicates } from './near-duplicates.ts';

const LOAD_DAY = '2026-12-03';
const DAYS = dayOf(LOAD_DAY) - dayOf(REFERENCE_DATE);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_INSIDE = /\d{4}-\d{2}-\d{2}/;

// Walks a generated client and the same client moved, side by side: every date must have moved by
// the load day's shift (dates of birth by whole years, years of arrival with the middle of the year),
// and nothing else may differ. A date the generator gains and cityAsOf forgets fails here.
function compare(before: unknown, after: unknown, path: string, moved: { dates: number }, failures: string[]): void {
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (Array.isArray(before)) {
    if (!Array.isArray(after) || after.length !== before.length) failures.push(`${path}: array changed shape`);
    else before.forEach((b, i) => compare(b, after[i], `${path}.${i}`, moved, failures));
    return;
  }
  if (before !== null && typeof before === 'object') {
    if (after === null || typeof after !== 'object') {
      failures.push(`${path}: object became ${String(after)}`);
      return;
    }
    const keys = Object.keys(before).sort();
    if (keys.join() !== Object.keys(after).sort().join()) failures.push(`${path}: keys changed`);
    for (const k of keys)
      compare(
        (before as Record<string, unknown>)[k],
        (after as Record<string, unknown>)[k],
        `${path}.${k}`,
        moved,
        failures,
      );
    return;
  }
  if (key === 'dateOfBirth') {
    // Checked with the age below; here only that it stayed on its calendar day.
    const b = String(before);
    const a = String(after);
    if (a.slice(5) !== b.slice(5) && !(b.endsWith('-02-29') && a.endsWith('-02-28')))
      failures.push(`${path}: ${b} → ${a} left its calendar day`);
    return;
  }
  if (key === 'arrivalYear' && before !== null) {
    const expected = Number(addDays(`${String(before)}-07-02`, DAYS).slice(0, 4));
    if (after !== expected) failures.push(`${path}: ${String(before)} → ${String(after)}, expected ${expected}`);
    return;
  }
  if (typeof before === 'string' && ISO_DATE.test(before)) {
    moved.dates++;
    if (after !== addDays(before, DAYS))
      failures.push(`${path}: ${before} → ${String(after)}, expected ${addDays(before, DAYS)}`);
    return;
  }
  if (typeof before === 'string' && DATE_INSIDE.test(before)) failures.push(`${path}: a date inside text: ${before}`);
  if (after !== before) failures.push(`${path}: ${String(before)} → ${String(after)}`);
}

describe('a synthetic city as of its load day', () => {
  const options = { seed: 9, clients: 1_500, duplicateEvery: 50 };
  const generated = [...generateCity(options).clients()];
  const city = cityAsOf(generateCity(options), LOAD_DAY);
  const loaded = [...city.clients()];

  it('moves every date of every client by the days from the reference date to the load day, and nothing else', () => {
    expect(city.referenceDate).toBe(LOAD_DAY);
    expect(loaded).toHaveLength(generated.length);
    const failures: string[] = [];
    const moved = { dates: 0 };
    generated.forEach((c, i) => compare(c, loaded[i], `client ${i}`, moved, failures));
    expect(failures.slice(0, 20)).toEqual([]);
    // Intakes, status changes, jobs, assessments, consents, staff, teams, notes, tasks, plans.
    expect(moved.dates).toBeGreaterThan(generated.length * 20);
  });

  it('keeps every client’s age: on the load day it is the age generated on the reference date', () => {
    const mismatches = generated.filter(
      (c, i) => !c.plantedCopyOf && ageOn(loaded[i]!.dateOfBirth, LOAD_DAY) !== ageOn(c.dateOfBirth, REFERENCE_DATE),
    );
    expect(mismatches).toEqual([]);
  });

  it('keeps each planted pair’s slip: a planted second record’s birth date moves with its first record’s', () => {
    const before = plantedDuplicates(generateCity(options));
    const after = plantedDuplicates(city);
    expect(after.map((p) => p.kind)).toEqual(before.map((p) => p.kind));
    expect(after.length).toBeGreaterThanOrEqual(25);
    for (const { kind, original, copy } of after) {
      const [y, m, d] = original.dateOfBirth.split('-');
      if (kind === 'day_month_swapped') expect(copy.dateOfBirth, kind).toBe(`${y}-${d}-${m}`);
      else if (kind === 'year_off_by_one') {
        expect(copy.dateOfBirth.slice(4), kind).toBe(original.dateOfBirth.slice(4));
        expect(Math.abs(Number(copy.dateOfBirth.slice(0, 4)) - Number(y)), kind).toBe(1);
      } else expect(copy.dateOfBirth, kind).toBe(original.dateOfBirth);
    }
  });

  it('is the same city for the same seed and day, and the generated city on the reference date', () => {
    expect([...cityAsOf(generateCity(options), LOAD_DAY).clients()].slice(0, 50)).toEqual(loaded.slice(0, 50));
    const asGenerated = generateCity(options);
    expect(cityAsOf(asGenerated, REFERENCE_DATE)).toBe(asGenerated);
  });

  it('refuses a load day that is not a date', () => {
    expect(() => cityAsOf(generateCity({ seed: 1, clients: 1 }), '2026-02-30')).toThrow(RangeError);
    expect(() => cityAsOf(generateCity({ seed: 1, clients: 1 }), 'today')).toThrow(RangeError);
  });

  it('moves a date past the generator’s calendar (1940–2040)', () => {
    expect(addDays('2039-12-31', 2)).toBe('2040-01-02');
    expect(addDays('2030-06-15', 365 * 20 + 5)).toBe('2050-06-15');
  });
});

describe('birthYearsShift', () => {
  // Birth dates around 29 February and across a year, against every load day of two years (one with
  // a 29 February) and some before the reference date.
  const births: string[] = [];
  for (let day = dayOf('1999-12-01'); day <= dayOf('2000-03-31'); day++) births.push(dayString(day));
  for (let day = dayOf('2001-01-01'); day <= dayOf('2001-12-31'); day += 5) births.push(dayString(day));
  const loadDays: string[] = [];
  for (let day = dayOf('2027-01-01'); day <= dayOf('2028-12-31'); day++) loadDays.push(dayString(day));
  for (let day = dayOf('2023-01-01'); day <= dayOf('2025-03-31'); day += 11) loadDays.push(dayString(day));

  it('keeps the age on the reference date as the age on the load day, on the same calendar day', () => {
    const failures: string[] = [];
    for (const to of loadDays) {
      for (const born of births) {
        const moved = moveYears(born, birthYearsShift(born, { from: REFERENCE_DATE, to }));
        if (ageOn(moved, to) !== ageOn(born, REFERENCE_DATE)) failures.push(`${born} → ${moved} on ${to}`);
        if (moved.slice(5) !== born.slice(5) && !born.endsWith('-02-29')) failures.push(`${born} → ${moved}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});
