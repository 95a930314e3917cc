import express, { Router } from 'express';

/** Other sites load these scripts (the locale modules through `import()`, which needs CORS). */
function setWidgetHeaders(res: express.Response): void {
  res.setHeader('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('Access-Control-Allow-Origin', '*');
}

/**
 * GET /embed.js — the widget bloggers embed — and GET /embed/locales/LANG.js, its texts in
 * languages other than English. Their URLs never change, so they are cached briefly and
 * revalidated by ETag.
 */
export function embedScriptRoutes({ widgetDir }: { widgetDir: string }): Router {
  const router = Router();
  // Only these paths: mounted for every request, the file lookup would cost each API call a stat().
  router.get(['/embed.js', '/embed/locales/:file'], express.static(widgetDir, { index: false, redirect: false, setHeaders: setWidgetHeaders }));
  return router;
}
