import type { Models } from '../models/models.js';
import type { Akismet } from './comments/akismet.js';
import { AwaitingReplyKeeper } from './comments/awaiting-reply-keeper.js';
import { CommentChanges } from './comments/comment-changes.js';
import { CommentScreen } from './comments/comment-screen.js';
import { CommentWriter } from './comments/comment-writer.js';
import { EditTokens } from './comments/edit-tokens.js';
import { FormTokens } from './comments/form-tokens.js';
import { Counters } from './core/counters.js';
import { createSigner } from './core/secrets.js';
import { CounterRepair } from './data/counter-repair.js';
import { SiteData, type MailCopies } from './data/site-data.js';
import { SiteImport } from './import/site-import.js';
import { Digests } from './inbox/digests.js';
import { Inbox } from './inbox/inbox.js';
import { Stats } from './inbox/stats.js';
import { MailLinks } from './mail/mail-links.js';
import { Notifications } from './mail/notifications.js';
import { DEFAULT_RETRY_POLICY, Outbox, type RetryPolicy } from './mail/outbox.js';
import { Subscriptions } from './mail/subscriptions.js';
import { Authors } from './sites/authors.js';
import { People } from './sites/people.js';
import { Pages } from './sites/pages.js';
import { Sessions } from './sites/sessions.js';
import { Sites } from './sites/sites.js';
import { PublicThreads } from './threads/public-threads.js';
import { ThreadCache } from './threads/thread-cache.js';
import { ThreadReader } from './threads/thread-reader.js';

/** How long a thread read may be served from this instance's memory before it is rebuilt. */
const THREAD_FRESH_MS = 1_000;

export interface ServiceOptions {
  /** Where readers and authors reach this server: the base of every link in a mail. */
  publicUrl: string;
  akismet?: Akismet;
  retryPolicy?: RetryPolicy;
  /** Mail kept outside the database, which erasing a reader removes too. */
  mailCopies?: MailCopies;
  /** The most the kept thread answers of this process may take (THREAD_CACHE_MB). */
  threadCacheBytes?: number;
  /** The deepest level of replies (MAX_REPLY_DEPTH). */
  maxReplyDepth?: number;
}

export const DEFAULT_MAX_REPLY_DEPTH = 30;

const DEFAULT_THREAD_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Every service, built once per process from the models and the signing secret. Each key is
 * its class's name in camel case, and its file's name in kebab case.
 */
export function createServices(models: Models, secret: string, options: ServiceOptions) {
  const signer = createSigner(secret);
  const cache = new ThreadCache(THREAD_FRESH_MS, options.threadCacheBytes ?? DEFAULT_THREAD_CACHE_BYTES);
  const siteChanged = (siteId: string) => cache.invalidateSite(siteId);
  const keeper = new AwaitingReplyKeeper(models);
  const sites = new Sites(models, siteChanged);
  const pages = new Pages(models, siteChanged);
  const editTokens = new EditTokens(signer);
  const threadReader = new ThreadReader(models);
  const outbox = new Outbox(models, new URL(options.publicUrl).hostname, options.retryPolicy ?? DEFAULT_RETRY_POLICY);
  const subscriptions = new Subscriptions(models, signer);
  const mailLinks = new MailLinks(options.publicUrl);
  const notifications = new Notifications(models, outbox, subscriptions, mailLinks);
  const people = new People(models);
  const inbox = new Inbox(models);
  const screen = new CommentScreen(models, options.akismet);
  const formTokens = new FormTokens(models, signer);
  return {
    sites,
    pages,
    people,
    authors: new Authors(models, people, siteChanged),
    sessions: new Sessions(models, people, signer),
    commentWriter: new CommentWriter(models, keeper, sites, pages, editTokens, signer, screen, formTokens, notifications, subscriptions, siteChanged, options.maxReplyDepth ?? DEFAULT_MAX_REPLY_DEPTH),
    commentChanges: new CommentChanges(models, keeper, editTokens, screen, pages, notifications, siteChanged),
    formTokens,
    threadReader,
    threadCache: cache,
    publicThreads: new PublicThreads(sites, threadReader, cache),
    counters: new Counters(models, signer),
    inbox,
    stats: new Stats(models),
    digests: new Digests(models, outbox, inbox, mailLinks),
    outbox,
    subscriptions,
    siteData: new SiteData(models, keeper, siteChanged, options.mailCopies),
    counterRepair: new CounterRepair(models, keeper, siteChanged),
    siteImport: new SiteImport(models, keeper, sites, signer, siteChanged, options.maxReplyDepth ?? DEFAULT_MAX_REPLY_DEPTH),
  };
}

export type Services = ReturnType<typeof createServices>;
