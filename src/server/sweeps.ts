import type { FastifyBaseLogger } from 'fastify';

export type Sweep = { name: string; intervalMs: number; run: () => Promise<unknown> };

// Background work is periodic SQL sweeps; each sweep's query is safe to run in several processes
// at once (claims use FOR UPDATE SKIP LOCKED), so no leader election is needed.
export function startSweeps(sweeps: Sweep[], log: FastifyBaseLogger): { stop: () => Promise<void> } {
  let stopped = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  for (const sweep of sweeps) {
    const tick = () => {
      if (stopped) return;
      const pass = sweep
        .run()
        .catch((error: unknown) => log.error({ err: error, sweep: sweep.name }, 'sweep failed'))
        .finally(() => {
          running.delete(pass);
          if (!stopped) timers.set(sweep.name, setTimeout(tick, sweep.intervalMs).unref());
        });
      running.add(pass);
    };
    timers.set(sweep.name, setTimeout(tick, Math.min(sweep.intervalMs, 1000)).unref());
  }
  return {
    stop: async () => {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(running);
    },
  };
}
