import express, { Router, type Request, type Response } from 'express';
import helmet from 'helmet';
import { MAIL_PAGE_STYLE_SOURCE, mailPage } from '../pages/mail-pages.js';
import { fill, mailTextsFor } from '../services/mail/mail-texts.js';
import type { Clock } from '../services/core/clock.js';
import type { Services } from '../services/services.js';
import { parseObjectId } from '../services/core/ids.js';
import type { LinkPurpose } from '../services/mail/subscriptions.js';

/**
 * The pages behind the links in readers' mail. GET only shows a page (mail scanners follow
 * links); the confirmation and the unsubscribing are POSTs, including RFC 8058's one-click
 * POST that mail programs send to the List-Unsubscribe address. None needs a sign-in: the signed
 * token in the link is the reader's proof.
 */
export function mailLinkRoutes({ services, clock }: { services: Services; clock: Clock }): Router {
  const router = Router();
  // Nothing loads, only the pages' own style applies, forms post here, never in a frame.
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'none'"],
        'style-src': [MAIL_PAGE_STYLE_SOURCE],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
  });
  router.use('/mail', strict, (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use('/mail', express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 10 }));

  /** The subscription a request's token names, with its site's name and texts; null answers 400. */
  const resolve = async (req: Request, res: Response, purpose: LinkPurpose) => {
    const found = await services.subscriptions.fromLink(purpose, field(req, 't'));
    if (!found) {
      const t = mailTextsFor('en');
      res.status(400).type('html').send(mailPage({ lang: 'en', title: 'Rapport', message: t.pageBadLink }));
      return null;
    }
    return { ...found, t: mailTextsFor(found.subscription.locale) };
  };

  // GET /mail/confirm?t=TOKEN — the page with the button that confirms.
  router.get('/mail/confirm', async (req, res) => {
    const found = await resolve(req, res, 'confirm');
    if (!found) return;
    const { subscription, siteName, t } = found;
    res.type('html').send(
      mailPage({
        lang: subscription.locale,
        title: fill(t.pageConfirmTitle, { site: siteName }),
        action: '/mail/confirm',
        buttons: [{ label: t.pageConfirmButton, fields: { t: field(req, 't')! } }],
      }),
    );
  });

  // POST /mail/confirm (t) — the reader confirms: reply mail may be sent from now on.
  router.post('/mail/confirm', async (req, res) => {
    const found = await resolve(req, res, 'confirm');
    if (!found) return;
    await services.subscriptions.confirm(found.subscription, found.commentId, clock.now());
    sendDone(res, found.subscription, fill(found.t.pageConfirmTitle, { site: found.siteName }), fill(found.t.pageConfirmed, { site: found.siteName }));
  });

  // GET /mail/unsubscribe?t=TOKEN&thread=ID — choose: this conversation, or the whole site.
  router.get('/mail/unsubscribe', async (req, res) => {
    const found = await resolve(req, res, 'unsubscribe');
    if (!found) return;
    const { subscription, siteName, t } = found;
    const token = field(req, 't')!;
    const thread = threadOf(req);
    res.type('html').send(
      mailPage({
        lang: subscription.locale,
        title: fill(t.pageUnsubscribeTitle, { site: siteName }),
        action: '/mail/unsubscribe',
        buttons: [
          ...(thread ? [{ label: t.pageUnsubscribeThread, fields: { t: token, scope: 'thread', thread: thread.toHexString() } }] : []),
          { label: fill(t.pageUnsubscribeSite, { site: siteName }), fields: { t: token, scope: 'site' }, secondary: Boolean(thread) },
        ],
      }),
    );
  });

  // POST /mail/unsubscribe (t, scope=thread|site, thread) — from the page, or one-click
  // (`List-Unsubscribe=One-Click` in the body, the rest in the address).
  router.post('/mail/unsubscribe', async (req, res) => {
    const found = await resolve(req, res, 'unsubscribe');
    if (!found) return;
    const thread = field(req, 'scope') === 'thread' ? threadOf(req) : undefined;
    await services.subscriptions.unsubscribe(found.subscription, thread ? 'thread' : 'site', thread, clock.now());
    const { t, siteName } = found;
    sendDone(res, found.subscription, fill(t.pageUnsubscribeTitle, { site: siteName }), fill(thread ? t.pageUnsubscribedThread : t.pageUnsubscribedSite, { site: siteName }));
  });

  return router;
}

function sendDone(res: Response, subscription: { locale: string }, title: string, message: string): void {
  res.type('html').send(mailPage({ lang: subscription.locale, title, message }));
}

/** A form field, else the same name in the address (one-click POSTs carry them there). */
function field(req: Request, name: string): string | undefined {
  const value = (req.body as Record<string, unknown> | undefined)?.[name] ?? req.query[name];
  return typeof value === 'string' ? value : undefined;
}

function threadOf(req: Request) {
  return parseObjectId(field(req, 'thread') ?? '');
}
