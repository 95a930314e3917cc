import type { Config } from './config/config.js';
import type { Database } from './database/open-database.js';
import { defineModels, ensureIndexes } from './models/models.js';
import { Akismet } from './services/comments/akismet.js';
import { loadSecret } from './services/core/secrets.js';
import { DEFAULT_RETRY_POLICY } from './services/mail/outbox.js';
import { createServices } from './services/services.js';
import { emlCopies } from './delivery/mail-transport.js';
import { outboxMailDir } from './delivery/mail-setup.js';

/** Models, indexes, secret and services on an open database: what the server and the CLI share. */
export async function prepareServices(database: Database, config: Pick<Config, 'secret' | 'akismet' | 'publicUrl' | 'mail' | 'dataDir' | 'threadCacheBytes' | 'maxReplyDepth'>) {
  const models = defineModels(database.connection);
  await ensureIndexes(models);
  const akismet = config.akismet ? new Akismet(config.akismet) : undefined;
  const services = createServices(models, await loadSecret(models, config.secret), {
    akismet,
    publicUrl: config.publicUrl,
    threadCacheBytes: config.threadCacheBytes,
    maxReplyDepth: config.maxReplyDepth,
    // Written only without SMTP_URL, but earlier runs may have written some: always forget them.
    mailCopies: emlCopies(outboxMailDir(config)),
    // A claimed message must outlive its attempt, or a second worker would send it meanwhile.
    retryPolicy: { ...DEFAULT_RETRY_POLICY, leaseMs: Math.max(DEFAULT_RETRY_POLICY.leaseMs, 2 * config.mail.timeoutMs) },
  });
  // Data from before one person had one password: each site account's password becomes theirs.
  await services.people.adoptAccountPasswords(new Date());
  return { models, services };
}
