import type { Models } from '../../models/models.js';
import type { Types } from 'mongoose';
import type { PageChangeRequest, PageChangeResponse } from '../../../contract/author-api.js';
import type { PageRecord } from '../../models/page.js';
import { authorViewById } from './author-views.js';
import { findAuthorByEmail } from './authors.js';
import { ConflictError, invalidField, NotFoundError } from '../../errors.js';
import { cleanName } from '../core/text.js';
import { isDuplicateKey } from '../core/duplicate-key.js';

export interface PageIdentity {
  siteId: string;
  key: string;
  title?: string;
  url?: string;
  /** A site author the blog names as the post's writer: the page's author only if it has none yet. */
  authorId?: Types.ObjectId;
}

/** Pages come into being with their first comment. */
export class Pages {
  constructor(
    private readonly models: Models,
    private readonly siteChanged: (siteId: string) => void,
  ) {}

  async find(siteId: string, key: string) {
    return this.models.Page.findOne({ siteId, key }).lean();
  }

  /** An existing page by id, for a new comment on it; refuses a locked page. */
  async openById(pageId: Types.ObjectId) {
    const record = await this.models.Page.findById(pageId).lean();
    if (!record) throw new NotFoundError('Page');
    if (record.locked) throw new ConflictError('page_locked', 'This page is closed for new comments.');
    return record;
  }

  /** The page, created if new; fills in a title, URL or author it did not have yet. Refuses a locked page. */
  async open(page: PageIdentity, now: Date) {
    const filter = { siteId: page.siteId, key: page.key };
    const update = {
      $setOnInsert: { ...filter, commentCount: 0, awaitingReply: 0, locked: false, authorId: page.authorId ?? null, createdAt: now },
    };
    let record;
    try {
      record = await this.models.Page.findOneAndUpdate(filter, update, { upsert: true, returnDocument: 'after', lean: true });
    } catch (error) {
      // Two first comments at once: both upsert, the unique index lets one insert; the other reads it.
      if (!isDuplicateKey(error)) throw error;
      record = await this.models.Page.findOne(filter).lean();
    }
    if (!record) throw new Error(`page ${page.key} vanished while being opened`);
    if (record.locked) throw new ConflictError('page_locked', 'This page is closed for new comments.');
    const missing: Record<string, string> = {};
    // A title goes into every mail about the page: cleaned as a name is (one line, nothing hidden).
    const title = page.title ? cleanName(page.title) : '';
    if (title && !record.title) missing.title = title;
    if (page.url && !record.url) missing.url = page.url;
    if (Object.keys(missing).length > 0) {
      await this.models.Page.updateOne({ _id: record._id }, { $set: missing });
    }
    return { ...record, ...missing, authorId: await this.claimAuthor(record, page.authorId) };
  }

  /** The page's author: the one named now only when it had none (a later comment never changes it). */
  private async claimAuthor(record: { _id: Types.ObjectId; authorId?: Types.ObjectId | null }, named: Types.ObjectId | undefined) {
    if (record.authorId || !named) return record.authorId ?? null;
    // Conditional, so two first comments naming different authors cannot both win.
    const claimed = await this.models.Page.updateOne({ _id: record._id, authorId: null }, { $set: { authorId: named } });
    if (claimed.modifiedCount === 1) return named;
    return (await this.models.Page.findById(record._id, { authorId: 1 }).lean())?.authorId ?? null;
  }

  /**
   * An author corrects a page's title or URL (the first comment named them, maybe wrongly), or
   * says whose post it is. The URL must be on one of the site's origins, the author one of the
   * site's (by email); null clears either.
   */
  async correct(siteId: string, key: string, change: PageChangeRequest, origins: string[]) {
    const set: Record<string, string | Types.ObjectId | null> = {};
    if (change.title !== undefined) set.title = cleanName(change.title);
    if (change.url !== undefined) {
      if (change.url && !origins.includes(new URL(change.url).origin)) throw invalidField('url', 'origin', 'must be on one of the site’s origins');
      set.url = change.url ?? '';
    }
    if (change.author !== undefined) set.authorId = change.author ? await this.authorIdOf(siteId, change.author) : null;
    const page = await this.models.Page.findOneAndUpdate({ siteId, key }, { $set: set }, { returnDocument: 'after', lean: true });
    if (!page) throw new NotFoundError('Page');
    this.siteChanged(siteId);
    return page;
  }

  /** A page as the inbox shows it, with its author named. */
  async describe(page: PageRecord): Promise<PageChangeResponse['page']> {
    return { key: page.key, title: page.title ?? '', url: page.url ?? '', author: await authorViewById(this.models, page.authorId) };
  }

  private async authorIdOf(siteId: string, email: string): Promise<Types.ObjectId> {
    const author = await findAuthorByEmail(this.models, siteId, email);
    if (!author) throw invalidField('author', 'choice', 'is not an author of this site');
    return author._id;
  }
}
