import type { Options, Store } from 'express-rate-limit';
import type { Counters } from '../services/core/counters.js';

/** express-rate-limit's counters kept by the shared `Counters` service; `prefix` keeps limiters apart. */
export class MongoRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly counters: Counters,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string) {
    const counter = await this.counters.hit(this.prefix, key, this.windowMs);
    return { totalHits: counter.hits, resetTime: counter.resetAt };
  }

  async decrement(key: string): Promise<void> {
    await this.counters.unhit(this.prefix, key);
  }

  async resetKey(key: string): Promise<void> {
    await this.counters.reset(this.prefix, key);
  }
}
