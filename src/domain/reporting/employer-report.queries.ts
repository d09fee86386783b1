import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';

// The SQL of the employer measures (./employer-report.service.ts): one statement for the agencies' rows,
// one for the events. Dates are the city's (Toronto) days; `organizationId` narrows to one agency.

export type EmployerAgencyRow = {
  organizationId: string;
  organizationName: string;
  engagements: number;
  employersEngaged: number;
  jobOrders: number;
  strong: number;
  fair: number;
  weak: number;
  proposed: number;
  shared: number;
  interviewed: number;
  offered: number;
  hired: number;
  notHired: number;
  withdrawn: number;
};

type Period = { from: string; to: string; timeZone: string };

export async function selectEmployerAgencyRows(
  db: DbOrTrx,
  period: Period,
  bands: { strong: number; fair: number },
  organizationId: string | null,
): Promise<EmployerAgencyRow[]> {
  const day = (column: string) => sql`(${sql.raw(column)} at time zone ${period.timeZone})::date`;
  const mine = (column: string) => (organizationId ? sql`and ${sql.raw(column)} = ${organizationId}` : sql``);
  const { rows } = await sql<EmployerAgencyRow>`
    with eng as (
      select organization_id, count(*)::int as engagements, count(distinct employer_id)::int as employers
      from employer_engagements
      where kind <> 'lead_change' and occurred_on between ${period.from}::date and ${period.to}::date
        ${mine('organization_id')}
      group by organization_id
    ), jobs as (
      select posted_by_organization_id as organization_id, count(*)::int as n,
        count(*) filter (where decent_work_score >= ${bands.strong})::int as strong,
        count(*) filter (where decent_work_score >= ${bands.fair} and decent_work_score < ${bands.strong})::int as fair,
        count(*) filter (where decent_work_score < ${bands.fair})::int as weak
      from job_orders
      where ${day('created_at')} between ${period.from}::date and ${period.to}::date
        ${mine('posted_by_organization_id')}
      group by posted_by_organization_id
    ), pl as (
      select p.organization_id, count(*)::int as proposed,
        count(*) filter (where p.shared_at is not null)::int as shared,
        count(*) filter (where exists (select from placement_events e
          where e.placement_id = p.id and e.status = 'interview'))::int as interviewed,
        count(*) filter (where exists (select from placement_events e
          where e.placement_id = p.id and e.status = 'offer'))::int as offered,
        count(*) filter (where p.status = 'hired')::int as hired,
        count(*) filter (where p.status = 'not_hired')::int as "notHired",
        count(*) filter (where p.status = 'withdrawn')::int as withdrawn
      from placements p
      where ${day('p.created_at')} between ${period.from}::date and ${period.to}::date
        ${mine('p.organization_id')}
      group by p.organization_id
    ), ids as (
      select organization_id from eng union select organization_id from jobs union select organization_id from pl
    )
    select o.id as "organizationId", o.name as "organizationName",
      coalesce(eng.engagements, 0) as engagements, coalesce(eng.employers, 0) as "employersEngaged",
      coalesce(jobs.n, 0) as "jobOrders", coalesce(jobs.strong, 0) as strong, coalesce(jobs.fair, 0) as fair,
      coalesce(jobs.weak, 0) as weak, coalesce(pl.proposed, 0) as proposed, coalesce(pl.shared, 0) as shared,
      coalesce(pl.interviewed, 0) as interviewed, coalesce(pl.offered, 0) as offered,
      coalesce(pl.hired, 0) as hired, coalesce(pl."notHired", 0) as "notHired", coalesce(pl.withdrawn, 0) as withdrawn
    from ids join organizations o on o.id = ids.organization_id
      left join eng on eng.organization_id = o.id
      left join jobs on jobs.organization_id = o.id
      left join pl on pl.organization_id = o.id
    -- An employer posting its own job orders is not an agency of this report.
    where o.type <> 'employer'
    order by o.name, o.id`.execute(db);
  return rows;
}

// Employers reached in the period by the agencies in scope, each counted once across agencies.
export async function countEmployersEngaged(db: DbOrTrx, period: Period, organizationId: string | null) {
  const { rows } = await sql<{ n: number }>`
    select count(distinct employer_id)::int as n from employer_engagements
    where kind <> 'lead_change' and occurred_on between ${period.from}::date and ${period.to}::date
      ${organizationId ? sql`and organization_id = ${organizationId}` : sql``}`.execute(db);
  return rows[0]?.n ?? 0;
}

export type EmployerEventRow = {
  eventId: string;
  title: string;
  startsAt: Date;
  hostId: string;
  hostName: string;
  employers: number;
  jobOrders: number;
  registered: number;
  came: number;
  proposed: number;
  hired: number;
};

// The events held in the period (hosted by the agency in scope), with what came of them.
export async function selectHeldEvents(db: DbOrTrx, period: Period, organizationId: string | null) {
  const { rows } = await sql<EmployerEventRow>`
    select h.id as "eventId", h.title, h.starts_at as "startsAt", h.organization_id as "hostId", o.name as "hostName",
      (select count(*)::int from hiring_event_employers x where x.event_id = h.id) as employers,
      (select count(*)::int from hiring_event_jobs x where x.event_id = h.id) as "jobOrders",
      (select count(*)::int from hiring_event_registrations r where r.event_id = h.id and r.cancelled_at is null)
        as registered,
      (select count(*)::int from hiring_event_registrations r where r.event_id = h.id and r.attended) as came,
      (select count(*)::int from placements p where p.hiring_event_id = h.id) as proposed,
      (select count(*)::int from placements p where p.hiring_event_id = h.id and p.status = 'hired') as hired
    from hiring_events h join organizations o on o.id = h.organization_id
    where h.status = 'held'
      and (h.starts_at at time zone ${period.timeZone})::date between ${period.from}::date and ${period.to}::date
      ${organizationId ? sql`and h.organization_id = ${organizationId}` : sql``}
    order by h.starts_at desc, h.id`.execute(db);
  return rows;
}
