import type { Actor } from '../../access/actor.ts';
import { notVisibleError } from '../../access/audit.ts';
import type { ClientAccess } from '../../access/client-access.ts';
import { withClient, type ClientAudit } from '../../access/with-client.ts';
import type { Trx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import { AppError } from '../../lib/errors.ts';
import { isAssessmentOf } from '../assessment/assessment-facts.ts';
import { isNoteOfClient } from '../notes/note.service.ts';
import { isTaskOfClient } from '../tasks/task.service.ts';
import type { Acknowledgement, LinkKind, NewStep, Plan, StepPatch } from './plan.ts';
import {
  goalBelongs,
  insertAcknowledgement,
  insertGoal,
  insertStep,
  selectPlan,
  selectStepById,
  selectStepForUpdate,
  updateGoal,
  updateStep,
} from './plan.queries.ts';
import type { Moment } from '../../lib/clock.ts';

// The request's id and its moment (now, today in the city's zone), read once at the edge.
type Context = { requestId: string } & Moment;

async function checkLink(trx: Trx, clientId: string, link: { kind: LinkKind; id: string }): Promise<void> {
  const belongs =
    link.kind === 'assessment'
      ? await isAssessmentOf(trx, clientId, link.id)
      : link.kind === 'task'
        ? await isTaskOfClient(trx, clientId, link.id)
        : await isNoteOfClient(trx, clientId, link.id);
  if (!belongs)
    throw new AppError('invalid', `The client has no ${link.kind.replace('_', ' ')} with that id.`, [
      { field: 'link.id', message: 'not a record of this client' },
    ]);
}

function actorIds(actor: Actor, holder: string): { organizationId: string; userId: string | null } {
  return actor.kind === 'user'
    ? { organizationId: actor.organizationId, userId: actor.userId }
    : { organizationId: holder, userId: null };
}

// Every plan act answers with the whole plan, audited as a read or write of the plan.
async function planAnswer(
  trx: Trx,
  access: ClientAccess,
  recordId: string | undefined,
): Promise<{ result: Plan; audit: ClientAudit }> {
  return { result: await selectPlan(trx, access.clientId), audit: { recordType: 'plan', recordId } };
}

export async function getPlan(trx: Trx, actor: Actor, clientId: string, context: Context): Promise<Plan> {
  return withClient(trx, actor, clientId, 'plan.read', context, { category: 'plan' }, async (access) => {
    return planAnswer(trx, access, undefined);
  });
}

export async function addGoal(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: { description: string; targetDate?: string },
  context: Context,
): Promise<Plan> {
  return withClient(trx, actor, clientId, 'plan.create', context, {}, async (access) => {
    const who = actorIds(actor, access.holderOrganizationId);
    const id = await insertGoal(trx, {
      clientId: access.clientId,
      organizationId: who.organizationId,
      createdBy: who.userId,
      description: input.description,
      targetDate: input.targetDate ?? null,
    });
    return planAnswer(trx, access, id);
  });
}

export async function changeGoal(
  trx: Trx,
  actor: Actor,
  clientId: string,
  goalId: string,
  patch: { description?: string; targetDate?: string | null; status?: 'open' | 'achieved' | 'dropped' },
  context: Context,
): Promise<Plan> {
  return withClient(trx, actor, clientId, 'plan.update', context, {}, async (access) => {
    if (!isUuid(goalId) || !(await updateGoal(trx, access.clientId, goalId, patch))) {
      throw notVisibleError(
        actor,
        {
          action: 'plan.update',
          recordType: 'plan_goal',
          recordId: isUuid(goalId) ? goalId : undefined,
          clientId: access.clientId,
          requestId: context.requestId,
        },
        false,
        'The plan has no goal with that id.',
      );
    }
    return planAnswer(trx, access, goalId);
  });
}

export async function addStep(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: NewStep,
  context: Context,
): Promise<Plan> {
  return withClient(trx, actor, clientId, 'plan.create', context, {}, async (access) => {
    if (input.goalId && !(await goalBelongs(trx, access.clientId, input.goalId))) {
      throw new AppError('invalid', 'The plan has no goal with that id.', [
        { field: 'goalId', message: 'not a goal of this plan' },
      ]);
    }
    if (input.link) await checkLink(trx, access.clientId, input.link);
    const who = actorIds(actor, access.holderOrganizationId);
    const id = await insertStep(trx, {
      clientId: access.clientId,
      goalId: input.goalId ?? null,
      organizationId: who.organizationId,
      createdBy: who.userId,
      phase: input.phase,
      title: input.title,
      startsOn: input.startsOn ?? null,
      dueOn: input.dueOn ?? null,
      linkedKind: input.link?.kind ?? null,
      linkedId: input.link?.id ?? null,
    });
    return planAnswer(trx, access, id);
  });
}

// Steps move in any order between statuses; each change of status is kept.
export async function changeStep(
  trx: Trx,
  actor: Actor,
  clientId: string,
  stepId: string,
  patch: StepPatch,
  context: Context,
): Promise<Plan> {
  return withClient(trx, actor, clientId, 'plan.update', context, {}, async (access) => {
    const step = isUuid(stepId) ? await selectStepForUpdate(trx, access.clientId, stepId) : undefined;
    if (!step) {
      throw notVisibleError(
        actor,
        {
          action: 'plan.update',
          recordType: 'plan_step',
          recordId: isUuid(stepId) ? stepId : undefined,
          clientId: access.clientId,
          requestId: context.requestId,
        },
        false,
        'The plan has no step with that id.',
      );
    }
    const startsOn = patch.startsOn === undefined ? step.startsOn : patch.startsOn;
    const dueOn = patch.dueOn === undefined ? step.dueOn : patch.dueOn;
    if (startsOn && dueOn && dueOn < startsOn)
      throw new AppError('invalid', 'dueOn must not be before startsOn.', [
        { field: 'dueOn', message: 'before startsOn' },
      ]);
    if (patch.link) await checkLink(trx, access.clientId, patch.link);
    const { link, ...fields } = patch;
    const status = patch.status;
    await updateStep(
      trx,
      step.id,
      {
        ...fields,
        ...(link === undefined ? {} : { linkedKind: link?.kind ?? null, linkedId: link?.id ?? null }),
        ...(status && status !== step.status ? { completedOn: status === 'done' ? context.today : null } : {}),
      },
      actor.kind === 'user' ? actor.userId : null,
    );
    return planAnswer(trx, access, step.id);
  });
}

// The client's agreement or disagreement with the plan, recorded in person (their own account
// records it too, with the client account).
export async function acknowledgePlan(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: Acknowledgement,
  context: Context,
): Promise<Plan> {
  return withClient(trx, actor, clientId, 'plan.acknowledge', context, {}, async (access) => {
    const fromAccount = access.scope === 'self';
    if (fromAccount !== (input.method === 'client_account')) {
      throw new AppError(
        'invalid',
        fromAccount
          ? 'From your own account, the method is client_account.'
          : 'Say how the client told you: in person, by phone or in writing.',
        [
          {
            field: 'method',
            message: fromAccount ? 'must be client_account' : 'client_account is for the client’s own account',
          },
        ],
      );
    }
    await insertAcknowledgement(trx, {
      clientId: access.clientId,
      agrees: input.agrees,
      method: input.method,
      comment: input.comment ?? null,
      recordedBy: actor.kind === 'user' ? actor.userId : null,
    });
    return planAnswer(trx, access, undefined);
  });
}

// A referral's step on the client's plan (issue 13: a referral is a plan step kind), made by the
// referrals module after its own access checks, in the sending agency's name.
export async function addReferralStep(
  trx: Trx,
  row: {
    clientId: string;
    organizationId: string;
    createdBy: string | null;
    phase: NewStep['phase'];
    title: string;
    referralId: string;
    today: string;
  },
): Promise<string> {
  return insertStep(trx, {
    clientId: row.clientId,
    goalId: null,
    organizationId: row.organizationId,
    createdBy: row.createdBy,
    phase: row.phase,
    title: row.title,
    startsOn: row.today,
    dueOn: null,
    linkedKind: 'referral',
    linkedId: row.referralId,
  });
}

// The step follows its referral: under way once accepted, done when completed, stopped when it ends otherwise.
export async function followReferralStep(
  trx: Trx,
  stepId: string,
  status: 'planned' | 'in_progress' | 'done' | 'stopped',
  by: string | null,
  today: string,
): Promise<void> {
  const step = await selectStepById(trx, stepId);
  if (!step || step.status === status) return;
  await updateStep(trx, stepId, { status, completedOn: status === 'done' ? today : null }, by);
}
