import { Types } from 'mongoose';
import type { Models } from '../../models/models.js';
import type { CommentRecord } from '../../models/comment.js';
import { invalidField, NotFoundError } from '../../errors.js';
import { toModeratedComment } from '../comments/comment-view.js';
import type { InboxItem, InboxResponse, SiteAuthorView } from '../../../contract/author-api.js';
import { authorViewsOn } from '../sites/author-views.js';
import { commentsInScope, type AuthorInScope } from './author-scope.js';
import type { InboxReason, InboxView } from '../../../contract/enums.js';

const PAGE_SIZE = 25;
const HOUR = 3_600_000;

/** A reader's history on the site, so the author knows whom they are answering. */
interface ReaderHistory {
  name: string;
  commentCount: number;
  firstCommentAt: string;
  answeredCount: number;
}

type Cursor = { priority: number; time: number; id: string };

/** The author's queues: what waits for an answer, in priority order, and the moderation views. */
export class Inbox {
  constructor(private readonly models: Models) {}

  /** `who`: whose scope to keep to; a page asked for by key is shown whole, whoever's post it is. */
  async list(siteId: string, options: { view: InboxView; pageKey?: string; cursor?: string; who?: AuthorInScope }, now: Date): Promise<InboxResponse> {
    const site = await this.models.Site.findById(siteId).lean();
    if (!site) throw new NotFoundError(`Site "${siteId}"`);
    let filter: Record<string, unknown> = { siteId };
    if (options.pageKey === undefined) filter = { ...filter, ...(await commentsInScope(this.models, siteId, options.who)) };
    else {
      const page = await this.models.Page.findOne({ siteId, key: options.pageKey }, { _id: 1 }).lean();
      if (!page) return { items: [], nextCursor: null };
      filter.pageId = page._id;
    }
    const after = options.cursor ? decodeCursor(options.cursor) : undefined;
    const found = options.view === 'awaiting' ? await this.awaiting(filter, after, now) : await this.newestFirst(filter, options.view, after);
    const comments = found.slice(0, PAGE_SIZE);
    // A held question waits too, for approval first: the awaiting view starts with them, so
    // pre-moderation never hides a reader's question (answering it approves it).
    const heldQuestions =
      options.view === 'awaiting' && !after
        ? await this.models.Comment.find({ ...filter, status: 'pending', 'signals.question': true }).sort({ createdAt: 1, _id: 1 }).limit(PAGE_SIZE).lean()
        : [];
    const last = comments.at(-1);
    const goalMs = site.settings.replyGoalHours * HOUR;
    return {
      items: await this.describe([...heldQuestions, ...comments], now, (c) => Boolean(c.awaitingReply && c.waitingSince && now.getTime() - c.waitingSince.getTime() > goalMs)),
      nextCursor: found.length > PAGE_SIZE && last ? encodeCursor(options.view, last) : null,
    };
  }

  /** Who waits, by priority then longest first; a snoozed comment is left out until its time comes. */
  private awaiting(filter: Record<string, unknown>, after: Cursor | undefined, now: Date) {
    const query: Record<string, unknown> = { ...filter, awaitingReply: true, $nor: [{ snoozedUntil: { $gt: now } }] };
    if (after) {
      const since = new Date(after.time);
      const id = new Types.ObjectId(after.id);
      query.$or = [
        { priority: { $gt: after.priority } },
        { priority: after.priority, waitingSince: { $gt: since } },
        { priority: after.priority, waitingSince: since, _id: { $gt: id } },
      ];
    }
    return this.models.Comment.find(query).sort({ priority: 1, waitingSince: 1, _id: 1 }).limit(PAGE_SIZE + 1).lean();
  }

  private newestFirst(filter: Record<string, unknown>, view: Exclude<InboxView, 'awaiting'>, after: Cursor | undefined) {
    const query: Record<string, unknown> = { ...filter };
    query.status = view === 'all' ? { $ne: 'deleted' } : view;
    if (after) {
      const at = new Date(after.time);
      query.$or = [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: new Types.ObjectId(after.id) } }];
    }
    return this.models.Comment.find(query).sort({ createdAt: -1, _id: -1 }).limit(PAGE_SIZE + 1).lean();
  }

  /** Each comment with its page, the comment it answers, its reader's history and its reasons. */
  private async describe(comments: CommentRecord[], now: Date, overdue: (c: CommentRecord) => boolean): Promise<InboxItem[]> {
    const pageIds = [...new Set(comments.map((c) => c.pageId.toHexString()))].map((id) => new Types.ObjectId(id));
    const parentIds = comments.flatMap((c) => (c.parentId ? [c.parentId] : []));
    const readerKeys = [...new Set(comments.flatMap((c) => (c.readerKey ? [c.readerKey] : [])))];
    const siteId = comments[0]?.siteId;
    const [pages, parents, histories, authors] = await Promise.all([
      this.models.Page.find({ _id: { $in: pageIds } }, { key: 1, title: 1, url: 1, authorId: 1 }).lean(),
      this.models.Comment.find({ _id: { $in: parentIds } }).lean(),
      siteId ? this.readerHistories(siteId, readerKeys) : new Map<string, Omit<ReaderHistory, 'name'>>(),
      siteId ? authorViewsOn(this.models, siteId) : new Map<string, SiteAuthorView>(),
    ]);
    const pageById = new Map(pages.map((p) => [p._id.toHexString(), p]));
    const parentById = new Map(parents.map((p) => [p._id.toHexString(), p]));
    return comments.map((comment) => {
      // Spam on a page no one else wrote on made no page: what it said about it stands in.
      const stored = pageById.get(comment.pageId.toHexString());
      const page = stored ?? comment.spamPage;
      const parent = comment.parentId ? parentById.get(comment.parentId.toHexString()) : undefined;
      const history = comment.readerKey ? histories.get(comment.readerKey) : undefined;
      return {
        comment: toModeratedComment(comment),
        page: { key: page?.key ?? '', title: page?.title ?? '', url: page?.url ?? '', author: (stored?.authorId && authors.get(stored.authorId.toHexString())) || null },
        parent: parent ? toModeratedComment(parent) : null,
        reader: history ? { name: comment.name, ...history } : null,
        waitingSince: comment.waitingSince?.toISOString() ?? null,
        reasons: reasonsFor(comment, overdue(comment), now),
      };
    });
  }

  private async readerHistories(siteId: string, readerKeys: string[]) {
    const rows = await this.models.Comment.aggregate<{ _id: string; commentCount: number; firstCommentAt: Date; answeredCount: number }>([
      { $match: { siteId, readerKey: { $in: readerKeys }, status: { $in: ['published', 'pending'] } } },
      {
        $group: {
          _id: '$readerKey',
          commentCount: { $sum: 1 },
          firstCommentAt: { $min: '$createdAt' },
          answeredCount: { $sum: { $cond: [{ $gt: ['$authorRepliesBelow', 0] }, 1, 0] } },
        },
      },
    ]);
    return new Map(rows.map((r) => [r._id, { commentCount: r.commentCount, firstCommentAt: r.firstCommentAt.toISOString(), answeredCount: r.answeredCount }]));
  }
}

function reasonsFor(comment: CommentRecord, overdue: boolean, now: Date): InboxReason[] {
  const signals = comment.signals;
  const reasons: InboxReason[] = [];
  if (signals?.question) reasons.push('question');
  if (signals?.replyToAuthor) reasons.push('reply-to-author');
  if (signals?.firstTime) reasons.push('first-time');
  if (signals?.mentionsAuthor) reasons.push('mentions-author');
  if (overdue) reasons.push('overdue');
  if (comment.heldAfterEdit) reasons.push('held-after-edit');
  // Back from a snooze: the chip says why an old comment is here again.
  if (comment.snoozedUntil && comment.snoozedUntil <= now && comment.awaitingReply) reasons.push('snoozed');
  return reasons;
}

function encodeCursor(view: InboxView, last: CommentRecord): string {
  const time = view === 'awaiting' ? last.waitingSince!.getTime() : last.createdAt.getTime();
  return Buffer.from(JSON.stringify({ priority: last.priority, time, id: last._id.toHexString() })).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Partial<Cursor>;
    // The time must make a Date (a number past ±8.64e15 ms does not), and the id a 24-hex ObjectId.
    if (
      Number.isInteger(parsed.priority) &&
      Number.isSafeInteger(parsed.time) &&
      !Number.isNaN(new Date(parsed.time as number).getTime()) &&
      typeof parsed.id === 'string' &&
      /^[0-9a-f]{24}$/i.test(parsed.id)
    ) {
      return parsed as Cursor;
    }
  } catch {
    // fall through to the error below
  }
  throw invalidField('cursor', 'format', 'must be a nextCursor from an earlier answer');
}
