import type { Actor } from '../../access/actor.ts';
import { withClient, type ClientAudit } from '../../access/with-client.ts';
import { deniedError, notVisibleError, writeAudit } from '../../access/audit.ts';
import { type ClientAccess, consentsNaming, loadClientFacts } from '../../access/client-access.ts';
import { authorize } from '../../access/authorize.ts';
import { caseTeamRoles } from '../../access/roles.ts';
import type { TeamRole } from './case-team.ts';
import { memberReaderFor } from '../../access/policies/case-team.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { AppError } from '../../lib/errors.ts';
import { notify } from '../notifications/notification.service.ts';
import { CANDIDATE_LIMIT, type Candidate, type Member, type NewMember } from './case-team.ts';
import {
  insertMember,
  markRemoved,
  selectActiveMemberIds,
  selectCandidates,
  selectMemberForUpdate,
  selectMembers,
  selectUserForTeam,
} from './case-team.queries.ts';
import type { Moment } from '../../lib/clock.ts';

// The request's id and its moment (now, today in the city's zone), read once at the edge.
type Context = { requestId: string } & Moment;

// Roles that work with clients and so may sit on a case team.
const teamEligibleRoles = [...caseTeamRoles];

// One timeline and one team across agencies (issue 4, point 7). Membership itself is sensitive, so
// only the team, the holding agency, the client and the ombudsperson see it (docs/permissions.md 3.9).
export async function listTeam(
  trx: Trx,
  actor: Actor,
  clientId: string,
  context: Context,
): Promise<ListEnvelope<Member>> {
  return withClient(trx, actor, clientId, 'case_team.read', context, {}, async (access) => {
    const items = await readableMembers(trx, actor, access);
    return {
      result: { items, total: items.length, page: 1, perPage: items.length },
      audit: { recordType: 'case_team_member', recordIds: items.map((m) => m.id) },
    };
  });
}

// Whom the holding agency may add: its own staff who work with clients, and those of the agencies
// the client's active consents name. Asked by whoever may add members; which agencies the client
// shares with is part of the file, so the answer is audited.
export async function listCandidates(
  trx: Trx,
  actor: Actor,
  clientId: string,
  context: Context,
): Promise<ListEnvelope<Candidate>> {
  return withClient(trx, actor, clientId, 'case_team.add', context, {}, async (access) => {
    const { items, total } = await selectCandidates(
      trx,
      access.clientId,
      teamEligibleRoles,
      CANDIDATE_LIMIT,
      context.today,
    );
    return {
      result: { items, total, page: 1, perPage: CANDIDATE_LIMIT },
      audit: { action: 'case_team.candidates', recordType: 'user', recordIds: items.map((c) => c.userId) },
    };
  });
}

// Only the holding agency adds members; one from another agency needs an active consent naming it.
export async function addMember(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: NewMember,
  context: Context,
): Promise<Member> {
  return withClient(trx, actor, clientId, 'case_team.add', context, {}, async (access) => {
    const user = await selectUserForTeam(trx, input.userId);
    const invalid = (message: string): never => {
      throw new AppError('invalid', message, [{ field: 'userId', message }]);
    };
    if (!user || user.status !== 'active') invalid('No active user has that id.');
    if (!user!.roles.some((r) => teamEligibleRoles.includes(r)))
      invalid(
        'Only staff who work with clients (managers, counsellors, caseworkers, job developers, trainers) join a case team.',
      );
    if (
      user!.organizationId !== access.holderOrganizationId &&
      (await consentsNaming(trx, access.clientId, user!.organizationId, context.today)).length === 0
    ) {
      throw new AppError(
        'invalid',
        "The member's organization needs the client's active consent first: record it, then add them.",
        [{ field: 'userId', message: 'no active consent names their organization', code: 'consent_required' }],
      ).withReason('consent_required');
    }
    // One primary worker per team: who is primary changes by removing one (or a handover), never by adding
    // a second.
    if (
      input.teamRole === 'primary_worker' &&
      (await selectMembers(trx, access.clientId, false)).some((m) => m.teamRole === 'primary_worker')
    ) {
      throw new AppError(
        'invalid',
        'The team has a primary worker already: add this person in another role, or change who is primary first.',
        [{ field: 'teamRole', message: 'the team has a primary worker', code: 'primary_worker_taken' }],
      ).withReason('primary_worker_taken');
    }
    const id = await addMembership(trx, actor, {
      clientId: access.clientId,
      userId: user!.id,
      organizationId: user!.organizationId,
      teamRole: input.teamRole,
    });
    const audit: ClientAudit = { recordType: 'case_team_member', recordId: id };
    const member = (await selectMembers(trx, access.clientId, false)).find((m) => m.id === id);
    if (!member) throw new AppError('internal', 'The member could not be read back.');
    return { result: member, audit };
  });
}

// Adds a place on the team (or refuses a second active one), and tells the new member.
export async function addMembership(
  db: DbOrTrx,
  actor: Actor,
  row: { clientId: string; userId: string; organizationId: string; teamRole: TeamRole },
): Promise<string> {
  const existing = await selectActiveMemberIds(db, { clientId: row.clientId, userId: row.userId });
  if (existing.length > 0) throw new AppError('conflict', 'This person is already on the case team.');
  const id = await insertMember(db, { ...row, addedBy: actor.kind === 'user' ? actor.userId : null });
  await notify(db, actor, [row.userId], 'team_added', { clientId: row.clientId, subjectId: id });
  return id;
}

// Any member may leave; the holding agency may remove anyone (and the client, with their account).
export async function removeMember(
  trx: Trx,
  actor: Actor,
  clientId: string,
  memberId: string,
  context: Context,
): Promise<Member> {
  const facts = await loadClientFacts(trx, actor, clientId, context.today);
  const holder = facts ? { id: facts.clientId, organizationId: facts.holderOrganizationId } : undefined;
  const member = holder && isUuid(memberId) ? await selectMemberForUpdate(trx, holder.id, memberId) : undefined;
  const decision = holder
    ? authorize(actor, 'case_team.remove', {
        kind: 'client',
        organizationId: holder.organizationId,
        userId: member?.userId,
      })
    : undefined;
  if (decision && !decision.allowed && decision.basis === 'role') {
    throw deniedError(
      actor,
      {
        action: 'case_team.remove',
        recordType: 'case_team_member',
        clientId: holder?.id,
        reason: decision.reason,
        requestId: context.requestId,
      },
      `Not allowed: ${decision.reason}.`,
    );
  }
  if (!holder || !member || member.removedAt || !decision?.allowed) {
    throw notVisibleError(
      actor,
      {
        action: 'case_team.remove',
        recordType: 'case_team_member',
        recordId: isUuid(memberId) ? memberId : undefined,
        clientId: holder?.id,
        requestId: context.requestId,
      },
      member !== undefined,
      'The case team has no member with that id.',
    );
  }
  const leaving = actor.kind === 'user' && actor.userId === member.userId;
  await markRemoved(trx, [member.id], actor.kind === 'user' ? actor.userId : null, leaving ? 'left_team' : 'removed');
  await writeAudit(trx, actor, {
    action: 'case_team.remove',
    outcome: 'succeeded',
    recordType: 'case_team_member',
    recordId: member.id,
    clientId: holder.id,
    requestId: context.requestId,
  });
  const [removed] = (await selectMembers(trx, holder.id, true)).filter((m) => m.id === member.id);
  if (!removed) throw new AppError('internal', 'The member could not be read back.');
  return removed;
}

// When a client revokes an organization's last consent, its members leave the team at once.
export async function removeOrganizationMembers(
  db: DbOrTrx,
  actor: Actor,
  clientId: string,
  organizationId: string,
): Promise<number> {
  const members = await selectActiveMemberIds(db, { clientId, organizationId });
  await markRemoved(
    db,
    members.map((m) => m.id),
    actor.kind === 'user' ? actor.userId : null,
    'consent_revoked',
  );
  await notify(
    db,
    actor,
    members.map((m) => m.userId),
    'consent_revoked',
    { clientId, subjectId: null },
  );
  return members.length;
}

// Handover: the leaving worker's places pass to the new worker, same role; clients the new worker
// is already on the team of keep that place. Returns the clients moved.
export async function handOverMemberships(
  db: DbOrTrx,
  actor: Actor,
  from: { userId: string },
  to: { userId: string; organizationId: string },
  clientIds: string[] | undefined,
): Promise<string[]> {
  const places = await selectActiveMemberIds(db, { userId: from.userId, ...(clientIds ? { clientIds } : {}) });
  await markRemoved(
    db,
    places.map((p) => p.id),
    actor.kind === 'user' ? actor.userId : null,
    'handover',
  );
  for (const place of places) {
    const already = await selectActiveMemberIds(db, { clientId: place.clientId, userId: to.userId });
    if (already.length === 0) {
      await insertMember(db, {
        clientId: place.clientId,
        userId: to.userId,
        organizationId: to.organizationId,
        teamRole: place.teamRole,
        addedBy: actor.kind === 'user' ? actor.userId : null,
      });
    }
  }
  return places.map((p) => p.clientId);
}

// Which of these clients have the worker on their active team (locked for a handover).
export async function clientsOnCaseload(db: DbOrTrx, userId: string, clientIds: string[]): Promise<string[]> {
  return (await selectActiveMemberIds(db, { userId, clientIds })).map((p) => p.clientId);
}

// The active members of a client's team (user ids), to tell them of team events.
export async function teamUserIds(db: DbOrTrx, clientId: string): Promise<string[]> {
  return (await selectActiveMemberIds(db, { clientId })).map((m) => m.userId);
}

// The members a `case_team.read` access reaches, for the route and every composite view (3.9): the
// holding agency sees former members too; the team, the client and a complaint see the current team.
export async function readableMembers(trx: Trx, actor: Actor, access: ClientAccess | undefined): Promise<Member[]> {
  if (!access) return [];
  return selectMembers(trx, access.clientId, memberReaderFor(actor, access).includeFormer);
}

// A released transfer: the sending agency's people leave the team; the receiving worker joins it.
export async function handOverTeamOnTransfer(
  db: DbOrTrx,
  actor: Actor,
  clientId: string,
  fromOrganizationId: string,
  receiver: { userId: string; organizationId: string } | undefined,
): Promise<void> {
  const members = await selectActiveMemberIds(db, { clientId, organizationId: fromOrganizationId });
  await markRemoved(
    db,
    members.map((m) => m.id),
    actor.kind === 'user' ? actor.userId : null,
    'transferred',
  );
  if (receiver && (await selectActiveMemberIds(db, { clientId, userId: receiver.userId })).length === 0) {
    await insertMember(db, {
      clientId,
      userId: receiver.userId,
      organizationId: receiver.organizationId,
      teamRole: 'primary_worker',
      addedBy: actor.kind === 'user' ? actor.userId : null,
    });
  }
}
