import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import { smtpTransport } from '../../api/delivery/mail-transport.js';
import { MailWorker } from '../../api/delivery/mail-worker.js';
import { TestSmtpServer, type ReceivedMail } from './smtp.js';
import { BLOG_ORIGIN } from './factories.js';
import type { TestContext } from './test-context.js';

export interface MailContext {
  smtp: TestSmtpServer;
  /** One worker round at the test clock's time: digests due, then everything queued is sent. */
  deliver(): Promise<void>;
}

/** A real SMTP server for a test file, and a mail worker on the test context's outbox. */
export function useMail(ctx: TestContext): MailContext {
  const smtp = new TestSmtpServer();
  let worker: MailWorker;
  beforeAll(async () => {
    await smtp.start();
    worker = new MailWorker(
      ctx.services.outbox,
      smtpTransport(smtp.url, 2000),
      ctx.clock,
      pino({ level: 'silent' }),
      { pollMs: 60_000, attemptTimeoutMs: 5000, fromAddress: 'rapport@127.0.0.1' },
      [(now) => ctx.services.digests.queueDue(now)],
    );
  });
  afterAll(() => smtp.stop());
  return { smtp, deliver: () => worker.round() };
}

/** The first link in a mail's text part that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const found = (mail.parsed.text ?? '').split(/\s+/).find((word) => word.startsWith(prefix));
  if (!found) throw new Error(`no link starting with ${prefix} in:\n${mail.parsed.text}`);
  return found;
}

/** Every href in a mail's HTML part. */
export function hrefsIn(mail: ReceivedMail): string[] {
  return [...String(mail.parsed.html).matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** A reader comment through the public API, on the mail tests' page "On gardens" (by Ann unless `fields` say otherwise). */
export function postOnGardens(ctx: TestContext, siteId: string, fields: Record<string, unknown>) {
  return request(ctx.app)
    .post('/api/comments')
    .set('Origin', BLOG_ORIGIN)
    .send({ site: siteId, page: '/post/', pageTitle: 'On gardens', pageUrl: `${BLOG_ORIGIN}/post/`, name: 'Ann', ...fields });
}
