import type { Db, Trx } from '../../db/database.ts';
import {
  MAX_ATTEMPTS,
  newMessageSchema,
  retryDelayMinutes,
  type NewMessage,
  type SweepResult,
  type Transport,
} from './outbox.ts';
import { claimDueMessages, insertMessage, markFailedAttempt, markSent } from './outbox.queries.ts';

// Writers enqueue inside their own transaction, so a message exists exactly when its cause committed.
export async function enqueueMessage(trx: Trx, message: NewMessage): Promise<string> {
  return insertMessage(trx, newMessageSchema.parse(message));
}

// One pass of the sweep: claim a batch, deliver each outside any transaction, record the result.
export async function deliverDueMessages(
  db: Db,
  transport: Transport,
  options: { limit?: number } = {},
): Promise<SweepResult> {
  const claimed = await claimDueMessages(db, options.limit ?? 20);
  const result: SweepResult = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };
  for (const message of claimed) {
    try {
      const { ref } = await transport.deliver(message);
      await markSent(db, message.id, ref);
      result.sent++;
    } catch (error) {
      const giveUp = message.attempts >= MAX_ATTEMPTS;
      await markFailedAttempt(
        db,
        message.id,
        (error as Error).message,
        giveUp ? undefined : retryDelayMinutes(message.attempts),
      );
      if (giveUp) result.failed++;
      else result.retried++;
    }
  }
  return result;
}
