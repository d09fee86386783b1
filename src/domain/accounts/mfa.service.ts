import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import type { Trx } from '../../db/database.ts';
import { generateTotpSecret, matchTotp, otpauthUri } from '../../lib/totp.ts';
import { isSealed, SecretBoxError, type SecretBox } from '../../lib/secret-box.ts';
import { AppError } from '../../lib/errors.ts';
import {
  confirmTotp,
  revokeUserSessions,
  selectTotpState,
  selectUserByEmail,
  setPendingTotp,
} from './account.queries.ts';

// Enrolment in two steps: a new secret is offered (as an otpauth:// URI for the app, and as text to
// type), and takes effect only when the user confirms a code it produced.
// A stored TOTP secret in the clear, or undefined when it does not open (the secrets key changed).
// Secrets stored before sealing was introduced are read as they are and sealed at their next use.
export function readTotpSecret(box: SecretBox, stored: string, userId: string): string | undefined {
  if (!isSealed(stored)) return stored;
  try {
    return box.open(stored, userId);
  } catch (error) {
    if (error instanceof SecretBoxError) return undefined;
    throw error;
  }
}

export async function startTotpEnrolment(
  trx: Trx,
  actor: Actor,
  box: SecretBox,
  requestId: string,
): Promise<{ secret: string; otpauthUri: string }> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const state = await selectTotpState(trx, actor.userId);
  if (!state) throw new AppError('unauthenticated', 'Sign in first.');
  if (state.totpSecret) throw new AppError('conflict', 'Two-step sign-in is already set up for this account.');
  const secret = generateTotpSecret();
  await setPendingTotp(trx, actor.userId, box.seal(secret, actor.userId));
  await writeAudit(trx, actor, {
    action: 'auth.mfa_enrolment_start',
    outcome: 'succeeded',
    recordType: 'user',
    recordId: actor.userId,
    requestId,
  });
  return { secret, otpauthUri: otpauthUri(secret, state.email) };
}

export async function confirmTotpEnrolment(
  trx: Trx,
  actor: Actor,
  box: SecretBox,
  code: string,
  requestId: string,
): Promise<void> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const state = await selectTotpState(trx, actor.userId);
  const pending = state?.totpPendingSecret ? readTotpSecret(box, state.totpPendingSecret, actor.userId) : undefined;
  if (!pending) throw new AppError('conflict', 'Start setting up two-step sign-in first.');
  const step = matchTotp(pending, code);
  if (step === undefined) {
    throw new AppError(
      'invalid',
      'That code is not the current one. Check the time on your device and try the next code.',
      [{ field: 'code', message: 'not accepted' }],
    );
  }
  await confirmTotp(trx, actor.userId, box.seal(pending, actor.userId), step);
  await writeAudit(trx, actor, {
    action: 'auth.mfa_enrolment_confirm',
    outcome: 'succeeded',
    recordType: 'user',
    recordId: actor.userId,
    requestId,
  });
}

// For a lost phone, or secrets sealed under a key that is gone: the account signs in with its
// password alone until its owner enrols again (which MFA_REQUIRED_ROLES then demands at once).
// Every session ends. An administrator's tool (`continuum user reset-two-step`), audited.
export async function resetTwoStep(
  trx: Trx,
  actor: Actor,
  email: string,
  requestId: string,
): Promise<{ userId: string; wasEnrolled: boolean; sessionsEnded: number }> {
  if (actor.kind !== 'system')
    throw new AppError('forbidden', 'Two-step sign-in is reset from the command line by an administrator.');
  const user = await selectUserByEmail(trx, email.trim().toLowerCase());
  if (!user) throw new AppError('not_found', `No user has the e-mail address ${email}.`);
  const wasEnrolled = user.totpSecret !== null;
  await trx
    .updateTable('users')
    .set({ totpSecret: null, totpPendingSecret: null, totpEnrolledAt: null, totpLastStep: null })
    .where('id', '=', user.id)
    .execute();
  const sessionsEnded = await revokeUserSessions(trx, user.id, 'two_step_reset');
  await writeAudit(trx, actor, {
    action: 'user.reset_two_step',
    outcome: 'succeeded',
    recordType: 'user',
    recordId: user.id,
    requestId,
  });
  return { userId: user.id, wasEnrolled, sessionsEnded };
}
