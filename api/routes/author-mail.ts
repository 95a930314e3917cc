import { Router } from 'express';
import type { MailChoiceResponse, MailStateResponse } from '../../contract/author-api.js';
import { ownAccountOn, requireAuthor } from '../http/author-session.js';
import { mailChoiceBody, siteQuery } from '../http/schemas.js';
import { parseInput } from '../http/validate.js';
import type { Clock } from '../services/core/clock.js';
import type { Services } from '../services/services.js';

/** The signed-in author's mail: how they hear about readers, and what became of the site's mail. */
export function authorMailRoutes(deps: { services: Services; clock: Clock; publicUrl: string }): Router {
  const { services } = deps;
  const router = Router();
  const signedIn = requireAuthor(deps);

  // GET /api/author/mail?site — {choice, delivery: {counts, recent}}; no reader address in it
  router.get('/author/mail', signedIn, async (req, res) => {
    const { site } = parseInput(siteQuery, req.query);
    const account = ownAccountOn(res, site);
    const [choice, delivery] = await Promise.all([services.authors.mailChoice(account.authorId), services.outbox.report(site)]);
    res.json({ choice, delivery } satisfies MailStateResponse);
  });

  // PATCH /api/author/mail?site {notify?, scope?, digestHour?, timeZone?}
  router.patch('/author/mail', signedIn, async (req, res) => {
    const { site } = parseInput(siteQuery, req.query);
    const account = ownAccountOn(res, site);
    const changes = parseInput(mailChoiceBody, req.body);
    res.json({ choice: await services.authors.setMailChoice(account.authorId, changes) } satisfies MailChoiceResponse);
  });

  return router;
}
