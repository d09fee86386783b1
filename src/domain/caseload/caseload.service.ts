import type { Actor } from '../../access/actor.ts';
import { deniedError, notVisibleError, writeAudit } from '../../access/audit.ts';
import { authorize } from '../../access/authorize.ts';
import type { Trx } from '../../db/database.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { AppError } from '../../lib/errors.ts';
import { clientsOnCaseload, handOverMemberships } from '../case-team/case-team.service.ts';
import { searchKey } from '../clients/client.service.ts';
import { notify } from '../notifications/notification.service.ts';
import { reassignOpenTasks } from '../tasks/task.service.ts';
import type {
  AgencyFile,
  AgencyFilesQuery,
  CaseloadItem,
  CaseloadQuery,
  Reassign,
  TeamWork,
  TeamWorkQuery,
} from './caseload.ts';
import { selectAgencyFiles, selectCaseload, selectTeamWork, selectWorker } from './caseload.queries.ts';
import type { Moment } from '../../lib/clock.ts';
import { addDays } from '../../lib/dates.ts';

// The request's id and its moment (now, today in the city's zone), read once at the edge.
type Context = { requestId: string } & Moment;

function staff(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('forbidden', 'Caseloads belong to staff.');
  return actor;
}

// A worker's own caseload, or (managers) one of their staff's. Another agency's worker answers 404.
export async function queryCaseload(
  trx: Trx,
  actor: Actor,
  query: CaseloadQuery,
  context: Context,
): Promise<ListEnvelope<CaseloadItem>> {
  const user = staff(actor);
  const workerId = query.workerId ?? user.userId;
  const worker = await selectWorker(trx, workerId);
  const decision = worker
    ? authorize(actor, 'caseload.read', { kind: 'user', organizationId: worker.organizationId, userId: worker.id })
    : undefined;
  if (!worker || !decision?.allowed) {
    throw notVisibleError(
      actor,
      { action: 'caseload.read', recordType: 'user', recordId: workerId, requestId: context.requestId },
      worker !== undefined,
      'No worker has that id.',
    );
  }
  const { items, total } = await selectCaseload(trx, actor, {
    workerId,
    today: context.today,
    ...(query.q ? { nameKey: searchKey(query.q), identifier: query.q.trim() } : {}),
    ...(query.quietDays ? { quietSince: addDays(context.today, -query.quietDays) } : {}),
    page: query.page,
    perPage: query.perPage,
  });
  await writeAudit(trx, actor, {
    action: 'caseload.read',
    outcome: 'succeeded',
    recordType: 'client',
    recordIds: items.map((i) => i.clientId),
    purpose: 'service_delivery',
    reason:
      [query.q ? 'search' : undefined, query.quietDays ? `no contact in ${query.quietDays} days` : undefined]
        .filter(Boolean)
        .join('; ') || undefined,
    requestId: context.requestId,
  });
  return { items, total, page: query.page, perPage: query.perPage };
}

// The agency's own files, all of them, for its managers (caseload.read in the agency's scope): one
// search instead of one worker's caseload at a time.
export async function queryAgencyFiles(
  trx: Trx,
  actor: Actor,
  query: AgencyFilesQuery,
  context: Context,
): Promise<ListEnvelope<AgencyFile>> {
  const user = staff(actor);
  const decision = authorize(actor, 'caseload.read', { kind: 'organization', organizationId: user.organizationId });
  if (!decision.allowed) {
    throw deniedError(
      actor,
      { action: 'caseload.read', reason: decision.reason, requestId: context.requestId },
      "Only the agency's managers search all of its files.",
    );
  }
  const { items, total } = await selectAgencyFiles(trx, actor, {
    organizationId: user.organizationId,
    today: context.today,
    ...(query.q ? { nameKey: searchKey(query.q), identifier: query.q.trim() } : {}),
    ...(query.status ? { status: query.status } : {}),
    page: query.page,
    perPage: query.perPage,
  });
  await writeAudit(trx, actor, {
    action: 'caseload.read',
    outcome: 'succeeded',
    recordType: 'client',
    recordIds: items.map((i) => i.clientId),
    purpose: 'service_delivery',
    reason: query.q ? 'agency files: search' : 'agency files',
    requestId: context.requestId,
  });
  return { items, total, page: query.page, perPage: query.perPage };
}

// A manager's view of the team's open work (report.caseloads in the agency's scope): counts only, per
// worker, so no client is named; each count follows the rules of the caseload it sums.
export async function teamWork(trx: Trx, actor: Actor, query: TeamWorkQuery, context: Context): Promise<TeamWork> {
  const user = staff(actor);
  const decision = authorize(actor, 'report.caseloads', { kind: 'organization', organizationId: user.organizationId });
  if (!decision.allowed) {
    throw deniedError(
      actor,
      { action: 'report.caseloads', reason: decision.reason, requestId: context.requestId },
      "Only the agency's managers see the team's work.",
    );
  }
  const workers = await selectTeamWork(trx, actor, {
    organizationId: user.organizationId,
    today: context.today,
    quietSince: addDays(context.today, -query.quietDays),
    clientRoles,
  });
  const sum = (pick: (w: (typeof workers)[number]) => number) => workers.reduce((n, w) => n + pick(w), 0);
  await writeAudit(trx, actor, {
    action: 'report.caseloads',
    outcome: 'succeeded',
    recordType: 'organization',
    recordIds: [user.organizationId],
    reason: `team work, no contact in ${query.quietDays} days`,
    requestId: context.requestId,
  });
  return {
    organizationId: user.organizationId,
    today: context.today,
    quietDays: query.quietDays,
    workers,
    totals: {
      clients: sum((w) => w.clients),
      openTasks: sum((w) => w.openTasks),
      overdueTasks: sum((w) => w.overdueTasks),
      dueToday: sum((w) => w.dueToday),
      quietClients: sum((w) => w.quietClients),
    },
  };
}

const clientRoles = ['agency_manager', 'employment_counsellor', 'caseworker', 'job_developer', 'trainer'];

// Handover in one step: a manager moves a leaving worker's places on case teams and open tasks to
// another worker of the agency, who is told; the notes, plan and history stay with each client.
export async function reassignCaseload(trx: Trx, actor: Actor, input: Reassign, context: Context) {
  staff(actor);
  if (input.fromUserId === input.toUserId)
    throw new AppError('invalid', 'Choose another worker to receive the caseload.', [
      { field: 'toUserId', message: 'same as fromUserId' },
    ]);
  const [from, to] = [await selectWorker(trx, input.fromUserId), await selectWorker(trx, input.toUserId)];
  for (const [field, worker] of [
    ['fromUserId', from],
    ['toUserId', to],
  ] as const) {
    const decision = worker
      ? authorize(actor, 'caseload.reassign', {
          kind: 'user',
          organizationId: worker.organizationId,
          userId: worker.id,
        })
      : undefined;
    if (!worker || !decision?.allowed) {
      throw notVisibleError(
        actor,
        { action: 'caseload.reassign', recordType: 'user', recordId: input[field], requestId: context.requestId },
        worker !== undefined,
        'No worker has that id.',
      );
    }
  }
  if (to!.status !== 'active' || !to!.roles.some((r) => clientRoles.includes(r))) {
    throw new AppError('invalid', 'The receiving worker must be an active member of staff who works with clients.', [
      { field: 'toUserId', message: 'not an active client worker' },
    ]);
  }
  // A list of clients moves whole or not at all: any id not on the leaving worker's caseload refuses
  // the handover, naming each such id (whether another agency's client exists is never said).
  if (input.clientIds) {
    const onCaseload = new Set(await clientsOnCaseload(trx, from!.id, input.clientIds));
    const refused = [...new Set(input.clientIds)].filter((id) => !onCaseload.has(id));
    if (refused.length > 0) {
      throw new AppError(
        'invalid',
        `Nothing was handed over: ${refused.length} of the clients named ${refused.length === 1 ? 'is' : 'are'} not on this worker's caseload.`,
        refused.map((id) => ({
          field: `clientIds.${input.clientIds!.indexOf(id)}`,
          message: `${id} is not on this worker's caseload`,
          code: 'not_on_caseload',
        })),
      ).withReason('not_on_caseload');
    }
  }
  const moved = await handOverMemberships(
    trx,
    actor,
    { userId: from!.id },
    { userId: to!.id, organizationId: to!.organizationId },
    input.clientIds,
  );
  const tasksMoved = await reassignOpenTasks(trx, from!.id, to!.id, moved);
  await notify(trx, actor, [to!.id], 'caseload_received', { clientId: null, subjectId: from!.id });
  await writeAudit(trx, actor, {
    action: 'caseload.reassign',
    outcome: 'succeeded',
    recordType: 'client',
    recordIds: moved,
    reason: `from ${from!.id} to ${to!.id}: ${moved.length} client(s), ${tasksMoved} task(s)`,
    requestId: context.requestId,
  });
  return { clientsMoved: moved.length, tasksMoved, clientIds: moved };
}
