import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { CaseloadItem } from './caseload.ts';

// One worker's caseload with what they need at a glance; name and stream only where the viewer's
// organization holds the file or an active consent names that category for it.
export async function selectCaseload(
  db: DbOrTrx,
  q: { workerId: string; viewerOrganizationId: string; nameKey?: string; identifier?: string; page: number; perPage: number },
): Promise<{ items: CaseloadItem[]; total: number }> {
  const consented = (category: string) => sql`exists (select 1 from consents k left join consent_revocations r on r.consent_id = k.id
    where k.client_id = c.id and k.organization_id = ${q.viewerOrganizationId} and r.consent_id is null and ${category} = any(k.categories)
    and k.starts_on <= (now() at time zone 'America/Toronto')::date and k.expires_on >= (now() at time zone 'America/Toronto')::date)`;
  const search = q.nameKey
    ? sql`and ((c.organization_id = ${q.viewerOrganizationId} or ${consented('identity_contact')})
        and (c.search_name like ${`%${q.nameKey}%`} or c.search_name % ${q.nameKey}
          or exists (select 1 from client_external_ids e where e.client_id = c.id and e.value = ${q.identifier ?? ''})))`
    : sql``;
  const where = sql`m.user_id = ${q.workerId} and m.removed_at is null ${search}`;
  const { rows } = await sql<CaseloadItem>`
    select c.id as "clientId",
      case when c.organization_id = ${q.viewerOrganizationId} or ${consented('identity_contact')}
        then coalesce(c.preferred_name, c.given_name) || ' ' || c.family_name end as name,
      c.status, m.team_role as "teamRole",
      case when c.organization_id = ${q.viewerOrganizationId} or ${consented('assessment')}
        then (select a.stream from assessments a where a.client_id = c.id order by a.sequence desc limit 1) end as stream,
      t.open_tasks::int as "openTasks", t.overdue_tasks::int as "overdueTasks", to_char(t.next_due, 'YYYY-MM-DD') as "nextDueOn",
      (select to_char(max(n.contact_on), 'YYYY-MM-DD') from case_notes n where n.client_id = c.id and n.organization_id = ${q.viewerOrganizationId}) as "lastContactOn"
    from case_team_members m
    join clients c on c.id = m.client_id
    left join lateral (
      select count(*) as open_tasks,
        count(*) filter (where tk.due_on < (now() at time zone 'America/Toronto')::date) as overdue_tasks,
        min(tk.due_on) as next_due
      from tasks tk where tk.client_id = c.id and tk.assigned_to = ${q.workerId} and tk.status = 'open') t on true
    where ${where}
    order by t.overdue_tasks desc, t.next_due nulls last, c.family_name, c.id
    limit ${q.perPage} offset ${(q.page - 1) * q.perPage}`.execute(db);
  const { rows: count } = await sql<{ n: string }>`select count(*) as n from case_team_members m join clients c on c.id = m.client_id where ${where}`.execute(db);
  return { items: rows, total: Number(count[0]?.n ?? 0) };
}

export async function selectWorker(db: DbOrTrx, userId: string) {
  const user = await db.selectFrom('users').select(['id', 'organizationId', 'status']).where('id', '=', userId).executeTakeFirst();
  if (!user) return undefined;
  const roles = await db.selectFrom('userRoles').select('role').where('userId', '=', userId).execute();
  return { ...user, roles: roles.map((r) => r.role) };
}
