import type { SiteAuthorView } from '../../../contract/author-api.js';
import type { Types } from 'mongoose';
import type { Models } from '../../models/models.js';

/** An author as the site's other authors see them: never their password or mail settings. */
export function toAuthorView(author: { name: string; email: string }): SiteAuthorView {
  return { name: author.name, email: author.email };
}

/** A site's authors by id, for naming whose post a page is. */
export async function authorViewsOn(models: Models, siteId: string): Promise<Map<string, SiteAuthorView>> {
  const authors = await models.Author.find({ siteId }, { name: 1, email: 1 }).lean();
  return new Map(authors.map((author) => [author._id.toHexString(), toAuthorView(author)]));
}

/** One author as the others see them (a page's author, by the id the page keeps); null when there is none. */
export async function authorViewById(models: Models, authorId: Types.ObjectId | null | undefined): Promise<SiteAuthorView | null> {
  const author = authorId ? await models.Author.findById(authorId, { name: 1, email: 1 }).lean() : null;
  return author ? toAuthorView(author) : null;
}
