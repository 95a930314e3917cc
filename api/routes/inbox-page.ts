import express, { Router } from 'express';
import helmet from 'helmet';
import { INBOX_PAGE } from '../pages/inbox-page.js';

/**
 * GET /inbox and /inbox.js — the author's inbox, on the API's own origin so its session cookie
 * works. A strict policy: only its own script, no inline code or style, never in a frame.
 */
export function inboxPageRoutes({ widgetDir }: { widgetDir: string }): Router {
  const router = Router();
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
  });

  // GET /inbox
  router.get('/inbox', strict, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(INBOX_PAGE);
  });

  // GET /inbox.js
  router.get('/inbox.js', strict, express.static(widgetDir, { index: false, redirect: false, maxAge: '5m' }));

  return router;
}
