import { describe, expect, it } from 'vitest';
import { encodeCopyRow, encodeCopyValue } from './copy.ts';

describe('COPY text encoding', () => {
  it.each([
    [null, '\\N'],
    [undefined, '\\N'],
    [true, 't'],
    [false, 'f'],
    [42, '42'],
    [-1.5, '-1.5'],
    ['plain', 'plain'],
    ['tab\there', 'tab\\there'],
    ['line\nbreak\r', 'line\\nbreak\\r'],
    ['back\\slash', 'back\\\\slash'],
    ['\\N', '\\\\N'],
    ['Éloïse Nguyễn-Ōkafor', 'Éloïse Nguyễn-Ōkafor'],
  ])('encodes %j as %j', (value, expected) => {
    expect(encodeCopyValue(value)).toBe(expected);
  });

  it('refuses numbers COPY cannot represent', () => {
    expect(() => encodeCopyValue(Number.NaN)).toThrow(/cannot encode/);
    expect(() => encodeCopyValue(Number.POSITIVE_INFINITY)).toThrow(/cannot encode/);
  });

  it('joins a row with tabs and ends it with a newline', () => {
    expect(encodeCopyRow(['a', null, 3])).toBe('a\t\\N\t3\n');
  });
});
