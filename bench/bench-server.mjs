// The servers under test, in a process of their own so the load generator does not share their
// event loop: Rapport's app and a naive reference handler, on one freshly seeded embedded database.
// Prints {"ours": PORT, "naive": PORT, "origin": …} once ready; stops on SIGTERM.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import express from 'express';
import { pino } from 'pino';
import { createApp } from '../dist/api/app.js';
import { prepareServices } from '../dist/api/bootstrap.js';
import { openDatabase } from '../dist/api/database/open-database.js';
import { loadConfig } from '../dist/api/config/config.js';
import { seedThread } from './seed-thread.mjs';

const ORIGIN = 'http://blog.bench.test';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, MONGODB_URI: '' });
const database = await openDatabase(config);
const { models, services } = await prepareServices(database, config);
const start = new Date(Date.now() - 86_400_000);
// BENCH_BLOG_ORIGIN: a real blog page's origin (bench/render-time.mjs), allowed besides the fixed one.
const origins = [ORIGIN, ...(process.env.BENCH_BLOG_ORIGIN ? [process.env.BENCH_BLOG_ORIGIN] : [])];
await services.sites.create({ id: 'bench', name: 'Bench blog', origins }, start);
const { author } = await services.authors.create({ siteId: 'bench', name: 'Sonia', email: 'sonia@bench.test' }, start);
// BENCH_SIZES: the seeded threads' sizes (default 10, 100 and 1000 comments; empty for none).
const sizes = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').filter(Boolean).map(Number);
for (const size of sizes) {
  await seedThread(services, { siteId: 'bench', authorId: author._id, pageKey: `/post-${size}/`, size, start });
}
// BENCH_HEAVY_THREAD=1: also /heavy/, 100 comments of 10,000 '&' each, a 5 MB answer (bench/thread-cache-memory.mjs).
if (process.env.BENCH_HEAVY_THREAD === '1') {
  for (let i = 0; i < 100; i++) {
    const body = `${'&'.repeat(9_990)} ${String(i).padStart(8, '0')}`;
    await services.commentWriter.postReaderComment({ siteId: 'bench', pageKey: '/heavy/', name: `Reader ${i}`, body }, undefined, new Date(start.getTime() + i * 1000));
  }
}

const ours = createApp({
  services,
  models,
  logger: pino({ level: 'silent' }),
  clock: { now: () => new Date() },
  trustProxy: false,
  widgetDir: new URL('../dist/widget/', import.meta.url).pathname,
  publicUrl: 'http://127.0.0.1:9',
  // The load generator is one client; limits would measure the limiter, not the server.
  limits: { commentsPerMinute: 1e9, commentsPerHour: 1e9, commentsPerEmailHour: 1e9, siteCommentsPer10Minutes: 1e9, readsPerMinute: 1e9, changesPerMinute: 1e9, previewsPerMinute: 1e9 },
  pingDatabase: async () => {},
});
const naive = express();
naive.get('/api/comments', async (req, res) => {
  const page = await models.Page.findOne({ siteId: req.query.site, key: req.query.page }).lean();
  res.json(await models.Comment.find({ pageId: page._id }).sort({ createdAt: 1 }).lean());
});

const oursServer = await listen(ours);
const naiveServer = await listen(naive);
process.stdout.write(`${JSON.stringify({ ours: oursServer.address().port, naive: naiveServer.address().port, origin: ORIGIN })}\n`);
process.on('SIGTERM', async () => {
  oursServer.close();
  naiveServer.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});

function listen(app) {
  return new Promise((resolve) => {
    const server = http.createServer(app).listen(0, '127.0.0.1', () => resolve(server));
  });
}
