import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emlCopies, fileTransport, smtpTransport, type MailTransport } from '../../api/delivery/mail-transport.js';
import { createServices } from '../../api/services/services.js';
import { MailWorker } from '../../api/delivery/mail-worker.js';
import { DEFAULT_RETRY_POLICY, Outbox, type MailRequest } from '../../api/services/mail/outbox.js';
import { startSilentServer, TestSmtpServer } from '../support/smtp.js';
import { useTestContext } from '../support/test-context.js';

const ctx = useTestContext();
const smtp = new TestSmtpServer();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeAll(() => smtp.start());
afterAll(() => smtp.stop());
beforeEach(async () => {
  await ctx.models.OutboxMessage.deleteMany({});
  smtp.received.length = 0;
  smtp.answer = 250;
});

const outbox = () => new Outbox(ctx.models, 'rapport.test', DEFAULT_RETRY_POLICY);
const workerFor = (box: Outbox, transport: MailTransport, attemptTimeoutMs = 2000) =>
  new MailWorker(box, transport, ctx.clock, pino({ level: 'silent' }), { pollMs: 60_000, attemptTimeoutMs, fromAddress: 'rapport@rapport.test' });

function message(n: number): MailRequest {
  return {
    key: `test:${n}`,
    kind: 'author-comment',
    siteId: 'delivery',
    fromName: 'Delivery blog',
    to: `person${n}@example.com`,
    subject: `Message ${n}`,
    text: `Text ${n}\n`,
    html: `<p>Text ${n}</p>`,
  };
}

const states = async () => (await ctx.models.OutboxMessage.find({}).sort({ _id: 1 }).lean()).map((m) => ({ status: m.status, attempts: m.attempts }));
const messageIds = () => smtp.received.map((mail) => mail.parsed.messageId);

describe('the outbox and its worker, against a real SMTP server', () => {
  it('queues one message per event however often the event is reported', async () => {
    const box = outbox();
    const results = await Promise.all(Array.from({ length: 20 }, () => box.enqueue(message(1), ctx.clock.now())));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await ctx.models.OutboxMessage.countDocuments()).toBe(1);
  });

  it('retries while the server answers 451, backing off, and then delivers each message exactly once', async () => {
    const box = outbox();
    const worker = workerFor(box, smtpTransport(smtp.url, 2000));
    for (const n of [1, 2, 3]) await box.enqueue(message(n), ctx.clock.now());
    smtp.answer = 451;
    await worker.round();
    expect(await states()).toEqual([1, 2, 3].map(() => ({ status: 'queued', attempts: 1 })));
    const after = await ctx.models.OutboxMessage.findOne({ _id: 'test:1' }).lean();
    expect(after!.dueAt.getTime() - ctx.clock.now().getTime()).toBe(MINUTE);
    expect(after!.lastError).toMatch(/451/);

    // Not due yet: nothing is tried.
    await worker.round();
    expect((await states()).map((s) => s.attempts)).toEqual([1, 1, 1]);

    ctx.clock.advance(MINUTE);
    await worker.round();
    const second = await ctx.models.OutboxMessage.findOne({ _id: 'test:1' }).lean();
    expect(second!.attempts).toBe(2);
    expect(second!.dueAt.getTime() - ctx.clock.now().getTime()).toBe(2 * MINUTE);

    smtp.answer = 250;
    ctx.clock.advance(2 * MINUTE);
    await worker.round();
    await worker.round();
    expect(await states()).toEqual([1, 2, 3].map(() => ({ status: 'sent', attempts: 3 })));
    expect(smtp.received.map((m) => m.parsed.subject).sort()).toEqual(['Message 1', 'Message 2', 'Message 3']);
    expect(new Set(messageIds()).size).toBe(3);
  });

  it('marks a message failed at once when the server answers 550, and never tries it again', async () => {
    const box = outbox();
    const worker = workerFor(box, smtpTransport(smtp.url, 2000));
    await box.enqueue(message(1), ctx.clock.now());
    smtp.answer = 550;
    await worker.round();
    smtp.answer = 250;
    ctx.clock.advance(2 * HOUR);
    await worker.round();
    const failed = await ctx.models.OutboxMessage.findOne({ _id: 'test:1' }).lean();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.lastError).toMatch(/550/);
    expect(smtp.received).toHaveLength(0);
    expect((await box.report('delivery')).counts).toEqual({ queued: 0, sending: 0, sent: 0, failed: 1 });
  });

  it('gives up on a message that keeps failing for a day', async () => {
    const box = outbox();
    const worker = workerFor(box, smtpTransport(smtp.url, 2000));
    await box.enqueue(message(1), ctx.clock.now());
    smtp.answer = 451;
    for (let hour = 0; hour < 26; hour++) {
      await worker.round();
      ctx.clock.advance(HOUR);
    }
    const given = await ctx.models.OutboxMessage.findOne({ _id: 'test:1' }).lean();
    expect(given!.status).toBe('failed');
    expect(given!.lastError).toMatch(/^gave up after \d+ attempts: .*451/);
    // Doubling from one minute, capped at an hour: about 30 attempts in a day, not thousands.
    expect(given!.attempts).toBeGreaterThan(5);
    expect(given!.attempts).toBeLessThan(35);
  });

  it('times out an attempt on a server that accepts the connection and never speaks, and tries again later', async () => {
    const silent = await startSilentServer();
    try {
      const box = outbox();
      const worker = workerFor(box, smtpTransport(silent.url, 300), 1000);
      await box.enqueue(message(1), ctx.clock.now());
      const started = Date.now();
      await worker.round();
      expect(Date.now() - started).toBeLessThan(5000);
      const waiting = await ctx.models.OutboxMessage.findOne({ _id: 'test:1' }).lean();
      expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
      expect(waiting!.lastError).toMatch(/greeting never received|timeout|no answer/i);

      // The same message, once a server answers, goes out.
      const worker2 = workerFor(box, smtpTransport(smtp.url, 2000));
      ctx.clock.advance(MINUTE);
      await worker2.round();
      expect(await states()).toEqual([{ status: 'sent', attempts: 2 }]);
      expect(smtp.received).toHaveLength(1);
    } finally {
      await silent.stop();
    }
  });

  it('stops within its grace period even while a send hangs, leaving the message to be sent again', async () => {
    const silent = await startSilentServer();
    try {
      const box = outbox();
      await box.enqueue(message(1), ctx.clock.now());
      const worker = workerFor(box, smtpTransport(silent.url, 30_000), 30_000);
      worker.start();
      await expect.poll(async () => (await ctx.models.OutboxMessage.findById('test:1').lean())!.status).toBe('sending');
      const started = Date.now();
      await worker.stop(300);
      expect(Date.now() - started).toBeLessThan(2000);
      expect((await ctx.models.OutboxMessage.findById('test:1').lean())!.status).toBe('sending');
    } finally {
      await silent.stop();
    }
  });

  it('resends a message whose worker died mid-send once its lease runs out, with the same Message-ID', async () => {
    const box = outbox();
    await box.enqueue(message(1), ctx.clock.now());
    // A worker claims it and dies before recording anything.
    const claimed = await box.claim(ctx.clock.now());
    expect(claimed?._id).toBe('test:1');
    const worker = workerFor(box, smtpTransport(smtp.url, 2000));
    await worker.round();
    expect(smtp.received).toHaveLength(0);
    ctx.clock.advance(DEFAULT_RETRY_POLICY.leaseMs);
    await worker.round();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.parsed.messageId).toBe(claimed!.messageId);
    expect(await states()).toEqual([{ status: 'sent', attempts: 2 }]);
  });

  it('lets two workers drain one outbox without sending anything twice', async () => {
    const box = outbox();
    for (let n = 1; n <= 20; n++) await box.enqueue(message(n), ctx.clock.now());
    await Promise.all([workerFor(box, smtpTransport(smtp.url, 2000)).round(), workerFor(box, smtpTransport(smtp.url, 2000)).round()]);
    expect(smtp.received).toHaveLength(20);
    expect(new Set(messageIds()).size).toBe(20);
  });

  it('removes the .eml copies of an erased reader’s mail, and only theirs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-eml-'));
    try {
      const box = outbox();
      for (const n of [1, 2]) await box.enqueue(message(n), ctx.clock.now());
      await workerFor(box, fileTransport(dir, pino({ level: 'silent' }))).round();
      expect(fs.readdirSync(dir)).toHaveLength(2);
      const kept = (await ctx.models.OutboxMessage.findOne({ to: 'person2@example.com' }).lean())!.messageId;
      const services = createServices(ctx.models, 'test-secret-test-secret-test-secret', { publicUrl: 'http://127.0.0.1:9', mailCopies: emlCopies(dir) });
      await services.siteData.eraseReader('Person1@example.com', ctx.clock.now());
      const left = fs.readdirSync(dir).map((file) => fs.readFileSync(path.join(dir, file), 'utf8'));
      expect(left).toHaveLength(1);
      expect(left[0]).toContain(`Message-ID: ${kept}`);
      expect(left.join('\n')).not.toContain('person1@example.com');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes each message as an .eml file when no SMTP server is set', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-eml-'));
    try {
      const box = outbox();
      await box.enqueue({ ...message(1), headers: { 'List-Unsubscribe': '<http://127.0.0.1:9/mail/unsubscribe?t=x>' } }, ctx.clock.now());
      await workerFor(box, fileTransport(dir, pino({ level: 'silent' }))).round();
      const files = fs.readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = fs.readFileSync(path.join(dir, files[0]!), 'utf8');
      expect(eml).toMatch(/^To: person1@example\.com$/m);
      expect(eml).toMatch(/^Subject: Message 1$/m);
      expect(eml).toMatch(/^From: "?Delivery blog"? <rapport@rapport\.test>$/m);
      expect(eml).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:9\/mail\/unsubscribe\?t=x>$/m);
      expect(eml).toMatch(/^Message-ID: <[\w-]+@rapport\.test>$/m);
      expect(await states()).toEqual([{ status: 'sent', attempts: 1 }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
