import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { ReferralReason } from '../referrals/referral-vocabulary.ts';

// Aggregates only: no row here names a client. One row per receiving agency and program (a referral to
// a named specialist has no program), for referrals sent in the period; `organizationId` keeps the
// referrals an agency sent or received.
export type ReferralGroupRow = {
  organizationId: string;
  organizationName: string;
  serviceId: string | null;
  serviceName: string | null;
  sent: number;
  answered: number;
  loopClosed: number;
  accepted: number;
  declined: number;
  started: number;
  completed: number;
  overdueNow: number;
  // Each referral's days to acknowledge and to first service, for medians over any grouping.
  acknowledgeDays: number[];
  firstServiceDays: number[];
  reasons: Partial<Record<ReferralReason, number>>;
};

export async function selectReferralGroups(
  db: DbOrTrx,
  window: { from: string; to: string; today: string; timeZone: string },
  organizationId: string | null,
): Promise<ReferralGroupRow[]> {
  const { rows } = await sql<Omit<ReferralGroupRow, 'reasons'> & { reasons: [ReferralReason, number][] | null }>`
    select r.to_organization_id as "organizationId", o.name as "organizationName",
      r.service_id as "serviceId", s.name as "serviceName",
      count(*)::int as sent,
      count(*) filter (where r.status <> 'sent')::int as answered,
      count(*) filter (where r.status in ('declined', 'enrolled', 'attending', 'completed', 'dropped', 'withdrawn'))::int as "loopClosed",
      count(*) filter (where r.accepted_at is not null)::int as accepted,
      count(*) filter (where r.status = 'declined')::int as declined,
      count(*) filter (where r.enrolled_at is not null)::int as started,
      count(*) filter (where r.status = 'completed')::int as completed,
      count(*) filter (where (r.status = 'sent' and r.acknowledge_due_on < ${window.today}::date)
        or (r.status = 'accepted' and r.first_service_due_on < ${window.today}::date))::int as "overdueNow",
      coalesce(array_agg(round(extract(epoch from r.received_at - r.created_at) / 86400, 1)::float8)
        filter (where r.received_at is not null), '{}') as "acknowledgeDays",
      coalesce(array_agg(round(extract(epoch from r.enrolled_at - r.created_at) / 86400, 1)::float8)
        filter (where r.enrolled_at is not null), '{}') as "firstServiceDays",
      (select jsonb_agg(jsonb_build_array(x.reason, x.n)) from (
        select d.reason, count(*)::int as n from referrals d
        where d.to_organization_id = r.to_organization_id and d.service_id is not distinct from r.service_id
          and d.status = 'declined' and (d.created_at at time zone ${window.timeZone})::date between ${window.from}::date and ${window.to}::date
          ${organizationId ? sql`and (d.to_organization_id = ${organizationId} or d.from_organization_id = ${organizationId})` : sql``}
        group by d.reason) x) as reasons
    from referrals r join organizations o on o.id = r.to_organization_id
    left join services s on s.id = r.service_id
    where (r.created_at at time zone ${window.timeZone})::date between ${window.from}::date and ${window.to}::date
      ${organizationId ? sql`and (r.to_organization_id = ${organizationId} or r.from_organization_id = ${organizationId})` : sql``}
    group by r.to_organization_id, o.name, r.service_id, s.name
    order by o.name, s.name nulls last`.execute(db);
  // Pairs, not an object: the query layer camel-cases object keys, and a reason is a code.
  return rows.map((r) => ({ ...r, reasons: Object.fromEntries(r.reasons ?? []) }));
}
