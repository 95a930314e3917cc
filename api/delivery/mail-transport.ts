import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { MailCopies } from '../services/data/site-data.js';

/** A composed message as the outbox keeps it. */
export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/** Hands one message to the next hop; throws on failure (with `responseCode` when SMTP gave one). */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  /** Where mail goes, for the start-up log line. */
  readonly description: string;
}

/**
 * Mail through an SMTP server (`SMTP_URL`, e.g. `smtps://user:pass@smtp.example.com`). One
 * connection per message, each with its own timeouts, so a server that accepts and then stays
 * silent fails this attempt instead of holding the message.
 */
export function smtpTransport(url: string, timeoutMs: number): MailTransport {
  const transporter = nodemailer.createTransport({ url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  const host = new URL(url).host.replace(/^.*@/, '');
  return {
    description: `SMTP server ${host}`,
    async send(mail) {
      await transporter.sendMail(mail);
    },
  };
}

/**
 * Without an SMTP server, each message becomes an `.eml` file in `directory` (a mail program
 * opens it as it would have arrived), named by its outbox id so a resend overwrites, not doubles.
 */
export function fileTransport(directory: string, logger: Logger): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `files in ${directory}`,
    async send(mail) {
      const { message } = (await composer.sendMail(mail)) as { message: Buffer };
      await fs.mkdir(directory, { recursive: true });
      const file = path.join(directory, `${fileNameFor(mail.messageId)}.eml`);
      await fs.writeFile(file, message);
      logger.info({ file, subject: mail.subject }, `mail written to ${file} (no SMTP_URL set)`);
    },
  };
}

/**
 * Removes the `.eml` copies `fileTransport` wrote for these messages: an erased reader's mail
 * must not outlive them on disk. Copies already gone are no error.
 */
export function emlCopies(directory: string): MailCopies {
  return {
    async forget(messageIds) {
      await Promise.all(messageIds.map((id) => fs.rm(path.join(directory, `${fileNameFor(id)}.eml`), { force: true })));
    },
  };
}

/** A Message-ID such as `<abc@host>` as a safe file name. */
function fileNameFor(messageId: string): string {
  return messageId.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');
}
