import crypto from 'node:crypto';
import type { Actor } from '../../access/actor.ts';
import { deniedError, notVisibleError, writeAudit } from '../../access/audit.ts';
import {
  actsAcrossOrganizations,
  assertRolesFit,
  authorize,
  rolesGrantableBy,
  type Action,
  type Resource,
} from '../../access/authorize.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { AppError } from '../../lib/errors.ts';
import { enqueueMessage } from '../outbox/outbox.service.ts';
import { checkPasswordPolicy, describePasswordProblems, hashPassword } from './password.ts';
import { getOrganization } from '../organizations/organization.service.ts';
import type { InviteUser, Role, User, UserListQuery } from './account.ts';
import {
  emailTaken,
  insertAccountToken,
  insertUser,
  linkClientAccount,
  lockUserForUpdate,
  selectAccountClient,
  selectActiveManagers,
  selectStaffOfOtherOrganizations,
  selectSystemMonitors,
  selectNotificationDigest,
  updateNotificationDigest,
  claimDigestRecipients,
  selectClientAccount,
  markDisabled,
  replaceRoles,
  revokeUserSessions,
  selectUser,
  selectUsers,
} from './account.queries.ts';
import { hashToken } from './account.service.ts';

export type LinkContext = { publicUrl: string; requestId: string };

export const INVITATION_HOURS = 72;

function ensureAllowed(actor: Actor, action: Action, resource: Resource, requestId: string): void {
  const decision = authorize(actor, action, resource);
  if (decision.allowed) return;
  throw deniedError(
    actor,
    {
      action,
      recordType: resource.kind,
      recordId: resource.kind === 'user' ? resource.userId : resource.organizationId,
      reason: decision.reason,
      requestId,
    },
    `Not allowed: ${decision.reason}.`,
  );
}

async function checkRoles(trx: Trx, actor: Actor, organizationId: string, roles: Role[]): Promise<Role[]> {
  const organization = await getOrganization(trx, actor, organizationId);
  assertRolesFit(organization.type, roles);
  const grantable = rolesGrantableBy(actor);
  const beyond = grantable === 'any' ? [] : roles.filter((r) => !grantable.includes(r));
  if (beyond.length > 0) throw new AppError('forbidden', `You cannot grant: ${beyond.join(', ')}.`);
  return [...new Set(roles)];
}

// A visible user, or the same 404 as for a random id (audited as a denial either way).
async function findManagedUser(
  trx: DbOrTrx,
  actor: Actor,
  userId: string,
  action: Action,
  requestId: string,
): Promise<User> {
  const user = isUuid(userId) ? await selectUser(trx, userId) : undefined;
  if (
    !user ||
    !authorize(actor, 'user.read', { kind: 'user', organizationId: user.organizationId, userId: user.id }).allowed
  ) {
    throw notVisibleError(
      actor,
      { action, recordType: 'user', recordId: isUuid(userId) ? userId : undefined, requestId },
      user !== undefined,
      'No user has that id.',
    );
  }
  return user;
}

function invitationText(user: { displayName: string }, link: string): { subject: string; bodyText: string } {
  return {
    subject: 'Your Continuum account / Votre compte Continuum',
    bodyText:
      `Hello ${user.displayName},\n\nYou have been invited to Continuum, Toronto's employment service system. ` +
      `Open this link within ${INVITATION_HOURS} hours to choose your password:\n${link}\n\n` +
      `---\n\nBonjour ${user.displayName},\n\nVous êtes invité(e) à Continuum, le système de services d'emploi de Toronto. ` +
      `Ouvrez ce lien dans les ${INVITATION_HOURS} heures pour choisir votre mot de passe :\n${link}\n`,
  };
}

// A single-use link to choose a password, e-mailed through the outbox in the caller's transaction.
async function sendInvitation(trx: Trx, user: User, context: LinkContext): Promise<void> {
  const token = crypto.randomBytes(32).toString('base64url');
  await insertAccountToken(trx, {
    tokenHash: hashToken(token),
    userId: user.id,
    purpose: 'invitation',
    expiresAt: new Date(Date.now() + INVITATION_HOURS * 3_600_000),
  });
  // The token travels in the fragment, which browsers never send to a server or put in its logs.
  const link = `${context.publicUrl.replace(/\/$/, '')}/accept-invitation#token=${token}`;
  await enqueueMessage(trx, { kind: 'invitation', recipient: user.email, ...invitationText(user, link) });
}

export async function inviteUser(trx: Trx, actor: Actor, input: InviteUser, context: LinkContext): Promise<User> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in first.');
  // The server sets the organization: only a system administrator may name another one.
  const chooses = actsAcrossOrganizations(actor);
  const ownOrganization = actor.kind === 'user' ? actor.organizationId : undefined;
  const organizationId = chooses ? (input.organizationId ?? ownOrganization) : ownOrganization;
  if (!organizationId)
    throw new AppError('invalid', 'Name the organization.', [{ field: 'organizationId', message: 'required' }]);
  if (!chooses && input.organizationId && input.organizationId !== organizationId) {
    ensureAllowed(
      actor,
      'user.invite',
      { kind: 'organization', organizationId: input.organizationId },
      context.requestId,
    );
  }
  ensureAllowed(actor, 'user.invite', { kind: 'organization', organizationId }, context.requestId);
  const roles = await checkRoles(trx, actor, organizationId, input.roles);
  if (await emailTaken(trx, input.email)) {
    throw new AppError('conflict', 'A user with that e-mail address already exists.', [
      { field: 'email', message: 'already exists' },
    ]);
  }
  const user = await insertUser(trx, {
    organizationId,
    email: input.email,
    displayName: input.displayName,
    preferredLanguage: input.preferredLanguage,
    passwordHash: null,
    roles,
  });
  await sendInvitation(trx, user, context);
  await writeAudit(trx, actor, {
    action: 'user.invite',
    outcome: 'succeeded',
    recordType: 'user',
    recordId: user.id,
    requestId: context.requestId,
  });
  return user;
}

export async function listUsers(
  trx: Trx,
  actor: Actor,
  query: UserListQuery,
  requestId: string,
): Promise<ListEnvelope<User>> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in first.');
  // Scoped by the caller: administrators see everyone (or one organization), managers their
  // organization, everyone else only themself.
  const admin = actsAcrossOrganizations(actor);
  const manager =
    actor.kind === 'user' &&
    authorize(actor, 'user.read', { kind: 'organization', organizationId: actor.organizationId }).allowed;
  const filter = admin
    ? { organizationId: query.organizationId }
    : manager && actor.kind === 'user'
      ? { organizationId: actor.organizationId }
      : { onlyUserId: actor.kind === 'user' ? actor.userId : '' };
  if (!admin && query.organizationId && actor.kind === 'user' && query.organizationId !== actor.organizationId) {
    return { items: [], total: 0, page: query.page, perPage: query.perPage };
  }
  const { items, total } = await selectUsers(trx, {
    ...filter,
    q: query.q,
    status: query.status,
    page: query.page,
    perPage: query.perPage,
  });
  await writeAudit(trx, actor, {
    action: 'user.list',
    outcome: 'succeeded',
    recordType: 'user',
    recordIds: items.map((u) => u.id),
    requestId,
  });
  return { items, total, page: query.page, perPage: query.perPage };
}

export async function updateUserRoles(
  trx: Trx,
  actor: Actor,
  userId: string,
  roles: Role[],
  requestId: string,
): Promise<User> {
  const user = await findManagedUser(trx, actor, userId, 'user.update_roles', requestId);
  ensureAllowed(
    actor,
    'user.update_roles',
    { kind: 'user', organizationId: user.organizationId, userId: user.id },
    requestId,
  );
  if (actor.kind === 'user' && actor.userId === user.id)
    throw new AppError('forbidden', 'Ask another administrator to change your own roles.');
  const checked = await checkRoles(trx, actor, user.organizationId, roles);
  // Roles the actor could not grant cannot be taken away by them either.
  const grantable = rolesGrantableBy(actor);
  const untouchable = grantable === 'any' ? [] : user.roles.filter((r) => !grantable.includes(r));
  if (untouchable.length > 0)
    throw new AppError('forbidden', `You cannot change a user who holds: ${untouchable.join(', ')}.`);
  await lockUserForUpdate(trx, user.id);
  await replaceRoles(trx, user.id, checked);
  await writeAudit(trx, actor, {
    action: 'user.update_roles',
    outcome: 'succeeded',
    recordType: 'user',
    recordId: user.id,
    requestId,
  });
  return { ...user, roles: [...checked].sort() };
}

export async function disableUser(trx: Trx, actor: Actor, userId: string, requestId: string): Promise<User> {
  const user = await findManagedUser(trx, actor, userId, 'user.disable', requestId);
  ensureAllowed(
    actor,
    'user.disable',
    { kind: 'user', organizationId: user.organizationId, userId: user.id },
    requestId,
  );
  if (actor.kind === 'user' && actor.userId === user.id)
    throw new AppError('forbidden', 'You cannot disable your own account.');
  const grantable = rolesGrantableBy(actor);
  if (grantable !== 'any' && user.roles.some((r) => !grantable.includes(r))) {
    throw new AppError('forbidden', 'Only a system administrator can disable this user.');
  }
  await lockUserForUpdate(trx, user.id);
  await markDisabled(trx, user.id);
  // Every session ends at once; the next request of any of them answers 401.
  await revokeUserSessions(trx, user.id, 'user_disabled');
  await writeAudit(trx, actor, {
    action: 'user.disable',
    outcome: 'succeeded',
    recordType: 'user',
    recordId: user.id,
    requestId,
  });
  return { ...user, status: 'disabled' };
}

// A client's own account, tied to their record: created only from the record (client.invite_account)
// by the holding agency, with the job_seeker role alone, invited by e-mail.
export async function inviteClientAccount(
  trx: Trx,
  actor: Actor,
  input: {
    clientId: string;
    organizationId: string;
    email: string;
    displayName: string;
    preferredLanguage: 'en' | 'fr';
  },
  context: LinkContext,
): Promise<User> {
  await assertNewClientAccount(trx, input.email, input.clientId);
  const user = await insertUser(trx, {
    organizationId: input.organizationId,
    email: input.email,
    displayName: input.displayName,
    preferredLanguage: input.preferredLanguage,
    passwordHash: null,
    roles: ['job_seeker'],
  });
  await linkClientAccount(trx, user.id, input.clientId);
  await sendInvitation(trx, user, context);
  await writeAudit(trx, actor, {
    action: 'client.invite_account',
    outcome: 'succeeded',
    recordType: 'user',
    recordId: user.id,
    clientId: input.clientId,
    requestId: context.requestId,
  });
  return user;
}

// A client account with a password, made by a system actor for the demo city: the account an accepted
// invitation gives, without the e-mail. Staff never set a client's password.
export async function createClientAccount(
  trx: Trx,
  actor: Actor,
  input: {
    clientId: string;
    organizationId: string;
    email: string;
    displayName: string;
    preferredLanguage: 'en' | 'fr';
    password: string;
  },
): Promise<User> {
  if (actor.kind !== 'system') throw new AppError('forbidden', 'Client accounts are made by invitation.');
  await assertNewClientAccount(trx, input.email, input.clientId);
  const problems = checkPasswordPolicy(input.password, { email: input.email, displayName: input.displayName });
  if (problems.length > 0) {
    throw new AppError('invalid', `The password is not accepted: ${describePasswordProblems(problems)}.`, [
      { field: 'password', message: describePasswordProblems(problems) },
    ]);
  }
  const user = await insertUser(trx, {
    organizationId: input.organizationId,
    email: input.email,
    displayName: input.displayName,
    preferredLanguage: input.preferredLanguage,
    passwordHash: await hashPassword(input.password),
    roles: ['job_seeker'],
  });
  await linkClientAccount(trx, user.id, input.clientId);
  await writeAudit(trx, actor, {
    action: 'client.invite_account',
    outcome: 'succeeded',
    recordType: 'user',
    recordId: user.id,
    clientId: input.clientId,
    reason: 'account made with a password by a system actor',
  });
  return user;
}

// A client has one account, and an e-mail address one user.
async function assertNewClientAccount(trx: Trx, email: string, clientId: string): Promise<void> {
  if (await emailTaken(trx, email)) {
    throw new AppError('conflict', 'A user with that e-mail address already exists.', [
      { field: 'email', message: 'already exists' },
    ]);
  }
  if (await clientAccountOf(trx, clientId)) throw new AppError('conflict', 'This client already has an account.');
}

// The user id of a client's account, if they have one.
export async function clientAccountOf(db: DbOrTrx, clientId: string): Promise<string | undefined> {
  return selectClientAccount(db, clientId);
}

// The client record a signed-in client account is tied to.
export async function clientOfAccount(db: DbOrTrx, userId: string): Promise<string | undefined> {
  return selectAccountClient(db, userId);
}

// A staff member named by another module (a referral to a named specialist): who they are, where they
// work, their roles and whether they are active.
export async function staffMember(
  db: DbOrTrx,
  userId: string,
): Promise<Pick<User, 'id' | 'displayName' | 'organizationId' | 'status' | 'roles'> | undefined> {
  if (!isUuid(userId)) return undefined;
  const user = await selectUser(db, userId);
  return (
    user && {
      id: user.id,
      displayName: user.displayName,
      organizationId: user.organizationId,
      status: user.status,
      roles: user.roles,
    }
  );
}

// Staff of other organizations who take referrals (a referral to a named specialist), by words in their
// name or their organization's: work names, roles and agencies only.
export function staffElsewhere(
  db: DbOrTrx,
  options: Parameters<typeof selectStaffOfOtherOrganizations>[1],
): ReturnType<typeof selectStaffOfOtherOrganizations> {
  return selectStaffOfOtherOrganizations(db, options);
}

export function activeManagersOf(db: DbOrTrx, organizationId: string): Promise<string[]> {
  return selectActiveManagers(db, organizationId);
}

// An employer's active staff with the employer role, oldest account first (who hears of a candidate).
export function activeEmployerUsersOf(db: DbOrTrx, employerId: string): Promise<string[]> {
  return selectActiveManagers(db, employerId, 'employer_user');
}

// The person's choice of a daily e-mail digest of their unread notifications.
export function notificationDigestOf(db: DbOrTrx, userId: string): Promise<'off' | 'daily'> {
  return selectNotificationDigest(db, userId);
}
export function setNotificationDigest(db: DbOrTrx, userId: string, digest: 'off' | 'daily'): Promise<void> {
  return updateNotificationDigest(db, userId, digest);
}
export function digestRecipients(db: DbOrTrx, today: string, limit: number) {
  return claimDigestRecipients(db, today, limit);
}

// Who at the system manager hears of a stalled handoff between agencies.
export function systemMonitors(db: DbOrTrx): Promise<string[]> {
  return selectSystemMonitors(db);
}
