import { Router } from 'express';
import type { Clock } from '../services/clock.js';
import type { Services } from '../services/services.js';
import { AppError } from '../errors.js';
import { parseInput } from '../http/validate.js';
import { bearerToken, objectId, postCommentBody, previewBody, readerEditBody, threadQuery } from '../http/schemas.js';
import { commentLimits, SiteFloodGuard, type CounterStores, type RateLimits } from '../http/rate-limits.js';
import { renderMarkdown } from '../services/markdown.js';
import { cleanBody } from '../services/text.js';

/** The public comment endpoints the widget uses. */
export function commentRoutes(deps: { services: Services; counters: CounterStores; clock: Clock; limits: RateLimits }): Router {
  const { services, clock } = deps;
  const flood = new SiteFloodGuard(deps.counters, deps.limits.siteCommentsPer10Minutes);
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
    // Past the site's flood limit a comment still arrives, but waits for approval.
    const hold = await flood.flooded(body.site);
    const form = { shownAt: body.formToken ? services.formTokens.issuedAt(body.site, body.formToken) : undefined };
    const posted = await services.writer.postReaderComment(
      { ...body, siteId: body.site, pageKey: body.page, parentId: body.parentId ?? undefined, hold, form, client: { ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '' } },
      req.get('origin'),
      clock.now(),
    );
    if (posted.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).json({ comment: posted.comment, editToken: posted.editToken, editableUntil: posted.editableUntil });
  });

  // POST /api/preview — what a body will look like, through the same renderer as a real post
  router.post('/preview', (req, res) => {
    const { body } = parseInput(previewBody, req.body);
    res.json({ html: renderMarkdown(cleanBody(body)) });
  });

  // PATCH /api/comments/:id — the reader, with the edit token
  router.patch('/comments/:id', async (req, res) => {
    const id = parseCommentId(req.params.id);
    const token = readerToken(req.get('authorization'));
    const { body } = parseInput(readerEditBody, req.body);
    res.json({ comment: await services.changes.editByReader(id, token, body, clock.now()) });
  });

  // DELETE /api/comments/:id — the reader, with the edit token
  router.delete('/comments/:id', async (req, res) => {
    const id = parseCommentId(req.params.id);
    await services.changes.deleteByReader(id, readerToken(req.get('authorization')), clock.now());
    res.status(204).end();
  });

  return router;
}

/** An id that cannot exist is simply an unknown comment. */
function parseCommentId(id: string): string {
  if (!objectId.safeParse(id).success) throw new AppError(404, 'not_found', 'Comment not found.');
  return id;
}

function readerToken(header: string | undefined): string {
  if (!header) throw new AppError(401, 'unauthorized', 'Send the edit token as "Authorization: Bearer TOKEN".');
  return parseInput(bearerToken, header).slice('Bearer '.length);
}
