import { Router } from 'express';
import type { CountsResponse } from '../../contract/public-api.js';
import type { Services } from '../services/services.js';
import { parseInput } from '../http/validate.js';
import { countsQuery } from '../http/schemas.js';

/** Counts for blog index pages: many pages in one request. */
export function countRoutes({ services }: { services: Services }): Router {
  const router = Router();

  // GET /api/counts?site&page=A&page=B
  router.get('/counts', async (req, res) => {
    const query = parseInput(countsQuery, req.query);
    const site = await services.sites.get(query.site);
    res.json({ counts: await services.threadReader.counts(site._id, query.page) } satisfies CountsResponse);
  });

  return router;
}
