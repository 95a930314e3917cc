import { Router } from 'express';
import helmet from 'helmet';
import { demoPage } from '../demo/demo-page.js';

/** GET /demo — a blog post embedding the widget, to try Rapport as a reader. */
export function demoRoutes({ publicUrl }: { publicUrl: string }): Router {
  const router = Router();
  const page = demoPage(publicUrl);

  // GET /demo — served with a strict Content-Security-Policy, as a careful blog would be
  router.get('/demo', helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'upgrade-insecure-requests': null } } }), (_req, res) => {
    res.type('html').send(page);
  });

  return router;
}
