import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';

const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;
/** Query parameters that carry a secret (the mail pages' `t`, an edit token): never written to a log. */
const SECRET_PARAMETERS = new Set(['t', 'token', 'editToken', 'password']);

/** The request's path and query as logged: secret values replaced, everything else as sent. */
export function loggableUrl(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt === -1) return url;
  const query = new URLSearchParams(url.slice(queryAt + 1));
  for (const name of new Set(query.keys())) {
    if (SECRET_PARAMETERS.has(name)) query.set(name, 'redacted');
  }
  return `${url.slice(0, queryAt)}?${query}`;
}

/** JSON request logs with a request id, taken from a proxy's X-Request-Id when sane, echoed back. */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && ACCEPTED_REQUEST_ID.test(given) ? given : crypto.randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Health probes every few seconds would drown the log.
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: loggableUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
