import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from './db.ts';
import { fuzzWorld, requestArb, sendAndCheck, type FuzzWorld, type Operation } from './fuzz.ts';

// FUZZ_RUNS: requests per operation and engine (default 150); FUZZ_SEED replays a run (fast-check
// prints the seed and the shrunk request of a failure).
const runs = Number(process.env.FUZZ_RUNS ?? '150');
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

export function fuzzSuite(name: string, select: (operation: Operation) => boolean): void {
  describeEachEngine(name, ({ engine }) => {
    let world: FuzzWorld;
    let sent = 0;
    let started = 0;
    beforeAll(async () => {
      world = await fuzzWorld(engine);
      started = performance.now();
    }, 180_000);
    afterAll(async () => {
      const seconds = (performance.now() - started) / 1000;
      console.log(`[fuzz] ${name} on ${engine}: ${sent} requests in ${seconds.toFixed(1)} s`);
      await world?.close();
    });

    it('covers every operation of the OpenAPI document in one of the fuzz suites', () => {
      expect(world.operations.length).toBeGreaterThan(60);
      expect(world.operations.filter(select).length).toBeGreaterThan(0);
    });

    it(
      'answers every generated and mutated request below 500, errors as problem+json, and refusals write nothing',
      { timeout: 900_000 },
      async () => {
        const failures: string[] = [];
        for (const operation of world.operations.filter(select)) {
          let wrong: string | undefined;
          const result = await fc.check(
            fc.asyncProperty(requestArb(operation, world), async (request) => {
              sent += 1;
              wrong = await sendAndCheck(world, request);
              return wrong === undefined;
            }),
            { numRuns: runs, ...(seed !== undefined ? { seed } : {}), endOnFailure: true },
          );
          if (result.failed) failures.push(`${wrong ?? String(result.errorInstance)} (FUZZ_SEED=${result.seed})`);
        }
        expect(failures).toEqual([]);
      },
    );
  });
}
