import cors from 'cors';
import type { Sites } from '../services/sites/sites.js';

const REFRESH_MS = 5_000;

/**
 * CORS for the public API: a browser may call it from any origin some site lists. Which site
 * an origin may write to is checked per request by the services; this only opens the door.
 * The list is re-read every few seconds so sites added by the CLI work without a restart.
 */
export function publicApiCors(sites: Pick<Sites, 'allOrigins'>) {
  let origins = new Set<string>();
  let loadedAt = 0;
  const refresh = async () => {
    origins = new Set(await sites.allOrigins());
    loadedAt = Date.now();
  };
  return cors({
    origin(origin, callback) {
      if (!origin) return callback(null, false);
      if (origins.has(origin) || Date.now() - loadedAt < REFRESH_MS) return callback(null, origins.has(origin));
      refresh().then(
        () => callback(null, origins.has(origin)),
        () => callback(null, false),
      );
    },
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    maxAge: 600,
  });
}
