import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counts, rateOf, suppressCells, type SumRelation } from './disclosure.ts';

// The attacker: given what was published and the sums tying it together, solve for every withheld
// count with exact rational arithmetic (Gauss–Jordan over BigInt fractions, written apart from the
// module's own check) and report each one the published figures pin to a single value. Withheld counts
// are at least 1, so a count that is not pinned by the equations has other values on both sides that
// fit every total: the attacker cannot do better than this.

type Fraction = { n: bigint; d: bigint };
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const frac = (n: bigint, d = 1n): Fraction => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
const sub = (a: Fraction, b: Fraction) => frac(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n);
const isZero = (a: Fraction) => a.n === 0n;

function attack(published: readonly (number | null)[], relations: readonly SumRelation[]): Map<number, number> {
  const unknowns = published.flatMap((v, i) => (v === null ? [i] : []));
  const col = new Map(unknowns.map((u, i) => [u, i]));
  const width = unknowns.length;
  // Each relation: sum(parts) - total = 0, shown values moved to the right-hand side.
  const rows: Fraction[][] = relations.map(({ total, parts }) => {
    const row = Array.from({ length: width + 1 }, () => frac(0n));
    for (const [cell, sign] of [[total, -1n] as const, ...parts.map((p) => [p, 1n] as const)]) {
      const at = col.get(cell);
      if (at !== undefined) row[at] = frac(row[at]!.n + sign * row[at]!.d, row[at]!.d);
      else row[width] = sub(row[width]!, frac(sign * BigInt(published[cell]!)));
    }
    return row;
  });
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && !isZero(row[c]!));
    if (p === -1) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const lead = rows[r]![c]!;
    rows[r] = rows[r]!.map((x) => div(x, lead));
    for (let i = 0; i < rows.length; i++) {
      if (i === r || isZero(rows[i]![c]!)) continue;
      const f = rows[i]![c]!;
      rows[i] = rows[i]!.map((x, j) => sub(x, mul(f, rows[r]![j]!)));
    }
    pivots.push(c);
    r++;
  }
  const solved = new Map<number, number>();
  pivots.forEach((c, i) => {
    const row = rows[i]!;
    // A pivot whose row has no free variable left is determined.
    if (row.slice(0, width).every((x, j) => j === c || isZero(x)))
      solved.set(unknowns[c]!, Number(row[width]!.n) / Number(row[width]!.d));
  });
  return solved;
}

// A two-way table of counts with its margins, in the layout of `counts()`.
function table(body: number[][], columnTotals = true) {
  const answer = counts();
  const values: number[] = [];
  const relations: SumRelation[] = [];
  const cell = (v: number) => {
    values.push(v);
    return answer.cell(v);
  };
  const sum = (total: number, parts: number[]) => {
    relations.push({ total, parts });
    answer.sum(total, parts);
  };
  const columns = body[0]!.length;
  const columnCells = Array.from({ length: columns }, (_, c) => cell(body.reduce((s, row) => s + row[c]!, 0)));
  const overall = cell(body.flat().reduce((s, v) => s + v, 0));
  sum(overall, columnCells);
  const rowCells = body.map((row) => {
    const cells = row.map(cell);
    const total = cell(row.reduce((s, v) => s + v, 0));
    sum(total, cells);
    return { cells, total };
  });
  if (columnTotals) {
    columnCells.forEach((c, j) =>
      sum(
        c,
        rowCells.map((row) => row.cells[j]!),
      ),
    );
    sum(
      overall,
      rowCells.map((row) => row.total),
    );
  }
  return { values, relations, publish: () => answer.publish() };
}

describe('disclosure control', () => {
  it('withholds counts from 1 to 9, shows zeros and large counts', () => {
    const shown = suppressCells([50, 30, 20], [{ total: 0, parts: [1, 2] }]);
    expect(shown).toEqual([50, 30, 20]);
    expect(suppressCells([12, 3, 9], [{ total: 0, parts: [1, 2] }])).toEqual([12, null, null]);
    expect(suppressCells([12, 0, 12], [{ total: 0, parts: [1, 2] }])).toEqual([12, 0, 12]);
  });

  it('holds where the old row-by-row suppression gave a group away through the overall totals', () => {
    // Two groups × streams A, B, C, as in the demo city: francophone clients are few in A and B.
    const t = table([
      [4, 6, 30],
      [200, 300, 500],
    ]);
    // The row-by-row rule withheld the first row's A and B, and published the overall A and B, which
    // with the second row's A and B give them back: the attacker confirms it.
    const rowByRow = t.values.map((v, i) => (i === 4 || i === 5 ? null : v));
    expect(attack(rowByRow, t.relations).get(4)).toBe(4);
    const published = t.values.map((_, i) => t.publish()(i));
    expect(published[4]).toBeNull();
    expect(published[5]).toBeNull();
    expect(attack(published, t.relations).size).toBe(0);
  });

  it('leaves no withheld count that the published totals determine, for generated tables', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((rows) =>
          fc.record({
            body: fc.array(
              fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 400 })), {
                minLength: 3,
                maxLength: 3,
              }),
              { minLength: rows, maxLength: rows },
            ),
            columnTotals: fc.boolean(),
          }),
        ),
        ({ body, columnTotals }) => {
          const t = table(body, columnTotals);
          const shown = t.publish();
          const published = t.values.map((_, i) => shown(i));
          published.forEach((p, i) => {
            const v = t.values[i]!;
            if (v > 0 && v < 10) expect(p).toBeNull();
            if (p !== null) expect(p).toBe(v);
            if (v === 0) expect(p).toBe(0);
          });
          expect([...attack(published, t.relations).keys()]).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('holds across tables that share their totals (two dimensions over the same overall)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
        (first, moves) => {
          // The same clients split two ways: the second split moves a few clients between its rows.
          const answer = counts();
          const values: number[] = [];
          const relations: SumRelation[] = [];
          const cell = (v: number) => (values.push(v), answer.cell(v));
          const sum = (total: number, parts: number[]) => (relations.push({ total, parts }), answer.sum(total, parts));
          const a = [first.slice(0, 3), first.slice(3)];
          const b = [
            a[0]!.map((v, i) => Math.max(0, v - moves[i]!)),
            a[1]!.map((v, i) => v + Math.min(a[0]![i]!, moves[i]!)),
          ];
          const overall = [0, 1, 2].map((s) => cell(a[0]![s]! + a[1]![s]!));
          const all = cell(first.reduce((x, y) => x + y, 0));
          sum(all, overall);
          for (const split of [a, b]) {
            const rows = split.map((row) => {
              const cells = row.map(cell);
              const total = cell(row.reduce((x, y) => x + y, 0));
              sum(total, cells);
              return { cells, total };
            });
            overall.forEach((o, s) =>
              sum(
                o,
                rows.map((r) => r.cells[s]!),
              ),
            );
            sum(
              all,
              rows.map((r) => r.total),
            );
          }
          const shown = answer.publish();
          expect([
            ...attack(
              values.map((_, i) => shown(i)),
              relations,
            ).keys(),
          ]).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('publishes a rate only when both of its counts are', () => {
    expect(rateOf(5, 20)).toBe(0.25);
    expect(rateOf(null, 20)).toBeNull();
    expect(rateOf(5, null)).toBeNull();
    expect(rateOf(0, 0)).toBeNull();
  });
});
