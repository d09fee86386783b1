import { describe, expect, it } from 'vitest';
import { createRandom } from '../../synthetic/random.ts';
import { syntheticMatchClients, syntheticMatchJobs } from '../../synthetic/jobs.ts';
import { batchMatchBrute, batchMatchFast, indexJobs } from './batch.ts';
import { getMatchModel, matchClientSchema, rankJobsForClient } from './match.ts';

// The fast path of batch matching must give exactly the brute force's top lists under the same model:
// the same job orders, the same scores, the same order, on synthetic worlds of several seeds.
describe('batch matching', () => {
  const model = getMatchModel();

  for (const seed of [1, 2, 3]) {
    it(`ranks every client's top 10 exactly as the brute force does (seed ${seed})`, () => {
      const random = createRandom(seed);
      const jobs = syntheticMatchJobs(random.fork('jobs'), 3_000);
      const clients = [
        ...syntheticMatchClients(random.fork('clients'), 300),
        // No postal code: the commute applies only to remote work.
        matchClientSchema.parse({ id: 'nowhere', targetNocCodes: ['64100'], hoursWanted: 25 }),
      ];
      const fast = batchMatchFast(model, clients, indexJobs(jobs), 10);
      const brute = batchMatchBrute(model, clients, jobs, 10);
      expect(fast.size).toBe(clients.length);
      for (const client of clients) expect(fast.get(client.id), client.id).toEqual(brute.get(client.id));
      expect([...brute.values()].filter((top) => top.length === 10).length).toBeGreaterThan(200);
    });
  }

  it('gives the same top list as ranking one client against every job order', () => {
    const random = createRandom(9);
    const jobs = syntheticMatchJobs(random.fork('jobs'), 2_000);
    const [client] = syntheticMatchClients(random.fork('clients'), 1).map((c) => ({ ...c, targetNocCodes: ['65201'] }));
    const single = rankJobsForClient(model, client!, jobs, 10).results.map((r) => ({ jobId: r.jobId, score: r.score }));
    expect(batchMatchFast(model, [client!], indexJobs(jobs), 10).get(client!.id)).toEqual(single);
  });

  it('offers nothing to a client with no job goal and no past work', () => {
    const jobs = syntheticMatchJobs(createRandom(4), 200);
    const blank = matchClientSchema.parse({ id: 'blank', postalCode: 'M6K 1X9' });
    expect(batchMatchFast(model, [blank], indexJobs(jobs), 10).get('blank')).toEqual([]);
    expect(batchMatchBrute(model, [blank], jobs, 10).get('blank')).toEqual([]);
  });
});
