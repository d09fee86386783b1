import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { addDays } from '../../lib/dates.ts';
import type { Moment } from '../../lib/clock.ts';
import type { DecentWorkModel } from '../jobs/decent-work-model.ts';
import { decentWorkBands } from '../jobs/decent-work.ts';
import { counts, rateOf, type Counts } from './disclosure.ts';
import type { EmployerMeasures, EmployerReport, EmployerReportQuery } from './employer-report.ts';
import {
  countEmployersEngaged,
  selectEmployerAgencyRows,
  selectHeldEvents,
  type EmployerAgencyRow,
} from './employer-report.queries.ts';
import { currentReportingPolicy, reportingPolicies, reportScope } from './reporting-policy.ts';

// The employer measures (issue 14): the system manager sees the city (or one agency), an agency manager
// their own agency. Counts of people go through the one disclosure check, tied by the sums between the
// agencies and the total; counts about employers and job orders are shown whole.

const PEOPLE = ['proposed', 'shared', 'interviewed', 'offered', 'hired', 'notHired', 'withdrawn'] as const;
type PeopleKey = (typeof PEOPLE)[number];

function peopleCells(answer: Counts, rows: readonly EmployerAgencyRow[]): Record<PeopleKey, number> {
  const sum = (key: PeopleKey) => rows.reduce((a, r) => a + r[key], 0);
  return Object.fromEntries(PEOPLE.map((key) => [key, answer.cell(sum(key))])) as Record<PeopleKey, number>;
}

function measures(
  rows: readonly EmployerAgencyRow[],
  cells: Record<PeopleKey, number>,
  shown: (cell: number) => number | null,
  employersEngaged: number,
): EmployerMeasures {
  const sum = (key: 'engagements' | 'jobOrders' | 'strong' | 'fair' | 'weak') => rows.reduce((a, r) => a + r[key], 0);
  const people = Object.fromEntries(PEOPLE.map((key) => [key, shown(cells[key])])) as Record<PeopleKey, number | null>;
  return {
    engagements: sum('engagements'),
    employersEngaged,
    jobOrders: sum('jobOrders'),
    jobOrdersByBand: decentWorkBands.map((band) => ({ band, count: sum(band) })),
    ...people,
    hireRate: rateOf(people.hired, people.proposed),
  };
}

export async function employerReport(
  db: DbOrTrx,
  actor: Actor,
  query: EmployerReportQuery,
  context: { requestId: string; decentWorkModel: DecentWorkModel } & Moment,
): Promise<EmployerReport> {
  const { organizationId } = reportScope(
    actor,
    'report.employers',
    query.organizationId,
    'Employer measures are for the system manager and agency managers.',
  );
  const to = query.to ?? context.today;
  const from = query.from ?? addDays(to, -364);
  const period = { from, to, timeZone: context.timeZone };
  const policy = reportingPolicies[currentReportingPolicy];
  const min = (code: string) => context.decentWorkModel.bands.find((b) => b.code === code)?.min ?? 0;
  const rows = await selectEmployerAgencyRows(db, period, { strong: min('strong'), fair: min('fair') }, organizationId);
  const engaged = await countEmployersEngaged(db, period, organizationId);
  const events = await selectHeldEvents(db, period, organizationId);

  const answer = counts();
  const total = peopleCells(answer, rows);
  const agencies = rows.map((r) => ({ row: r, cells: peopleCells(answer, [r]) }));
  for (const key of PEOPLE)
    answer.sum(
      total[key],
      agencies.map((a) => a.cells[key]),
    );
  // Each event's counts stand alone: no total across events is published beside them.
  const eventCells = events.map((e) => ({
    e,
    registered: answer.cell(e.registered),
    came: answer.cell(e.came),
    proposed: answer.cell(e.proposed),
    hired: answer.cell(e.hired),
  }));
  const shown = answer.publish(policy.minCell);
  await writeAudit(db, actor, {
    action: 'report.employers',
    outcome: 'succeeded',
    recordType: 'report',
    reason: `${organizationId ? `organization ${organizationId}` : 'system'} ${from}..${to}`,
    requestId: context.requestId,
  });
  return {
    generatedAt: context.now.toISOString(),
    policyVersion: currentReportingPolicy,
    minCell: policy.minCell,
    decentWorkModel: context.decentWorkModel.version,
    scope: organizationId ? 'organization' : 'system',
    from,
    to,
    total: measures(rows, total, shown, engaged),
    byAgency: agencies.map((a) => ({
      organizationId: a.row.organizationId,
      organizationName: a.row.organizationName,
      ...measures([a.row], a.cells, shown, a.row.employersEngaged),
    })),
    events: eventCells.map((x) => ({
      eventId: x.e.eventId,
      title: x.e.title,
      startsAt: x.e.startsAt.toISOString(),
      host: { id: x.e.hostId, name: x.e.hostName },
      employers: x.e.employers,
      jobOrders: x.e.jobOrders,
      registered: shown(x.registered),
      came: shown(x.came),
      proposed: shown(x.proposed),
      hired: shown(x.hired),
    })),
  };
}
