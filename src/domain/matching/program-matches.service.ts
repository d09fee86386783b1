import { z } from 'zod';
import type { Actor } from '../../access/actor.ts';
import { auditClient } from '../../access/audit.ts';
import { accessClient, requireCategory } from '../../access/client-access.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { Moment } from '../../lib/clock.ts';
import { intakeStateOf } from '../directory/listing.ts';
import {
  programClientSchema,
  programMatchModelChecksum,
  rankProgramsForClient,
  type MatchProgram,
  type ProgramMatchModel,
} from './program-match.ts';
import { selectProgramProfile, selectProgramsTakingPeople } from './program-matches.queries.ts';
import type { ClientProgramMatches } from './results.ts';
export { clientProgramMatchesSchema, type ClientProgramMatches } from './results.ts';

// The programs of the directory that fit a client now (docs/matching.md, "Programs for a client"), for the
// worker to review with the client and refer from: nothing is sent by itself. What of the file the ranking
// uses follows what the reader may see of it: the employment category (without it, 404), the postal code,
// date of birth and language only with identity and contact, the stream, barriers and income only with
// the assessment (a job developer without it: the stream alone). Never equity answers.

export const clientProgramMatchesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export async function clientProgramMatches(
  db: DbOrTrx,
  actor: Actor,
  clientId: string,
  query: { limit: number },
  context: { requestId: string; model: ProgramMatchModel } & Moment,
): Promise<ClientProgramMatches> {
  const access = await accessClient(db, actor, clientId, 'match.programs_for_client', context);
  requireCategory(actor, access, 'employment', 'match.programs_for_client', context.requestId);
  const profile = await selectProgramProfile(db, access.clientId);
  const identity = access.categories.has('identity_contact');
  const assessment = access.categories.has('assessment');
  const client = programClientSchema.parse({
    id: access.clientId,
    targetNocCodes: profile?.targetNocCodes ?? [],
    workHistory: (profile?.history ?? []).map((nocCode) => ({ nocCode })),
    postalCode: identity ? (profile?.postalCode ?? null) : null,
    dateOfBirth: identity ? (profile?.dateOfBirth ?? null) : null,
    preferredLanguage: identity ? (profile?.preferredLanguage ?? null) : null,
    stream: assessment || access.streamOnly ? (profile?.stream ?? null) : null,
    activeBarriers: assessment ? (profile?.activeBarriers ?? []) : null,
    incomeSource: assessment ? (profile?.incomeSource ?? null) : null,
  });
  const rows = await selectProgramsTakingPeople(db, context.today);
  // Rows as the ranking reads them. The database's checks already hold what the schema checks of a case
  // file from the CLI (and a name of 200 characters may be longer than 200 UTF-16 units), so no parse here.
  const programs: MatchProgram[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    interventionTypes: r.interventionTypes as MatchProgram['interventionTypes'],
    occupations: r.occupations,
    targetPopulations: r.targetPopulations as MatchProgram['targetPopulations'],
    languages: r.languages,
    deliveryMode: r.deliveryMode,
    minimumAge: r.minimumAge,
    maximumAge: r.maximumAge,
    endsOn: r.endsOn,
    intakeState: intakeStateOf({ status: r.status, seatsOpen: r.seatsOpen, windows: r.windows }, context.today),
    sites: r.sitePostalCodes.map((postalCode) => ({ postalCode })),
  }));
  const ranking = rankProgramsForClient(context.model, client, programs, query.limit, context.today);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const states = new Map(programs.map((p) => [p.id, p.intakeState]));
  await auditClient(db, actor, access, {
    action: 'match.programs_for_client',
    recordType: 'client',
    recordId: access.clientId,
    recordIds: ranking.results.map((r) => r.programId),
    reason: `top ${ranking.results.length} of ${ranking.considered} programs (model ${context.model.version})`,
    requestId: context.requestId,
  });
  return {
    clientId: access.clientId,
    modelVersion: context.model.version,
    modelChecksum: programMatchModelChecksum(context.model),
    considered: ranking.considered,
    leftOut: ranking.leftOut,
    results: ranking.results.map((r) => {
      const row = byId.get(r.programId)!;
      return {
        program: {
          id: row.id,
          name: row.name,
          nameFr: row.nameFr,
          organization: { id: row.organizationId, name: row.organizationName, nameFr: row.organizationNameFr },
          intakeState: states.get(row.id)!,
          deliveryMode: row.deliveryMode,
        },
        score: r.score,
        factors: r.factors,
      };
    }),
  };
}
