import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { clientVisible } from '../../access/client-predicate.ts';
import { taskReadable, type TaskReader } from '../../access/policies/task.ts';
import type { Selectable } from 'kysely';
import type { TasksTable } from '../../db/schema.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { Task } from './task.ts';

// `overdue` compares the due date with the caller's today (the city's date, a bound parameter).
// Raw SQL (sql<Task>) in this file: one column list, with dates as YYYY-MM-DD text, `overdue` computed
// against the caller's today and the assignee's name, shared by three queries and the access layer's
// conditions (taskReadable, clientVisible), which are SQL fragments rather than builder expressions.
const columns = (
  today: string,
) => sql`t.id, t.client_id as "clientId", t.service_id as "serviceId", t.employer_id as "employerId", t.organization_id as "organizationId", t.created_by as "createdBy",
  t.assigned_to as "assignedTo", u.display_name as "assigneeName", t.kind, t.phase, t.title,
  to_char(t.due_on, 'YYYY-MM-DD') as "dueOn", t.recurrence, to_char(t.recur_until, 'YYYY-MM-DD') as "recurUntil", t.status,
  (t.status = 'open' and t.due_on < ${today}::date) as overdue,
  to_json(t.completed_at)#>>'{}' as "completedAt", t.previous_task_id as "previousTaskId"`;

const normalize = <T extends { completedAt: string | null }>(r: T): T => ({
  ...r,
  completedAt: r.completedAt ? new Date(r.completedAt).toISOString() : null,
});

// A page of the client's tasks the reader may see, open ones first, with the true total.
export async function selectClientTasks(
  db: DbOrTrx,
  clientId: string,
  reader: TaskReader,
  today: string,
  page: { limit: number; offset: number },
): Promise<{ items: Task[]; total: number }> {
  // Raw SQL: the reader's condition is an SQL fragment from the access layer (policies/task.ts).
  const { rows } = await sql<Task & { fullCount: string }>`select ${columns(today)}, count(*) over () as "fullCount"
    from tasks t join users u on u.id = t.assigned_to
    where t.client_id = ${clientId} and ${taskReadable(reader)}
    order by t.status = 'open' desc, t.due_on, t.id limit ${page.limit} offset ${page.offset}`.execute(db);
  let total = rows[0] ? Number(rows[0].fullCount) : 0;
  // Past the last page the window has no row to count on.
  if (rows.length === 0 && page.offset > 0) {
    const { rows: counted } = await sql<{ n: string }>`select count(*) as n from tasks t
      where t.client_id = ${clientId} and ${taskReadable(reader)}`.execute(db);
    total = Number(counted[0]?.n ?? 0);
  }
  return { items: rows.map(({ fullCount: _, ...task }) => normalize(task)), total };
}

export async function selectTask(db: DbOrTrx, taskId: string, today: string): Promise<Task | undefined> {
  const { rows } =
    await sql<Task>`select ${columns(today)} from tasks t join users u on u.id = t.assigned_to where t.id = ${taskId}`.execute(
      db,
    );
  return rows[0] ? normalize(rows[0]) : undefined;
}

export async function lockTask(db: DbOrTrx, taskId: string) {
  return db.selectFrom('tasks').select(['id', 'status']).where('id', '=', taskId).forUpdate().executeTakeFirst();
}

// A worker's list (or an agency's): with the client's name only where the viewer's client page would
// show it (the access layer's predicate).
export async function selectTaskList(
  db: DbOrTrx,
  filter: {
    assignedTo?: string;
    organizationId?: string;
    status: string;
    due: 'overdue' | 'today' | undefined;
    viewer: Actor;
    today: string;
  },
  page: { page: number; perPage: number },
): Promise<{ items: Task[]; total: number }> {
  const where = sql`t.status = ${filter.status}
    ${filter.assignedTo ? sql`and t.assigned_to = ${filter.assignedTo}` : sql``}
    ${filter.organizationId ? sql`and t.organization_id = ${filter.organizationId}` : sql``}
    ${filter.due === 'overdue' ? sql`and t.due_on < ${filter.today}::date` : sql``}
    ${filter.due === 'today' ? sql`and t.due_on = ${filter.today}::date` : sql``}`;
  const { rows } = await sql<Task>`select ${columns(filter.today)},
      case when ${clientVisible(filter.viewer, 'client.read', 'identity_contact', { today: filter.today })} then c.given_name || ' ' || c.family_name end as "clientName",
      sv.name as "serviceName", eo.name as "employerName"
    from tasks t join users u on u.id = t.assigned_to left join clients c on c.id = t.client_id
    left join services sv on sv.id = t.service_id left join organizations eo on eo.id = t.employer_id
    where ${where} order by t.due_on, t.id limit ${page.perPage} offset ${(page.page - 1) * page.perPage}`.execute(db);
  const { rows: count } = await sql<{ n: string }>`select count(*) as n from tasks t where ${where}`.execute(db);
  return { items: rows.map(normalize), total: Number(count[0]?.n ?? 0) };
}

export async function insertTask(
  db: DbOrTrx,
  row: {
    clientId: string | null;
    serviceId?: string | null;
    employerId?: string | null;
    organizationId: string;
    createdBy: string | null;
    assignedTo: string;
    kind: Selectable<TasksTable>['kind'];
    phase: Selectable<TasksTable>['phase'];
    title: string;
    dueOn: string;
    recurrence: Selectable<TasksTable>['recurrence'];
    recurUntil: string | null;
    previousTaskId: string | null;
  },
): Promise<string> {
  const { id } = await db.insertInto('tasks').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function closeTask(
  db: DbOrTrx,
  taskId: string,
  status: 'done' | 'cancelled',
  by: string | null,
  at: Date,
): Promise<void> {
  await db.updateTable('tasks').set({ status, completedAt: at, completedBy: by }).where('id', '=', taskId).execute();
}

// Open tasks assigned to one worker, for a handover (optionally only for some clients).
export async function reassignOpenTasks(
  db: DbOrTrx,
  fromUserId: string,
  toUserId: string,
  clientIds: string[],
): Promise<number> {
  if (clientIds.length === 0) return 0;
  const result = await db
    .updateTable('tasks')
    .set({ assignedTo: toUserId })
    .where('assignedTo', '=', fromUserId)
    .where('status', '=', 'open')
    .where('clientId', 'in', clientIds)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function selectAssignee(db: DbOrTrx, userId: string) {
  return db.selectFrom('users').select(['id', 'organizationId', 'status']).where('id', '=', userId).executeTakeFirst();
}

export async function isTaskOf(db: DbOrTrx, clientId: string, id: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('tasks')
      .select('id')
      .where('id', '=', id)
      .where('clientId', '=', clientId)
      .executeTakeFirst()) !== undefined
  );
}

export async function closeOpenProgramTasks(
  db: DbOrTrx,
  serviceId: string,
  kind: Selectable<TasksTable>['kind'],
  by: string | null,
  at: Date,
): Promise<number> {
  const closed = await db
    .updateTable('tasks')
    .set({ status: 'done', completedAt: at, completedBy: by })
    .where('serviceId', '=', serviceId)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(closed.numUpdatedRows);
}

// Closes the open tasks of a kind about an employer at one organization (its act is done).
export async function closeOpenEmployerTasks(
  db: DbOrTrx,
  employerId: string,
  organizationId: string,
  kind: Selectable<TasksTable>['kind'],
  by: string | null,
  at: Date,
): Promise<number> {
  const closed = await db
    .updateTable('tasks')
    .set({ status: 'done', completedAt: at, completedBy: by })
    .where('employerId', '=', employerId)
    .where('organizationId', '=', organizationId)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(closed.numUpdatedRows);
}
