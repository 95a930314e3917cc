import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from '../../contract/errors.js';
import { AppError } from '../errors.js';

const DATABASE_DOWN = /^Mongo(ose)?(ServerSelection|Network|NetworkTimeout|NotConnected|TopologyClosed|PoolCleared|WaitQueueTimeout)Error$|^PoolClearedOnNetworkError$/;
// A write that failed because its connection went (the driver wraps it, e.g. in MongoBulkWriteError).
const CONNECTION_LOST = /interrupted due to server monitor timeout|connection .* (closed|timed out)|ECONNREFUSED|ECONNRESET|EPIPE/i;

/** Turns anything thrown into the API's JSON error shape; internals of unknown errors are logged, never sent. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const known = toAppError(error);
  if (known.status >= 500) req.log.error({ err: error }, 'request failed');
  if (res.headersSent) return res.end();
  if (known.retryAfter) res.setHeader('Retry-After', String(known.retryAfter));
  const body: ApiErrorBody['error'] = { code: known.code, message: known.message };
  if (known.fields) {
    const fields = Object.entries(known.fields);
    body.fields = Object.fromEntries(fields.map(([field, issue]) => [field, issue.message]));
    body.fieldCodes = Object.fromEntries(fields.map(([field, issue]) => [field, issue.problem]));
  }
  res.status(known.status).json({ error: body } satisfies ApiErrorBody);
};

/** Unknown routes under /api answer in the same shape. */
export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: 'No such endpoint.' } } satisfies ApiErrorBody);
};

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as { name?: string; type?: string; status?: number; message?: string };
  if (e.type === 'entity.too.large') return new AppError({ code: 'too_large', message: 'The request body is too large.' });
  if (e.type === 'entity.parse.failed') return new AppError({ code: 'invalid_json', message: 'The request body is not valid JSON.' });
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return new AppError({ code: 'unsupported_encoding', message: 'The request body must be UTF-8 JSON.' });
  }
  if (e.status && e.status >= 400 && e.status < 500) return new AppError({ code: 'bad_request', message: 'The request could not be read.', status: e.status });
  if (isDatabaseDown(e)) return new AppError({ code: 'database_unavailable', message: 'The database is not reachable; try again shortly.', retryAfter: 5 });
  return new AppError({ code: 'internal', message: 'Something went wrong on our side.' });
}

function isDatabaseDown(error: { name?: string; message?: string }): boolean {
  if (DATABASE_DOWN.test(error.name ?? '')) return true;
  if (/^Mongo/.test(error.name ?? '') && CONNECTION_LOST.test(error.message ?? '')) return true;
  // mongoose refuses commands outright while disconnected when buffering is off.
  return error.name === 'MongooseError' && /bufferCommands = false|not connected|initial connection/i.test(error.message ?? '');
}
