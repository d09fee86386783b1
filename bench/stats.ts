export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

export const median = (values: number[]) => quantile(values, 0.5);
export const p95 = (values: number[]) => quantile(values, 0.95);

export type Row = {
  bench: string;
  engine: string;
  metric: string;
  runs: number;
  median: number;
  p95: number;
  unit: string;
};

export function formatTable(rows: Row[]): string {
  const header = ['benchmark', 'engine', 'metric', 'runs', 'median', 'p95', 'unit'];
  const cells = rows.map((r) => [
    r.bench,
    r.engine,
    r.metric,
    String(r.runs),
    formatNumber(r.median),
    formatNumber(r.p95),
    r.unit,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c.map((v, i) => (i >= 3 && i <= 5 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '-';
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-CA');
  return n.toFixed(2);
}
