import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Clock } from '../services/core/clock.js';
import type { Services } from '../services/services.js';
import { fileTransport, smtpTransport } from './mail-transport.js';
import { MailWorker } from './mail-worker.js';

/** Where mail goes when no SMTP_URL is set. */
export function outboxMailDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'outbox-mail');
}

/** The server's mail worker: SMTP when SMTP_URL is set, else `.eml` files beside the database. */
export function createMailWorker(config: Pick<Config, 'mail' | 'dataDir'>, services: Services, clock: Clock, logger: Logger): MailWorker {
  const transport = config.mail.smtpUrl
    ? smtpTransport(config.mail.smtpUrl, config.mail.timeoutMs)
    : fileTransport(outboxMailDir(config), logger);
  logger.info({ mail: transport.description }, `mail: ${transport.description}, from ${config.mail.from}`);
  return new MailWorker(
    services.outbox,
    transport,
    clock,
    logger,
    { pollMs: config.mail.pollMs, attemptTimeoutMs: config.mail.timeoutMs, fromAddress: config.mail.from },
    [(now) => services.digests.queueDue(now)],
  );
}
