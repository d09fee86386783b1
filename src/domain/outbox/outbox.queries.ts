import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { NewMessage, OutgoingMessage } from './outbox.ts';

// A claim older than this belongs to a process that died mid-delivery: the message is due again.
const STALE_CLAIM_MINUTES = 10;

export async function insertMessage(db: DbOrTrx, message: NewMessage): Promise<string> {
  const row = await db
    .insertInto('outboxMessages')
    .values({
      kind: message.kind,
      recipient: message.recipient,
      subject: message.subject,
      bodyText: message.bodyText,
      bodyHtml: message.bodyHtml ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// Claims due messages so that several server processes never deliver the same one at once:
// SKIP LOCKED lets each process take a different batch.
export async function claimDueMessages(db: DbOrTrx, limit: number): Promise<OutgoingMessage[]> {
  const { rows } = await sql<OutgoingMessage & { bodyHtml: string | null }>`
    update outbox_messages
       set status = 'sending', claimed_at = now(), attempts = attempts + 1
     where id in (
       select id from outbox_messages
        where (status = 'pending' and next_attempt_at <= now())
           or (status = 'sending' and claimed_at < now() - make_interval(mins => ${STALE_CLAIM_MINUTES}))
        order by next_attempt_at
        limit ${limit}
        for update skip locked)
    returning id, kind, recipient, subject, body_text as "bodyText", body_html as "bodyHtml", attempts`.execute(db);
  return rows.map(({ bodyHtml, ...m }) => ({ ...m, ...(bodyHtml ? { bodyHtml } : {}) }));
}

export async function markSent(db: DbOrTrx, id: string, ref: string): Promise<void> {
  await db
    .updateTable('outboxMessages')
    .set({ status: 'sent', sentAt: sql`now()`, deliveryRef: ref, lastError: null })
    .where('id', '=', id)
    .execute();
}

export async function markFailedAttempt(
  db: DbOrTrx,
  id: string,
  error: string,
  retryInMinutes: number | undefined,
): Promise<void> {
  await db
    .updateTable('outboxMessages')
    .set({
      status: retryInMinutes === undefined ? 'failed' : 'pending',
      lastError: error.slice(0, 1000),
      ...(retryInMinutes === undefined ? {} : { nextAttemptAt: sql`now() + make_interval(mins => ${retryInMinutes})` }),
    })
    .where('id', '=', id)
    .execute();
}

export async function countByStatus(db: DbOrTrx): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outboxMessages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
