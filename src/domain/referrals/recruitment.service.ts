import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import type { Moment } from '../../lib/clock.ts';
import { intakeStateOf } from '../directory/listing.ts';
import type { TargetPopulation } from '../directory/service.ts';
import type { CandidateReason, Candidates, CandidatesQuery } from './recruitment.ts';
import { selectCandidates, selectProgram, type CandidateRow } from './recruitment.queries.ts';

// Recruitment for a program (issue 13, point 7; docs/referrals.md): the program's eligibility as it
// stands, and the worker's own clients who fit it, with the reasons, ready to refer in one step.

function reasonsOf(row: CandidateRow, program: { minimumAge: number | null; maximumAge: number | null }) {
  const reasons: CandidateReason[] = [];
  if (program.minimumAge !== null || program.maximumAge !== null) reasons.push({ kind: 'age', value: String(row.age) });
  for (const code of row.occupations) reasons.push({ kind: 'occupation', value: code });
  for (const code of row.relatedOccupations) reasons.push({ kind: 'related_occupation', value: code });
  for (const population of row.populations) reasons.push({ kind: 'population', value: population });
  if (row.language) reasons.push({ kind: 'language', value: row.language });
  return reasons;
}

export async function programCandidates(
  trx: Trx,
  actor: Actor,
  serviceId: string,
  query: CandidatesQuery,
  context: { requestId: string } & Moment,
): Promise<Candidates> {
  if (actor.kind !== 'user') throw new AppError('forbidden', 'Recruitment lists belong to agency staff.');
  const program = isUuid(serviceId) ? await selectProgram(trx, serviceId) : undefined;
  if (!program) throw new AppError('not_found', 'No service has that id.');
  const intakeState = intakeStateOf(
    { status: program.status, seatsOpen: program.seatsOpen, windows: program.windows ?? [] },
    context.today,
  );
  const recruiting =
    (intakeState === 'open' || intakeState === 'opens_soon') &&
    program.seatsOpen !== 0 &&
    (program.endsOn === null || program.endsOn >= context.today);
  // A program that takes no one now lists no one: its page says why (full, or intake closed).
  const found = recruiting
    ? await selectCandidates(trx, actor, program, { ...query, today: context.today })
    : { items: [], total: 0 };
  if (found.items.length > 0)
    await writeAudit(trx, actor, {
      action: 'referral.create',
      outcome: 'succeeded',
      recordType: 'client',
      recordIds: found.items.map((c) => c.clientId),
      purpose: 'referral',
      reason: `candidates for program ${program.id} (${query.scope})`,
      requestId: context.requestId,
    });
  return {
    program: {
      id: program.id,
      name: program.name,
      nameFr: program.nameFr,
      organizationId: program.organizationId,
      intakeState,
      recruiting,
      minimumAge: program.minimumAge,
      maximumAge: program.maximumAge,
      targetPopulations: program.targetPopulations as TargetPopulation[],
      targetNocCodes: program.targetNocCodes,
      languages: program.languages,
    },
    items: found.items.map((row) => ({
      clientId: row.clientId,
      name: row.name,
      age: row.age,
      consentNeeded: row.consentNeeded,
      reasons: reasonsOf(row, program),
    })),
    total: found.total,
    page: query.page,
    perPage: query.perPage,
  };
}
