import { Router } from 'express';

/** Probes for a supervisor or load balancer. */
export function healthRoutes({ pingDatabase }: { pingDatabase: () => Promise<void> }): Router {
  const router = Router();

  // GET /healthz — the process answers
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // GET /readyz — the database answers too
  router.get('/readyz', async (_req, res) => {
    try {
      await pingDatabase();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ error: { code: 'database_unavailable', message: 'The database is not reachable.' } });
    }
  });

  return router;
}
