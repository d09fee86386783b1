import type { Actor } from '../../access/actor.ts';
import { withClient, type ClientAudit } from '../../access/with-client.ts';
import { deniedError, notVisibleError, writeAudit } from '../../access/audit.ts';
import { type ClientAccess } from '../../access/client-access.ts';
import { actorScopes, authorize } from '../../access/authorize.ts';
import type { Trx } from '../../db/database.ts';
import { addMonths } from '../../lib/dates.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { AppError } from '../../lib/errors.ts';
import { activeMembership } from '../case-team/case-team-facts.ts';
import { taskReaderFor } from '../../access/policies/task.ts';
import { notify } from '../notifications/notification.service.ts';
import {
  isSystemTaskKind,
  type systemTaskKinds,
  nextDue,
  type ClientTasksQuery,
  type MyTasksQuery,
  type NewTask,
  type Task,
} from './task.ts';
import {
  closeOpenEmployerTasks,
  closeOpenProgramTasks,
  closeTask,
  insertTask,
  lockTask,
  reassignOpenTasks as moveOpenTasks,
  selectAssignee,
  selectClientTasks,
  selectTask,
  selectTaskList,
  isTaskOf,
} from './task.queries.ts';
import type { Moment } from '../../lib/clock.ts';

// The request's id and its moment (now, today in the city's zone), read once at the edge.
type Context = { requestId: string } & Moment;

function staff(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('forbidden', 'Tasks belong to staff.');
  return actor;
}

// Follow-ups and check-ins, before and after employment, so none falls through (issue 4, point 8).
export async function createTask(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: NewTask,
  context: Context,
): Promise<Task> {
  return withClient(
    trx,
    actor,
    clientId,
    'task.create',
    context,
    { category: 'plan', writing: true },
    async (access) => {
      const user = staff(actor);
      const today = context.today;
      if (input.dueOn < today)
        throw new AppError('invalid', 'The due date has passed: a follow-up is due today or later.', [
          { field: 'dueOn', message: `before today (${today})` },
        ]);
      const assignedTo = input.assignedTo ?? user.userId;
      if (assignedTo !== user.userId) {
        const assignee = await selectAssignee(trx, assignedTo);
        const reachable =
          assignee?.status === 'active' &&
          (assignee.organizationId === user.organizationId ||
            (await activeMembership(trx, access.clientId, assignee.id)) !== undefined);
        if (!reachable) {
          throw new AppError('invalid', 'A task goes to someone of your organization or of the client’s case team.', [
            { field: 'assignedTo', message: 'not an active colleague or case-team member' },
          ]);
        }
      }
      const id = await insertTask(trx, {
        clientId: access.clientId,
        organizationId: user.organizationId,
        createdBy: user.userId,
        assignedTo,
        kind: input.kind,
        phase: input.phase,
        title: input.title,
        dueOn: input.dueOn,
        recurrence: input.recurrence,
        recurUntil: input.recurUntil ?? null,
        previousTaskId: null,
      });
      const audit: ClientAudit = { recordType: 'task', recordId: id };
      await notify(trx, actor, [assignedTo], 'task_assigned', { clientId: access.clientId, subjectId: id });
      const task = await selectTask(trx, id, context.today);
      if (!task) throw new AppError('internal', 'The task could not be read back.');
      return { result: task, audit };
    },
  );
}

// A client's tasks: the organization's (own), the caller's (self), every one (case team).
export async function listClientTasks(
  trx: Trx,
  actor: Actor,
  clientId: string,
  query: ClientTasksQuery,
  context: Context,
): Promise<ListEnvelope<Task>> {
  return withClient(trx, actor, clientId, 'task.read', context, { category: 'plan' }, async (access) => {
    const reader = taskReaderFor(actor, access);
    const { items, total } = reader
      ? await selectClientTasks(trx, access.clientId, reader, context.today, {
          limit: query.perPage,
          offset: (query.page - 1) * query.perPage,
        })
      : { items: [], total: 0 };
    return {
      result: { items, total, page: query.page, perPage: query.perPage },
      audit: { recordType: 'task', recordIds: items.map((t) => t.id) },
    };
  });
}

// Done or cancelled; a recurring task's next occurrence is created at once, so check-ins go on.
export async function completeTask(
  trx: Trx,
  actor: Actor,
  taskId: string,
  outcome: 'done' | 'cancelled',
  context: Context,
): Promise<{ task: Task; next: Task | null }> {
  const user = staff(actor);
  const task = isUuid(taskId) ? await selectTask(trx, taskId, context.today) : undefined;
  const mine = task !== undefined && (task.assignedTo === user.userId || task.createdBy === user.userId);
  const decision = task
    ? authorize(actor, 'task.update', {
        kind: 'client',
        organizationId: task.organizationId,
        userId: mine ? user.userId : undefined,
      })
    : undefined;
  if (!task || !decision?.allowed) {
    throw notVisibleError(
      actor,
      {
        action: 'task.update',
        recordType: 'task',
        recordId: isUuid(taskId) ? taskId : undefined,
        clientId: task?.clientId ?? undefined,
        requestId: context.requestId,
      },
      task !== undefined,
      'No task has that id.',
    );
  }
  // A review's or a transfer's task closes when that act is done: marking it done by hand would say the
  // file was released, say, when it was not.
  if (isSystemTaskKind(task.kind)) {
    throw new AppError('invalid', 'This task closes by itself when the review is answered or the transfer moves on.', [
      { field: 'taskId', message: 'closes by itself', code: 'task_closes_itself' },
    ]).withReason('task_closes_itself');
  }
  const locked = await lockTask(trx, task.id);
  if (locked?.status !== 'open') throw new AppError('conflict', `This task is already ${locked?.status ?? 'gone'}.`);
  await closeTask(trx, task.id, outcome, user.userId, context.now);
  let next: Task | null = null;
  const due = outcome === 'done' ? nextDue(task.dueOn, task.recurrence, addMonths) : undefined;
  if (due && (!task.recurUntil || due <= task.recurUntil)) {
    const id = await insertTask(trx, {
      clientId: task.clientId,
      organizationId: task.organizationId,
      createdBy: user.userId,
      assignedTo: task.assignedTo,
      kind: task.kind,
      phase: task.phase,
      title: task.title,
      dueOn: due,
      recurrence: task.recurrence,
      recurUntil: task.recurUntil,
      previousTaskId: task.id,
    });
    next = (await selectTask(trx, id, context.today)) ?? null;
  }
  await writeAudit(trx, actor, {
    action: 'task.update',
    outcome: 'succeeded',
    recordType: 'task',
    recordId: task.id,
    clientId: task.clientId ?? undefined,
    reason: outcome + (next ? `; next due ${next.dueOn}` : ''),
    requestId: context.requestId,
  });
  const closed = await selectTask(trx, task.id, context.today);
  if (!closed) throw new AppError('internal', 'The task could not be read back.');
  return { task: closed, next };
}

// The caller's own list, or (managers) the agency's: overdue first, so nothing falls through.
export async function listMyTasks(
  trx: Trx,
  actor: Actor,
  query: MyTasksQuery,
  context: Context,
): Promise<ListEnvelope<Task>> {
  const user = staff(actor);
  if (query.scope === 'agency' && !actorScopes(actor, 'task.read').includes('own')) {
    throw deniedError(
      actor,
      {
        action: 'task.read',
        reason: 'agency task lists are for managers and client staff of the agency',
        requestId: context.requestId,
      },
      'Only your own tasks: the agency list is for its managers.',
    );
  }
  const { items, total } = await selectTaskList(
    trx,
    {
      ...(query.scope === 'mine' ? { assignedTo: user.userId } : { organizationId: user.organizationId }),
      status: query.status,
      due: query.due ?? (query.overdue === 'true' ? 'overdue' : undefined),
      viewer: user,
      today: context.today,
    },
    query,
  );
  await writeAudit(trx, actor, {
    action: 'task.read',
    outcome: 'succeeded',
    recordType: 'task',
    recordIds: items.map((t) => t.id),
    reason: `${query.scope} ${query.status}${query.due ? ` ${query.due}` : query.overdue === 'true' ? ' overdue' : ''}`,
    requestId: context.requestId,
  });
  return { items, total, page: query.page, perPage: query.perPage };
}

// For a handover: the leaving worker's open tasks for these clients go to the new worker.
export function reassignOpenTasks(
  trx: Trx,
  fromUserId: string,
  toUserId: string,
  clientIds: string[],
): Promise<number> {
  return moveOpenTasks(trx, fromUserId, toUserId, clientIds);
}

// The client's tasks that a `task.read` access reaches (the route and every composite view use this
// one rule): the organization's (own), the caller's (self), every one (a case-team role that holds
// `team`). No access, or no `plan` category: none. `today` (the caller's) decides which are overdue.
export async function readableTasks(
  trx: Trx,
  actor: Actor,
  access: ClientAccess | undefined,
  today: string,
): Promise<Task[]> {
  const reader = access ? taskReaderFor(actor, access) : undefined;
  // A composite view reads the first 500, open ones first (the tasks page pages through them all).
  if (!access || !reader) return [];
  return (await selectClientTasks(trx, access.clientId, reader, today, { limit: 500, offset: 0 })).items;
}

// Whether a record of this module belongs to the client (for links from the plan).
export function isTaskOfClient(db: Trx, clientId: string, id: string): Promise<boolean> {
  return isTaskOf(db, clientId, id);
}

// A task the system opens for someone (a review to answer), after the caller's own access checks.
export async function openTaskFor(
  trx: Trx,
  actor: Actor,
  row: {
    clientId: string;
    organizationId: string;
    assignedTo: string;
    kind: (typeof systemTaskKinds)[number];
    title: string;
    dueOn: string;
  },
): Promise<string> {
  const id = await insertTask(trx, {
    ...row,
    createdBy: actor.kind === 'user' ? actor.userId : null,
    phase: 'any',
    recurrence: 'none',
    recurUntil: null,
    previousTaskId: null,
  });
  await notify(trx, actor, [row.assignedTo], 'task_assigned', { clientId: row.clientId, subjectId: id });
  return id;
}

// A task about a program rather than a client (a listing to confirm): the caller tells its people
// with a notification of its own kind, naming the program.
export async function openProgramTask(
  trx: Trx,
  row: {
    serviceId: string;
    organizationId: string;
    assignedTo: string;
    kind: (typeof systemTaskKinds)[number];
    title: string;
    dueOn: string;
  },
): Promise<string> {
  return insertTask(trx, {
    ...row,
    clientId: null,
    createdBy: null,
    phase: 'any',
    recurrence: 'none',
    recurUntil: null,
    previousTaskId: null,
  });
}

// Closes the open tasks of a kind about a program (its act is done), as done by `by`; how many closed.
export async function closeProgramTasks(
  trx: Trx,
  serviceId: string,
  kind: (typeof systemTaskKinds)[number],
  by: string | null,
  at: Date,
): Promise<number> {
  return closeOpenProgramTasks(trx, serviceId, kind, by, at);
}

// A task about an employer (a lead agency's new account): its assignee is told with a notification of
// the caller's kind, naming the employer.
export async function openEmployerTask(
  trx: Trx,
  row: {
    employerId: string;
    organizationId: string;
    assignedTo: string;
    kind: (typeof systemTaskKinds)[number];
    title: string;
    dueOn: string;
  },
): Promise<string> {
  return insertTask(trx, {
    ...row,
    clientId: null,
    createdBy: null,
    phase: 'any',
    recurrence: 'none',
    recurUntil: null,
    previousTaskId: null,
  });
}

// Closes an organization's open tasks of a kind about an employer; how many closed.
export async function closeEmployerTasks(
  trx: Trx,
  employerId: string,
  organizationId: string,
  kind: (typeof systemTaskKinds)[number],
  by: string | null,
  at: Date,
): Promise<number> {
  return closeOpenEmployerTasks(trx, employerId, organizationId, kind, by, at);
}

export async function closeTaskFor(trx: Trx, taskId: string, by: string | null, at: Date): Promise<void> {
  const locked = await lockTask(trx, taskId);
  if (locked?.status === 'open') await closeTask(trx, taskId, 'done', by, at);
}
