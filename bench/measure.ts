import { timed } from './http.ts';
import { median, p95, type Row } from './stats.ts';

// One benchmark's measuring loop, shared by the families that time single requests against the real
// server beside a bare Fastify route: a warm-up pass (every request once, unmeasured, each must answer
// 200), then `runs` passes, each timing `perKind` bare requests and then every request in order.

export type TimedRequest<K extends string> = { kind: K; url: string; headers: Record<string, string> };
export type Measured<K extends string> = {
  latencies: Map<K | 'bare', number[]>;
  // Each run's median per kind, for ratios to the bare route run by run.
  runMedians: Map<K | 'bare', number[]>;
};

export async function measureInterleaved<K extends string>(options: {
  api: string;
  bare: string;
  requests: readonly TimedRequest<K>[];
  runs: number;
  perKind: number;
  log: (line: string) => void;
  label: string;
}): Promise<Measured<K>> {
  const { api, requests } = options;
  const latencies = new Map<K | 'bare', number[]>();
  const runMedians = new Map<K | 'bare', number[]>();
  for (const req of requests) {
    const { status } = await timed(api, req);
    if (status !== 200) throw new Error(`${req.kind} ${req.url}: HTTP ${status}`);
  }
  for (let run = 0; run < options.runs; run++) {
    const perRun = new Map<K | 'bare', number[]>();
    const record = (kind: K | 'bare', ms: number) => {
      latencies.set(kind, [...(latencies.get(kind) ?? []), ms]);
      perRun.set(kind, [...(perRun.get(kind) ?? []), ms]);
    };
    for (let i = 0; i < options.perKind; i++)
      record('bare', (await timed(options.bare, { url: '/bare', headers: {} })).ms);
    for (const req of requests) {
      const t = await timed(api, req);
      if (t.status !== 200) throw new Error(`${req.kind} ${req.url}: HTTP ${t.status}`);
      record(req.kind, t.ms);
    }
    for (const [kind, values] of perRun) runMedians.set(kind, [...(runMedians.get(kind) ?? []), median(values)]);
    options.log(
      `  ${options.label} run ${run + 1}/${options.runs}: ${[...perRun].map(([k, v]) => `${k} ${median(v).toFixed(1)} ms`).join(', ')}`,
    );
  }
  return { latencies, runMedians };
}

// The rows: the bare route's latency, then each kind's latency (with its p95 goal) and its ratio to the
// bare route's (per run, medians).
export function latencyRows<K extends string>(
  measured: Measured<K>,
  kinds: Record<K, { name: string; goalMs?: number }>,
  context: { bench: string; engine: string },
): Row[] {
  const { latencies, runMedians } = measured;
  const bareValues = latencies.get('bare') ?? [];
  const rows: Row[] = [
    {
      ...context,
      metric: 'bare Fastify route latency',
      runs: bareValues.length,
      median: median(bareValues),
      p95: p95(bareValues),
      unit: 'ms',
    },
  ];
  const bareRuns = runMedians.get('bare') ?? [];
  for (const [kind, meta] of Object.entries(kinds) as [K, { name: string; goalMs?: number }][]) {
    const values = latencies.get(kind) ?? [];
    const goal = meta.goalMs ? ` (p95 goal < ${meta.goalMs} ms)` : '';
    rows.push({
      ...context,
      metric: `${meta.name} latency${goal}`,
      runs: values.length,
      median: median(values),
      p95: p95(values),
      unit: 'ms',
    });
    const ratios = (runMedians.get(kind) ?? []).map((m, i) => m / (bareRuns[i] ?? Number.NaN));
    rows.push({
      ...context,
      metric: `${meta.name} / bare latency`,
      runs: ratios.length,
      median: median(ratios),
      p95: p95(ratios),
      unit: '×',
    });
  }
  return rows;
}
