import { Router, type RequestHandler } from 'express';
import { NotFoundError } from '../errors.js';
import { authorOf, ownAccountOn, requireAuthor, sessionToken } from '../http/author-session.js';
import { authorChangeBody, authorReplyBody, inboxQuery, statsQuery } from '../http/schemas.js';
import { parseInput } from '../http/validate.js';
import type { Models } from '../models/models.js';
import type { Clock } from '../services/clock.js';
import { toPublicComment } from '../services/comment-view.js';
import { parseObjectId } from '../services/ids.js';
import type { Services } from '../services/services.js';
import { accountOn, type SignedInAuthor } from '../services/sessions.js';

/** The inbox's API: the queues, the figures, and what an author does to a comment. */
export function authorActionRoutes(deps: { services: Services; models: Models; clock: Clock; publicUrl: string }): Router {
  const { services, models, clock } = deps;
  const router = Router();
  const signedIn = requireAuthor(deps);

  /** A comment on one of the author's sites, with their account there. */
  const ownComment = async (author: SignedInAuthor, rawId: string) => {
    const id = parseObjectId(rawId);
    const comment = id ? await models.Comment.findById(id, { siteId: 1, pageId: 1 }).lean() : null;
    const account = comment ? accountOn(author, comment.siteId) : undefined;
    if (!comment || !account) throw new NotFoundError('Comment');
    return { comment, account };
  };

  // GET /api/inbox?site&view=awaiting|pending|spam|all[&page][&cursor]
  router.get('/inbox', signedIn, async (req, res) => {
    const query = parseInput(inboxQuery, req.query);
    ownAccountOn(res, query.site);
    res.json(await services.inbox.list(query.site, { view: query.view, pageKey: query.page, cursor: query.cursor }, clock.now()));
  });

  // GET /api/stats?site&days=30
  router.get('/stats', signedIn, async (req, res) => {
    const query = parseInput(statsQuery, req.query);
    ownAccountOn(res, query.site);
    res.json(await services.stats.forSite(query.site, query.days, clock.now()));
  });

  // POST /api/comments/:id/replies {body} — the author answers (and approves, if it was held)
  router.post('/comments/:id/replies', signedIn, async (req, res) => {
    const { comment, account } = await ownComment(authorOf(res), String(req.params.id));
    const { body } = parseInput(authorReplyBody, req.body);
    const page = await models.Page.findById(comment.pageId, { key: 1 }).lean();
    const reply = await services.writer.postAuthorComment(
      { siteId: account.siteId, authorId: account.authorId, pageKey: page!.key, parentId: comment._id.toHexString(), body },
      clock.now(),
    );
    res.status(201).json({ comment: { ...toPublicComment(reply), status: reply.status } });
  });

  // PATCH /api/comments/:id {status} | {awaitingReply} | {body} — moderation, "no reply needed", editing one's own reply.
  // A request carrying an edit token, or no session at all, is a reader's: the reader's route answers it.
  const readerEdit: RequestHandler = (req, _res, next) =>
    next(req.get('authorization') || !sessionToken(req, deps.publicUrl) ? 'route' : undefined);
  router.patch('/comments/:id', readerEdit, signedIn, async (req, res) => {
    const { comment, account } = await ownComment(authorOf(res), String(req.params.id));
    const change = parseInput(authorChangeBody, req.body);
    const id = comment._id.toHexString();
    const updated =
      change.status !== undefined
        ? await services.changes.setStatus(id, change.status, clock.now())
        : change.awaitingReply !== undefined
          ? await services.changes.setNoReplyNeeded(id, !change.awaitingReply)
          : await services.changes.editByAuthor(id, account.authorId, change.body!, clock.now());
    res.json({ comment: updated });
  });

  return router;
}
