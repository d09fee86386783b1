import crypto from 'node:crypto';
import { anonymous, type Actor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import { blockedFor, clearKeysStartingWith, recordHit } from '../../access/rate-limit.ts';
import type { Db, Trx } from '../../db/database.ts';
import { withTransaction } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { enqueueMessage } from '../outbox/outbox.service.ts';
import type { TokenPassword } from './account.ts';
import {
  consumeAccountToken,
  insertAccountToken,
  revokeUserSessions,
  selectUserByEmail,
  selectUserForPassword,
  setPassword,
} from './account.queries.ts';
import { hashToken, signInAccountKeyPrefix } from './account.service.ts';
import { checkPasswordPolicy, describePasswordProblems, hashPassword } from './password.ts';
import type { LinkContext } from './user-admin.service.ts';

export const RESET_MINUTES = 60;
const resetLimit = { max: 3, windowSeconds: 60 * 60, blockSeconds: 60 * 60 };

// Always the same answer, whether or not the address has an account, so the form reveals nothing.
export async function requestPasswordReset(
  db: Db,
  email: string,
  context: LinkContext & { ip: string },
): Promise<void> {
  const normalized = email.trim().toLowerCase();
  const key = `password_reset:${normalized}`;
  if ((await blockedFor(db, [key])) > 0) {
    await writeAudit(db, anonymous, {
      action: 'auth.password_reset_request',
      outcome: 'denied',
      actorName: normalized,
      reason: 'throttled',
      requestId: context.requestId,
    });
    return;
  }
  await recordHit(db, { key, ...resetLimit });
  const user = await selectUserByEmail(db, normalized);
  await withTransaction(db, async (trx) => {
    if (!user || user.status !== 'active') {
      await writeAudit(trx, anonymous, {
        action: 'auth.password_reset_request',
        outcome: 'failed',
        actorName: normalized,
        reason: user ? `account_${user.status}` : 'unknown_account',
        requestId: context.requestId,
      });
      return;
    }
    const token = crypto.randomBytes(32).toString('base64url');
    await insertAccountToken(trx, {
      tokenHash: hashToken(token),
      userId: user.id,
      purpose: 'password_reset',
      expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
    });
    const link = `${context.publicUrl.replace(/\/$/, '')}/reset-password#token=${token}`;
    await enqueueMessage(trx, {
      kind: 'password_reset',
      recipient: user.email,
      subject: 'Reset your Continuum password / Réinitialiser votre mot de passe Continuum',
      bodyText:
        `Someone asked to reset the password of your Continuum account. If it was you, open this link within ${RESET_MINUTES} minutes:\n${link}\n` +
        `If it was not you, ignore this message: your password has not changed.\n\n---\n\n` +
        `Quelqu'un a demandé de réinitialiser le mot de passe de votre compte Continuum. Si c'était vous, ouvrez ce lien dans les ${RESET_MINUTES} minutes :\n${link}\n` +
        `Sinon, ignorez ce message : votre mot de passe n'a pas changé.\n`,
    });
    await writeAudit(trx, anonymous, {
      action: 'auth.password_reset_request',
      outcome: 'succeeded',
      actorName: normalized,
      actorUserId: user.id,
      actorOrganizationId: user.organizationId,
      requestId: context.requestId,
    });
  });
}

async function usePasswordToken(
  trx: Trx,
  input: TokenPassword,
  purpose: 'invitation' | 'password_reset',
  requestId: string,
): Promise<void> {
  const claimed = await consumeAccountToken(trx, hashToken(input.token), purpose);
  const action = purpose === 'invitation' ? 'auth.accept_invitation' : 'auth.password_reset';
  if (!claimed) {
    // One answer for an unknown, used or expired link.
    throw new AppError('invalid', 'This link is not valid any more. Ask for a new one.', [
      { field: 'token', message: 'unknown, used or expired' },
    ]);
  }
  const user = await selectUserForPassword(trx, claimed.userId);
  if (!user || user.status === 'disabled')
    throw new AppError('invalid', 'This link is not valid any more. Ask for a new one.');
  const problems = checkPasswordPolicy(input.password, { email: user.email, displayName: user.displayName });
  if (problems.length > 0) {
    // Nothing is used up: the transaction rolls back and the link still works for a better password.
    throw new AppError('invalid', `The password is not accepted: ${describePasswordProblems(problems)}.`, [
      { field: 'password', message: describePasswordProblems(problems) },
    ]);
  }
  await setPassword(trx, user.id, await hashPassword(input.password));
  await revokeUserSessions(trx, user.id, 'password_changed');
  // The owner of the mailbox proved it: the account's failed-sign-in blocks end with the old password.
  await clearKeysStartingWith(trx, signInAccountKeyPrefix(user.email));
  const actor: Actor = {
    kind: 'user',
    userId: user.id,
    organizationId: user.organizationId,
    roles: user.roles,
    sessionId: '',
  };
  await writeAudit(trx, actor, { action, outcome: 'succeeded', recordType: 'user', recordId: user.id, requestId });
}

export function acceptInvitation(trx: Trx, input: TokenPassword, requestId: string): Promise<void> {
  return usePasswordToken(trx, input, 'invitation', requestId);
}

export function completePasswordReset(trx: Trx, input: TokenPassword, requestId: string): Promise<void> {
  return usePasswordToken(trx, input, 'password_reset', requestId);
}
