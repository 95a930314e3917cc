import crypto from 'node:crypto';
import type { Models } from '../../models/models.js';
import type { DeliveryReport } from '../../../contract/author-api.js';
import type { MailKind, OutboxStatus } from '../../../contract/enums.js';
import type { OutboxMessageRecord } from '../../models/outbox-message.js';
import type { MailBody } from './mail-layout.js';
import { isDuplicateKey } from '../core/duplicate-key.js';

/** How long and how often a message is retried after temporary failures. */
export interface RetryPolicy {
  /** The wait after the first failure; each later one doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** After this long since it was queued, a message that still fails is given up on. */
  giveUpAfterMs: number;
  /** How long a claimed message belongs to its worker; longer than one attempt can take. */
  leaseMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  firstDelayMs: 60_000,
  maxDelayMs: 3_600_000,
  giveUpAfterMs: 24 * 3_600_000,
  leaseMs: 120_000,
};

/** What a notification asks the outbox to send; the key names the event it is for. */
export interface MailRequest extends MailBody {
  key: string;
  kind: MailKind;
  siteId: string;
  fromName: string;
  to: string;
  subject: string;
  headers?: Record<string, string>;
}

/**
 * The mail queue in MongoDB. Writes only insert; workers on any number of instances claim a due
 * message atomically, so each attempt is made by one worker, and a worker that dies mid-send
 * loses its claim when the lease runs out.
 */
export class Outbox {
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly models: Models,
    /** The host part of every Message-ID (PUBLIC_URL's host). */
    private readonly messageIdHost: string,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  /** Queues a message unless its event already queued one; true if this call queued it. */
  async enqueue(request: MailRequest, now: Date): Promise<boolean> {
    const { key, ...mail } = request;
    const digest = crypto.createHash('sha256').update(key).digest('base64url').slice(0, 24);
    try {
      const result = await this.models.OutboxMessage.updateOne(
        { _id: key },
        {
          $setOnInsert: {
            ...mail,
            headers: mail.headers ?? {},
            messageId: `<${digest}@${this.messageIdHost}>`,
            status: 'queued',
            attempts: 0,
            dueAt: now,
            createdAt: now,
          },
        },
        { upsert: true },
      );
      const queued = result.upsertedCount === 1;
      if (queued) for (const listener of this.listeners) listener();
      return queued;
    } catch (error) {
      // Two upserts of one key at the same moment: one inserted, the other lost the race. Either way, queued once.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Calls `listener` after each message this instance queues (a worker starts sending at once). */
  whenQueued(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Takes the most overdue message that is due (or whose worker's lease ran out), or null. */
  claim(now: Date): Promise<OutboxMessageRecord | null> {
    return this.models.OutboxMessage.findOneAndUpdate(
      { $or: [{ status: 'queued', dueAt: { $lte: now } }, { status: 'sending', leaseUntil: { $lte: now } }] },
      { $set: { status: 'sending', leaseUntil: new Date(now.getTime() + this.policy.leaseMs) }, $inc: { attempts: 1 } },
      { sort: { dueAt: 1 }, returnDocument: 'after', lean: true },
    ) as Promise<OutboxMessageRecord | null>;
  }

  async markSent(message: OutboxMessageRecord, now: Date): Promise<void> {
    await this.models.OutboxMessage.updateOne(ownClaim(message), { $set: { status: 'sent', sentAt: now, leaseUntil: null, lastError: null } });
  }

  /** A permanent refusal (an SMTP 5xx): not retried. */
  async markFailed(message: OutboxMessageRecord, reason: string): Promise<void> {
    await this.models.OutboxMessage.updateOne(ownClaim(message), { $set: { status: 'failed', leaseUntil: null, lastError: reason } });
  }

  /** A temporary failure: tried again later, with the wait doubling, until a day has passed. */
  async markRetry(message: OutboxMessageRecord, reason: string, now: Date): Promise<'retrying' | 'gave up'> {
    const delay = Math.min(this.policy.firstDelayMs * 2 ** Math.max(0, message.attempts - 1), this.policy.maxDelayMs);
    const dueAt = new Date(now.getTime() + delay);
    if (dueAt.getTime() - message.createdAt.getTime() > this.policy.giveUpAfterMs) {
      await this.markFailed(message, `gave up after ${message.attempts} attempts: ${reason}`);
      return 'gave up';
    }
    await this.models.OutboxMessage.updateOne(ownClaim(message), { $set: { status: 'queued', dueAt, leaseUntil: null, lastError: reason } });
    return 'retrying';
  }

  /** Counts by state and the latest messages, for one site or (for the operator) all. */
  async report(siteId: string | undefined, limit = 20): Promise<DeliveryReport> {
    const match = siteId ? { siteId } : {};
    const [grouped, recent] = await Promise.all([
      this.models.OutboxMessage.aggregate<{ _id: OutboxStatus; n: number }>([{ $match: match }, { $group: { _id: '$status', n: { $sum: 1 } } }]),
      this.models.OutboxMessage.find(match, { siteId: 1, kind: 1, status: 1, attempts: 1, lastError: 1, createdAt: 1, sentAt: 1 })
        .sort({ createdAt: -1 })
        .limit(limit)
        .lean(),
    ]);
    const counts = { queued: 0, sending: 0, sent: 0, failed: 0 };
    for (const row of grouped) counts[row._id] = row.n;
    return {
      counts,
      recent: recent.map((m) => ({
        site: m.siteId,
        kind: m.kind,
        status: m.status,
        attempts: m.attempts,
        lastError: m.lastError ?? null,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      })),
    };
  }
}

/**
 * The message as this worker claimed it: a worker whose claim ran out (and whose message another
 * worker has claimed since, raising `attempts`) records nothing over the newer attempt.
 */
function ownClaim(message: OutboxMessageRecord) {
  return { _id: message._id, status: 'sending' as const, attempts: message.attempts };
}
