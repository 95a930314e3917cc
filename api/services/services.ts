import type { Models } from '../models/models.js';
import { AuthorService } from './authors.js';
import { CommentChanges } from './comment-changes.js';
import { CommentWriter } from './comment-writes.js';
import { EditTokens } from './edit-tokens.js';
import { FormTokens } from './form-tokens.js';
import { PageService } from './pages.js';
import { createSigner } from './secrets.js';
import { SiteService } from './sites.js';
import { ThreadReader } from './thread-reads.js';

/** Every service, built once per process from the models and the signing secret. */
export function createServices(models: Models, secret: string) {
  const signer = createSigner(secret);
  const sites = new SiteService(models);
  const pages = new PageService(models);
  const editTokens = new EditTokens(signer);
  return {
    sites,
    pages,
    authors: new AuthorService(models),
    writer: new CommentWriter(models, sites, pages, editTokens),
    changes: new CommentChanges(models, editTokens),
    threads: new ThreadReader(models),
    formTokens: new FormTokens(signer),
  };
}

export type Services = ReturnType<typeof createServices>;
