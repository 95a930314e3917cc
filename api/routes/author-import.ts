import { once } from 'node:events';
import { Transform } from 'node:stream';
import type { Request, Response } from 'express';
import { Router } from 'express';
import type { ImportSummary } from '../../contract/author-api.js';
import { LIMITS } from '../../contract/limits.js';
import { AppError, invalidField } from '../errors.js';
import { ownAccountOn, requireAuthor } from '../http/author-session.js';
import { importQuery } from '../http/schemas.js';
import { parseInput } from '../http/validate.js';
import type { Clock } from '../services/core/clock.js';
import { parseAuthorMapping } from '../services/import/author-matcher.js';
import { ImportReadError } from '../services/import/import-errors.js';
import type { Services } from '../services/services.js';

const tooLarge = () => new AppError({ code: 'too_large', message: `An export may be at most ${LIMITS.importBytes / 1024 / 1024} MB; larger ones import with rapport data import.` });

/**
 * POST /api/author/import?site — an export file as the request body (any content type; gzip
 * too), into the site, by the service `rapport data import` uses. Mounted before the JSON body
 * parser: a JSON export is read as a stream like every other, never parsed whole.
 */
export function authorImportRoutes(deps: { services: Services; clock: Clock; publicUrl: string }): Router {
  const { services, clock } = deps;
  const router = Router();

  router.post('/author/import', requireAuthor(deps), async (req, res) => {
    const query = parseInput(importQuery, req.query);
    ownAccountOn(res, query.site);
    if (Number(req.get('content-length') ?? 0) > LIMITS.importBytes) {
      res.set('Connection', 'close');
      throw tooLarge();
    }
    let authors;
    try {
      authors = parseAuthorMapping(query.author);
    } catch (error) {
      throw invalidField('author', 'format', (error as Error).message);
    }
    try {
      const options = { format: query.format, waitingSince: query.waitingSince, authors, baseUrl: query.baseUrl, dryRun: query.dryRun };
      const summary: ImportSummary = await services.siteImport.run(query.site, atMost(req, LIMITS.importBytes), options, clock.now());
      res.json(summary);
    } catch (error) {
      await readToEnd(req, res);
      if (error instanceof ImportReadError) throw new AppError({ code: 'bad_export', message: error.message });
      throw error;
    }
  });

  return router;
}

/**
 * The body's bytes, refused past `max` (a body without a Content-Length could be any size). Piped,
 * not iterated: when the importer stops early, only this stream ends; the request stays open
 * for the answer.
 */
function atMost(req: Request, max: number): Transform {
  let total = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > max) done(tooLarge());
      else done(null, chunk);
    },
  });
  req.pipe(counted);
  return counted;
}

/**
 * A refusal found early in the file still waits for the rest of the upload (at most the limit,
 * checked above), so the browser receives the answer instead of a reset connection.
 */
async function readToEnd(req: Request, res: Response): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  // A body without a length could go on for ever: the answer closes the connection instead.
  if (!req.get('content-length')) return void res.set('Connection', 'close');
  req.unpipe();
  req.resume();
  await Promise.race([once(req, 'end'), once(req, 'close')]);
}
