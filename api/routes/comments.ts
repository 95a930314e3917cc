import { Router, type Request } from 'express';
import type { CommentChangeResponse } from '../../contract/author-api.js';
import type { PostedCommentResponse, PreviewResponse, ReaderEditResponse } from '../../contract/public-api.js';
import { NotFoundError, UnauthorizedError } from '../errors.js';
import { authorAuthentication, sessionToken } from '../http/author-session.js';
import { commentLimits, previewLimit, readerChangeLimit, SiteFloodGuard, type CounterStores, type RateLimits } from '../http/rate-limits.js';
import { authorChangeBody, bearerToken, objectId, postCommentBody, previewBody, readerEditBody, threadQuery } from '../http/schemas.js';
import { parseInput } from '../http/validate.js';
import { renderMarkdown } from '../services/comments/markdown.js';
import type { Clock } from '../services/core/clock.js';
import { cleanBody } from '../services/core/text.js';
import type { Services } from '../services/services.js';

/** The comment endpoints: the widget's, and the change of a comment by its reader or an author. */
export function commentRoutes(deps: { services: Services; counters: CounterStores; clock: Clock; limits: RateLimits; publicUrl: string }): Router {
  const { services, clock } = deps;
  const flood = new SiteFloodGuard(deps.counters, deps.limits.siteCommentsPer10Minutes);
  const authenticateAuthor = authorAuthentication(deps);
  const readerChanges = readerChangeLimit(deps.limits);
  const router = Router();

  // GET /api/comments?site&page[&cursor][&limit]
  router.get('/comments', async (req, res) => {
    const query = parseInput(threadQuery, req.query);
    const thread = await services.publicThreads.openJson(query.site, query.page, { cursor: query.cursor, limit: query.limit });
    const formToken = services.formTokens.issue(query.site, clock.now());
    // The thread is cached already serialized; only the form token is new for each reader, so it
    // is written after the shared bytes instead of copying them into a new body.
    const tail = Buffer.from(`,"formToken":${JSON.stringify(formToken)}}`);
    res.type('json').setHeader('Content-Length', thread.length + tail.length);
    res.write(thread);
    res.end(tail);
  });

  // POST /api/comments
  router.post('/comments', ...commentLimits(deps.counters, deps.limits), async (req, res) => {
    const body = parseInput(postCommentBody, req.body);
    const posted = await services.commentWriter.postReaderComment(
      { ...body, siteId: body.site, pageKey: body.page, parentId: body.parentId ?? undefined, countTowardFlood: () => flood.flooded(body.site), form: { token: body.formToken }, client: { ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '' } },
      req.get('origin'),
      clock.now(),
    );
    if (posted.replayed) res.setHeader('Idempotent-Replayed', 'true');
    // A form token is good for one comment: the next one the reader writes gets a fresh one.
    const formToken = services.formTokens.issue(body.site, clock.now());
    const page = { author: posted.pageAuthor };
    res.status(201).json({ comment: posted.comment, editToken: posted.editToken, editableUntil: posted.editableUntil, formToken, page } satisfies PostedCommentResponse);
  });

  // POST /api/preview — what a body will look like, through the same renderer as a real post
  router.post('/preview', previewLimit(deps.limits), (req, res) => {
    const { body } = parseInput(previewBody, req.body);
    res.json({ html: renderMarkdown(cleanBody(body)) } satisfies PreviewResponse);
  });

  // PATCH /api/comments/:id — by an author of its site with the session cookie
  // {status} | {awaitingReply} | {body}, else by its reader with the edit token {body}
  router.patch('/comments/:id', readerChanges, async (req, res) => {
    const id = parseCommentId(req.params.id);
    if (req.get('authorization') !== undefined || !sessionToken(req, deps.publicUrl)) {
      const token = readerToken(req);
      const { body } = parseInput(readerEditBody, req.body);
      const comment = await services.commentChanges.editByReader(id, token, body, clock.now());
      res.json({ comment } satisfies ReaderEditResponse);
      return;
    }
    const author = await authenticateAuthor(req);
    const change = parseInput(authorChangeBody, req.body);
    res.json({ comment: await services.commentChanges.moderate(author, id, change, clock.now()) } satisfies CommentChangeResponse);
  });

  // DELETE /api/comments/:id — the reader, with the edit token
  router.delete('/comments/:id', readerChanges, async (req, res) => {
    const id = parseCommentId(req.params.id);
    await services.commentChanges.deleteByReader(id, readerToken(req), clock.now());
    res.status(204).end();
  });

  return router;
}

/** An id that cannot exist is simply an unknown comment. */
function parseCommentId(id: unknown): string {
  if (!objectId.safeParse(id).success) throw new NotFoundError('Comment');
  return id as string;
}

function readerToken(req: Request): string {
  const header = req.get('authorization');
  if (!header) throw new UnauthorizedError('unauthorized', 'Send the edit token as "Authorization: Bearer TOKEN".');
  return parseInput(bearerToken, header).slice('Bearer '.length);
}
