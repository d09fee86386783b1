import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, easterSunday, isBusinessDay, ontarioHolidays } from './business-days.ts';

describe('Ontario business days', () => {
  it('computes Easter for known years', () => {
    expect(['2024', '2025', '2026', '2027'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
    ]);
  });

  it('lists the nine statutory holidays of 2026 as observed', () => {
    expect([...ontarioHolidays(2026).entries()].sort()).toEqual([
      ['2026-01-01', "New Year's Day"],
      ['2026-02-16', 'Family Day'],
      ['2026-04-03', 'Good Friday'],
      ['2026-05-18', 'Victoria Day'],
      ['2026-07-01', 'Canada Day'],
      ['2026-09-07', 'Labour Day'],
      ['2026-10-12', 'Thanksgiving'],
      ['2026-12-25', 'Christmas Day'],
      ['2026-12-28', 'Boxing Day'],
    ]);
  });

  it('observes a weekend holiday on the next free weekday (Christmas 2021 on a Saturday)', () => {
    const h = ontarioHolidays(2021);
    expect(h.get('2021-12-27')).toBe('Christmas Day');
    expect(h.get('2021-12-28')).toBe('Boxing Day');
    expect(ontarioHolidays(2023).get('2023-01-02')).toBe("New Year's Day");
  });

  it.each([
    ['2026-11-27', 2, '2026-12-01', 'Friday: Monday and Tuesday'],
    ['2026-12-23', 2, '2026-12-29', 'over Christmas and Boxing Day (observed Monday the 28th)'],
    ['2026-04-02', 2, '2026-04-07', 'over Good Friday'],
    ['2026-06-30', 1, '2026-07-02', 'over Canada Day'],
    ['2026-12-01', 0, '2026-12-01', 'zero days'],
  ])('%s + %i business days = %s (%s)', (from, days, want) => {
    expect(addBusinessDays(from, days)).toBe(want);
  });

  it('counts business days between dates', () => {
    expect(businessDaysBetween('2026-11-27', '2026-12-01')).toBe(2);
    expect(businessDaysBetween('2026-12-01', '2026-11-27')).toBe(0);
    expect(isBusinessDay('2026-12-28')).toBe(false);
    expect(isBusinessDay('2026-12-29')).toBe(true);
  });
});
