import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Clock } from './services/core/clock.js';
import type { Services } from './services/services.js';
import { publicApiCors } from './http/allowed-origins.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { MongoRateLimitStore } from './http/mongo-rate-limit-store.js';
import { readLimit, type RateLimits } from './http/rate-limits.js';
import { requestLogging } from './http/request-logging.js';
import { authRoutes } from './routes/auth.js';
import { authorActionRoutes } from './routes/author-actions.js';
import { authorDataRoutes } from './routes/author-data.js';
import { authorImportRoutes } from './routes/author-import.js';
import { authorMailRoutes } from './routes/author-mail.js';
import { commentRoutes } from './routes/comments.js';
import { countRoutes } from './routes/counts.js';
import { demoRoutes } from './routes/demo.js';
import { embedScriptRoutes } from './routes/embed-script.js';
import { healthRoutes } from './routes/health.js';
import { mailLinkRoutes } from './routes/mail-links.js';
import { inboxPageRoutes } from './routes/inbox-page.js';

/** Everything the HTTP app needs, built once by the entry point (or a test). */
export interface AppDeps {
  services: Services;
  clock: Clock;
  logger: Logger;
  pingDatabase: () => Promise<void>;
  /** Express's `trust proxy` setting. */
  trustProxy: boolean | number | string;
  /** Where the built widget (embed.js) is. */
  widgetDir: string;
  /** The server's public address: the demo page, the inbox's origin. */
  publicUrl: string;
  /** How much one client may post and read. */
  limits: RateLimits;
}

/** Builds the Express app; never listens. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.set('query parser', 'simple');
  // Express would hash every JSON body for an ETag; thread bodies differ per reader (form token) anyway.
  app.set('etag', false);
  app.use(requestLogging(deps.logger));
  app.use(healthRoutes(deps));
  app.use(embedScriptRoutes(deps));
  app.use(demoRoutes(deps));
  app.use(inboxPageRoutes(deps));
  app.use(mailLinkRoutes(deps));

  const counters = (prefix: string) => new MongoRateLimitStore(deps.services.counters, prefix);
  const routeDeps = { ...deps, counters };
  const api = express.Router();
  // The widget runs on other sites' pages, so its API must be readable across origins.
  api.use(helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' } }));
  api.use(publicApiCors(deps.services.sites));
  const reads = readLimit(deps.limits);
  // HEAD is a read too: Express answers it through the GET route, building the same body.
  api.use((req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? reads(req, res, next) : next()));
  api.use(cookieParser());
  // Before the JSON parser: an uploaded export streams into the importer, whatever its type.
  api.use(authorImportRoutes(deps));
  api.use(express.json({ limit: '64kb', strict: true }));
  api.use(authRoutes(routeDeps));
  api.use(authorActionRoutes(deps));
  api.use(authorMailRoutes(deps));
  api.use(authorDataRoutes(deps));
  api.use(commentRoutes(routeDeps));
  // After the comment routes: their PATCH /comments/:id dispatches to an author or a reader itself.
  api.use(countRoutes(deps));
  api.use(notFoundHandler);
  app.use('/api', api);

  app.use(errorHandler);
  return app;
}
