import type { Actor } from '../../access/actor.ts';
import { auditClient } from '../../access/audit.ts';
import { accessClient, requireCategory } from '../../access/client-access.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { Moment } from '../../lib/clock.ts';
import { nocTitle } from '../occupations/noc.ts';
import type { MatchModel } from './match-model.ts';
import type { ClientJobMatches } from './results.ts';
export { clientJobMatchesSchema, type ClientJobMatches } from './results.ts';
import {
  matchLimitQuerySchema,
  matchClientSchema,
  matchModelChecksum,
  nocRangesFor,
  occupationValues,
  scorePair,
  type MatchClient,
  type MatchJob,
  rankScored,
  type LeftOutReason,
  type ScoredPair,
} from './match.ts';
import {
  selectJobDetails,
  selectMatchProfile,
  selectOpenJobsInRanges,
  type MatchJobRow,
} from './client-matches.queries.ts';
import { BOUND_MARGIN, occupationBound } from './batch.ts';

// A client's best job orders (docs/matching.md, "From the API"): the worker reads them to review, never
// sent anywhere by themselves. What of the file a match uses follows what the reader may see of it:
// the employment category (without it, 404 as for any category not consented), the postal code only
// with identity and contact, the stream only where the reader sees it.

export const clientJobMatchesQuerySchema = matchLimitQuerySchema;

// Open job orders by tiers of occupation, nearest first (the goal's own and nearest groups, then the
// farther ones), stopping once the next tier's best possible score cannot reach the last place of the
// top list: the ranking is the one a read of every tier would give, from far fewer rows.
async function readNearestFirst(
  db: DbOrTrx,
  model: MatchModel,
  client: MatchClient,
  limit: number,
  today: string,
): Promise<{ kept: ScoredPair[]; considered: number; leftOut: Record<LeftOutReason, number> }> {
  const values = occupationValues(model);
  const cuts = [...new Set([model.occupation.minorGroup, model.occupation.subMajorGroup, model.occupation.minimum])]
    .filter((v) => v >= model.occupation.minimum)
    .sort((a, b) => b - a);
  // Each job order is scored once, here; the ranking sorts these and words only the results shown.
  const kept: ScoredPair[] = [];
  const leftOut: Record<LeftOutReason, number> = { occupation_too_far: 0, too_far_to_commute: 0 };
  let considered = 0;
  const best: number[] = [];
  let read: { from: string; to: string }[] = [];
  for (const [i, cut] of cuts.entries()) {
    const ranges = nocRangesFor(model, client, cut);
    const found = await selectOpenJobsInRanges(db, ranges, today, read);
    read = ranges;
    considered += found.length;
    for (const row of found) {
      const job = matchJobOf(row);
      const pair = scorePair(model, client, job);
      if (pair.kind !== 'scored') {
        leftOut[pair.reason] += 1;
        continue;
      }
      kept.push({ score: pair.score, job, client, pair });
      best.push(pair.score);
      best.sort((a, b) => b - a);
      if (best.length > limit) best.pop();
    }
    const next = cuts[i + 1];
    if (next === undefined) break;
    const nextBest = values.find((v) => v < cut);
    if (
      nextBest === undefined ||
      (best.length === limit && occupationBound(model, client, nextBest) + BOUND_MARGIN < best[limit - 1]!)
    )
      break;
  }
  return { kept, considered, leftOut };
}

// A row as matching reads it. The database's checks already hold what the schema would check (matchJobSchema
// parses files from the CLI), so the thousands of rows of a common occupation skip it.
function matchJobOf(row: MatchJobRow): MatchJob {
  return {
    id: row.id,
    nocCode: row.nocCode,
    skills: row.skills,
    credentialsRequired: row.credentialsRequired,
    hoursPerWeek: row.hoursPerWeek,
    workplace: row.workplace,
    postalCode: row.postalCode,
    accommodationsOffered: row.accommodationsOffered as MatchJob['accommodationsOffered'],
    decentWorkScore: row.decentWorkScore,
  };
}

export async function clientJobMatches(
  db: DbOrTrx,
  actor: Actor,
  clientId: string,
  query: { limit: number },
  context: { requestId: string; model: MatchModel } & Moment,
): Promise<ClientJobMatches> {
  const access = await accessClient(db, actor, clientId, 'match.jobs_for_client', context);
  requireCategory(actor, access, 'employment', 'match.jobs_for_client', context.requestId);
  const profile = await selectMatchProfile(db, access.clientId);
  const seesStream = access.categories.has('assessment') || access.streamOnly;
  const client = matchClientSchema.parse({
    id: access.clientId,
    targetNocCodes: profile?.targetNocCodes ?? [],
    // Null when not recorded: those factors then do not apply.
    skills: profile?.skills ?? null,
    credentials: profile?.credentials ?? null,
    workHistory: (profile?.history ?? []).map((nocCode) => ({ nocCode })),
    hoursWanted: profile?.hoursWanted ?? null,
    postalCode: access.categories.has('identity_contact') ? (profile?.postalCode ?? null) : null,
    accommodationsNeeded: profile?.accommodations ?? [],
    stream: seesStream ? (profile?.stream ?? null) : null,
  });
  const ranges = nocRangesFor(context.model, client);
  const read = await readNearestFirst(db, context.model, client, query.limit, context.today);
  const ranking = rankScored(context.model, read.kept, read.considered, read.leftOut, query.limit);
  const byId = new Map(read.kept.map((k) => [k.job.id, k.job]));
  const details = new Map(
    (
      await selectJobDetails(
        db,
        ranking.results.map((r) => r.jobId),
      )
    ).map((d) => [d.id, d]),
  );
  await auditClient(db, actor, access, {
    action: 'match.jobs_for_client',
    recordType: 'client',
    recordId: access.clientId,
    recordIds: ranking.results.map((r) => r.jobId),
    reason: `top ${ranking.results.length} of ${ranking.considered} job orders (model ${context.model.version})`,
    requestId: context.requestId,
  });
  return {
    clientId: access.clientId,
    modelVersion: context.model.version,
    modelChecksum: matchModelChecksum(context.model),
    needs: ranges.length === 0 ? 'job_goal' : null,
    considered: ranking.considered,
    leftOut: ranking.leftOut,
    results: ranking.results.map((r) => {
      const row = byId.get(r.jobId)!;
      const more = details.get(r.jobId)!;
      return {
        job: {
          id: row.id,
          title: more.title,
          employer: { id: more.employerId, name: more.employerName, nameFr: more.employerNameFr },
          nocCode: row.nocCode,
          nocTitle: nocTitle(row.nocCode) ?? row.nocCode,
          hoursPerWeek: row.hoursPerWeek,
          hourlyWage: more.hourlyWageCents / 100,
          workplace: row.workplace,
          postalCode: row.postalCode,
          closingOn: more.closingOn,
          decentWorkScore: row.decentWorkScore,
        },
        score: r.score,
        factors: r.factors,
      };
    }),
  };
}
