import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { OutgoingMessage, Transport } from './outbox.ts';

function mailOptions(from: string, message: OutgoingMessage) {
  return {
    from,
    to: message.recipient,
    subject: message.subject,
    text: message.bodyText,
    ...(message.bodyHtml ? { html: message.bodyHtml } : {}),
    // A stable Message-ID per outbox row lets a receiver drop the duplicate of a retried delivery.
    messageId: `<${message.id}@continuum.outbox>`,
    headers: { 'X-Continuum-Kind': message.kind },
  };
}

export function smtpTransport(url: string, from: string): Transport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    deliver: async (message) => {
      const info = await transporter.sendMail(mailOptions(from, message));
      return { ref: `smtp:${info.response}`.slice(0, 500) };
    },
    close: () => transporter.close(),
  };
}

// Without SMTP, each message becomes an .eml file (RFC 5322, openable by any mail program).
export function fileTransport(dir: string, from: string, log: (line: string) => void = console.log): Transport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    deliver: async (message) => {
      const info = await transporter.sendMail(mailOptions(from, message));
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, `${message.id}.eml`);
      const temporary = `${file}.partial`;
      fs.writeFileSync(temporary, info.message as Buffer, { mode: 0o600 });
      fs.renameSync(temporary, file);
      // The recipient's address stays in the file: no log line carries personal information.
      log(`[outbox] ${message.kind} message written to ${file}`);
      return { ref: `file:${path.basename(file)}` };
    },
    close: () => undefined,
  };
}

export function createTransport(options: {
  smtpUrl: string | undefined;
  mailDir: string;
  from: string;
  log?: (line: string) => void;
}): Transport {
  return options.smtpUrl
    ? smtpTransport(options.smtpUrl, options.from)
    : fileTransport(options.mailDir, options.from, options.log);
}
