import type { Actor } from '../../access/actor.ts';
import { systemActor } from '../../access/actor.ts';
import { deniedError, notVisibleError, writeAudit } from '../../access/audit.ts';
import { actorScopes } from '../../access/authorize.ts';
import { consentsNaming, type ClientAccess } from '../../access/client-access.ts';
import { decideReferral, referralSide, type ReferralSide } from '../../access/policies/referral.ts';
import { withClient, type ClientAudit } from '../../access/with-client.ts';
import { sweepInBatches, type Db, type Trx } from '../../db/database.ts';
import { addBusinessDays } from '../../lib/business-days.ts';
import { readClock, type Clock, type Moment } from '../../lib/clock.ts';
import { addDays, ageOn } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { activeManagersOf, clientOfAccount, staffElsewhere, staffMember } from '../accounts/user-admin.service.ts';
import { clientBirthDate } from '../clients/client.service.ts';
import { grantConsent } from '../consent/consent.service.ts';
import { referralTarget } from '../directory/service.service.ts';
import { notify } from '../notifications/notification.service.ts';
import { addReferralStep, followReferralStep } from '../plans/plan.service.ts';
import type { NewStep } from '../plans/plan.ts';
import { closeTaskFor, openTaskFor } from '../tasks/task.service.ts';
import {
  checkMove,
  closedStatuses,
  nextStatuses,
  reasonRule,
  type NewReferral,
  type Referral,
  type ReferralDetail,
  type ReferralIssue,
  type ReferralListQuery,
  type ReferralRatingInput,
  type ReferralStatus,
  type ReferralStep,
  type Specialist,
  type SpecialistQuery,
} from './referral.ts';
import { getReferralPolicy, type ReferralPolicy } from './referral-policy.ts';
import {
  claimOverdueReferrals,
  insertReferral,
  insertReferralEvent,
  openReferralTo,
  selectClientReferralEvents,
  selectRatings,
  selectReferral,
  selectReferralEvents,
  selectReferrals,
  setIssueOpen,
  setReferralLinks,
  updateReferralStatus,
  upsertRating,
  type ReferralRow,
} from './referral.queries.ts';

// Closed-loop referrals (issue 13, point 6; docs/referrals.md). A worker refers a client to a program
// or to a named specialist at another agency; the receiving agency finds it in its inbox with a task,
// answers it, and records the service; every step is timestamped, seen by both sides, and moves the
// referral's step on the client's plan.

// The request's id and moment, and the referral policy in force (configuration: REFERRAL_POLICY).
export type ReferralContext = { requestId: string; policy: ReferralPolicy } & Moment;

// A consent given with a referral runs this long: past any acknowledgement and service the policy allows.
const REFERRAL_CONSENT_DAYS = 365;

// The plan phase a program's first intervention belongs to.
const phaseOf: Record<string, NewStep['phase']> = {
  life_stabilization: 'life_stabilization',
  pre_employment: 'pre_employment',
  training: 'training',
  work_integrated_learning: 'training',
  employment_services: 'job_search',
  entrepreneurship: 'job_search',
  retention: 'retention',
};

const staffRoles = ['agency_manager', 'employment_counsellor', 'caseworker', 'job_developer', 'trainer'];

// Whom a worker may name as a specialist: active staff of another agency (never an employer or the
// system manager) who take referrals. Work names, roles and agencies only; the search is audited.
export async function findSpecialists(
  db: Db | Trx,
  actor: Actor,
  query: SpecialistQuery,
  requestId?: string,
): Promise<ListEnvelope<Specialist>> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const { total, rows } = await staffElsewhere(db, {
    excludeOrganizationId: actor.organizationId,
    organizationId: query.organizationId,
    words: query.q,
    roles: staffRoles,
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  });
  await writeAudit(db, actor, {
    action: 'referral.create',
    outcome: 'allowed',
    recordType: 'user',
    recordIds: rows.map((r) => r.id),
    reason: 'specialists found',
    requestId,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.displayName,
      roles: r.roles ?? [],
      organization: { id: r.organizationId, name: r.organizationName, nameFr: r.organizationNameFr },
    })),
    total,
    page: query.page,
    perPage: query.perPage,
  };
}

const userIdOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);

function invalid(field: string, code: string, message: string): AppError {
  return new AppError('invalid', message, [{ field, message, code }]).withReason(code);
}

// The program and the specialist the referral names, checked before anything is written: the program
// takes people now and the client fits its ages; the specialist is active staff, at the program's agency.
async function resolveTarget(trx: Trx, clientId: string, input: NewReferral, today: string) {
  const service = input.serviceId ? await referralTarget(trx, input.serviceId, today) : undefined;
  if (input.serviceId && !service) throw invalid('serviceId', 'unknown_service', 'No program has that id.');
  if (service) {
    if (
      service.status !== 'active' ||
      (service.endsOn !== null && service.endsOn < today) ||
      service.intakeState === 'closed'
    )
      throw invalid('serviceId', 'service_closed', `${service.name} is not taking referrals: its intake is closed.`);
    if (service.intakeState === 'full')
      throw invalid('serviceId', 'service_full', `${service.name} has no seats open: it is full.`);
    const birth = await clientBirthDate(trx, clientId);
    const age = birth ? ageOn(birth, today) : undefined;
    if (age !== undefined && service.minimumAge !== null && age < service.minimumAge)
      throw invalid(
        'serviceId',
        'not_eligible_age',
        `${service.name} is for people aged ${service.minimumAge} and over.`,
      );
    if (age !== undefined && service.maximumAge !== null && age > service.maximumAge)
      throw invalid('serviceId', 'not_eligible_age', `${service.name} is for people aged up to ${service.maximumAge}.`);
  }
  const specialist = input.toUserId ? await staffMember(trx, input.toUserId) : undefined;
  if (input.toUserId) {
    if (!specialist || specialist.status !== 'active' || !specialist.roles.some((r) => staffRoles.includes(r)))
      throw invalid('toUserId', 'unknown_specialist', 'No active staff member of an agency has that id.');
    if (service && specialist.organizationId !== service.organizationId)
      throw invalid(
        'toUserId',
        'specialist_elsewhere',
        'The specialist named works at another agency than the program.',
      );
  }
  return { service, specialist, toOrganizationId: (service?.organizationId ?? specialist?.organizationId)! };
}

export async function sendReferral(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: NewReferral,
  context: ReferralContext,
): Promise<Referral> {
  return withClient(trx, actor, clientId, 'referral.create', { ...context, purpose: undefined }, {}, async (access) => {
    const { service, specialist, toOrganizationId } = await resolveTarget(trx, access.clientId, input, context.today);
    if (service && (await openReferralTo(trx, access.clientId, service.id)))
      throw new AppError('conflict', `The client already has an open referral to ${service.name}.`).withReason(
        'referral_open',
      );
    const fromOrganizationId = actor.kind === 'user' ? actor.organizationId : access.holderOrganizationId;
    // The receiving agency reaches the file through a consent: one in force already, or the one given now.
    const needsConsent = toOrganizationId !== access.holderOrganizationId;
    const inForce = needsConsent ? await consentsNaming(trx, access.clientId, toOrganizationId, context.today) : [];
    if (input.consent && !needsConsent)
      throw invalid(
        'consent',
        'referral_consent_not_needed',
        'The receiving agency holds the file: no consent is needed.',
      );
    if (input.consent && access.scope !== 'own' && access.scope !== 'all')
      throw invalid(
        'consent',
        'referral_consent_by_holder',
        "Only the agency holding the file records the client's consent.",
      );
    if (needsConsent && inForce.length === 0 && !input.consent)
      throw invalid(
        'consent',
        'referral_consent_required',
        "Record the client's consent for the receiving agency to see parts of the file.",
      );
    const id = await insertReferral(trx, {
      clientId: access.clientId,
      fromOrganizationId,
      toOrganizationId,
      serviceId: service?.id ?? null,
      toUserId: specialist?.id ?? null,
      sentBy: userIdOf(actor),
      note: input.note ?? null,
      policyVersion: context.policy.version,
      acknowledgeDueOn: addBusinessDays(context.today, context.policy.acknowledgeBusinessDays),
      createdAt: context.now,
    });
    await insertReferralEvent(trx, {
      referralId: id,
      kind: 'status',
      status: 'sent',
      reason: null,
      // The sender's words are the referral's own note, shown once.
      note: null,
      actorId: userIdOf(actor),
      organizationId: fromOrganizationId,
      at: context.now,
    });
    const consent = input.consent
      ? await grantConsent(
          trx,
          actor,
          access.clientId,
          {
            organizationId: toOrganizationId,
            categories: input.consent.categories,
            purpose: 'referral',
            method: input.consent.method,
            evidence: input.consent.evidence,
            expiresOn: addDays(context.today, REFERRAL_CONSENT_DAYS),
          },
          context,
        )
      : undefined;
    const title = service ? `Referral to ${service.name}` : `Referral to ${specialist!.displayName}`;
    const planStepId = await addReferralStep(trx, {
      clientId: access.clientId,
      organizationId: fromOrganizationId,
      createdBy: userIdOf(actor),
      phase: input.phase ?? phaseOf[service?.interventionTypes[0] ?? ''] ?? 'job_search',
      title: title.slice(0, 200),
      referralId: id,
      today: context.today,
    });
    // The receiving side: the named specialist, or the agency's first manager, has the task to answer;
    // its other managers hear of it.
    const managers = await activeManagersOf(trx, toOrganizationId);
    const assignee = specialist?.id ?? managers[0];
    const respondTaskId = assignee
      ? await openTaskFor(trx, actor, {
          clientId: access.clientId,
          organizationId: toOrganizationId,
          assignedTo: assignee,
          kind: 'referral_respond',
          title: `Answer the referral${service ? ` to ${service.name}` : ''}`.slice(0, 200),
          dueOn: addBusinessDays(context.today, context.policy.acknowledgeBusinessDays),
        })
      : null;
    await setReferralLinks(trx, id, { consentId: consent?.id ?? null, planStepId, respondTaskId });
    await notify(
      trx,
      actor,
      managers.filter((m) => m !== assignee),
      'referral_received',
      { clientId: access.clientId, subjectId: id },
    );
    const saved = (await selectReferral(trx, actor, id, context.today))!;
    const audit: ClientAudit = {
      recordType: 'referral',
      recordId: id,
      purpose: 'referral',
      reason: `to ${toOrganizationId}${service ? ` program ${service.id}` : ''}${specialist ? ` specialist ${specialist.id}` : ''}`,
    };
    return { result: publicReferral(saved), audit };
  });
}

function publicReferral(row: ReferralRow): Referral {
  const { clientAccountUserId: _a, planStepId: _p, respondTaskId: _r, startTaskId: _s, ...referral } = row;
  return referral;
}

// A referral the actor reaches for `action`, locked when it is about to change; a referral outside the
// reader's reach answers exactly like a random id (404), one they see but may not act on is a 403.
async function reachable(
  trx: Trx,
  actor: Actor,
  id: string,
  action: 'referral.read' | 'referral.respond' | 'referral.rate',
  context: ReferralContext,
  lock: boolean,
): Promise<{ referral: ReferralRow; side: ReferralSide }> {
  const referral = isUuid(id) ? await selectReferral(trx, actor, id, context.today, lock) : undefined;
  const side = referral ? referralSide(actor, referral) : undefined;
  if (!referral || !side || !decideReferral(actor, 'referral.read', referral).allowed) {
    throw notVisibleError(
      actor,
      {
        action,
        recordType: 'referral',
        recordId: isUuid(id) ? id : undefined,
        clientId: referral?.clientId,
        requestId: context.requestId,
      },
      referral !== undefined,
      'No referral has that id.',
    );
  }
  const decision = decideReferral(actor, action, referral);
  if (!decision.allowed) {
    throw deniedError(
      actor,
      {
        action,
        recordType: 'referral',
        recordId: referral.id,
        clientId: referral.clientId,
        reason: decision.reason,
        requestId: context.requestId,
      },
      `Not allowed: ${decision.reason}.`,
    );
  }
  return { referral, side };
}

async function detail(trx: Trx, actor: Actor, referral: ReferralRow, side: ReferralSide): Promise<ReferralDetail> {
  const [events, ratings] = await Promise.all([
    selectReferralEvents(trx, referral.id),
    selectRatings(trx, referral.id),
  ]);
  const respond = decideReferral(actor, 'referral.respond', referral).allowed;
  const rate = decideReferral(actor, 'referral.rate', referral).allowed;
  const moves = (s: 'receiving' | 'sending') => (respond ? nextStatuses(referral.status, s) : []);
  return {
    ...publicReferral(referral),
    events,
    ratings,
    side,
    nextStatuses:
      side === 'both' || side === 'system'
        ? [...moves('receiving'), ...moves('sending')]
        : side === 'receiving' || side === 'sending'
          ? moves(side)
          : [],
    canRaiseIssue: respond && (side === 'sending' || side === 'receiving' || side === 'both'),
    canRate: rate && referral.status !== 'sent' && (side === 'receiving' || side === 'both' || side === 'client'),
  };
}

export async function getReferral(
  trx: Trx,
  actor: Actor,
  id: string,
  context: ReferralContext,
): Promise<ReferralDetail> {
  const { referral, side } = await reachable(trx, actor, id, 'referral.read', context, false);
  await audited(trx, actor, 'referral.read', referral, context);
  return detail(trx, actor, referral, side);
}

async function audited(
  trx: Trx,
  actor: Actor,
  action: 'referral.read' | 'referral.respond' | 'referral.rate',
  referral: ReferralRow,
  context: ReferralContext,
  reason?: string,
): Promise<void> {
  await writeAudit(trx, actor, {
    action,
    outcome: 'succeeded',
    recordType: 'referral',
    recordId: referral.id,
    clientId: referral.clientId,
    purpose: 'referral',
    ...(reason ? { reason } : {}),
    requestId: context.requestId,
  });
}

// Who on each side hears of a step the other side took: the sender, and on the receiving side the
// worker handling it (or the named specialist, or the agency's managers).
async function otherSide(trx: Trx, referral: ReferralRow, actedBy: 'sending' | 'receiving'): Promise<string[]> {
  if (actedBy === 'receiving')
    return referral.sentBy ? [referral.sentBy.id] : await activeManagersOf(trx, referral.from.id);
  const handler = referral.handledBy?.id ?? referral.toUser?.id;
  return handler ? [handler] : await activeManagersOf(trx, referral.to.id);
}

const planStatusOf = (status: ReferralStatus): 'planned' | 'in_progress' | 'done' | 'stopped' =>
  status === 'completed'
    ? 'done'
    : (closedStatuses as readonly string[]).includes(status)
      ? 'stopped'
      : status === 'sent' || status === 'received'
        ? 'planned'
        : 'in_progress';

// One step of the referral: the receiving agency answers and records the service, the sender may withdraw.
export async function stepReferral(
  trx: Trx,
  actor: Actor,
  id: string,
  input: ReferralStep,
  context: ReferralContext,
): Promise<ReferralDetail> {
  const { referral, side } = await reachable(trx, actor, id, 'referral.respond', context, true);
  const acting: 'sending' | 'receiving' | undefined =
    side === 'sending' || side === 'receiving'
      ? side
      : side === 'both' || side === 'system'
        ? input.status === 'withdrawn'
          ? 'sending'
          : 'receiving'
        : undefined;
  const problem = acting ? checkMove(referral.status, input.status, acting) : 'side';
  if (problem === 'order') {
    throw new AppError(
      'conflict',
      (closedStatuses as readonly string[]).includes(referral.status)
        ? `This referral is ${referral.status}: it does not move on.`
        : `A ${referral.status} referral cannot become ${input.status}; next: ${[...nextStatuses(referral.status, 'receiving'), ...nextStatuses(referral.status, 'sending')].join(', ')}.`,
    ).withReason('referral_out_of_order');
  }
  if (problem === 'side' || !acting) {
    throw deniedError(
      actor,
      {
        action: 'referral.respond',
        recordType: 'referral',
        recordId: referral.id,
        clientId: referral.clientId,
        reason:
          input.status === 'withdrawn' ? 'only the sending agency withdraws' : 'only the receiving agency answers',
        requestId: context.requestId,
      },
      input.status === 'withdrawn'
        ? 'Only the sending agency withdraws a referral.'
        : 'Only the receiving agency answers a referral.',
    );
  }
  const rule = reasonRule(input.status);
  if (rule === 'required' && !input.reason)
    throw invalid('reason', 'reason_required', `Say why the referral is ${input.status}.`);
  if (rule === 'none' && input.reason)
    throw invalid('reason', 'reason_not_needed', `A ${input.status} referral takes no reason.`);
  const by = userIdOf(actor);
  const policy = getReferralPolicy(referral.policyVersion);
  const closed = (closedStatuses as readonly string[]).includes(input.status);
  await updateReferralStatus(trx, referral.id, {
    status: input.status,
    reason: input.reason ?? null,
    reasonNote: closed ? (input.note ?? null) : null,
    handledBy: acting === 'receiving' ? by : undefined,
    at: context.now,
    firstServiceDueOn:
      input.status === 'accepted' ? addBusinessDays(context.today, policy.firstServiceBusinessDays) : undefined,
    closed,
  });
  await insertReferralEvent(trx, {
    referralId: referral.id,
    kind: 'status',
    status: input.status,
    reason: input.reason ?? null,
    note: input.note ?? null,
    actorId: by,
    organizationId: actor.kind === 'user' ? actor.organizationId : null,
    at: context.now,
  });
  // The receiving side's tasks: to answer (done once answered, or withdrawn), then to start the service.
  if (referral.respondTaskId && input.status !== 'received')
    await closeTaskFor(trx, referral.respondTaskId, by, context.now);
  if (referral.startTaskId && input.status !== 'accepted')
    await closeTaskFor(trx, referral.startTaskId, by, context.now);
  if (input.status === 'accepted') {
    const handler =
      acting === 'receiving' && by ? by : (referral.toUser?.id ?? (await activeManagersOf(trx, referral.to.id))[0]);
    const startTaskId = handler
      ? await openTaskFor(trx, actor, {
          clientId: referral.clientId,
          organizationId: referral.to.id,
          assignedTo: handler,
          kind: 'referral_start',
          title: `Start the service${referral.service ? `: ${referral.service.name}` : ''}`.slice(0, 200),
          dueOn: addBusinessDays(context.today, policy.firstServiceBusinessDays),
        })
      : null;
    await setReferralLinks(trx, referral.id, { startTaskId });
  }
  if (referral.planStepId)
    await followReferralStep(trx, referral.planStepId, planStatusOf(input.status), by, context.today);
  await notify(trx, actor, await otherSide(trx, referral, acting), 'referral_updated', {
    clientId: referral.clientId,
    subjectId: referral.id,
  });
  await audited(
    trx,
    actor,
    'referral.respond',
    referral,
    context,
    `${referral.status} → ${input.status}${input.reason ? ` (${input.reason})` : ''}`,
  );
  const saved = (await selectReferral(trx, actor, referral.id, context.today))!;
  return detail(trx, actor, saved, side);
}

// An issue either side raises about a referral (the client did not come, the program changed…), open
// until either side resolves it; the other side hears of both.
export async function referralIssue(
  trx: Trx,
  actor: Actor,
  id: string,
  input: ReferralIssue,
  context: ReferralContext,
): Promise<ReferralDetail> {
  const { referral, side } = await reachable(trx, actor, id, 'referral.respond', context, true);
  if (side === 'client') throw new AppError('forbidden', 'Only the two agencies raise an issue on a referral.');
  if (input.action === 'raise' && referral.issueOpen)
    throw new AppError('conflict', 'An issue is already open on this referral.').withReason('issue_open');
  if (input.action === 'resolve' && !referral.issueOpen)
    throw new AppError('conflict', 'No issue is open on this referral.').withReason('no_issue_open');
  await setIssueOpen(trx, referral.id, input.action === 'raise');
  await insertReferralEvent(trx, {
    referralId: referral.id,
    kind: input.action === 'raise' ? 'issue_raised' : 'issue_resolved',
    status: null,
    reason: null,
    note: input.note,
    actorId: userIdOf(actor),
    organizationId: actor.kind === 'user' ? actor.organizationId : null,
    at: context.now,
  });
  const actedBy = side === 'sending' ? 'sending' : 'receiving';
  const people = [
    ...(await otherSide(trx, referral, actedBy)),
    ...(side === 'both' || side === 'system' ? await otherSide(trx, referral, 'sending') : []),
  ];
  await notify(trx, actor, people, 'referral_updated', { clientId: referral.clientId, subjectId: referral.id });
  await audited(trx, actor, 'referral.respond', referral, context, `issue ${input.action}d`);
  const saved = (await selectReferral(trx, actor, referral.id, context.today))!;
  return detail(trx, actor, saved, side);
}

// How well it fit: the receiving worker's rating and the client's own (from their account), one each,
// changeable; the sending agency reads both.
export async function rateReferral(
  trx: Trx,
  actor: Actor,
  id: string,
  input: ReferralRatingInput,
  context: ReferralContext,
): Promise<ReferralDetail> {
  const { referral, side } = await reachable(trx, actor, id, 'referral.rate', context, true);
  const rater = side === 'client' ? 'client' : side === 'receiving' || side === 'both' ? 'receiving_worker' : undefined;
  if (!rater) {
    throw deniedError(
      actor,
      {
        action: 'referral.rate',
        recordType: 'referral',
        recordId: referral.id,
        clientId: referral.clientId,
        reason: 'only the receiving worker and the client rate',
        requestId: context.requestId,
      },
      'Only the receiving worker and the client rate the fit of a referral.',
    );
  }
  if (referral.status === 'sent')
    throw new AppError('conflict', 'A referral is rated once the receiving agency has answered it.').withReason(
      'referral_not_answered',
    );
  await upsertRating(trx, {
    referralId: referral.id,
    rater,
    fit: input.fit,
    comment: input.comment ?? null,
    ratedBy: userIdOf(actor),
  });
  await insertReferralEvent(trx, {
    referralId: referral.id,
    kind: 'rated',
    status: null,
    reason: null,
    note: null,
    actorId: userIdOf(actor),
    organizationId: actor.kind === 'user' && rater === 'receiving_worker' ? actor.organizationId : null,
    at: context.now,
  });
  await audited(trx, actor, 'referral.rate', referral, context, `${rater}: ${input.fit}`);
  const saved = (await selectReferral(trx, actor, referral.id, context.today))!;
  return detail(trx, actor, saved, side);
}

// An agency's inbox (referrals sent to it) or outbox (sent by it), for its staff; a client's own, from
// their account. The client's name only where the reader's client page would show it.
export async function listAgencyReferrals(
  trx: Trx,
  actor: Actor,
  query: ReferralListQuery,
  context: ReferralContext,
): Promise<ListEnvelope<Referral>> {
  const scopes = actorScopes(actor, 'referral.read');
  const of =
    actor.kind !== 'user'
      ? undefined
      : scopes.includes('own')
        ? { box: query.box ?? ('inbox' as const), organizationId: actor.organizationId }
        : query.box
          ? undefined // a box is an agency's, for its staff
          : scopes.includes('self')
            ? { clientId: (await clientOfAccount(trx, actor.userId)) ?? NO_CLIENT, organizationId: null }
            : undefined;
  // An ombudsperson reaches a referral through a complaint assigned to them (cmp): none reach one yet.
  if (!of && !query.box && scopes.includes('cmp'))
    return { items: [], total: 0, page: query.page, perPage: query.perPage };
  if (!of) {
    throw deniedError(
      actor,
      {
        action: 'referral.read',
        reason: query.box
          ? "an agency's inbox and outbox are for its own staff"
          : 'no scope reaches a list of referrals',
        requestId: context.requestId,
      },
      "Only an agency's own staff see its referral inbox and outbox.",
    );
  }
  const { items, total } = await selectReferrals(trx, actor, of, query, context.today);
  await writeAudit(trx, actor, {
    action: 'referral.read',
    outcome: 'succeeded',
    recordType: 'referral',
    recordIds: items.map((r) => r.id),
    purpose: 'referral',
    reason: `${'box' in of ? of.box : 'own file'} ${query.status}; names shown for ${items.filter((x) => x.clientName !== null).length}`,
    requestId: context.requestId,
  });
  return { items: items.map(publicReferral), total, page: query.page, perPage: query.perPage };
}

const NO_CLIENT = '00000000-0000-0000-0000-000000000000';

// A client's referrals, part of their file (`client.read`): every one of them for the agency holding it
// and for the client; for another agency reaching the file (by consent, or a place on the team), those
// it sent or received. Audited as a read of the file's referrals.
export async function listClientReferrals(
  trx: Trx,
  actor: Actor,
  clientId: string,
  context: ReferralContext,
): Promise<ListEnvelope<Referral>> {
  return withClient(trx, actor, clientId, 'client.read', { ...context, purpose: undefined }, {}, async (access) => {
    const items = await readableReferrals(trx, actor, access, context.today);
    return {
      result: { items, total: items.length, page: 1, perPage: Math.max(items.length, 1) },
      audit: {
        action: 'referral.read',
        recordType: 'referral',
        recordIds: items.map((r) => r.id),
        purpose: 'referral',
      },
    };
  });
}

// Whose referrals of a file the reader sees: all (null) for the holding agency, the client and the
// system; those naming their agency for anyone else the file lets in.
function referralReach(actor: Actor, access: ClientAccess): string | null {
  if (actor.kind !== 'user' || access.scope === 'own' || access.scope === 'self' || access.scope === 'all') return null;
  return actor.organizationId;
}

// The referrals of a file, for a reader the file's `client.read` lets in (the list above, the
// timeline and the summary decide that with the same action): `undefined` reads nothing.
export async function readableReferrals(
  trx: Trx,
  actor: Actor,
  access: ClientAccess | undefined,
  today: string,
): Promise<Referral[]> {
  if (!access) return [];
  const { items } = await selectReferrals(
    trx,
    actor,
    { clientId: access.clientId, organizationId: referralReach(actor, access) },
    { status: 'all', page: 1, perPage: 500 },
    today,
    false,
  );
  return items.map(publicReferral);
}

// A client's referral steps for the timeline, as readableReferrals reaches them.
export async function readableReferralEvents(trx: Trx, actor: Actor, access: ClientAccess | undefined, limit: number) {
  return access ? selectClientReferralEvents(trx, access.clientId, referralReach(actor, access), limit) : [];
}

// The sweep: a missed deadline (no answer in time, no service started in time) is announced once to
// both sides: the sender, the receiving worker or specialist, and the receiving agency's managers.
export async function announceOverdueReferrals(db: Db, clock: Clock, batch = 200): Promise<number> {
  const actor = systemActor('referral-deadline-sweep');
  let total = 0;
  for (const which of ['acknowledge', 'first_service'] as const) {
    total += await sweepInBatches(db, batch, async (trx) => {
      const referrals = await claimOverdueReferrals(trx, which, readClock(clock), batch);
      for (const r of referrals) {
        const people = [...r.people, ...(await activeManagersOf(trx, r.toOrganizationId))];
        await notify(trx, actor, people, 'referral_overdue', { clientId: r.clientId, subjectId: r.id });
      }
      if (referrals.length > 0)
        await writeAudit(trx, actor, {
          action: 'referral.read',
          outcome: 'succeeded',
          recordType: 'referral',
          recordIds: referrals.map((r) => r.id),
          reason: `${which} deadline missed: announced`,
        });
      return referrals.length;
    });
  }
  return total;
}
