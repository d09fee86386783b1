// Small-cell suppression for published aggregates (docs/permissions.md 3.12): a count below the
// minimum is withheld, and when exactly one cell of a set that adds up to a shown total is withheld,
// the next smallest is withheld too, so no cell can be worked out by subtraction.
export const REPORT_MIN_CELL = 10;

export function suppress(counts: readonly number[], min = REPORT_MIN_CELL): (number | null)[] {
  const hidden = counts.map((n) => n > 0 && n < min);
  if (hidden.filter(Boolean).length === 1) {
    let smallest = -1;
    counts.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (smallest === -1 || n < counts[smallest]!)) smallest = i;
    });
    if (smallest !== -1) hidden[smallest] = true;
  }
  return counts.map((n, i) => (hidden[i] ? null : n));
}
