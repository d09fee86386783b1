import { todayIn } from './dates.ts';
import { describe, expect, it } from 'vitest';
import { fixedClock, isTimeZone, readClock, systemClock } from './clock.ts';

describe('clock', () => {
  it.each([
    // Late evening in Toronto is already tomorrow in UTC: today is the city's date, not the server's.
    ['2026-12-03T03:30:00Z', 'America/Toronto', '2026-12-02'],
    ['2026-12-03T05:00:00Z', 'America/Toronto', '2026-12-03'],
    ['2026-12-03T03:30:00Z', 'America/Vancouver', '2026-12-02'],
    ['2026-12-03T03:30:00Z', 'Europe/Paris', '2026-12-03'],
    // Around the spring change of offset (8 March 2026 in Toronto).
    ['2026-03-08T04:59:00Z', 'America/Toronto', '2026-03-07'],
    ['2026-03-08T05:00:00Z', 'America/Toronto', '2026-03-08'],
  ])('at %s in %s, today is %s', (at, zone, today) => {
    expect(fixedClock(new Date(at), zone).today()).toBe(today);
  });

  it('a date stands for noon of that day in the zone, so today is that date whatever the offset', () => {
    for (const zone of ['America/Toronto', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      const clock = fixedClock('2026-12-31', zone);
      expect(clock.today()).toBe('2026-12-31');
      expect(readClock(clock)).toEqual({ now: clock.now(), today: '2026-12-31', timeZone: zone });
    }
  });

  it('stands still until set or moved', () => {
    const clock = fixedClock('2026-12-24', 'America/Toronto');
    const first = clock.now();
    expect(clock.now()).toEqual(first);
    clock.advance({ days: 8 });
    expect(clock.today()).toBe('2027-01-01');
    clock.advance({ hours: -13 });
    expect(clock.today()).toBe('2026-12-31');
    clock.set('2027-03-01T12:00:00Z');
    expect(clock.now().toISOString()).toBe('2027-03-01T12:00:00.000Z');
    // Changing what now() returned does not move the clock.
    clock.now().setFullYear(1999);
    expect(clock.today()).toBe('2027-03-01');
  });

  it('reads one moment: now and today agree', () => {
    const moment = readClock(systemClock('America/Toronto'));
    expect(moment.today).toBe(fixedClock(moment.now, 'America/Toronto').today());
    expect(moment.timeZone).toBe('America/Toronto');
  });

  it('refuses what is not an IANA time zone', () => {
    expect(isTimeZone('America/Toronto')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => systemClock('EST5EDT-ish')).toThrow(/not an IANA time zone/);
    expect(() => fixedClock('2026-02-30', 'UTC')).toThrow(/not a real date/);
    expect(() => fixedClock('next Tuesday', 'UTC')).toThrow(/neither a date/);
  });
});

describe('todayIn', () => {
  it('turns the day at midnight in the zone, also when asked again within the same minute', () => {
    const zone = 'America/Toronto';
    // 2026-03-08, the spring change: midnight in Toronto is 05:00 UTC.
    expect(todayIn(zone, new Date('2026-03-08T04:59:59.999Z'))).toBe('2026-03-07');
    expect(todayIn(zone, new Date('2026-03-08T04:59:00.000Z'))).toBe('2026-03-07');
    expect(todayIn(zone, new Date('2026-03-08T05:00:00.000Z'))).toBe('2026-03-08');
    expect(todayIn(zone, new Date('2026-03-08T04:59:30.000Z'))).toBe('2026-03-07');
    // Kathmandu is 5:45 ahead of UTC: its midnight falls on a minute too.
    expect(todayIn('Asia/Kathmandu', new Date('2026-03-07T18:14:59Z'))).toBe('2026-03-07');
    expect(todayIn('Asia/Kathmandu', new Date('2026-03-07T18:15:00Z'))).toBe('2026-03-08');
  });
});
