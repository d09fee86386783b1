import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import { actorScopes } from '../../access/authorize.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { equityDimensions, type AssessmentReport } from './assessment-report.ts';
import { selectAgencyUse, selectStreamMoves, selectStreamsByGroup } from './assessment-report.queries.ts';
import { counts, rateOf } from './disclosure.ts';
import { currentReportingPolicy, reportingPolicies } from './reporting-policy.ts';

// Dimensions where one client may give several answers (and so rows do not add up to the overall).
const multipleAnswers = new Set<string>(['racializedGroup']);

// Reassessment and override rates by agency, how streams moved, and stream rates by each
// self-identified group. The system manager sees the whole system; an agency manager their agency.
// Every count of the answer goes through one disclosure check (disclosure.ts), so no withheld count
// can be worked out from the totals shown beside it, whichever table they are in.
export async function assessmentReport(
  db: DbOrTrx,
  actor: Actor,
  context: { requestId: string; now: Date; organizationId?: string },
): Promise<AssessmentReport> {
  const system = actor.kind === 'system' || actorScopes(actor, 'report.assessment_rates').includes('sys');
  const organizationId = system
    ? (context.organizationId ?? null)
    : actor.kind === 'user'
      ? actor.organizationId
      : null;
  if (!system && !organizationId)
    throw new AppError('forbidden', 'Reports are for the system manager and agency managers.');
  const policy = reportingPolicies[currentReportingPolicy];
  const answer = counts();

  // By agency: initial, reassessment and override counts add up to the assessments shown.
  const agencies = (await selectAgencyUse(db, organizationId)).map((a) => {
    const cells = {
      clientsAssessed: answer.cell(a.clientsAssessed),
      assessments: answer.cell(a.assessments),
      reassessments: answer.cell(a.reassessments),
      overrides: answer.cell(a.overrides),
      initial: answer.cell(a.assessments - a.reassessments - a.overrides),
    };
    answer.sum(cells.assessments, [cells.initial, cells.reassessments, cells.overrides]);
    return { a, cells };
  });
  const moves = (await selectStreamMoves(db, organizationId)).map((m) => ({ m, cell: answer.cell(m.count) }));

  // Streams by group: each dimension is a table of groups × streams with the group totals, whose
  // columns add up to the overall (one answer per client), except racialized groups (several).
  const rows = await selectStreamsByGroup(db, organizationId);
  const overallCounts = { A: 0, B: 0, C: 0 };
  for (const r of rows.filter((x) => x.dimension === equityDimensions[0])) overallCounts[r.stream] += r.count;
  const overall = {
    A: answer.cell(overallCounts.A),
    B: answer.cell(overallCounts.B),
    C: answer.cell(overallCounts.C),
    clients: answer.cell(overallCounts.A + overallCounts.B + overallCounts.C),
  };
  answer.sum(overall.clients, [overall.A, overall.B, overall.C]);
  const groups = equityDimensions.flatMap((dimension) => {
    const byGroup = new Map<string, { A: number; B: number; C: number }>();
    for (const r of rows.filter((x) => x.dimension === dimension)) {
      const g = byGroup.get(r.group) ?? { A: 0, B: 0, C: 0 };
      g[r.stream] += r.count;
      byGroup.set(r.group, g);
    }
    const entries = [...byGroup.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, g]) => {
        const cells = {
          A: answer.cell(g.A),
          B: answer.cell(g.B),
          C: answer.cell(g.C),
          clients: answer.cell(g.A + g.B + g.C),
        };
        answer.sum(cells.clients, [cells.A, cells.B, cells.C]);
        return { dimension, group, g, cells };
      });
    if (!multipleAnswers.has(dimension)) {
      for (const stream of ['A', 'B', 'C'] as const)
        answer.sum(
          overall[stream],
          entries.map((e) => e.cells[stream]),
        );
      answer.sum(
        overall.clients,
        entries.map((e) => e.cells.clients),
      );
    }
    return entries;
  });

  const shown = answer.publish(policy.minCell);
  const overallShown = {
    clients: shown(overall.clients),
    A: shown(overall.A),
    B: shown(overall.B),
    C: shown(overall.C),
  };
  const byAgency = agencies.map(({ a, cells }) => {
    const [clientsAssessed, assessments, reassessments, overrides] = [
      shown(cells.clientsAssessed),
      shown(cells.assessments),
      shown(cells.reassessments),
      shown(cells.overrides),
    ];
    return {
      organizationId: a.organizationId,
      organizationName: a.organizationName,
      clientsAssessed,
      assessments,
      reassessments,
      overrides,
      reassessmentRate: rateOf(reassessments, clientsAssessed),
      overrideRate: rateOf(overrides, assessments),
    };
  });
  const streamMoves = moves.map(({ m, cell }) => ({ from: m.from, to: m.to, kind: m.kind, count: shown(cell) }));
  const streamsByGroup = groups.map(({ dimension, group, cells }) => {
    const [clients, A, B, C] = [shown(cells.clients), shown(cells.A), shown(cells.B), shown(cells.C)];
    const shareC = rateOf(C, clients);
    // Everyone else's share, from shown counts only: withheld counts stay withheld in the ratio too.
    const elsewhere =
      C !== null && clients !== null && overallShown.C !== null && overallShown.clients !== null
        ? rateOf(overallShown.C - C, overallShown.clients - clients)
        : null;
    const ratio =
      shareC !== null && elsewhere !== null && elsewhere > 0 ? Math.round((shareC / elsewhere) * 100) / 100 : null;
    // Nobody else in Stream C while some of the group are: no ratio to print, and the widest gap of all.
    const flagged =
      ratio !== null
        ? ratio >= policy.disparityRatio || ratio <= 1 / policy.disparityRatio
        : shareC !== null && shareC > 0 && elsewhere === 0;
    return { dimension, group, clients, A, B, C, shareC, shareCElsewhere: elsewhere, ratioC: ratio, flagged };
  });
  await writeAudit(db, actor, {
    action: 'report.assessment_rates',
    outcome: 'succeeded',
    recordType: 'report',
    reason: organizationId ? `organization ${organizationId}` : 'system',
    requestId: context.requestId,
  });
  return {
    generatedAt: context.now.toISOString(),
    policyVersion: currentReportingPolicy,
    minCell: policy.minCell,
    disparityRatio: policy.disparityRatio,
    scope: organizationId ? 'organization' : 'system',
    byAgency,
    streamMoves,
    streamsByGroup,
    overall: overallShown,
  };
}
