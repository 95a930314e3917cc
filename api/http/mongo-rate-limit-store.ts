import type { Options, Store } from 'express-rate-limit';
import type { Models } from '../models/models.js';

/**
 * express-rate-limit's counters in MongoDB, so that every instance behind a load balancer
 * counts the same client together and a restart forgets nothing. One atomic update per hit:
 * it starts a new window when the old one has ended, else adds one.
 */
export class MongoRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly models: Models,
    /** Keeps the counters of different limiters apart. */
    readonly prefix: string,
    /** A keyed hash: counters name clients (addresses, emails) without storing who they are. */
    private readonly hashKey: (key: string) => string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string) {
    const now = new Date();
    const fresh = new Date(now.getTime() + this.windowMs);
    const ended = { $not: [{ $gt: ['$resetAt', now] }] };
    const update = [
      {
        $set: {
          hits: { $cond: [ended, 1, { $add: ['$hits', 1] }] },
          resetAt: { $cond: [ended, fresh, '$resetAt'] },
        },
      },
    ];
    const counter = await this.upsert(this.id(key), update);
    return { totalHits: counter.hits, resetTime: counter.resetAt };
  }

  async decrement(key: string): Promise<void> {
    await this.models.RateLimitCounter.updateOne({ _id: this.id(key), hits: { $gt: 0 } }, { $inc: { hits: -1 } });
  }

  async resetKey(key: string): Promise<void> {
    await this.models.RateLimitCounter.deleteOne({ _id: this.id(key) });
  }

  private id(key: string): string {
    return `${this.prefix}:${this.hashKey(key)}`;
  }

  private async upsert(id: string, update: object[]): Promise<{ hits: number; resetAt: Date }> {
    const options = { upsert: true, returnDocument: 'after' as const, lean: true, updatePipeline: true };
    try {
      return (await this.models.RateLimitCounter.findOneAndUpdate({ _id: id }, update, options))!;
    } catch (error) {
      // Two first hits raced to create the window; the loser's retry finds it.
      if ((error as { code?: number }).code !== 11000) throw error;
      return (await this.models.RateLimitCounter.findOneAndUpdate({ _id: id }, update, options))!;
    }
  }
}
