import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import helmet from 'helmet';

/**
 * GET /embed.js — the widget bloggers embed. Its URL never changes, so it is cached briefly
 * and revalidated by ETag; other sites load it, so it is marked cross-origin.
 */
export function embedScriptRoutes({ widgetDir }: { widgetDir: string }): Router {
  const router = Router();
  const file = path.join(widgetDir, 'embed.js');
  let cached: { body: Buffer; etag: string; mtimeMs: number } | undefined;

  const load = () => {
    const { mtimeMs } = fs.statSync(file);
    if (cached?.mtimeMs !== mtimeMs) {
      const body = fs.readFileSync(file);
      cached = { body, mtimeMs, etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    }
    return cached;
  };

  // GET /embed.js
  router.get('/embed.js', helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' } }), (req, res) => {
    const script = load();
    res.setHeader('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
    res.setHeader('ETag', script.etag);
    if (req.fresh) return void res.status(304).end();
    res.type('text/javascript; charset=utf-8').send(script.body);
  });

  return router;
}
