import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../db/database.ts';
import { describeEachEngine } from '../../../test/db.ts';
import { deliverDueMessages, enqueueMessage } from './outbox.service.ts';
import { fileTransport, smtpTransport } from './transport.ts';
import type { Transport } from './outbox.ts';

function uniqueRecipient(): string {
  return `person-${crypto.randomBytes(4).toString('hex')}@example.org`;
}

describeEachEngine('outbox', ({ handle, engine }) => {
  let mailDir: string;
  beforeAll(() => {
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-mail-'));
  });
  afterAll(() => fs.rmSync(mailDir, { recursive: true, force: true }));

  it('delivers a committed message as an .eml file that a mail program can read', async () => {
    const db = handle().db;
    const recipient = uniqueRecipient();
    const id = await withTransaction(db, (trx) =>
      enqueueMessage(trx, {
        kind: 'invitation',
        recipient,
        subject: 'Bienvenue à Continuum — your invitation',
        bodyText: 'Open this link to set your password: https://continuum.example/invite/abc',
      }),
    );
    const lines: string[] = [];
    const transport = fileTransport(mailDir, 'Continuum <no-reply@continuum.test>', (l) => lines.push(l));
    let result = await deliverDueMessages(db, transport, { limit: 1000 });
    while (result.claimed > 0) result = await deliverDueMessages(db, transport, { limit: 1000 });
    const file = path.join(mailDir, `${id}.eml`);
    const eml = fs.readFileSync(file, 'utf8');
    expect(eml).toContain(`To: ${recipient}`);
    expect(eml).toMatch(/Subject: =\?UTF-8\?/);
    expect(eml).toContain(`Message-ID: <${id}@continuum.outbox>`);
    expect(eml).toContain('https://continuum.example/invite/abc');
    // The log line names the file, never the recipient (no personal information in logs).
    expect(lines.some((l) => l.includes(`${id}.eml`))).toBe(true);
    expect(lines.some((l) => l.includes(recipient))).toBe(false);
    const row = await db
      .selectFrom('outboxMessages')
      .select(['status', 'deliveryRef', 'sentAt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.deliveryRef).toBe(`file:${id}.eml`);
  });

  it('writes nothing when the enqueuing transaction rolls back', async () => {
    const db = handle().db;
    const recipient = uniqueRecipient();
    await expect(
      withTransaction(db, async (trx) => {
        await enqueueMessage(trx, { kind: 'notice', recipient, subject: 'x', bodyText: 'y' });
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    const rows = await db.selectFrom('outboxMessages').select('id').where('recipient', '=', recipient).execute();
    expect(rows).toHaveLength(0);
  });

  it('rejects a malformed message before it reaches the table', async () => {
    const db = handle().db;
    await expect(
      withTransaction(db, (trx) =>
        enqueueMessage(trx, { kind: 'Bad Kind', recipient: 'nobody', subject: '', bodyText: '' }),
      ),
    ).rejects.toThrow(/lower_snake_case|email/);
  });

  it('retries a failed delivery later and records the error', async () => {
    const db = handle().db;
    const recipient = uniqueRecipient();
    const id = await withTransaction(db, (trx) =>
      enqueueMessage(trx, { kind: 'notice', recipient, subject: 's', bodyText: 'b' }),
    );
    const failing: Transport = {
      kind: 'smtp',
      deliver: async (m) => {
        if (m.recipient === recipient) throw new Error('mail server said no');
        return { ref: 'other' };
      },
      close: () => undefined,
    };
    await deliverDueMessages(db, failing, { limit: 1000 });
    const row = await db
      .selectFrom('outboxMessages')
      .select(['status', 'attempts', 'lastError', 'nextAttemptAt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'mail server said no' });
    expect(new Date(row.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('delivers through SMTP when configured', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    const db = handle().db;
    const recipient = uniqueRecipient();
    const id = await withTransaction(db, (trx) =>
      enqueueMessage(trx, {
        kind: 'password_reset',
        recipient,
        subject: 'Reset your password',
        bodyText: 'Use code 1234.',
      }),
    );
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'Continuum <no-reply@continuum.test>');
    let result = await deliverDueMessages(db, transport, { limit: 1000 });
    while (result.claimed > 0) result = await deliverDueMessages(db, transport, { limit: 1000 });
    transport.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const message = received.find((m) => m.includes(`<${id}@continuum.outbox>`));
    expect(message).toBeDefined();
    expect(message).toContain('Use code 1234.');
    const row = await db.selectFrom('outboxMessages').select(['status']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
  });

  // PGlite has one connection, so races can only happen on a PostgreSQL server.
  it.runIf(engine === 'postgres')('never delivers a message twice when several processes sweep at once', async () => {
    const db = handle().db;
    const recipients = Array.from({ length: 40 }, uniqueRecipient);
    await withTransaction(db, async (trx) => {
      for (const recipient of recipients)
        await enqueueMessage(trx, { kind: 'notice', recipient, subject: 's', bodyText: 'b' });
    });
    const deliveries: string[] = [];
    const slow: Transport = {
      kind: 'smtp',
      deliver: async (m) => {
        deliveries.push(m.recipient);
        await new Promise((r) => setTimeout(r, 5));
        return { ref: 'ok' };
      },
      close: () => undefined,
    };
    const sweeper = async () => {
      for (;;) {
        const pass = await deliverDueMessages(db, slow, { limit: 3 });
        if (pass.claimed === 0) return;
      }
    };
    await Promise.all([sweeper(), sweeper(), sweeper(), sweeper()]);
    const ours = deliveries.filter((r) => recipients.includes(r));
    expect(ours.sort()).toEqual([...recipients].sort());
  });
});
