import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppress } from './suppression.ts';

describe('small-cell suppression', () => {
  it.each([
    [[50, 30, 20], [50, 30, 20]],
    [[50, 30, 4], [50, null, null]],
    [[50, 3, 4], [50, null, null]],
    [[50, 0, 20], [50, 0, 20]],
    [[9], [null]],
  ])('%j → %j', (counts, want) => {
    expect(suppress(counts)).toEqual(want);
  });

  it('never leaves a single withheld cell that the total would give away', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60), { minLength: 2, maxLength: 8 }), (counts) => {
        const shown = suppress(counts);
        const withheld = shown.filter((c, i) => c === null && counts[i]! > 0).length;
        expect(withheld === 0 || withheld >= 2 || counts.filter((n) => n > 0).length === 1).toBe(true);
        shown.forEach((c, i) => {
          if (c !== null) expect(c === 0 || c >= 10).toBe(true);
          if (counts[i]! > 0 && counts[i]! < 10) expect(c).toBeNull();
        });
      }),
    );
  });
});
