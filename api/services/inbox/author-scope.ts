import type { Types } from 'mongoose';
import type { AuthorScope } from '../../../contract/enums.js';
import type { Models } from '../../models/models.js';

/** Whose view of a site: an author, and which of its posts they chose to see. */
export interface AuthorInScope {
  authorId: Types.ObjectId;
  scope: AuthorScope;
}

/**
 * The filter on a site's comments that keeps to an author's scope: every post for `all`; for
 * `mine`, every post but those of the site's other authors (theirs and those without an author
 * stay, so nothing unassigned falls between the authors).
 */
export async function commentsInScope(models: Models, siteId: string, who: AuthorInScope | undefined): Promise<Record<string, unknown>> {
  const others = await pagesOutOfScope(models, siteId, who);
  return others.length > 0 ? { pageId: { $nin: others } } : {};
}

/** The posts an author's scope leaves out: none for `all`, the other authors' for `mine`. */
export async function pagesOutOfScope(models: Models, siteId: string, who: AuthorInScope | undefined): Promise<Types.ObjectId[]> {
  if (!who || who.scope === 'all') return [];
  const others = await models.Page.find({ siteId, authorId: { $nin: [null, who.authorId] } }, { _id: 1 }).lean();
  return others.map((page) => page._id);
}
