import type { CookieOptions, Request, RequestHandler } from 'express';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../errors.js';
import type { Clock } from '../services/core/clock.js';
import type { Services } from '../services/services.js';
import { accountOn, SESSION_ABSOLUTE_MS, type SignedInAuthor } from '../services/sites/sessions.js';

/**
 * The session cookie. Over https it takes the `__Host-` prefix, which browsers accept only
 * when Secure, host-only and for the whole site; plain http (local trials) cannot have it.
 */
export function sessionCookie(publicUrl: string): { name: string; options: CookieOptions } {
  const secure = publicUrl.startsWith('https:');
  return {
    name: secure ? '__Host-rapport_session' : 'rapport_session',
    options: { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SESSION_ABSOLUTE_MS },
  };
}

/** The cookie that marks a browser as one that has signed in as an author before (a year). */
export function deviceCookie(publicUrl: string): { name: string; options: CookieOptions } {
  const secure = publicUrl.startsWith('https:');
  return {
    name: secure ? '__Host-rapport_device' : 'rapport_device',
    options: { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: 365 * 24 * 3_600_000 },
  };
}

/** The signed-in author of this request, set by `requireAuthor`. */
export function authorOf(res: { locals: Record<string, unknown> }): SignedInAuthor {
  return res.locals.author as SignedInAuthor;
}

/** The signed-in author's account on a site; another site answers 404, as if it did not exist. */
export function ownAccountOn(res: { locals: Record<string, unknown> }, siteId: string) {
  const account = accountOn(authorOf(res), siteId);
  if (!account) throw new NotFoundError(`Site "${siteId}"`);
  return account;
}

export function sessionToken(req: Request, publicUrl: string): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[sessionCookie(publicUrl).name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Who the author of a request is: a live session is required (401 otherwise), and a call that
 * changes anything must come from the inbox's own origin, so no other page can make a
 * signed-in browser act.
 */
export function authorAuthentication({ services, clock, publicUrl }: { services: Services; clock: Clock; publicUrl: string }) {
  const ownOrigin = new URL(publicUrl).origin;
  return async (req: Request): Promise<SignedInAuthor> => {
    const token = sessionToken(req, publicUrl);
    const author = token ? await services.sessions.recognize(token, clock.now()) : undefined;
    if (!author) throw new UnauthorizedError('not_signed_in', 'Sign in as an author first.');
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.get('origin') !== ownOrigin) {
      throw new ForbiddenError('origin_not_allowed', `Author actions are accepted only from ${ownOrigin}.`);
    }
    return author;
  };
}

/** Author calls: `authorAuthentication` before the handler, which finds the author with `authorOf`. */
export function requireAuthor(deps: { services: Services; clock: Clock; publicUrl: string }): RequestHandler {
  const authenticate = authorAuthentication(deps);
  return async (req, res, next) => {
    res.locals.author = await authenticate(req);
    next();
  };
}
