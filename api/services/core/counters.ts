import type { Models } from '../../models/models.js';
import { isDuplicateKey } from './duplicate-key.js';
import type { Signer } from './secrets.js';

/** One counter's state after a hit. */
export interface CounterWindow {
  hits: number;
  resetAt: Date;
}

/**
 * Hit counters in fixed windows (rate limits, the flood guard), in MongoDB so that every
 * instance behind a load balancer counts the same client together and a restart forgets
 * nothing. A counter names its client by a keyed hash, never by address or email.
 */
export class Counters {
  constructor(
    private readonly models: Models,
    private readonly signer: Signer,
  ) {}

  /** One more hit: one atomic update that starts a new window when the old one has ended. */
  async hit(name: string, key: string, windowMs: number, now = new Date()): Promise<CounterWindow> {
    const ended = { $not: [{ $gt: ['$resetAt', now] }] };
    const update = [
      {
        $set: {
          hits: { $cond: [ended, 1, { $add: ['$hits', 1] }] },
          resetAt: { $cond: [ended, new Date(now.getTime() + windowMs), '$resetAt'] },
        },
      },
    ];
    const options = { upsert: true, returnDocument: 'after' as const, lean: true, updatePipeline: true };
    const id = this.idOf(name, key);
    try {
      return (await this.models.RateLimitCounter.findOneAndUpdate({ _id: id }, update, options))!;
    } catch (error) {
      // Two first hits raced to create the window; the loser's retry finds it.
      if (!isDuplicateKey(error)) throw error;
      return (await this.models.RateLimitCounter.findOneAndUpdate({ _id: id }, update, options))!;
    }
  }

  /** Takes one hit back (a request that turned out not to count). */
  async unhit(name: string, key: string): Promise<void> {
    await this.models.RateLimitCounter.updateOne({ _id: this.idOf(name, key), hits: { $gt: 0 } }, { $inc: { hits: -1 } });
  }

  async reset(name: string, key: string): Promise<void> {
    await this.models.RateLimitCounter.deleteOne({ _id: this.idOf(name, key) });
  }

  /** The stored id of a client's counter: the counter's name and the client's keyed hash. */
  idOf(name: string, key: string): string {
    return `${name}:${this.signer.sign('counter-key', key)}`;
  }
}
