import type { Actor } from '../../access/actor.ts';
import { deniedError, notVisibleError, writeAudit } from '../../access/audit.ts';
import { employerScopeOf } from '../../access/policies/employer.ts';
import {
  decideHiringEvent,
  decideParticipation,
  registeringAgencyOf,
  takingPartAs,
} from '../../access/policies/hiring-event.ts';
import { withClient } from '../../access/with-client.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { Moment } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { activeEmployerUsersOf } from '../accounts/user-admin.service.ts';
import { notify } from '../notifications/notification.service.ts';
import {
  checkEventShape,
  type HiringEvent,
  type HiringEventListQuery,
  type HiringEventPatch,
  type HiringEventSummary,
  type NewHiringEvent,
  type NewRegistration,
  type Participation,
  type Registration,
  type RegistrationListQuery,
  type RegistrationPatch,
} from './hiring-event.ts';
import {
  countActiveRegistrations,
  deleteParticipant,
  insertHiringEvent,
  insertRegistration,
  isJobOnOffer,
  isParticipant,
  reopenRegistration,
  replaceEventJobs,
  selectAgencyCounts,
  selectHiringEvent,
  selectHiringEvents,
  selectJobOrdersOf,
  selectOrganizationType,
  selectParticipantIds,
  selectParticipants,
  selectRegistrars,
  selectRegistrationOf,
  selectRegistrationRow,
  selectRegistrations,
  selectResults,
  updateHiringEventRow,
  updateRegistration,
  upsertParticipant,
  type HiringEventRow,
  type RegistrationRow,
} from './hiring-event.queries.ts';

// Employer events (issue 14, point 6; docs/hiring-events.md): job fairs, hiring events, networking and
// information sessions. Anyone reads the listing; the host and those who keep every event change it;
// employers join with their job orders (and hear of it when an agency puts them in); agencies register
// the clients whose files they may read and record whether they came; placements proposed from the event
// count its interviews and hires, so an event is judged by hires, not sign-ups.

export type HiringEventContext = { requestId: string } & Moment;

const userIdOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function invalid(field: string, code: string, message: string): AppError {
  return new AppError('invalid', message, [{ field, message, code }]).withReason(code);
}

const notFound = () => new AppError('not_found', 'No employer event has that id.');

async function eventOr404(db: DbOrTrx, id: string, lock = false): Promise<HiringEventRow> {
  const row = isUuid(id) ? await selectHiringEvent(db, id, lock) : undefined;
  if (!row) throw notFound();
  return row;
}

// Still to come and not cancelled: it takes employers and registrations.
function open(row: HiringEventRow, now: Date): boolean {
  return row.status === 'planned' && new Date(row.endsAt).getTime() > now.getTime();
}

function refuse(actor: Actor, action: string, row: HiringEventRow, reason: string, requestId: string): AppError {
  return deniedError(
    actor,
    { action, recordType: 'hiring_event', recordId: row.id, reason, requestId },
    `Not allowed: ${reason}.`,
  );
}

export async function listHiringEvents(
  db: DbOrTrx,
  _actor: Actor,
  query: HiringEventListQuery,
  context: HiringEventContext,
): Promise<ListEnvelope<HiringEventSummary>> {
  const { rows, total } = await selectHiringEvents(
    db,
    { when: query.when, kind: query.kind, employerId: query.employerId, now: context.now },
    { limit: query.perPage, offset: (query.page - 1) * query.perPage },
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      status: r.status,
      startsAt: iso(r.startsAt)!,
      endsAt: iso(r.endsAt)!,
      online: r.online,
      address: r.address,
      postalCode: r.postalCode,
      host: { id: r.organizationId, name: r.hostName, nameFr: r.hostNameFr },
      employers: r.employers,
      jobsOnOffer: r.jobsOnOffer,
    })),
    total,
    page: query.page,
    perPage: query.perPage,
  };
}

// One event as the reader may see it: the public listing for everyone; the job orders on offer where
// the reader may read them; the results for those who keep it; the reader's agency's own registrations.
export async function getHiringEvent(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  context: HiringEventContext,
): Promise<HiringEvent> {
  const row = await eventOr404(db, id);
  return detail(db, actor, row, context.now);
}

async function detail(db: DbOrTrx, actor: Actor, row: HiringEventRow, now: Date): Promise<HiringEvent> {
  const participants = await selectParticipants(db, row.id);
  const jobScope = employerScopeOf(actor, 'job_order.read');
  const mayManage = decideHiringEvent(actor, { hostId: row.organizationId }).allowed;
  const agency = registeringAgencyOf(actor);
  const employer = takingPartAs(actor);
  const [results, mine] = await Promise.all([
    mayManage ? selectResults(db, row.id) : Promise.resolve(null),
    agency ? selectAgencyCounts(db, row.id, agency) : Promise.resolve(null),
  ]);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    description: row.description,
    startsAt: iso(row.startsAt)!,
    endsAt: iso(row.endsAt)!,
    online: row.online,
    address: row.address,
    postalCode: row.postalCode,
    capacity: row.capacity,
    host: { id: row.organizationId, name: row.hostName, nameFr: row.hostNameFr },
    employers: participants.length,
    jobsOnOffer: participants.reduce((n, p) => n + p.jobs.length, 0),
    participants: participants.map((p) => ({
      id: p.id,
      name: p.name,
      nameFr: p.nameFr,
      // Job orders are for staff of every agency, and for an employer its own (`job_order.read`).
      jobs: jobScope === undefined || jobScope === p.id ? p.jobs : null,
      jobCount: p.jobs.length,
    })),
    mayManage,
    mayRegister: agency !== null && open(row, now),
    mayTakePart: employer !== null && open(row, now),
    results,
    mine,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}

export async function createHiringEvent(
  trx: Trx,
  actor: Actor,
  input: NewHiringEvent,
  context: HiringEventContext,
): Promise<HiringEvent> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const shape = {
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    online: input.online ?? false,
    address: input.address ?? null,
    postalCode: input.postalCode ?? null,
  };
  const refused = checkEventShape(shape);
  if (refused) throw invalid(refused.field, refused.code, `${refused.field} ${refused.message}.`);
  if (Date.parse(input.endsAt) <= context.now.getTime())
    throw invalid('endsAt', 'event_in_past', 'endsAt must be in the future: an event is listed before it is held.');
  const id = await insertHiringEvent(
    trx,
    { organizationId: actor.organizationId, createdBy: actor.userId },
    {
      ...shape,
      kind: input.kind,
      title: input.title,
      description: input.description ?? null,
      capacity: input.capacity ?? null,
    },
  );
  await writeAudit(trx, actor, {
    action: 'event.manage',
    outcome: 'succeeded',
    recordType: 'hiring_event',
    recordId: id,
    reason: 'created',
    requestId: context.requestId,
  });
  return detail(trx, actor, await eventOr404(trx, id), context.now);
}

export async function updateHiringEvent(
  trx: Trx,
  actor: Actor,
  id: string,
  patch: HiringEventPatch,
  context: HiringEventContext,
): Promise<HiringEvent> {
  const row = await eventOr404(trx, id, true);
  const decision = decideHiringEvent(actor, { hostId: row.organizationId });
  if (!decision.allowed) throw refuse(actor, 'event.manage', row, decision.reason, context.requestId);
  if (row.status !== 'planned')
    throw new AppError(
      'conflict',
      `${row.title} was ${row.status === 'held' ? 'held' : 'cancelled'}: it does not change any more.`,
    ).withReason(row.status === 'held' ? 'event_held' : 'event_cancelled');
  const { status, ...fields } = patch;
  const shape = {
    startsAt: fields.startsAt ?? iso(row.startsAt)!,
    endsAt: fields.endsAt ?? iso(row.endsAt)!,
    online: fields.online ?? row.online,
    address: fields.address !== undefined ? fields.address : row.address,
    postalCode: fields.postalCode !== undefined ? fields.postalCode : row.postalCode,
  };
  const refused = checkEventShape(shape);
  if (refused) throw invalid(refused.field, refused.code, `${refused.field} ${refused.message}.`);
  if (status === 'held' && new Date(shape.startsAt).getTime() > context.now.getTime())
    throw invalid('status', 'event_not_started', 'An event is marked held once it has started.');
  const columns = {
    ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
    ...(fields.title !== undefined ? { title: fields.title } : {}),
    ...(fields.description !== undefined ? { description: fields.description } : {}),
    ...(fields.capacity !== undefined ? { capacity: fields.capacity } : {}),
    ...(fields.startsAt !== undefined || fields.endsAt !== undefined
      ? { startsAt: shape.startsAt, endsAt: shape.endsAt }
      : {}),
    ...(fields.online !== undefined || fields.address !== undefined || fields.postalCode !== undefined
      ? { online: shape.online, address: shape.address, postalCode: shape.postalCode }
      : {}),
    ...(status !== undefined && status !== 'planned' ? { status } : {}),
  };
  if (columns.capacity != null && columns.capacity < (await countActiveRegistrations(trx, row.id)))
    throw invalid('capacity', 'capacity_below_registrations', 'capacity must not be below the clients registered.');
  if (Object.keys(columns).length > 0) await updateHiringEventRow(trx, row.id, columns);
  if (status === 'cancelled') {
    // Those who counted on it hear of it: the workers who registered clients, the employers taking part.
    const employers = await selectParticipantIds(trx, row.id);
    const people = [
      ...(await selectRegistrars(trx, row.id)),
      ...(await Promise.all(employers.map((e) => activeEmployerUsersOf(trx, e)))).flat(),
    ];
    await notify(trx, actor, people, 'hiring_event_cancelled', { clientId: null, subjectId: row.id });
  }
  await writeAudit(trx, actor, {
    action: 'event.manage',
    outcome: 'succeeded',
    recordType: 'hiring_event',
    recordId: row.id,
    reason: status && status !== 'planned' ? status : 'changed',
    requestId: context.requestId,
  });
  return detail(trx, actor, await eventOr404(trx, row.id), context.now);
}

// An employer taking part, with exactly these job orders on offer: the event's keepers put in any
// employer; an employer's own staff put in their own organization. An employer put in by someone else
// hears of it in their inbox.
export async function setParticipation(
  trx: Trx,
  actor: Actor,
  eventId: string,
  employerId: string,
  input: Participation,
  context: HiringEventContext,
): Promise<HiringEvent> {
  const row = await eventOr404(trx, eventId, true);
  const type = isUuid(employerId) ? await selectOrganizationType(trx, employerId) : undefined;
  if (type !== 'employer') throw new AppError('not_found', 'No employer has that id.');
  const decision = decideParticipation(actor, { hostId: row.organizationId }, employerId);
  if (!decision.allowed) throw refuse(actor, 'event.manage', row, decision.reason, context.requestId);
  if (!open(row, context.now))
    throw new AppError('conflict', `${row.title} takes no more employers: it is over or cancelled.`).withReason(
      'event_closed',
    );
  const jobs = await selectJobOrdersOf(trx, input.jobOrderIds);
  input.jobOrderIds.forEach((jobId, i) => {
    const job = jobs.find((j) => j.id === jobId);
    if (!job || job.employerId !== employerId)
      throw invalid(`jobOrderIds.${i}`, 'job_not_of_employer', "Each job order on offer must be the employer's own.");
    if (job.status !== 'open')
      throw invalid(`jobOrderIds.${i}`, 'job_order_closed', `${job.title} is not open: it takes no candidates.`);
  });
  const added = await upsertAndReplace(trx, actor, row.id, employerId, input.jobOrderIds);
  if (added && !(actor.kind === 'user' && actor.organizationId === employerId))
    await notify(trx, actor, await activeEmployerUsersOf(trx, employerId), 'hiring_event_joined', {
      clientId: null,
      subjectId: row.id,
    });
  await writeAudit(trx, actor, {
    action: 'event.manage',
    outcome: 'succeeded',
    recordType: 'hiring_event',
    recordId: row.id,
    reason: `${added ? 'employer added' : 'job orders changed'}: ${employerId}`,
    requestId: context.requestId,
  });
  return detail(trx, actor, await eventOr404(trx, row.id), context.now);
}

async function upsertAndReplace(
  trx: Trx,
  actor: Actor,
  eventId: string,
  employerId: string,
  jobOrderIds: readonly string[],
): Promise<boolean> {
  const added = await upsertParticipant(trx, {
    eventId,
    employerId,
    addedBy: userIdOf(actor),
    addedByOrganizationId: actor.kind === 'user' ? actor.organizationId : employerId,
  });
  await replaceEventJobs(trx, eventId, employerId, jobOrderIds);
  return added;
}

export async function removeParticipation(
  trx: Trx,
  actor: Actor,
  eventId: string,
  employerId: string,
  context: HiringEventContext,
): Promise<HiringEvent> {
  const row = await eventOr404(trx, eventId, true);
  const decision = decideParticipation(actor, { hostId: row.organizationId }, employerId);
  if (!decision.allowed) throw refuse(actor, 'event.manage', row, decision.reason, context.requestId);
  if (!(isUuid(employerId) && (await isParticipant(trx, row.id, employerId))))
    throw new AppError('not_found', 'That employer is not taking part in the event.');
  if (!open(row, context.now))
    throw new AppError('conflict', `${row.title} is over or cancelled: who took part stays on record.`).withReason(
      'event_closed',
    );
  await deleteParticipant(trx, row.id, employerId);
  await writeAudit(trx, actor, {
    action: 'event.manage',
    outcome: 'succeeded',
    recordType: 'hiring_event',
    recordId: row.id,
    reason: `employer removed: ${employerId}`,
    requestId: context.requestId,
  });
  return detail(trx, actor, await eventOr404(trx, row.id), context.now);
}

function registration(r: RegistrationRow): Registration {
  return {
    id: r.id,
    event: {
      id: r.eventId,
      title: r.eventTitle,
      kind: r.eventKind,
      status: r.eventStatus,
      startsAt: iso(r.eventStartsAt)!,
    },
    client: { id: r.clientId, name: r.clientName },
    agency: { id: r.organizationId, name: r.agencyName, nameFr: r.agencyNameFr },
    registeredAt: iso(r.registeredAt)!,
    attended: r.attended,
    cancelledAt: iso(r.cancelledAt),
  };
}

// Registers a client whose file the worker may reach (`event.register`: own, cons) and whose
// employment information they read: an event is about work.
export async function registerClient(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: NewRegistration,
  context: HiringEventContext,
): Promise<Registration> {
  const registrationId = await withClient(
    trx,
    actor,
    clientId,
    'event.register',
    { ...context, purpose: undefined },
    { category: 'employment' },
    async (access) => {
      const row = isUuid(input.eventId) ? await selectHiringEvent(trx, input.eventId, true) : undefined;
      if (!row) throw invalid('eventId', 'unknown_event', 'No employer event has that id.');
      if (!open(row, context.now))
        throw new AppError('conflict', `${row.title} takes no more registrations: it is over or cancelled.`).withReason(
          'event_closed',
        );
      if (row.capacity !== null && (await countActiveRegistrations(trx, row.id)) >= row.capacity)
        throw new AppError('conflict', `${row.title} is full: all ${row.capacity} places are taken.`).withReason(
          'event_full',
        );
      const organizationId = actor.kind === 'user' ? actor.organizationId : access.holderOrganizationId;
      const existing = await selectRegistrationOf(trx, row.id, access.clientId);
      let id: string;
      if (existing && existing.cancelledAt === null)
        throw new AppError('conflict', `The client is already registered for ${row.title}.`).withReason(
          'already_registered',
        );
      if (existing) {
        await reopenRegistration(trx, existing.id, { organizationId, registeredBy: userIdOf(actor) });
        id = existing.id;
      } else
        id = await insertRegistration(trx, {
          eventId: row.id,
          clientId: access.clientId,
          organizationId,
          registeredBy: userIdOf(actor),
          registeredAt: context.now,
        });
      return {
        result: id,
        audit: { recordType: 'hiring_event_registration', recordId: id, purpose: 'hiring_event', reason: row.id },
      };
    },
  );
  const { rows } = await selectRegistrations(
    trx,
    actor,
    { clientId, organizationIds: 'all' },
    { limit: 100, offset: 0 },
    context.today,
  );
  const made = rows.find((r) => r.id === registrationId);
  if (!made) throw new AppError('internal', 'The registration was written but could not be read back.');
  return registration(made);
}

// A client's registrations in their file: every one for the agency holding the file and for the client
// themself, those of the reader's agency otherwise (as a client's referrals and placements).
export async function listClientRegistrations(
  db: DbOrTrx,
  actor: Actor,
  clientId: string,
  query: RegistrationListQuery,
  context: HiringEventContext,
): Promise<ListEnvelope<Registration>> {
  return withClient(
    db,
    actor,
    clientId,
    'client.read',
    { ...context, purpose: undefined },
    { as: 'event.read' },
    async (access) => {
      const organizationIds =
        access.scope === 'self' || actor.kind !== 'user' || actor.organizationId === access.holderOrganizationId
          ? 'all'
          : [actor.organizationId];
      const { rows, total } = await selectRegistrations(
        db,
        actor,
        { clientId: access.clientId, organizationIds },
        { limit: query.perPage, offset: (query.page - 1) * query.perPage },
        context.today,
      );
      return {
        result: { items: rows.map(registration), total, page: query.page, perPage: query.perPage },
        audit: {
          recordType: 'hiring_event_registration',
          recordIds: rows.map((r) => r.id),
          purpose: 'hiring_event',
        },
      };
    },
  );
}

// The reader's agency's registrations for one event, each client named where their file would name
// them: the list a worker checks people in from. Its read is audited (it names clients).
export async function listEventRegistrations(
  db: DbOrTrx,
  actor: Actor,
  eventId: string,
  query: RegistrationListQuery,
  context: HiringEventContext,
): Promise<ListEnvelope<Registration>> {
  const row = await eventOr404(db, eventId);
  const agency = registeringAgencyOf(actor);
  if (agency === null)
    throw refuse(actor, 'event.register', row, 'registrations are an agency’s own', context.requestId);
  const { rows, total } = await selectRegistrations(
    db,
    actor,
    { eventId: row.id, organizationId: agency },
    { limit: query.perPage, offset: (query.page - 1) * query.perPage },
    context.today,
  );
  const named = rows.filter((r) => r.clientName !== null).map((r) => r.id);
  if (named.length > 0)
    await writeAudit(db, actor, {
      action: 'event.read',
      outcome: 'succeeded',
      recordType: 'hiring_event_registration',
      recordIds: named,
      purpose: 'hiring_event',
      reason: 'registrations of the agency',
      requestId: context.requestId,
    });
  return { items: rows.map(registration), total, page: query.page, perPage: query.perPage };
}

// Whether the client came, or that they will not: for the agency that registered them, and only while
// it may still read the file (the consent that let it register may have ended).
export async function updateRegistrationOf(
  trx: Trx,
  actor: Actor,
  eventId: string,
  registrationId: string,
  patch: RegistrationPatch,
  context: HiringEventContext,
): Promise<Registration> {
  const found = isUuid(registrationId) ? await selectRegistrationRow(trx, registrationId) : undefined;
  const agency = registeringAgencyOf(actor);
  // Another agency's registration answers exactly as a random id (it names a client).
  if (!found || found.eventId !== eventId || agency === null || found.organizationId !== agency)
    throw notVisibleError(
      actor,
      {
        action: 'event.register',
        recordType: 'hiring_event_registration',
        recordId: isUuid(registrationId) ? registrationId : undefined,
        clientId: found?.clientId,
        requestId: context.requestId,
      },
      found !== undefined,
      'No registration has that id.',
    );
  const row = await eventOr404(trx, found.eventId);
  await withClient(
    trx,
    actor,
    found.clientId,
    'event.register',
    { ...context, purpose: undefined },
    { category: 'employment' },
    async () => {
      if (patch.cancelled) {
        if (found.cancelledAt !== null)
          throw new AppError('conflict', 'The registration is already cancelled.').withReason('registration_cancelled');
        await updateRegistration(trx, found.id, { cancelledAt: context.now });
      } else {
        if (found.cancelledAt !== null)
          throw new AppError('conflict', 'A cancelled registration has no attendance.').withReason(
            'registration_cancelled',
          );
        if (patch.attended !== undefined && patch.attended !== null && new Date(row.startsAt) > context.now)
          throw invalid('attended', 'event_not_started', 'Attendance is recorded once the event has started.');
        await updateRegistration(trx, found.id, {
          attended: patch.attended ?? null,
          attendanceRecordedBy: patch.attended === null ? null : userIdOf(actor),
          attendanceRecordedAt: patch.attended === null ? null : context.now,
        });
      }
      return {
        result: undefined,
        audit: {
          recordType: 'hiring_event_registration',
          recordId: found.id,
          purpose: 'hiring_event',
          reason: patch.cancelled ? 'cancelled' : `attended: ${String(patch.attended)}`,
        },
      };
    },
  );
  const { rows } = await selectRegistrations(
    trx,
    actor,
    { eventId: row.id, organizationId: found.organizationId },
    { limit: 1_000, offset: 0 },
    context.today,
  );
  return registration(rows.find((r) => r.id === found.id)!);
}

// For a placement proposed from an event: the job order must be on offer there, and the event not
// cancelled. Answers the reason it may not, or undefined.
export async function checkEventForPlacement(
  db: DbOrTrx,
  eventId: string,
  jobOrderId: string,
): Promise<{ code: string; message: string } | undefined> {
  const row = isUuid(eventId) ? await selectHiringEvent(db, eventId) : undefined;
  if (!row) return { code: 'unknown_event', message: 'No employer event has that id.' };
  if (row.status === 'cancelled') return { code: 'event_cancelled', message: `${row.title} was cancelled.` };
  if (!(await isJobOnOffer(db, row.id, jobOrderId)))
    return { code: 'job_not_on_offer', message: `That job order is not on offer at ${row.title}.` };
  return undefined;
}
