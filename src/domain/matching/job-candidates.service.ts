import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import type { Moment } from '../../lib/clock.ts';
import { getJobOrder } from '../jobs/job-order.service.ts';
import type { MatchModel } from './match-model.ts';
import type { JobCandidates } from './results.ts';
export { jobCandidatesSchema, type JobCandidates } from './results.ts';
import {
  matchLimitQuerySchema,
  matchClientSchema,
  matchJobSchema,
  matchModelChecksum,
  nocRangesFor,
  rankClientsForJob,
} from './match.ts';
import { selectCandidates } from './job-candidates.queries.ts';

// A job order's best candidates among the clients the worker may offer (docs/matching.md): for the
// worker to review and propose; nothing reaches the employer or the client by itself.

// More than this many clients in a job order's occupations are ranked on the first this many (by id):
// the answer says so (`capped`).
export const CANDIDATE_CAP = 5000;

export const jobCandidatesQuerySchema = matchLimitQuerySchema;

export async function jobCandidates(
  db: DbOrTrx,
  actor: Actor,
  jobId: string,
  query: { limit: number },
  context: { requestId: string; model: MatchModel } & Moment,
): Promise<JobCandidates> {
  if (actor.kind !== 'user') throw new AppError('forbidden', 'Candidates are for agency staff.');
  // The job order as its own route shows it, or the same 404.
  const order = await getJobOrder(db, actor, jobId, context.requestId);
  const job = matchJobSchema.parse({ ...order, decentWorkScore: order.decentWork.score });
  const ranges = {
    goals: nocRangesFor(context.model, { targetNocCodes: [job.nocCode], workHistory: [] }),
    pastWork: nocRangesFor(context.model, { targetNocCodes: [], workHistory: [{ nocCode: job.nocCode }] }),
  };
  const rows = await selectCandidates(db, actor, ranges, context.today, CANDIDATE_CAP + 1);
  const capped = rows.length > CANDIDATE_CAP;
  const considered = rows.slice(0, CANDIDATE_CAP);
  const clients = considered.map((c) =>
    matchClientSchema.parse({
      id: c.clientId,
      targetNocCodes: c.targetNocCodes,
      // Null when not recorded: those factors then do not apply.
      skills: c.skills,
      credentials: c.credentials,
      workHistory: c.history.map((nocCode) => ({ nocCode })),
      hoursWanted: c.hoursWanted,
      postalCode: c.postalCode,
      accommodationsNeeded: c.accommodations,
      stream: c.stream,
    }),
  );
  const ranking = rankClientsForJob(context.model, job, clients, query.limit);
  const names = new Map(considered.map((c) => [c.clientId, c.name]));
  if (ranking.results.length > 0)
    await writeAudit(db, actor, {
      action: 'match.candidates_for_job',
      outcome: 'succeeded',
      recordType: 'client',
      recordIds: ranking.results.map((r) => r.clientId),
      purpose: 'placement',
      reason: `candidates for job order ${job.id} (model ${context.model.version})`,
      requestId: context.requestId,
    });
  return {
    jobId: job.id,
    modelVersion: context.model.version,
    modelChecksum: matchModelChecksum(context.model),
    considered: ranking.considered,
    capped,
    leftOut: ranking.leftOut,
    results: ranking.results.map((r) => ({
      client: { id: r.clientId, name: names.get(r.clientId) ?? '' },
      score: r.score,
      factors: r.factors,
    })),
  };
}
