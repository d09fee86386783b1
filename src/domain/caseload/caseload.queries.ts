import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { clientVisible } from '../../access/client-predicate.ts';
import { fromVisibleNotes } from '../../access/policies/note.ts';
import { clientRow } from '../../access/facts/client-facts.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { AgencyFile, CaseloadItem, WorkerLoad } from './caseload.ts';

// One worker's caseload with what they need at a glance, as the viewer may see it: a client appears
// where the viewer's `client.read` reaches the file, with the name where it reaches identity and
// contact, the stream where it reaches the stream, and the last contact among the notes the viewer's
// notes route would show. Every rule comes from src/access (one predicate for a record and a list).
export async function selectCaseload(
  db: DbOrTrx,
  viewer: Actor,
  q: {
    workerId: string;
    today: string;
    nameKey?: string;
    identifier?: string;
    quietSince?: string;
    page: number;
    perPage: number;
  },
): Promise<{ items: CaseloadItem[]; total: number }> {
  const options = { today: q.today };
  const search = q.nameKey ? sql`and ${nameSearch(viewer, options, q.nameKey, q.identifier ?? '')}` : sql``;
  const quiet = q.quietSince ? sql`and ${quietClient(viewer, options, q.quietSince)}` : sql``;
  // The rows: the files the viewer's client page opens.
  const where = sql`m.user_id = ${q.workerId} and m.removed_at is null and ${clientVisible(viewer, 'client.read', 'record', options)} ${search} ${quiet}`;
  // The page is chosen first, with the total as a window count (one statement, not two); what each row
  // shows by the access rules is then worked out for that page only, over the page's rows `p`.
  const page = { ...options, client: clientRow('p') };
  // Raw SQL: a window count, a lateral join of task counts and access conditions built as SQL.
  const { rows } = await sql<CaseloadItem & { total: string }>`
    select p.total, p.id as "clientId",
      case when ${clientVisible(viewer, 'client.read', 'identity_contact', page)}
        then coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name end as name,
      p.status, p.team_role as "teamRole",
      case when ${clientVisible(viewer, 'client.read', 'stream', page)}
        then (select a.stream from assessments a where a.client_id = p.id order by a.sequence desc limit 1) end as stream,
      p.open_tasks::int as "openTasks", p.overdue_tasks::int as "overdueTasks", to_char(p.next_due, 'YYYY-MM-DD') as "nextDueOn",
      ${fromVisibleNotes(viewer, page, (readable) => sql<string | null>`(select to_char(max(n.contact_on), 'YYYY-MM-DD') from case_notes n where n.client_id = p.id and ${readable})`)} as "lastContactOn"
    from (
      select c.id, c.organization_id, c.preferred_name, c.given_name, c.family_name, c.status, m.team_role,
        t.open_tasks, t.overdue_tasks, t.next_due, count(*) over () as total
      from case_team_members m
      join clients c on c.id = m.client_id
      left join lateral (
        select count(*) as open_tasks,
          count(*) filter (where tk.due_on < ${q.today}::date) as overdue_tasks,
          min(tk.due_on) as next_due
        from tasks tk where tk.client_id = c.id and tk.assigned_to = ${q.workerId} and tk.status = 'open') t on true
      where ${where}
      order by t.overdue_tasks desc, t.next_due nulls last, c.family_name, c.id
      limit ${q.perPage} offset ${(q.page - 1) * q.perPage}) p
    order by p.overdue_tasks desc, p.next_due nulls last, p.family_name, p.id`.execute(db);
  const first = rows[0];
  // Past the last page there is no row to carry the total: count apart.
  const total = first
    ? Number(first.total)
    : q.page === 1
      ? 0
      : Number(
          (
            await sql<{
              n: string;
            }>`select count(*) as n from case_team_members m join clients c on c.id = m.client_id where ${where}`.execute(
              db,
            )
          ).rows[0]?.n ?? 0,
        );
  return { items: rows.map(({ total: _total, ...item }) => item), total };
}

// A client (`c`) found by a name (where the viewer sees names) or an identifier's exact value.
function nameSearch(viewer: Actor, options: { today: string }, nameKey: string, identifier: string) {
  return sql<boolean>`${clientVisible(viewer, 'client.read', 'identity_contact', options)} and (c.search_name like ${`%${nameKey}%`} or c.search_name % ${nameKey}
    or exists (select 1 from client_external_ids e where e.client_id = c.id and e.value = ${identifier}))`;
}

// An active client (`c`) whose file is older than `since` and who has had no contact since then,
// among the notes the viewer's notes route would show (a contact in a note they may not read does
// not count, so no view reveals it).
function quietClient(viewer: Actor, options: { today: string }, since: string) {
  const contacted = fromVisibleNotes(
    viewer,
    { ...options, client: clientRow('c') },
    (readable) =>
      sql<boolean>`exists (select 1 from case_notes n where n.client_id = c.id and n.contact_on >= ${since}::date and ${readable})`,
  );
  return sql<boolean>`(c.status = 'active' and c.created_at < ${since}::date and not coalesce(${contacted}, false))`;
}

// Every file the agency holds that the viewer's client page opens, by family name, with its primary
// worker and open work; names, streams and contacts only where the viewer's access shows them.
export async function selectAgencyFiles(
  db: DbOrTrx,
  viewer: Actor,
  q: {
    organizationId: string;
    today: string;
    nameKey?: string;
    identifier?: string;
    status?: string;
    page: number;
    perPage: number;
  },
): Promise<{ items: AgencyFile[]; total: number }> {
  const options = { today: q.today };
  const where = sql`c.organization_id = ${q.organizationId} and ${clientVisible(viewer, 'client.read', 'record', options)}
    ${q.status ? sql`and c.status = ${q.status}` : sql``}
    ${q.nameKey ? sql`and ${nameSearch(viewer, options, q.nameKey, q.identifier ?? '')}` : sql``}`;
  const page = { ...options, client: clientRow('p') };
  // Raw SQL: a window count, lateral task counts, a JSON object for the worker and access conditions.
  const { rows } = await sql<AgencyFile & { total: string }>`
    select p.total, p.id as "clientId",
      case when ${clientVisible(viewer, 'client.read', 'identity_contact', page)}
        then coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name end as name,
      p.status,
      case when ${clientVisible(viewer, 'client.read', 'stream', page)}
        then (select a.stream from assessments a where a.client_id = p.id order by a.sequence desc limit 1) end as stream,
      (select json_build_object('id', u.id, 'displayName', u.display_name) from case_team_members m join users u on u.id = m.user_id
        where m.client_id = p.id and m.removed_at is null and m.team_role = 'primary_worker' limit 1) as "primaryWorker",
      coalesce(t.open_tasks, 0)::int as "openTasks", coalesce(t.overdue_tasks, 0)::int as "overdueTasks",
      ${fromVisibleNotes(viewer, page, (readable) => sql<string | null>`(select to_char(max(n.contact_on), 'YYYY-MM-DD') from case_notes n where n.client_id = p.id and ${readable})`)} as "lastContactOn"
    from (
      select c.id, c.organization_id, c.preferred_name, c.given_name, c.family_name, c.status, count(*) over () as total
      from clients c where ${where}
      order by c.family_name, c.given_name, c.id
      limit ${q.perPage} offset ${(q.page - 1) * q.perPage}) p
    left join lateral (
      select count(*) as open_tasks, count(*) filter (where tk.due_on < ${q.today}::date) as overdue_tasks
      from tasks tk where tk.client_id = p.id and tk.organization_id = p.organization_id and tk.status = 'open') t on true
    order by p.family_name, p.given_name, p.id`.execute(db);
  const first = rows[0];
  const total = first
    ? Number(first.total)
    : q.page === 1
      ? 0
      : Number(
          (await sql<{ n: string }>`select count(*) as n from clients c where ${where}`.execute(db)).rows[0]?.n ?? 0,
        );
  return { items: rows.map(({ total: _total, ...item }) => item), total };
}

// The agency's workers with their open work: everyone active who works with clients, and anyone
// (a worker who has left) still holding places on case teams. Clients count where the viewer's client
// page opens the file; quiet clients by the notes the viewer may read, as on the caseload.
export async function selectTeamWork(
  db: DbOrTrx,
  viewer: Actor,
  q: { organizationId: string; today: string; quietSince: string; clientRoles: readonly string[] },
): Promise<WorkerLoad[]> {
  const options = { today: q.today };
  const places = sql`case_team_members m join clients c on c.id = m.client_id
    where m.user_id = w.id and m.removed_at is null and ${clientVisible(viewer, 'client.read', 'record', options)}`;
  // Raw SQL: per-worker counts over lateral subqueries with access conditions built as SQL.
  const { rows } = await sql<WorkerLoad>`
    select w.id as "userId", w.display_name as "displayName", w.status,
      (select count(*) from ${places} and c.status <> 'closed')::int as clients,
      coalesce(t.open_tasks, 0)::int as "openTasks", coalesce(t.overdue_tasks, 0)::int as "overdueTasks",
      coalesce(t.due_today, 0)::int as "dueToday",
      (select count(*) from ${places} and ${quietClient(viewer, options, q.quietSince)})::int as "quietClients"
    from users w
    left join lateral (
      select count(*) as open_tasks, count(*) filter (where tk.due_on < ${q.today}::date) as overdue_tasks,
        count(*) filter (where tk.due_on = ${q.today}::date) as due_today
      from tasks tk where tk.assigned_to = w.id and tk.organization_id = ${q.organizationId} and tk.status = 'open') t on true
    where w.organization_id = ${q.organizationId} and (
      (w.status <> 'disabled' and exists (select 1 from user_roles r where r.user_id = w.id and r.role in (${sql.join([...q.clientRoles])})))
      or exists (select 1 from case_team_members m where m.user_id = w.id and m.removed_at is null))
    order by "overdueTasks" desc, w.display_name, w.id`.execute(db);
  return rows;
}

export async function selectWorker(db: DbOrTrx, userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'organizationId', 'status'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return undefined;
  const roles = await db.selectFrom('userRoles').select('role').where('userId', '=', userId).execute();
  return { ...user, roles: roles.map((r) => r.role) };
}
