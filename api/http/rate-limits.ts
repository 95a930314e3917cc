import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit, type Options } from 'express-rate-limit';
import type { ErrorCode } from '../../contract/errors.js';
import { AppError } from '../errors.js';
import type { MongoRateLimitStore } from './mongo-rate-limit-store.js';

/** Makes the shared (MongoDB) counter store of one limiter; `prefix` keeps limiters apart. */
export type CounterStores = (prefix: string) => MongoRateLimitStore;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How much one client may do; each is configurable (README, "Configuration"). */
export interface RateLimits {
  /** New comments per client address per site, per minute… */
  commentsPerMinute: number;
  /** …and per hour. */
  commentsPerHour: number;
  /** New comments per email address per hour. */
  commentsPerEmailHour: number;
  /** New comments on one site per 10 minutes before further ones wait for approval. */
  siteCommentsPer10Minutes: number;
  /** Reads (GET and HEAD) per client address per minute. */
  readsPerMinute: number;
  /** A reader's edits and deletions (with their edit tokens) per client address per minute. */
  changesPerMinute: number;
  /** Previews per client address per minute. */
  previewsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  commentsPerMinute: 2,
  commentsPerHour: 10,
  commentsPerEmailHour: 3,
  siteCommentsPer10Minutes: 30,
  readsPerMinute: 600,
  changesPerMinute: 30,
  previewsPerMinute: 60,
};

/** Whole seconds until the window resets (Retry-After takes an integer), at least one. */
const retryAfterSeconds = (req: Request, windowMs: number) => {
  const resetAt = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime?.getTime() ?? Date.now() + windowMs;
  return Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
};

type LimiterOptions = Pick<Options, 'windowMs' | 'limit' | 'store' | 'keyGenerator'> &
  Partial<Pick<Options, 'skip' | 'skipSuccessfulRequests' | 'skipFailedRequests' | 'requestWasSuccessful'>> & { refusal?: { code: ErrorCode; message: string } };

const TOO_MANY = { code: 'rate_limited', message: 'Too many requests; please wait a moment.' } as const;

function limiter({ refusal = TOO_MANY, ...options }: LimiterOptions) {
  return rateLimit({
    ...options,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, _res, next) => next(new AppError({ ...refusal, retryAfter: retryAfterSeconds(req, options.windowMs) })),
  });
}

/** The client's address as Express sees it: `X-Forwarded-For` only counts when TRUST_PROXY says so. */
const address = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
const siteOf = (req: Request) => String((req.body as { site?: unknown } | undefined)?.site ?? '').slice(0, 64);
const emailOf = (req: Request) => String((req.body as { email?: unknown } | undefined)?.email ?? '').trim().toLowerCase().slice(0, 254);

/**
 * Limits on new comments, counted in MongoDB so every instance and every restart shares them:
 * per client address and site (a minute and an hour), and per email address (an hour). Only
 * stored comments count: a refused post (400, 403, 404, 429) takes its hit back, so junk sent
 * under someone's address or email locks nobody out.
 */
export function commentLimits(counters: CounterStores, limits: RateLimits): RequestHandler[] {
  const perSite = (req: Request) => `${address(req)}|${siteOf(req)}`;
  const common = { skipFailedRequests: true };
  return [
    limiter({ ...common, windowMs: MINUTE, limit: limits.commentsPerMinute, store: counters('comments-minute'), keyGenerator: perSite }),
    limiter({ ...common, windowMs: HOUR, limit: limits.commentsPerHour, store: counters('comments-hour'), keyGenerator: perSite }),
    limiter({
      ...common,
      windowMs: HOUR,
      limit: limits.commentsPerEmailHour,
      store: counters('comments-email'),
      keyGenerator: emailOf,
      skip: (req) => emailOf(req) === '',
    }),
  ];
}

/**
 * Generous limits on reads, counted in each instance's memory: a database write per read would
 * cost more than the reads themselves, and a flood of reads is answered from the cache anyway.
 */
export function readLimit(limits: RateLimits): RequestHandler {
  return perAddressEachMinute(limits.readsPerMinute);
}

/** A per-minute limit per client address, counted in this instance's memory. */
function perAddressEachMinute(limit: number, skip?: Options['skip']): RequestHandler {
  return limiter({ windowMs: MINUTE, limit, store: new MemoryStore(), keyGenerator: address, ...(skip && { skip }) });
}

/**
 * A reader's edits and deletions: each rewrites a comment and drops the site's kept threads, so
 * one client must not do it without end. Counted in memory, like reads; an author's changes
 * (with the session, no edit token) are not limited here.
 */
export function readerChangeLimit(limits: RateLimits): RequestHandler {
  return perAddressEachMinute(limits.changesPerMinute, (req) => req.get('authorization') === undefined);
}

/** Previews render Markdown: cheap once, not a thousand times a second from one client. */
export function previewLimit(limits: RateLimits): RequestHandler {
  return perAddressEachMinute(limits.previewsPerMinute);
}

/** Failed sign-ins allowed per account and per client address in 15 minutes. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20 };

/**
 * Throttles password guessing: only wrong credentials (401) count, per account and per client
 * address, in windows shared by all instances; malformed requests and refusals cost nothing. A
 * browser that has signed in as the account before (`knownDevice`) is not held by the account's
 * window, so strangers guessing cannot lock the real author out of their own browser.
 */
export function loginLimits(counters: CounterStores, knownDevice: (req: Request) => boolean): RequestHandler[] {
  const common = {
    windowMs: 15 * MINUTE,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req: Request, res: { statusCode: number }) => res.statusCode !== 401,
    refusal: { code: 'too_many_attempts', message: 'Too many failed sign-ins. Try again later.' } as const,
  };
  return [
    limiter({ ...common, limit: LOGIN_LIMITS.perAddress, store: counters('login-address'), keyGenerator: address }),
    limiter({ ...common, limit: LOGIN_LIMITS.perAccount, store: counters('login-account'), keyGenerator: emailOf, skip: knownDevice }),
  ];
}

/** Counts a site's new comments in 10-minute windows; past the limit they wait for approval. */
export class SiteFloodGuard {
  private readonly store: MongoRateLimitStore;

  constructor(counters: CounterStores, private readonly limit: number) {
    this.store = counters('site-comments');
    this.store.init({ windowMs: 10 * MINUTE } as Options);
  }

  /** Counts one more comment; answers whether the site is over its limit. */
  async flooded(siteId: string): Promise<boolean> {
    return (await this.store.increment(siteId)).totalHits > this.limit;
  }
}
