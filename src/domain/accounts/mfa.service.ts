import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import type { Trx } from '../../db/database.ts';
import { generateTotpSecret, matchTotp, otpauthUri } from '../../lib/totp.ts';
import { AppError } from '../../server/errors.ts';
import { confirmTotp, selectTotpState, setPendingTotp } from './account.queries.ts';

// Enrolment in two steps: a new secret is offered (as an otpauth:// URI for the app, and as text to
// type), and takes effect only when the user confirms a code it produced.
export async function startTotpEnrolment(trx: Trx, actor: Actor, requestId: string): Promise<{ secret: string; otpauthUri: string }> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const state = await selectTotpState(trx, actor.userId);
  if (!state) throw new AppError('unauthenticated', 'Sign in first.');
  if (state.totpSecret) throw new AppError('conflict', 'Two-step sign-in is already set up for this account.');
  const secret = generateTotpSecret();
  await setPendingTotp(trx, actor.userId, secret);
  await writeAudit(trx, actor, { action: 'auth.mfa_enrolment_start', outcome: 'succeeded', recordType: 'user', recordId: actor.userId, requestId });
  return { secret, otpauthUri: otpauthUri(secret, state.email) };
}

export async function confirmTotpEnrolment(trx: Trx, actor: Actor, code: string, requestId: string): Promise<void> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const state = await selectTotpState(trx, actor.userId);
  if (!state?.totpPendingSecret) throw new AppError('conflict', 'Start setting up two-step sign-in first.');
  const step = matchTotp(state.totpPendingSecret, code);
  if (step === undefined) {
    throw new AppError('invalid', 'That code is not the current one. Check the time on your device and try the next code.', [
      { field: 'code', message: 'not accepted' },
    ]);
  }
  await confirmTotp(trx, actor.userId, state.totpPendingSecret, step);
  await writeAudit(trx, actor, { action: 'auth.mfa_enrolment_confirm', outcome: 'succeeded', recordType: 'user', recordId: actor.userId, requestId });
}
