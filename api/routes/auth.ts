import { Router, type Request, type RequestHandler } from 'express';
import type { Me } from '../../contract/author-api.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { authorOf, deviceCookie, requireAuthor, sessionCookie, sessionToken } from '../http/author-session.js';
import { loginLimits, type CounterStores } from '../http/rate-limits.js';
import { loginBody } from '../http/schemas.js';
import { parseInput } from '../http/validate.js';
import type { Clock } from '../services/core/clock.js';
import type { Services } from '../services/services.js';

/** Signing authors in and out of the inbox. */
export function authRoutes(deps: { services: Services; counters: CounterStores; clock: Clock; publicUrl: string }): Router {
  const { services, clock, publicUrl } = deps;
  const router = Router();
  const cookie = sessionCookie(publicUrl);
  const ownOrigin = new URL(publicUrl).origin;

  const device = deviceCookie(publicUrl);
  const knownDevice = (req: Request) => {
    const email = (req.body as { email?: unknown } | undefined)?.email;
    return typeof email === 'string' && services.sessions.isKnownDevice(email, (req.cookies as Record<string, string> | undefined)?.[device.name]);
  };
  // Another site's page must not even reach the limiters: it could throttle the author's address.
  const fromOwnOrigin: RequestHandler = (req, _res, next) => {
    const origin = req.get('origin');
    next(origin !== undefined && origin !== ownOrigin ? new ForbiddenError('origin_not_allowed', `Sign in at ${ownOrigin}/inbox.`) : undefined);
  };

  // POST /api/auth/login {email, password} → 204, the session cookie and the known-browser cookie
  router.post('/auth/login', fromOwnOrigin, ...loginLimits(deps.counters, knownDevice), async (req, res) => {
    const { email, password } = parseInput(loginBody, req.body);
    const token = await services.sessions.signIn(email, password, clock.now());
    if (!token) throw new UnauthorizedError('bad_credentials', 'That email and password do not match an author.');
    res.cookie(cookie.name, token, cookie.options).cookie(device.name, services.sessions.deviceToken(email), device.options).status(204).end();
  });

  // POST /api/auth/logout — ends this browser's session
  router.post('/auth/logout', requireAuthor(deps), async (req, res) => {
    await services.sessions.signOut(sessionToken(req, publicUrl)!);
    res.clearCookie(cookie.name, { ...cookie.options, maxAge: undefined }).status(204).end();
  });

  // GET /api/auth/me → the author and their sites
  router.get('/auth/me', requireAuthor(deps), async (_req, res) => {
    res.json((await services.authors.describe(authorOf(res))) satisfies Me);
  });

  return router;
}
