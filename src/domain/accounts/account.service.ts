import crypto from 'node:crypto';
import type { Actor, UserActor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import type { Db, Trx } from '../../db/database.ts';
import { withTransaction } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { getOrganization } from '../organizations/organization.service.ts';
import { blockedFor, clearKey, recordHit, type StoredRequestCount } from '../../access/rate-limit.ts';
import { assertRolesFit } from '../../access/authorize.ts';
import { sessionCan } from '../../access/decide-can.ts';
import type { Login, NewUser, Role, SessionInfo, User } from './account.ts';
import {
  claimTotpStep,
  emailTaken,
  insertSession,
  insertUser,
  revokeSession,
  revokeUserSessions,
  selectActiveSession,
  selectUser,
  selectUserByEmail,
  touchSession,
} from './account.queries.ts';
import type { ActiveSession, SessionWithFacts } from '../../access/facts/session-facts.ts';
import { matchTotp } from '../../lib/totp.ts';
import { isSealed, type SecretBox } from '../../lib/secret-box.ts';
import { readTotpSecret } from './mfa.service.ts';
import {
  checkPasswordPolicy,
  describePasswordProblems,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from './password.ts';

export type SessionPolicy = { idleMinutes: number; absoluteHours: number; mfaRequiredRoles?: readonly Role[] };
export const defaultSessionPolicy: SessionPolicy = { idleMinutes: 30, absoluteHours: 12, mfaRequiredRoles: [] };

export function mfaEnrolmentRequired(
  user: { roles: readonly Role[]; mfaEnrolled: boolean },
  policy: SessionPolicy,
): boolean {
  return !user.mfaEnrolled && user.roles.some((r) => policy.mfaRequiredRoles?.includes(r));
}

// Session tokens: 256 random bits in the cookie; only their SHA-256 is stored.
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export async function createUser(trx: Trx, actor: Actor, input: NewUser & { password?: string }): Promise<User> {
  if (actor.kind !== 'system') throw new AppError('forbidden', 'Only an administrator can create users.');
  const organization = await getOrganization(trx, actor, input.organizationId);
  assertRolesFit(organization.type, input.roles);
  if (await emailTaken(trx, input.email)) {
    throw new AppError('conflict', 'A user with that e-mail address already exists.', [
      { field: 'email', message: 'already exists' },
    ]);
  }
  let passwordHash: string | null = null;
  if (input.password !== undefined) {
    const problems = checkPasswordPolicy(input.password, { email: input.email, displayName: input.displayName });
    if (problems.length > 0) {
      throw new AppError('invalid', `The password is not accepted: ${describePasswordProblems(problems)}.`, [
        { field: 'password', message: describePasswordProblems(problems) },
      ]);
    }
    passwordHash = await hashPassword(input.password);
  }
  const user = await insertUser(trx, {
    organizationId: input.organizationId,
    email: input.email,
    displayName: input.displayName,
    preferredLanguage: input.preferredLanguage,
    passwordHash,
    roles: [...new Set(input.roles)],
  });
  await writeAudit(trx, actor, { action: 'user.create', outcome: 'succeeded', recordType: 'user', recordId: user.id });
  return user;
}

// Failed sign-ins are throttled per account and source address (so an attacker elsewhere cannot
// lock the real user out), and per source address across accounts (credential stuffing).
export const signInLimits = {
  accountAndAddress: { max: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  address: { max: 50, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
};

export type SignInResult = { token: string; session: SessionInfo };

// The failed-sign-in counters of one account, one per source address.
export function signInAccountKeyPrefix(email: string): string {
  return `sign_in:account_address:${email.trim().toLowerCase()}|`;
}

// One answer for an unknown account, a disabled one and a wrong password, so sign-in does not
// reveal which e-mail addresses have accounts. Every attempt is audited.
export async function signIn(
  db: Db,
  input: Login,
  context: { requestId: string; userAgent: string | null; ip: string; policy: SessionPolicy; secretBox: SecretBox },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const pairKey = `${signInAccountKeyPrefix(email)}${context.ip}`;
  const addressKey = `sign_in:address:${context.ip}`;
  const waitSeconds = await blockedFor(db, [pairKey, addressKey]);
  if (waitSeconds > 0) {
    await writeAudit(
      db,
      { kind: 'anonymous' },
      {
        action: 'auth.sign_in',
        outcome: 'denied',
        actorName: email.slice(0, 254),
        reason: 'throttled',
        requestId: context.requestId,
      },
    );
    throw new AppError(
      'rate_limited',
      `Too many failed sign-ins. Try again in ${Math.ceil(waitSeconds / 60)} minute(s), or from another network.`,
      [],
      waitSeconds,
    );
  }
  const user = await selectUserByEmail(db, email);
  const ok =
    user && user.status === 'active' && user.passwordHash
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);
  // Users with two-step sign-in also give the current code; a wrong, missing or replayed code
  // counts as a failed attempt like a wrong password.
  let failure: string | undefined = !user
    ? 'unknown_account'
    : user.status !== 'active'
      ? `account_${user.status}`
      : !ok
        ? 'wrong_password'
        : undefined;
  let resealTotp: string | undefined;
  if (!failure && user?.totpSecret) {
    const secret = readTotpSecret(context.secretBox, user.totpSecret, user.id);
    if (secret !== undefined && !isSealed(user.totpSecret)) resealTotp = context.secretBox.seal(secret, user.id);
    const step = input.code && secret !== undefined ? matchTotp(secret, input.code) : undefined;
    if (secret === undefined) failure = 'mfa_secret_unreadable';
    else if (!input.code) failure = 'mfa_code_missing';
    else if (step === undefined) failure = 'mfa_code_wrong';
    else if (!(await claimTotpStep(db, user.id, step))) failure = 'mfa_code_replayed';
  }
  if (failure || !user) {
    await writeAudit(
      db,
      { kind: 'anonymous' },
      {
        action: 'auth.sign_in',
        outcome: 'failed',
        actorName: email.slice(0, 254),
        ...(user ? { actorUserId: user.id, actorOrganizationId: user.organizationId } : {}),
        reason: failure ?? 'unknown_account',
        requestId: context.requestId,
      },
    );
    // A right password without the code yet is the first step of a two-step sign-in, not a guess:
    // counting it would spend one of the five attempts on every ordinary sign-in.
    if (failure !== 'mfa_code_missing') {
      await recordHit(db, { key: pairKey, ...signInLimits.accountAndAddress });
      await recordHit(db, { key: addressKey, ...signInLimits.address });
    }
    if (failure === 'mfa_secret_unreadable') {
      // The password was right; only an administrator can help (`continuum user reset-two-step`).
      throw new AppError(
        'unauthenticated',
        'Two-step sign-in cannot be checked for this account. Ask an administrator to reset it.',
        [{ field: 'code', message: 'cannot be checked' }],
      );
    }
    if (failure === 'mfa_code_missing' || failure === 'mfa_code_wrong' || failure === 'mfa_code_replayed') {
      throw new AppError('unauthenticated', 'Enter the current 6-digit code from your authenticator app.', [
        { field: 'code', message: failure === 'mfa_code_missing' ? 'required' : 'not accepted' },
      ]);
    }
    throw new AppError('unauthenticated', 'The e-mail address or password is not correct.');
  }
  await clearKey(db, pairKey);
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + context.policy.absoluteHours * 3_600_000);
  return withTransaction(db, async (trx) => {
    if (resealTotp) await trx.updateTable('users').set({ totpSecret: resealTotp }).where('id', '=', user.id).execute();
    const session = await insertSession(trx, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      absoluteExpiresAt: expiresAt,
      userAgent: context.userAgent?.slice(0, 300) ?? null,
    });
    const actor: UserActor = {
      kind: 'user',
      userId: user.id,
      organizationId: user.organizationId,
      roles: user.roles,
      sessionId: session.id,
    };
    await writeAudit(trx, actor, {
      action: 'auth.sign_in',
      outcome: 'succeeded',
      recordType: 'session',
      recordId: session.id,
      requestId: context.requestId,
    });
    const { passwordHash: _hash, totpSecret: _secret, ...publicUser } = user;
    return {
      token,
      session: {
        user: publicUser,
        mfaEnrolmentRequired: mfaEnrolmentRequired(publicUser, context.policy),
        can: sessionCan(actor),
        csrfToken,
        expiresAt: expiresAt.toISOString(),
      },
    };
  });
}

export type ResolvedSession = {
  actor: UserActor;
  // The signed-in user as GET /api/auth/session shows them, read in the same statement.
  user: User;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  requestCount: StoredRequestCount;
  // With a client's facts: the digest of what the access decision reads (account.queries.ts).
  decisionHash?: string;
};

// Looks up the session behind a cookie's token, in one statement; idle time restarts at most once a
// minute to keep reads from writing on every request.
export async function resolveSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  requestWindowSeconds = 60,
  // A GET request for one client's file: that client's facts for the user, read in the same statement.
  client?: { clientId: string; today: string },
): Promise<ResolvedSession | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const session = await selectActiveSession(db, hashToken(token), policy.idleMinutes, requestWindowSeconds, client);
  if (!session) return undefined;
  if (Date.now() - new Date(session.lastSeenAt).getTime() > SESSION_TOUCH_MS) await touchSession(db, session.id);
  return resolvedOf(session, policy, client);
}

// Idle time restarts when a request comes more than this long after the last restart.
export const SESSION_TOUCH_MS = 60_000;

// The session as the request path uses it: the actor (with the client's facts, when read), the user.
export function resolvedOf(
  session: ActiveSession | SessionWithFacts,
  policy: SessionPolicy,
  client: { clientId: string; today: string } | undefined,
): ResolvedSession {
  const withFacts = 'decisionHash' in session ? session : undefined;
  return {
    actor: {
      kind: 'user',
      userId: session.userId,
      organizationId: session.organizationId,
      roles: session.roles,
      sessionId: session.id,
      mfaEnrolmentRequired: mfaEnrolmentRequired(session, policy),
      ...(withFacts && client ? { clientFacts: { ...client, facts: withFacts.clientFacts } } : {}),
    },
    user: {
      id: session.userId,
      organizationId: session.organizationId,
      email: session.email,
      displayName: session.displayName,
      status: 'active',
      preferredLanguage: session.preferredLanguage,
      roles: session.roles,
      mfaEnrolled: session.mfaEnrolled,
    },
    csrfToken: session.csrfToken,
    expiresAt: new Date(session.absoluteExpiresAt),
    lastSeenAt: new Date(session.lastSeenAt),
    requestCount: session.requestCount,
    ...(withFacts ? { decisionHash: withFacts.decisionHash } : {}),
  };
}

export async function getCurrentUser(db: Db, actor: Actor): Promise<User> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const user = await selectUser(db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first.');
  return user;
}

export async function signOut(trx: Trx, actor: Actor, requestId: string): Promise<void> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  await revokeSession(trx, actor.sessionId, 'sign_out');
  await writeAudit(trx, actor, {
    action: 'auth.sign_out',
    outcome: 'succeeded',
    recordType: 'session',
    recordId: actor.sessionId,
    requestId,
  });
}

export async function signOutEverywhere(trx: Trx, actor: Actor, requestId: string): Promise<number> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const ended = await revokeUserSessions(trx, actor.userId, 'sign_out_everywhere');
  await writeAudit(trx, actor, {
    action: 'auth.sign_out_everywhere',
    outcome: 'succeeded',
    recordType: 'user',
    recordId: actor.userId,
    requestId,
  });
  return ended;
}
