import { Router } from 'express';
import type { AuthorReplyResponse, InboxResponse, PageChangeResponse, StatsResponse } from '../../contract/author-api.js';
import { authorOf, ownAccountOn, requireAuthor } from '../http/author-session.js';
import { authorReplyBody, inboxQuery, pageChangeBody, pageQuery, statsQuery } from '../http/schemas.js';
import { parseInput } from '../http/validate.js';
import type { Clock } from '../services/core/clock.js';
import { toOwnComment } from '../services/comments/comment-view.js';
import type { Services } from '../services/services.js';

/** The inbox's API: the queues, the figures, and the author's answer. Moderation is PATCH /api/comments/:id. */
export function authorActionRoutes(deps: { services: Services; clock: Clock; publicUrl: string }): Router {
  const { services, clock } = deps;
  const router = Router();
  const signedIn = requireAuthor(deps);

  // GET /api/inbox?site&view=awaiting|pending|spam|all[&page][&cursor][&scope=mine|all]
  router.get('/inbox', signedIn, async (req, res) => {
    const query = parseInput(inboxQuery, req.query);
    const { authorId } = ownAccountOn(res, query.site);
    const options = { view: query.view, pageKey: query.page, cursor: query.cursor, who: { authorId, scope: query.scope } };
    const inbox: InboxResponse = await services.inbox.list(query.site, options, clock.now());
    res.json(inbox);
  });

  // GET /api/stats?site&days=30[&scope=mine|all]
  router.get('/stats', signedIn, async (req, res) => {
    const query = parseInput(statsQuery, req.query);
    const { authorId } = ownAccountOn(res, query.site);
    const stats: StatsResponse = await services.stats.forSite(query.site, query.days, clock.now(), { authorId, scope: query.scope });
    res.json(stats);
  });

  // PATCH /api/pages?site&page {title?, url?, author?} — the author corrects a page's title or URL, or says whose post it is
  router.patch('/pages', signedIn, async (req, res) => {
    const query = parseInput(pageQuery, req.query);
    ownAccountOn(res, query.site);
    const change = parseInput(pageChangeBody, req.body);
    const site = await services.sites.get(query.site);
    const page = await services.pages.correct(query.site, query.page, change, site.origins);
    res.json({ page: await services.pages.describe(page) } satisfies PageChangeResponse);
  });

  // POST /api/comments/:id/replies {body} — the author answers (and approves, if it was held)
  router.post('/comments/:id/replies', signedIn, async (req, res) => {
    const { body } = parseInput(authorReplyBody, req.body);
    const reply = await services.commentWriter.postAuthorReply({ author: authorOf(res), commentId: String(req.params.id), body }, clock.now());
    res.status(201).json({ comment: toOwnComment(reply) } satisfies AuthorReplyResponse);
  });

  return router;
}
