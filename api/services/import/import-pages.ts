import type { Types } from 'mongoose';
import { LIMITS } from '../../../contract/limits.js';
import type { Models } from '../../models/models.js';
import { isOnlyDuplicateKeys } from '../core/duplicate-key.js';
import { cleanName } from '../core/text.js';
import type { PlannedPage } from './plan-pages.js';

/** How many pages one database round trip looks up. */
const CHUNK = 1_000;

/**
 * The pages an import's comments go on, by key: existing pages are reused (a title, URL or author
 * they lacked filled in from the export; an author already set is never changed), the others
 * created with the export's title, URL, author, closed state and the time of their first comment.
 * Pages only spam is on are not made (spam makes no page).
 */
export async function openImportedPages(models: Models, siteId: string, planned: Map<string, PlannedPage>): Promise<Map<string, Types.ObjectId>> {
  const needed = [...planned.values()].filter((page) => page.needed);
  const shown = needed.map((page) => ({
    key: page.key,
    title: cleanName(page.title).slice(0, LIMITS.pageTitle),
    url: page.url && page.url.length <= LIMITS.pageUrl ? page.url : '',
    page,
  }));
  for (let start = 0; start < shown.length; start += CHUNK) {
    const chunk = shown.slice(start, start + CHUNK);
    await models.Page.bulkWrite(
      chunk.map(({ key, title, url, page }) => ({
        updateOne: {
          filter: { siteId, key },
          update: { $setOnInsert: { siteId, key, title, url, authorId: page.authorId, commentCount: 0, awaitingReply: 0, locked: page.closed, createdAt: new Date(page.createdAt) } },
          upsert: true,
        },
      })),
      // A reader's first comment may make one of these pages meanwhile: the others still go in.
      { ordered: false },
    ).catch((error: unknown) => {
      // The pages made meanwhile by someone else are there all the same: found by key next.
      if (!isOnlyDuplicateKeys(error)) throw error;
    });
    const fill = chunk.flatMap(({ key, title, url, page: { authorId } }) => [
      ...(title ? [{ updateOne: { filter: { siteId, key, title: '' }, update: { $set: { title } } } }] : []),
      ...(url ? [{ updateOne: { filter: { siteId, key, url: '' }, update: { $set: { url } } } }] : []),
      ...(authorId ? [{ updateOne: { filter: { siteId, key, authorId: null }, update: { $set: { authorId } } } }] : []),
    ]);
    if (fill.length > 0) await models.Page.bulkWrite(fill, { ordered: false });
  }
  const ids = new Map<string, Types.ObjectId>();
  for (let start = 0; start < needed.length; start += CHUNK) {
    const keys = needed.slice(start, start + CHUNK).map((page) => page.key);
    for (const page of await models.Page.find({ siteId, key: { $in: keys } }, { key: 1 }).lean()) ids.set(page.key, page._id);
  }
  return ids;
}

/**
 * How many pages openImportedPages gives an author: those the export credits to a site author
 * that have none yet (new, or stored without one). Read before writing, so that a dry run tells
 * the same; a reader's first comment naming the page's author meanwhile would make it one fewer.
 */
export async function countPagesToAuthor(models: Models, siteId: string, planned: Map<string, PlannedPage>): Promise<number> {
  const credited = [...planned.values()].filter((page) => page.needed && page.authorId !== null);
  let authoredAlready = 0;
  for (let start = 0; start < credited.length; start += CHUNK) {
    const keys = credited.slice(start, start + CHUNK).map((page) => page.key);
    authoredAlready += await models.Page.countDocuments({ siteId, key: { $in: keys }, authorId: { $ne: null } });
  }
  return credited.length - authoredAlready;
}
