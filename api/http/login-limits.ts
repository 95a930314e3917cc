import type { Request, RequestHandler } from 'express';
import { rateLimit, type Options } from 'express-rate-limit';
import { AppError } from '../errors.js';
import type { Models } from '../models/models.js';
import { MongoRateLimitStore } from './mongo-rate-limit-store.js';

const WINDOW_MS = 15 * 60_000;
/** Failed sign-ins allowed per account and per client address in a window. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20 };

const retryAfterSeconds = (req: Request) =>
  Math.max(1, Math.ceil(((req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000);

/**
 * Throttles guessing: only failed sign-ins count, per account and per client address, in
 * windows shared by all instances. A window ends after 15 minutes, so the real author is never
 * locked out for longer than that.
 */
export function loginLimits(models: Models): RequestHandler[] {
  const common: Partial<Options> = {
    windowMs: WINDOW_MS,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, _res, next) =>
      next(new AppError(429, 'too_many_attempts', 'Too many failed sign-ins. Try again later.', undefined, retryAfterSeconds(req))),
  };
  return [
    rateLimit({ ...common, limit: LOGIN_LIMITS.perAddress, store: new MongoRateLimitStore(models, 'login-address') }),
    rateLimit({
      ...common,
      limit: LOGIN_LIMITS.perAccount,
      store: new MongoRateLimitStore(models, 'login-account'),
      keyGenerator: (req) => String((req.body as { email?: unknown } | undefined)?.email ?? '').trim().toLowerCase().slice(0, 254),
    }),
  ];
}
