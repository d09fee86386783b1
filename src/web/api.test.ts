import { describe, expect, it } from 'vitest';
import { ApiError, parseRetryAfter, retryAfterMinutes } from './api.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it.each([
    [null, undefined],
    ['', undefined],
    ['900', 900],
    [' 60 ', 60],
    ['soon', undefined],
    ['Sat, 01 Mar 2025 12:02:00 GMT', 120],
    ['Sat, 01 Mar 2025 11:00:00 GMT', 0],
  ])('reads %j as %j seconds', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});

describe('retryAfterMinutes', () => {
  const limited = (seconds?: number) => new ApiError('Too many', 'problem', 429, undefined, seconds);

  it('rounds up to whole minutes, never below one', () => {
    expect(retryAfterMinutes(limited(900))).toBe(15);
    expect(retryAfterMinutes(limited(61))).toBe(2);
    expect(retryAfterMinutes(limited(5))).toBe(1);
    expect(retryAfterMinutes(limited(0))).toBe(1);
  });

  it('is unknown without a Retry-After header', () => {
    expect(retryAfterMinutes(limited())).toBeUndefined();
  });
});
