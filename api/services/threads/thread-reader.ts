import { Types } from 'mongoose';
import type { Models } from '../../models/models.js';
import { invalidField } from '../../errors.js';
import type { PageCounts, PublicComment, PublicPage } from '../../../contract/public-api.js';
import { PUBLIC_COMMENT_FIELDS, toPlaceholder, toPublicComment, toPublicPage } from '../comments/comment-view.js';
import { parseObjectId } from '../core/ids.js';
import { authorViewById } from '../sites/author-views.js';

export interface ThreadSlice {
  page: PublicPage;
  comments: PublicComment[];
  /** Pass back as `cursor` for the next comments; null on the last slice. */
  nextCursor: string | null;
}

/** Reading threads and counts, as the public widget does. */
export class ThreadReader {
  constructor(private readonly models: Models) {}

  /** A page's published comments, oldest first, `limit` at a time. An unknown page is an empty thread. */
  async slice(siteId: string, pageKey: string, options: { cursor?: string; limit: number }): Promise<ThreadSlice> {
    const after = options.cursor ? decodeCursor(options.cursor) : undefined;
    const page = await this.models.Page.findOne({ siteId, key: pageKey }).lean();
    if (!page) return { page: toPublicPage(pageKey, null), comments: [], nextCursor: null };
    const filter: Record<string, unknown> = { pageId: page._id, status: 'published' };
    if (after) {
      filter.$or = [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, _id: { $gt: after.id } }];
    }
    const found = await this.models.Comment.find(filter, { ...PUBLIC_COMMENT_FIELDS, ancestors: 1, inReplyTo: 1 })
      .sort({ createdAt: 1, _id: 1 })
      .limit(options.limit + 1)
      .lean();
    const comments = found.slice(0, options.limit);
    const last = comments.at(-1);
    const [placeholders, answeredNames, author] = await Promise.all([
      this.removedParents(comments, page._id),
      this.answeredNames(comments),
      authorViewById(this.models, page.authorId),
    ]);
    const withReplyTo = (comment: (typeof comments)[number]): PublicComment => {
      const shown = toPublicComment(comment);
      if (!comment.inReplyTo) return shown;
      const id = comment.inReplyTo.toHexString();
      return { ...shown, replyTo: { id, name: answeredNames.get(id) ?? '' } };
    };
    return {
      page: toPublicPage(pageKey, page, author?.name),
      comments: [...placeholders.map(toPlaceholder), ...comments.map(withReplyTo)],
      nextCursor: found.length > options.limit && last ? encodeCursor(last.createdAt, last._id) : null,
    };
  }

  /** Whether the cursor is one a slice of this page gave: it names a published comment there, at its time. */
  async isCursorOf(siteId: string, pageKey: string, cursor: string): Promise<boolean> {
    const { createdAt, id } = decodeCursor(cursor);
    const page = await this.models.Page.findOne({ siteId, key: pageKey }, { _id: 1 }).lean();
    return Boolean(page && (await this.models.Comment.exists({ _id: id, pageId: page._id, createdAt, status: 'published' })));
  }

  /**
   * Removed (deleted, spam, held) comments that published ones in this slice reply to, up the
   * tree to the nearest published one, so replies keep their place. Parents that are merely in
   * an earlier slice are published and end the climb. One query, however deep the chain: every
   * comment carries its ancestors, nearest last.
   */
  private async removedParents(comments: { _id: Types.ObjectId; ancestors: Types.ObjectId[] }[], pageId: Types.ObjectId) {
    const inSlice = new Set(comments.map((c) => c._id.toHexString()));
    const above = [...new Set(comments.flatMap((c) => c.ancestors.map((id) => id.toHexString())))].filter((id) => !inSlice.has(id));
    if (above.length === 0) return [];
    const removed = await this.models.Comment.find(
      { _id: { $in: above.map((id) => new Types.ObjectId(id)) }, pageId, status: { $ne: 'published' } },
      { parentId: 1, createdAt: 1 },
    ).lean();
    const removedById = new Map(removed.map((c) => [c._id.toHexString(), c]));
    const shown = new Map<string, (typeof removed)[number]>();
    for (const comment of comments) {
      // From the parent up, while the ancestors are removed ones (a published one ends it).
      for (const id of [...comment.ancestors].reverse()) {
        const placeholder = removedById.get(id.toHexString());
        if (!placeholder) break;
        shown.set(id.toHexString(), placeholder);
      }
    }
    return [...shown.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** The names of the published comments that replies past the deepest level answer. */
  private async answeredNames(comments: { inReplyTo?: Types.ObjectId | null }[]): Promise<Map<string, string>> {
    const ids = comments.flatMap((c) => (c.inReplyTo ? [c.inReplyTo] : []));
    if (ids.length === 0) return new Map();
    const answered = await this.models.Comment.find({ _id: { $in: ids }, status: 'published' }, { name: 1 }).lean();
    return new Map(answered.map((c) => [c._id.toHexString(), c.name]));
  }

  /** Counts for many pages of one site in one query; pages without comments count zero. */
  async counts(siteId: string, pageKeys: string[]): Promise<Record<string, PageCounts>> {
    const pages = await this.models.Page.find(
      { siteId, key: { $in: pageKeys } },
      { key: 1, commentCount: 1, awaitingReply: 1 },
    ).lean();
    const byKey = new Map(pages.map((page) => [page.key, page]));
    return Object.fromEntries(
      pageKeys.map((key) => {
        const page = byKey.get(key);
        return [key, { commentCount: page?.commentCount ?? 0, awaitingReply: page?.awaitingReply ?? 0 }];
      }),
    );
  }
}

function encodeCursor(createdAt: Date, id: Types.ObjectId): string {
  return Buffer.from(`${createdAt.getTime()}.${id.toHexString()}`).toString('base64url');
}

/** The cursor's position; refused unless it is spelt exactly as `encodeCursor` spells it. */
function decodeCursor(cursor: string): { createdAt: Date; id: Types.ObjectId } {
  const [time, hex] = Buffer.from(cursor, 'base64url').toString().split('.');
  const id = parseObjectId(hex ?? '');
  const createdAt = new Date(Number(time));
  if (!id || Number.isNaN(createdAt.getTime()) || encodeCursor(createdAt, id) !== cursor) {
    throw invalidField('cursor', 'format', 'is not a cursor this server gave');
  }
  return { createdAt, id };
}
