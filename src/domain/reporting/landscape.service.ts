import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { addDays } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import type { Moment } from '../../lib/clock.ts';
import { counts } from './disclosure.ts';
import { currentReportingPolicy, reportingPolicies } from './reporting-policy.ts';
import { LISTING_STALE_AFTER_DAYS } from '../directory/listing.ts';
import type { Landscape, LandscapeQuery } from './landscape.ts';
import { selectAreas, selectMatrix, selectOccupations, selectTotals, selectUnmetDemand } from './landscape.queries.ts';
import { interventionTypes, targetPopulations } from '../directory/vocabulary.ts';

// The landscape of workforce programs for the system manager (issue 13, point 5; docs/directory.md).
// Coverage is public data and shown whole; unmet demand comes from referrals and goes through the one
// disclosure check of every report (src/domain/reporting/disclosure.ts).

export async function landscape(
  db: DbOrTrx,
  actor: Actor,
  query: LandscapeQuery,
  context: { requestId: string } & Moment,
): Promise<Landscape> {
  const to = query.to ?? context.today;
  const from = query.from ?? addDays(to, -364);
  if (from > to)
    throw new AppError('invalid', 'The period must start before it ends.', [
      { field: 'from', message: 'must not be after `to`' },
    ]);
  const filters = { intervention: query.intervention, population: query.population, noc: query.noc };
  const staleBefore = new Date(context.now.getTime() - LISTING_STALE_AFTER_DAYS * 86_400_000);
  const [areas, totals, matrix, occupations, unmet] = [
    await selectAreas(db, filters, { today: context.today, withinKm: query.withinKm, staleBefore }),
    await selectTotals(db, filters, { today: context.today, staleBefore }),
    await selectMatrix(db, filters, context.today),
    await selectOccupations(db, filters, context.today),
    await selectUnmetDemand(db, filters, { from, to, timeZone: context.timeZone }),
  ];

  // Declines by neighbourhood (and those of clients with none known) add up to the total; by
  // intervention they overlap (a program may be of several kinds), so each stands alone.
  const policy = reportingPolicies[currentReportingPolicy];
  const answer = counts();
  const declinesIn = new Map(unmet.byArea.map((r) => [r.neighbourhoodId, r.declines]));
  const areaCells = new Map(areas.map((a) => [a.id, answer.cell(declinesIn.get(a.id) ?? 0)]));
  const noArea = answer.cell(declinesIn.get(null) ?? 0);
  const total = answer.cell(unmet.byArea.reduce((sum, r) => sum + r.declines, 0));
  answer.sum(total, [...areaCells.values(), noArea]);
  const byKind = new Map(unmet.byIntervention.map((r) => [r.intervention, r.declines]));
  const kindCells = interventionTypes.map((kind) => ({ kind, cell: answer.cell(byKind.get(kind) ?? 0) }));
  const shown = answer.publish(policy.minCell);

  const gaps = areas.filter((a) => a.servicesWithin === 0);
  await writeAudit(db, actor, {
    action: 'directory.landscape',
    outcome: 'succeeded',
    recordType: 'report',
    reason: `landscape ${JSON.stringify({ ...filters, withinKm: query.withinKm })} ${from}..${to}`,
    requestId: context.requestId,
  });
  const matrixKeys = new Set([...targetPopulations, 'everyone']);
  return {
    asOf: context.today,
    minCell: policy.minCell,
    withinKm: query.withinKm,
    filters: {
      intervention: query.intervention ?? null,
      population: query.population ?? null,
      noc: query.noc ?? null,
    },
    period: { from, to },
    totals: {
      ...totals,
      neighbourhoods: areas.length,
      gaps: gaps.length,
      populationInGaps: gaps.reduce((sum, a) => sum + a.population, 0),
      unmetDemand: shown(total),
      unmetNoArea: shown(noArea),
    },
    areas: areas.map((a) => ({ ...a, gap: a.servicesWithin === 0, unmetDemand: shown(areaCells.get(a.id)!) })),
    matrix: matrix
      .filter((m) => matrixKeys.has(m.population))
      .map((m) => ({
        intervention: m.intervention as Landscape['matrix'][number]['intervention'],
        population: m.population as Landscape['matrix'][number]['population'],
        services: m.services,
      })),
    occupations,
    unmetByIntervention: kindCells.map((k) => ({ intervention: k.kind, declines: shown(k.cell) })),
  };
}
