import type { Models } from '../models/models.js';
import type { Akismet } from './akismet.js';
import { AuthorService } from './authors.js';
import { CommentChanges } from './comment-changes.js';
import { CommentScreen } from './comment-screen.js';
import { CommentWriter } from './comment-writes.js';
import { EditTokens } from './edit-tokens.js';
import { FormTokens } from './form-tokens.js';
import { PageService } from './pages.js';
import { PublicThreads } from './public-threads.js';
import { ThreadCache } from './thread-cache.js';
import { createSigner } from './secrets.js';
import { SessionService } from './sessions.js';
import { InboxService } from './inbox.js';
import { StatsService } from './stats.js';
import { SiteData } from './site-data.js';
import { SiteService } from './sites.js';
import { ThreadReader } from './thread-reads.js';

/** How long a thread read may be served from this instance's memory before it is rebuilt. */
const THREAD_FRESH_MS = 1_000;

/** Every service, built once per process from the models and the signing secret. */
export function createServices(models: Models, secret: string, options: { akismet?: Akismet } = {}) {
  const signer = createSigner(secret);
  const cache = new ThreadCache(THREAD_FRESH_MS);
  const siteChanged = (siteId: string) => cache.invalidateSite(siteId);
  const sites = new SiteService(models, siteChanged);
  const pages = new PageService(models);
  const editTokens = new EditTokens(signer);
  const threads = new ThreadReader(models);
  return {
    sites,
    pages,
    authors: new AuthorService(models, siteChanged),
    writer: new CommentWriter(models, sites, pages, editTokens, signer, new CommentScreen(models, options.akismet), siteChanged),
    changes: new CommentChanges(models, editTokens, siteChanged),
    threads,
    publicThreads: new PublicThreads(sites, threads, cache),
    formTokens: new FormTokens(signer),
    sessions: new SessionService(models),
    /** A keyed hash for naming clients in shared counters without storing their address or email. */
    keyHash: (value: string) => signer.sign('counter-key', value),
    inbox: new InboxService(models),
    siteData: new SiteData(models, siteChanged),
    stats: new StatsService(models),
  };
}

export type Services = ReturnType<typeof createServices>;
