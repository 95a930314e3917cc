import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { connectMongo } from '../../api/database/connect.js';
import { defineModels, ensureIndexes } from '../../api/models/models.js';
import { createServices } from '../../api/services/services.js';
import { FixedClock, UNREACHABLE_LIMITS, useTestContext, WIDGET_DIR } from '../support/test-context.js';
import { SocketProxy, socketPathOf } from '../support/socket-proxy.js';

const ctx = useTestContext();

describe('GET /healthz and /readyz', () => {
  describe('when the database answers', () => {
    it('answers 200 to both, with a request id', async () => {
      const health = await request(ctx.app).get('/healthz');
      expect(health.status).toBe(200);
      expect(health.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect((await request(ctx.app).get('/readyz')).status).toBe(200);
    });

    it('echoes a sane X-Request-Id from a proxy', async () => {
      const res = await request(ctx.app).get('/healthz').set('X-Request-Id', 'proxy-abc-123');
      expect(res.headers['x-request-id']).toBe('proxy-abc-123');
    });
  });
});

describe('the API while the database is unreachable', () => {
  const proxy = new SocketProxy(socketPathOf(inject('mongoUri')), path.join(os.tmpdir(), `rapport-proxy-${process.pid}.sock`));
  afterAll(() => proxy.stop());

  it('answers 503 within about 5 s, says not ready, and recovers by itself when the database returns', async () => {
    await proxy.start();
    const connection = await connectMongo(proxy.uri, { timeoutMs: 2000, dbName: `outage_${process.pid}` });
    const models = defineModels(connection);
    await ensureIndexes(models);
    const services = createServices(models, 'outage-secret-outage-secret-outage', { publicUrl: 'http://127.0.0.1:9' });
    const app = createApp({
      services,
      clock: new FixedClock(),
      logger: pino({ level: 'silent' }),
      trustProxy: false,
      widgetDir: WIDGET_DIR,
      publicUrl: 'http://127.0.0.1:9',
      limits: UNREACHABLE_LIMITS,
      pingDatabase: async () => {
        await connection.db!.admin().ping();
      },
    });
    await services.sites.create({ id: 'outage', name: 'Outage', origins: ['https://o.example'] }, new Date());
    const counts = () => request(app).get('/api/counts?site=outage&page=/');
    expect((await counts()).status).toBe(200);

    await proxy.stop();
    const startedAt = Date.now();
    const down = await counts();
    expect(Date.now() - startedAt).toBeLessThan(5_500);
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('database_unavailable');
    expect(down.headers['retry-after']).toBe('5');
    expect((await request(app).get('/readyz')).status).toBe(503);

    await proxy.start();
    const backAt = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - backAt < 10_000) status = (await counts()).status;
    expect(status).toBe(200);
    await connection.dropDatabase();
    await connection.close();
  });
});

describe('unknown API routes', () => {
  it('answer 404 in the error shape', async () => {
    const res = await request(ctx.app).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'No such endpoint.' } });
  });
});
