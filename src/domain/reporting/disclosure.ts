// Disclosure control for everything the system publishes (docs/permissions.md 3.12): one module, so
// the assessment report, the dashboards and every later statement withhold small counts the same way.
//
// A published answer is a set of counts (cells) and the sums that tie them together (a row's cells add
// up to its total, a group's totals add up to the overall, and so on). A count from 1 to min − 1 is
// withheld (primary suppression). Then, as long as any withheld count could be worked out exactly from
// what is shown, through any combination of the published totals (rows, columns and overall alike),
// another count is withheld beside it (complementary suppression). Zeros are shown and never withheld:
// every withheld count is then at least 1, so a withheld count that linear algebra cannot pin down has
// other values on either side that fit every published total, and cannot be worked out at all.

export const REPORT_MIN_CELL = 10;

// `total` is the index of the cell that `parts` add up to.
export type SumRelation = { total: number; parts: readonly number[] };

const EPSILON = 1e-9;

// Reduced row echelon form of equations over the withheld cells (`columns` of them); each row is the
// coefficients of one published total once the shown cells are moved to its other side.
function echelon(rows: number[][], columns: number): number[][] {
  const m = rows.map((r) => [...r]);
  const basis: number[][] = [];
  let row = 0;
  for (let col = 0; col < columns && row < m.length; col++) {
    let pivot = -1;
    for (let r = row; r < m.length; r++)
      if (Math.abs(m[r]![col]!) > EPSILON && (pivot === -1 || Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)))
        pivot = r;
    if (pivot === -1) continue;
    [m[row], m[pivot]] = [m[pivot]!, m[row]!];
    const p = m[row]!;
    const lead = p[col]!;
    for (let c = 0; c < columns; c++) p[c] = p[c]! / lead;
    for (let r = 0; r < m.length; r++) {
      if (r === row) continue;
      const factor = m[r]![col]!;
      if (Math.abs(factor) <= EPSILON) continue;
      for (let c = 0; c < columns; c++) m[r]![c] = m[r]![c]! - factor * p[c]!;
    }
    basis.push(p);
    row++;
  }
  return basis;
}

// The withheld cells (by index into `hidden`) whose value the published totals determine exactly:
// those whose unit vector lies in the span of the equations.
export function determinedCells(relations: readonly SumRelation[], hidden: ReadonlySet<number>): number[] {
  const unknowns = [...hidden].sort((a, b) => a - b);
  const position = new Map(unknowns.map((cell, i) => [cell, i]));
  const equations: number[][] = [];
  for (const { total, parts } of relations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let touches = false;
    for (const [cell, sign] of [[total, -1] as const, ...parts.map((p) => [p, 1] as const)]) {
      const at = position.get(cell);
      if (at !== undefined) {
        row[at] = row[at]! + sign;
        touches = true;
      }
    }
    if (touches) equations.push(row);
  }
  // In reduced row echelon form a withheld cell is pinned exactly when its column leads a row whose
  // other entries are all zero: every other column either leads its own row (and is zero here) or is
  // free, and a free variable moves the cell. A column that leads no row is free itself.
  const basis = echelon(equations, unknowns.length);
  const determined: number[] = [];
  for (const row of basis) {
    const lead = row.findIndex((x) => Math.abs(x) > EPSILON);
    if (row.every((x, c) => c === lead || Math.abs(x) <= EPSILON)) determined.push(unknowns[lead]!);
  }
  determined.sort((a, b) => a - b);
  return determined;
}

// Withholds what must be withheld: counts from 1 to min − 1, and then, while a withheld count can
// still be worked out, one more count beside it: the smallest non-zero shown count of a sum it belongs
// to (a part before a total, so totals stay shown where they can); failing that, the smallest in the
// rest of its linked group of sums. Zeros are never withheld, and the loop ends: once every non-zero
// count of a group is withheld, its totals give none of them away. Groups of sums that share no count
// (one agency's figures and another's) are solved apart, which keeps a system-wide report fast.
export function suppressCells(
  values: readonly number[],
  relations: readonly SumRelation[],
  min = REPORT_MIN_CELL,
): (number | null)[] {
  for (const v of values) if (!Number.isInteger(v) || v < 0) throw new Error(`suppressCells takes counts, not ${v}`);
  const hidden = new Set<number>();
  values.forEach((v, i) => {
    if (v > 0 && v < min) hidden.add(i);
  });
  const totals = new Set(relations.map((r) => r.total));
  const rank = (a: number, b: number) =>
    Number(totals.has(a)) - Number(totals.has(b)) || values[a]! - values[b]! || a - b;
  for (const group of linkedGroups(values.length, relations)) {
    for (;;) {
      const cell = determinedCells(group.relations, hidden)[0];
      if (cell === undefined) break;
      const shown = group.cells.filter((i) => values[i]! > 0 && !hidden.has(i));
      const near = new Set(
        group.relations.filter((r) => r.total === cell || r.parts.includes(cell)).flatMap((r) => [r.total, ...r.parts]),
      );
      const pick = shown.filter((i) => near.has(i)).sort(rank)[0] ?? shown.sort(rank)[0];
      if (pick === undefined)
        throw new Error('suppressCells: a withheld count stays determined with every non-zero count withheld');
      hidden.add(pick);
    }
  }
  return values.map((v, i) => (hidden.has(i) ? null : v));
}

// The cells joined by sums (union–find), each group with its own sums; a cell in no sum is left out.
function linkedGroups(
  count: number,
  relations: readonly SumRelation[],
): { cells: number[]; relations: SumRelation[] }[] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const r of relations) for (const p of r.parts) parent[find(p)] = find(r.total);
  const groups = new Map<number, { cells: number[]; relations: SumRelation[] }>();
  for (const r of relations) {
    const root = find(r.total);
    if (!groups.has(root)) groups.set(root, { cells: [], relations: [] });
    groups.get(root)!.relations.push(r);
  }
  for (let i = 0; i < count; i++) groups.get(find(i))?.cells.push(i);
  return [...groups.values()];
}

// A published answer under construction: each count becomes a cell, each "these add up to that" a
// relation; `publish()` applies suppression to all of them at once, so it holds across every total
// in the answer.
export type Counts = {
  cell: (value: number) => number;
  sum: (total: number, parts: readonly number[]) => void;
  publish: (min?: number) => (cell: number) => number | null;
};

export function counts(): Counts {
  const values: number[] = [];
  const relations: SumRelation[] = [];
  return {
    cell: (value) => values.push(value) - 1,
    sum: (total, parts) => {
      relations.push({ total, parts });
    },
    publish: (min = REPORT_MIN_CELL) => {
      const shown = suppressCells(values, relations, min);
      return (cell) => shown[cell] ?? null;
    },
  };
}

// A rate published only when both of its counts are: a rate over a shown total would otherwise give
// back the withheld count it was made from.
export function rateOf(part: number | null, whole: number | null, places = 3): number | null {
  if (part === null || whole === null || whole === 0) return null;
  const scale = 10 ** places;
  return Math.round((part / whole) * scale) / scale;
}
