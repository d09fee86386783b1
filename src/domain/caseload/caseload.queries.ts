import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { clientVisible } from '../../access/client-predicate.ts';
import { fromVisibleNotes } from '../../access/policies/note.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { CaseloadItem } from './caseload.ts';

// One worker's caseload with what they need at a glance, as the viewer may see it: a client appears
// where the viewer's `client.read` reaches the file, with the name where it reaches identity and
// contact, the stream where it reaches the stream, and the last contact among the notes the viewer's
// notes route would show. Every rule comes from src/access (one predicate for a record and a list).
export async function selectCaseload(
  db: DbOrTrx,
  viewer: Actor,
  q: { workerId: string; today: string; nameKey?: string; identifier?: string; page: number; perPage: number },
): Promise<{ items: CaseloadItem[]; total: number }> {
  const options = { today: q.today };
  const named = clientVisible(viewer, 'client.read', 'identity_contact', options);
  const search = (visible: typeof options) =>
    q.nameKey
      ? sql`and ${clientVisible(viewer, 'client.read', 'identity_contact', visible)} and (c.search_name like ${`%${q.nameKey}%`} or c.search_name % ${q.nameKey}
          or exists (select 1 from client_external_ids e where e.client_id = c.id and e.value = ${q.identifier ?? ''}))`
      : sql``;
  // The rows: the files the viewer's client page opens.
  const where = (visible: typeof options) =>
    sql`m.user_id = ${q.workerId} and m.removed_at is null and ${clientVisible(viewer, 'client.read', 'record', visible)} ${search(visible)}`;
  // Raw SQL: a lateral join of task counts and correlated subqueries built from access conditions.
  const { rows } = await sql<CaseloadItem>`
    select c.id as "clientId",
      case when ${named} then coalesce(c.preferred_name, c.given_name) || ' ' || c.family_name end as name,
      c.status, m.team_role as "teamRole",
      case when ${clientVisible(viewer, 'client.read', 'stream', options)}
        then (select a.stream from assessments a where a.client_id = c.id order by a.sequence desc limit 1) end as stream,
      t.open_tasks::int as "openTasks", t.overdue_tasks::int as "overdueTasks", to_char(t.next_due, 'YYYY-MM-DD') as "nextDueOn",
      ${fromVisibleNotes(viewer, options, (readable) => sql<string | null>`(select to_char(max(n.contact_on), 'YYYY-MM-DD') from case_notes n where n.client_id = c.id and ${readable})`)} as "lastContactOn"
    from case_team_members m
    join clients c on c.id = m.client_id
    left join lateral (
      select count(*) as open_tasks,
        count(*) filter (where tk.due_on < ${q.today}::date) as overdue_tasks,
        min(tk.due_on) as next_due
      from tasks tk where tk.client_id = c.id and tk.assigned_to = ${q.workerId} and tk.status = 'open') t on true
    where ${where(options)}
    order by t.overdue_tasks desc, t.next_due nulls last, c.family_name, c.id
    limit ${q.perPage} offset ${(q.page - 1) * q.perPage}`.execute(db);
  const { rows: count } = await sql<{
    n: string;
  }>`select count(*) as n from case_team_members m join clients c on c.id = m.client_id where ${where(options)}`.execute(
    db,
  );
  return { items: rows, total: Number(count[0]?.n ?? 0) };
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
