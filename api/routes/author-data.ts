import { Router } from 'express';
import type { EraseResponse } from '../../contract/author-api.js';
import { ownAccountOn, requireAuthor } from '../http/author-session.js';
import { eraseBody, siteQuery } from '../http/schemas.js';
import { parseInput } from '../http/validate.js';
import type { Clock } from '../services/core/clock.js';
import type { Services } from '../services/services.js';

/** A site's own data, for its authors: all of it out, or one reader's gone (privacy requests). */
export function authorDataRoutes(deps: { services: Services; clock: Clock; publicUrl: string }): Router {
  const { services, clock } = deps;
  const router = Router();
  const signedIn = requireAuthor(deps);

  // GET /api/author/export?site — the whole site as JSON, as `rapport data export` prints it
  router.get('/author/export', signedIn, async (req, res) => {
    const { site } = parseInput(siteQuery, req.query);
    ownAccountOn(res, site);
    res.attachment(`rapport-${site}-${clock.now().toISOString().slice(0, 10)}.json`);
    res.json(await services.siteData.exportSite(site, clock.now()));
  });

  // POST /api/author/erase?site {email} — that reader's comments on this site become placeholders
  router.post('/author/erase', signedIn, async (req, res) => {
    const { site } = parseInput(siteQuery, req.query);
    ownAccountOn(res, site);
    const { email } = parseInput(eraseBody, req.body);
    const { comments } = await services.siteData.eraseReader(email, clock.now(), site);
    res.json({ erased: { comments } } satisfies EraseResponse);
  });

  return router;
}
