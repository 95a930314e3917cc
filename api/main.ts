import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createApp } from './app.js';
import { prepareServices } from './bootstrap.js';
import { loadConfig, loadDotEnv } from './config/config.js';
import { openDatabase } from './database/open-database.js';
import { createMailWorker } from './delivery/mail-setup.js';
import { systemClock } from './services/core/clock.js';
import { ensureDemoSite } from './demo/demo-site.js';

const SHUTDOWN_DEADLINE_MS = 10_000;

/** The server process: reads config, opens the database, listens, and shuts down cleanly. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });

  const database = await openDatabase(config);
  logger.info({ database: database.description }, `database: ${database.description}`);
  database.onEngineLost((reason) => {
    // A supervisor restarts us with a fresh engine; staying up would only answer 503s forever.
    logger.fatal({ reason }, 'the embedded database stopped; exiting');
    process.exit(1);
  });

  const { services } = await prepareServices(database, config);
  const demo = config.demo ? await ensureDemoSite(services, config.publicUrl, systemClock.now()) : undefined;
  const app = createApp({
    services,
    logger,
    clock: systemClock,
    trustProxy: config.trustProxy,
    widgetDir: fileURLToPath(new URL('../widget/', import.meta.url)),
    publicUrl: config.publicUrl,
    limits: config.limits,
    pingDatabase: async () => {
      await database.connection.db!.admin().ping({ maxTimeMS: 2000 });
    },
  });

  const mailWorker = createMailWorker(config, services, systemClock, logger);
  mailWorker.start();

  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  logger.info({ url: config.publicUrl, port }, `Rapport is listening on ${config.host}:${port} (public URL ${config.publicUrl})`);
  if (demo) printDemo(config.publicUrl, demo.authorEmail, demo.authorPassword);
  else if ((await services.sites.list()).length === 0) {
    logger.info('no site yet: add one with "rapport site add" (the demo site is made only for a localhost PUBLIC_URL or DEMO=true)');
  }
  if (config.trustProxy === true) {
    logger.warn(
      'TRUST_PROXY=true believes every X-Forwarded-For hop, so any client can choose the address its rate limits count; ' +
        'set the number of proxies in front (TRUST_PROXY=1) or their addresses instead',
    );
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('requests still running after 10 s; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // Stop accepting and let requests in flight finish; a keep-alive connection is closed as soon
    // as it falls idle rather than after its timeout.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const sweeper = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await closed;
    clearInterval(sweeper);
    await mailWorker.stop();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function printDemo(publicUrl: string, email: string, password: string): void {
  const lines = [
    '',
    'First start: created the demo site "demo".',
    `  Demo blog post: ${publicUrl}/demo`,
    `  Inbox:          ${publicUrl}/inbox`,
    `  API:            ${publicUrl}/api/comments?site=demo&page=/demo`,
    `  Author email:   ${email}`,
    `  Author password: ${password}   (shown this once)`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`rapport: could not start: ${error.message}\n`);
  process.exit(1);
});
