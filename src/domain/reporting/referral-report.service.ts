import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { addDays } from '../../lib/dates.ts';
import type { Moment } from '../../lib/clock.ts';
import { referralReasons } from '../referrals/referral-vocabulary.ts';
import { counts, rateOf, type Counts } from './disclosure.ts';
import type { ReferralMeasures, ReferralReport, ReferralReportQuery } from './referral-report.ts';
import { selectReferralGroups, type ReferralGroupRow } from './referral-report.queries.ts';
import { currentReportingPolicy, reportingPolicies, reportScope } from './reporting-policy.ts';

// The closed-loop measures the dashboards use (issue 13, point 8): by receiving agency and program,
// by receiving agency, and for the whole scope. The system manager sees the city (or one agency); an
// agency manager the referrals their agency sent or received. Every count goes through one disclosure
// check, so no withheld count can be worked out from the totals beside it.

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

// One group's counts as cells, tied by the sums that hold between them.
function cellsOf(answer: Counts, rows: readonly ReferralGroupRow[]) {
  const sum = (f: (r: ReferralGroupRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const cells = {
    sent: answer.cell(sum((r) => r.sent)),
    answered: answer.cell(sum((r) => r.answered)),
    loopClosed: answer.cell(sum((r) => r.loopClosed)),
    accepted: answer.cell(sum((r) => r.accepted)),
    declined: answer.cell(sum((r) => r.declined)),
    started: answer.cell(sum((r) => r.started)),
    completed: answer.cell(sum((r) => r.completed)),
    overdueNow: answer.cell(sum((r) => r.overdueNow)),
  };
  const reasons = referralReasons.map((reason) => ({ reason, cell: answer.cell(sum((r) => r.reasons[reason] ?? 0)) }));
  answer.sum(
    cells.declined,
    reasons.map((x) => x.cell),
  );
  return {
    cells,
    reasons,
    acknowledgeDays: rows.flatMap((r) => r.acknowledgeDays),
    firstServiceDays: rows.flatMap((r) => r.firstServiceDays),
  };
}

type Built = ReturnType<typeof cellsOf>;

function measures(b: Built, shown: (cell: number) => number | null, minCell: number): ReferralMeasures {
  const c = b.cells;
  const [sent, loopClosed] = [shown(c.sent), shown(c.loopClosed)];
  // A median over fewer referrals than the minimum cell would describe a handful of people.
  const medianOf = (days: readonly number[]) => (days.length >= minCell ? median(days) : null);
  return {
    sent,
    loopClosed,
    loopClosureRate: rateOf(loopClosed, sent),
    answered: shown(c.answered),
    accepted: shown(c.accepted),
    declined: shown(c.declined),
    started: shown(c.started),
    completed: shown(c.completed),
    overdueNow: shown(c.overdueNow),
    medianDaysToAcknowledge: medianOf(b.acknowledgeDays),
    medianDaysToFirstService: medianOf(b.firstServiceDays),
    declineReasons: b.reasons.map((x) => ({ reason: x.reason, count: shown(x.cell) })),
  };
}

export async function referralReport(
  db: DbOrTrx,
  actor: Actor,
  query: ReferralReportQuery,
  context: { requestId: string } & Moment,
): Promise<ReferralReport> {
  const { organizationId } = reportScope(
    actor,
    'report.referrals',
    query.organizationId,
    'Referral measures are for the system manager and agency managers.',
  );
  const to = query.to ?? context.today;
  const from = query.from ?? addDays(to, -364);
  const policy = reportingPolicies[currentReportingPolicy];
  const rows = await selectReferralGroups(
    db,
    { from, to, today: context.today, timeZone: context.timeZone },
    organizationId,
  );

  const answer = counts();
  const total = cellsOf(answer, rows);
  const byAgencyId = new Map<string, ReferralGroupRow[]>();
  for (const r of rows) byAgencyId.set(r.organizationId, [...(byAgencyId.get(r.organizationId) ?? []), r]);
  const agencies = [...byAgencyId.values()].map((group) => ({ first: group[0]!, built: cellsOf(answer, group) }));
  // Programs for one agency's report (an agency manager's, or the system manager's choice of agency):
  // city-wide, thousands of programs' small counts would make the disclosure check too slow to answer,
  // and the list too long to read; the agencies and the total stand for them.
  const services = organizationId === null ? [] : rows.map((r) => ({ r, built: cellsOf(answer, [r]) }));
  // Each agency's counts add up to the total's, and each program's to its agency's.
  for (const key of Object.keys(total.cells) as (keyof Built['cells'])[]) {
    answer.sum(
      total.cells[key],
      agencies.map((a) => a.built.cells[key]),
    );
    if (services.length > 0)
      for (const a of agencies)
        answer.sum(
          a.built.cells[key],
          services.filter((s) => s.r.organizationId === a.first.organizationId).map((s) => s.built.cells[key]),
        );
  }
  const shown = answer.publish(policy.minCell);
  await writeAudit(db, actor, {
    action: 'report.referrals',
    outcome: 'succeeded',
    recordType: 'report',
    reason: `${organizationId ? `organization ${organizationId}` : 'system'} ${from}..${to}`,
    requestId: context.requestId,
  });
  return {
    generatedAt: context.now.toISOString(),
    policyVersion: currentReportingPolicy,
    minCell: policy.minCell,
    scope: organizationId ? 'organization' : 'system',
    from,
    to,
    total: measures(total, shown, policy.minCell),
    byAgency: agencies.map((a) => ({
      organizationId: a.first.organizationId,
      organizationName: a.first.organizationName,
      ...measures(a.built, shown, policy.minCell),
    })),
    byService: services.map((s) => ({
      organizationId: s.r.organizationId,
      organizationName: s.r.organizationName,
      serviceId: s.r.serviceId,
      serviceName: s.r.serviceName,
      ...measures(s.built, shown, policy.minCell),
    })),
  };
}
