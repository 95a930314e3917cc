import crypto from 'node:crypto';
import type { Connection } from 'mongoose';
import { pino } from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../../api/app.js';
import type { RateLimits } from '../../api/http/rate-limits.js';
import { connectMongo } from '../../api/database/connect.js';
import { defineModels, ensureIndexes, type Models } from '../../api/models/models.js';
import { createServices, type Services } from '../../api/services/services.js';
import type express from 'express';

/** The widget as `npm run build` made it (npm test builds first). */
export const WIDGET_DIR = new URL('../../dist/widget/', import.meta.url).pathname;

/** A clock tests set and move by hand. */
export class FixedClock {
  constructor(private current = new Date('2026-03-02T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestContext {
  connection: Connection;
  models: Models;
  services: Services;
  clock: FixedClock;
  app: express.Express;
}

/**
 * The real app on the run's embedded engine, in a database of this file's own, with a fixed
 * clock. Call at the top of a test file; the database is dropped after the file.
 */
export function useTestContext(): TestContext {
  const context = {} as TestContext;
  beforeAll(async () => {
    const dbName = `test_${crypto.randomBytes(6).toString('hex')}`;
    context.connection = await connectMongo(inject('mongoUri'), { timeoutMs: 5000, dbName });
    context.models = defineModels(context.connection);
    await ensureIndexes(context.models);
    context.services = createServices(context.models, 'test-secret-test-secret-test-secret', { publicUrl: 'http://127.0.0.1:9' });
    context.clock = new FixedClock();
    context.app = appFor(context, 'http://127.0.0.1:9');
  });
  afterAll(async () => {
    await context.connection.dropDatabase();
    await context.connection.close();
  });
  return context;
}

/** Limits no ordinary test reaches: tests post many comments from one address. The limits' own tests set real ones. */
export const UNREACHABLE_LIMITS: RateLimits = {
  commentsPerMinute: 1e6,
  commentsPerHour: 1e6,
  commentsPerEmailHour: 1e6,
  siteCommentsPer10Minutes: 1e6,
  readsPerMinute: 1e6,
  changesPerMinute: 1e6,
  previewsPerMinute: 1e6,
};

/** The app on a test context's database, for a given PUBLIC_URL (the inbox checks its origin). */
export function appFor(context: TestContext, publicUrl: string, limits = UNREACHABLE_LIMITS, trustProxy: boolean | string = false): express.Express {
  return createApp({
    services: context.services,
    clock: context.clock,
    logger: pino({ level: 'silent' }),
    trustProxy,
    widgetDir: WIDGET_DIR,
    publicUrl,
    limits,
    pingDatabase: async () => {
      await context.connection.db!.admin().ping();
    },
  });
}
