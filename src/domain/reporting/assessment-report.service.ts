import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import { actorScopes } from '../../access/authorize.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { AppError } from '../../server/errors.ts';
import { equityDimensions, type AssessmentReport } from './assessment-report.ts';
import { selectAgencyUse, selectStreamMoves, selectStreamsByGroup } from './assessment-report.queries.ts';
import { REPORT_MIN_CELL, suppress } from './suppression.ts';

const rate = (part: number | null, whole: number | null) => (part === null || whole === null || whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

// Reassessment and override rates by agency, how streams moved, and stream rates by each
// self-identified group. The system manager sees the whole system; an agency manager their agency.
export async function assessmentReport(db: DbOrTrx, actor: Actor, context: { requestId: string; organizationId?: string }): Promise<AssessmentReport> {
  const system = actor.kind === 'system' || actorScopes(actor, 'report.assessment_rates').includes('sys');
  const organizationId = system ? (context.organizationId ?? null) : actor.kind === 'user' ? actor.organizationId : null;
  if (!system && !organizationId) throw new AppError('forbidden', 'Reports are for the system manager and agency managers.');
  const byAgency = (await selectAgencyUse(db, organizationId)).map((a) => {
    const [clientsAssessed = null] = suppress([a.clientsAssessed]);
    const [assessments = null] = suppress([a.assessments]);
    // Initial, reassessment and override counts add up to the assessments shown: suppressed together.
    const [reassessments = null, overrides = null] = suppress([a.reassessments, a.overrides, a.assessments - a.reassessments - a.overrides]);
    return {
      organizationId: a.organizationId,
      organizationName: a.organizationName,
      clientsAssessed,
      assessments,
      reassessments,
      overrides,
      reassessmentRate: rate(reassessments, clientsAssessed),
      overrideRate: rate(overrides, assessments),
    };
  });
  const moves = await selectStreamMoves(db, organizationId);
  const shownMoves = suppress(moves.map((m) => m.count));
  const streamMoves = moves.map((m, i) => ({ from: m.from, to: m.to, kind: m.kind, count: shownMoves[i]! }));

  const rows = await selectStreamsByGroup(db, organizationId);
  const streamsByGroup: AssessmentReport['streamsByGroup'] = [];
  let overall = { clients: 0, A: 0, B: 0, C: 0 };
  for (const dimension of equityDimensions) {
    const groups = new Map<string, { A: number; B: number; C: number }>();
    for (const r of rows.filter((x) => x.dimension === dimension)) {
      const g = groups.get(r.group) ?? { A: 0, B: 0, C: 0 };
      g[r.stream] += r.count;
      groups.set(r.group, g);
    }
    const entries = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
    const totals = suppress(entries.map(([, g]) => g.A + g.B + g.C));
    entries.forEach(([group, g], i) => {
      const [A, B, C] = totals[i] === null ? [null, null, null] : suppress([g.A, g.B, g.C]);
      streamsByGroup.push({ dimension, group, clients: totals[i] ?? null, A: A ?? null, B: B ?? null, C: C ?? null, shareC: rate(C ?? null, totals[i] ?? null) });
    });
    if (dimension === 'indigenousIdentity') {
      const sum = entries.reduce((acc, [, g]) => ({ A: acc.A + g.A, B: acc.B + g.B, C: acc.C + g.C }), { A: 0, B: 0, C: 0 });
      overall = { clients: sum.A + sum.B + sum.C, ...sum };
    }
  }
  const [A, B, C] = suppress([overall.A, overall.B, overall.C]);
  await writeAudit(db, actor, { action: 'report.assessment_rates', outcome: 'succeeded', recordType: 'report', reason: organizationId ? `organization ${organizationId}` : 'system', requestId: context.requestId });
  return {
    generatedAt: new Date().toISOString(),
    minCell: REPORT_MIN_CELL,
    scope: organizationId ? 'organization' : 'system',
    byAgency,
    streamMoves,
    streamsByGroup,
    overall: { clients: overall.clients, A: A ?? null, B: B ?? null, C: C ?? null },
  };
}
