import type { Models } from '../models/models.js';
import type { Akismet } from './akismet.js';
import { AuthorService } from './authors.js';
import { CommentChanges } from './comment-changes.js';
import { CommentScreen } from './comment-screen.js';
import { CommentWriter } from './comment-writes.js';
import { CounterRepair } from './counter-repair.js';
import { EditTokens } from './edit-tokens.js';
import { FormTokens } from './form-tokens.js';
import { PageService } from './pages.js';
import { PublicThreads } from './public-threads.js';
import { ThreadCache } from './thread-cache.js';
import { createSigner } from './secrets.js';
import { SessionService } from './sessions.js';
import { InboxService } from './inbox.js';
import { Digests } from './digests.js';
import { MailLinks } from './mail-links.js';
import { Notifications } from './notifications.js';
import { DEFAULT_RETRY_POLICY, Outbox, type RetryPolicy } from './outbox.js';
import { Subscriptions } from './subscriptions.js';
import { StatsService } from './stats.js';
import { SiteData } from './site-data.js';
import { SiteService } from './sites.js';
import { ThreadReader } from './thread-reads.js';

/** How long a thread read may be served from this instance's memory before it is rebuilt. */
const THREAD_FRESH_MS = 1_000;

export interface ServiceOptions {
  /** Where readers and authors reach this server: the base of every link in a mail. */
  publicUrl: string;
  akismet?: Akismet;
  retryPolicy?: RetryPolicy;
}

/** Every service, built once per process from the models and the signing secret. */
export function createServices(models: Models, secret: string, options: ServiceOptions) {
  const signer = createSigner(secret);
  const cache = new ThreadCache(THREAD_FRESH_MS);
  const siteChanged = (siteId: string) => cache.invalidateSite(siteId);
  const sites = new SiteService(models, siteChanged);
  const pages = new PageService(models);
  const editTokens = new EditTokens(signer);
  const threads = new ThreadReader(models);
  const outbox = new Outbox(models, new URL(options.publicUrl).hostname, options.retryPolicy ?? DEFAULT_RETRY_POLICY);
  const subscriptions = new Subscriptions(models, signer);
  const mailLinks = new MailLinks(options.publicUrl);
  const notifications = new Notifications(models, outbox, subscriptions, mailLinks);
  const inbox = new InboxService(models);
  return {
    sites,
    pages,
    authors: new AuthorService(models, siteChanged),
    writer: new CommentWriter(models, sites, pages, editTokens, signer, new CommentScreen(models, options.akismet), notifications, siteChanged),
    changes: new CommentChanges(models, editTokens, notifications, siteChanged),
    threads,
    publicThreads: new PublicThreads(sites, threads, cache),
    formTokens: new FormTokens(signer),
    sessions: new SessionService(models),
    /** A keyed hash for naming clients in shared counters without storing their address or email. */
    keyHash: (value: string) => signer.sign('counter-key', value),
    inbox,
    outbox,
    subscriptions,
    digests: new Digests(models, outbox, inbox, mailLinks),
    siteData: new SiteData(models, siteChanged),
    repair: new CounterRepair(models, siteChanged),
    stats: new StatsService(models),
  };
}

export type Services = ReturnType<typeof createServices>;
