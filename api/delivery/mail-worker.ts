import type { Logger } from 'pino';
import type { OutboxMessageRecord } from '../models/outbox-message.js';
import type { Clock } from '../services/core/clock.js';
import type { Outbox } from '../services/mail/outbox.js';
import type { MailTransport } from './mail-transport.js';

export interface MailWorkerOptions {
  /** How often to look for due messages (and run `rounds`) when nothing nudges the worker. */
  pollMs: number;
  /** One attempt's limit, however the SMTP server behaves. */
  attemptTimeoutMs: number;
  /** The From address (MAIL_FROM); each message brings its display name. */
  fromAddress: string;
}

/**
 * Sends what the outbox holds, in the server process, never inside a request. Runs a round every
 * `pollMs` and as soon as this instance queues something; a round first runs the periodic tasks
 * (the daily digests), then sends until nothing is due.
 */
export class MailWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: MailWorkerOptions,
    private readonly periodicTasks: ((now: Date) => Promise<unknown>)[] = [],
  ) {}

  /** Sends in the background from now on (tests instead call `round` when they choose). */
  start(): void {
    this.outbox.whenQueued(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  /**
   * Stops starting rounds and gives the one under way a few seconds. A send that takes longer is
   * abandoned: its claim runs out and a worker sends it again, with the same Message-ID.
   */
  async stop(graceMs = 5000): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
  }

  /** Starts a round now, or right after the one in progress; nothing once stopped. */
  kick(): void {
    if (!this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'mail round failed; trying again at the next one'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** One round: the periodic tasks, then every due message. Tests call it directly. */
  async round(): Promise<void> {
    for (const task of this.periodicTasks) await task(this.clock.now());
    while (!this.stopped) {
      const message = await this.outbox.claim(this.clock.now());
      if (!message) return;
      await this.attempt(message);
    }
  }

  private async attempt(message: OutboxMessageRecord): Promise<void> {
    try {
      await withTimeout(
        this.transport.send({
          from: { name: message.fromName, address: this.options.fromAddress },
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
          headers: (message.headers ?? {}) as Record<string, string>,
        }),
        this.options.attemptTimeoutMs,
      );
      await this.outbox.markSent(message, this.clock.now());
    } catch (error) {
      const reason = describe(error);
      if (isPermanent(error)) {
        await this.outbox.markFailed(message, reason);
        this.logger.warn({ outboxId: message._id, reason }, 'mail refused for good; not retrying');
      } else {
        const outcome = await this.outbox.markRetry(message, reason, this.clock.now());
        this.logger.warn({ outboxId: message._id, reason, attempts: message.attempts, outcome }, 'mail not sent');
      }
    }
  }
}

/** An SMTP 5xx answer: the server will not take this message however often it is offered. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const { responseCode, response, message } = error as { responseCode?: number; response?: string; message?: string };
  return (response ?? (responseCode ? `${responseCode}` : message ?? String(error))).slice(0, 300);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
