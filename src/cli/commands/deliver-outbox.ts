import { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import { deliverDueMessages } from '../../domain/outbox/outbox.service.ts';
import { countByStatus } from '../../domain/outbox/outbox.queries.ts';
import { createTransport } from '../../domain/outbox/transport.ts';
import { mailDir, openDatabaseFromConfig } from '../../server/main.ts';

export function outboxCommand(): Command {
  const outbox = new Command('outbox').description('Outgoing messages (invitations, password resets, notices)');
  outbox
    .command('deliver')
    .description('Deliver every due message now (through SMTP_URL, or as .eml files in the data directory)')
    .action(async () => {
      const config = loadConfig();
      const handle = await openDatabaseFromConfig(config, 'continuum outbox deliver');
      const transport = createTransport({ smtpUrl: config.smtpUrl, mailDir: mailDir(config), from: config.mailFrom });
      try {
        let total = { sent: 0, retried: 0, failed: 0 };
        for (;;) {
          const pass = await deliverDueMessages(handle.db, transport, { limit: 50 });
          total = {
            sent: total.sent + pass.sent,
            retried: total.retried + pass.retried,
            failed: total.failed + pass.failed,
          };
          if (pass.claimed === 0) break;
        }
        console.log(`Sent ${total.sent}, will retry ${total.retried}, gave up on ${total.failed}.`);
        console.log(JSON.stringify(await countByStatus(handle.db)));
      } finally {
        transport.close();
        await handle.close();
      }
    });
  return outbox;
}
