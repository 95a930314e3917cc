import type { Types } from 'mongoose';
import type { CommentStatus } from '../../../contract/enums.js';
import type { CommentRecord } from '../../models/comment.js';
import type { Models } from '../../models/models.js';

/** The fields the awaiting-reply rule reads. */
export type AwaitingInputs = Pick<CommentRecord, 'status' | 'isAuthor' | 'noReplyNeeded' | 'authorRepliesBelow'> & { type?: CommentRecord['type'] | null };

/**
 * DESIGN.md's rule: published, by a reader, no published author comment beneath it, and not
 * marked "no reply needed". A mention (pingback, trackback) is not a reader talking to the
 * author, so it never waits; comments from before types existed have none and are comments. The same rule as a MongoDB expression is `awaitingExpression` below;
 * the two must stay word for word alike.
 */
export function isAwaiting(comment: AwaitingInputs): boolean {
  return comment.status === 'published' && !comment.isAuthor && !comment.noReplyNeeded && comment.authorRepliesBelow <= 0 && (comment.type ?? 'comment') === 'comment';
}

const awaitingExpression = {
  $and: [
    { $eq: ['$status', 'published'] },
    { $not: ['$isAuthor'] },
    { $not: ['$noReplyNeeded'] },
    { $lte: ['$authorRepliesBelow', 0] },
    { $eq: [{ $ifNull: ['$type', 'comment'] }, 'comment'] },
  ],
};

/**
 * An update pipeline: apply `changes`, then derive `awaitingReply` and `waitingSince` from the
 * result in the same atomic write. A reader has been waiting since they wrote.
 */
function pipelineWith(changes: Record<string, unknown>) {
  return [
    { $set: changes },
    {
      $set: {
        awaitingReply: awaitingExpression,
        waitingSince: { $cond: [awaitingExpression, '$createdAt', null] },
      },
    },
  ];
}

/** A published author comment answers the branch above it. */
function answers(comment: Pick<CommentRecord, 'isAuthor' | 'status'>): boolean {
  return comment.isAuthor && comment.status === 'published';
}

/** What one comment's atomic change did to the page counters. */
interface CounterDelta {
  commentCount: number;
  awaitingReply: number;
}

const TRACKED = { status: 1, isAuthor: 1, noReplyNeeded: 1, authorRepliesBelow: 1, type: 1, ancestors: 1, pageId: 1 } as const;
type Tracked = AwaitingInputs & { _id: Types.ObjectId; ancestors: Types.ObjectId[]; pageId: Types.ObjectId };

/** Keeps `awaitingReply` and the page counters right under every write that can change them. */
export class AwaitingReplyKeeper {
  constructor(private readonly models: Models) {}

  /** A comment was just inserted: count it, and if it is a published author comment, answer its branch. */
  async commentInserted(comment: Tracked): Promise<void> {
    const delta = {
      commentCount: comment.status === 'published' ? 1 : 0,
      awaitingReply: isAwaiting(comment) ? 1 : 0,
    };
    await this.propagate(comment, answers(comment) ? 1 : 0, delta);
  }

  /**
   * Moves a comment from `from` to `to` status atomically; answers undefined when it was not in
   * `from` (someone else moved it first, so this call changes nothing and counts nothing).
   */
  async changeStatus(commentId: Types.ObjectId, from: CommentStatus[], to: CommentStatus, extra: Record<string, unknown> = {}) {
    return this.change({ _id: commentId, status: { $in: from } }, { ...extra, status: to });
  }

  /** Sets or clears "no reply needed"; undefined when the comment does not exist. */
  async setNoReplyNeeded(commentId: Types.ObjectId, value: boolean) {
    return this.change({ _id: commentId }, { noReplyNeeded: value });
  }

  /**
   * Writes a recounted number of author replies below a comment (and what follows from it), if
   * the stored one is still `expected`; answers whether it wrote. For repairs only: it moves no
   * page counter (the repair recounts those too).
   */
  async rewriteAuthorRepliesBelow(commentId: Types.ObjectId, expected: number, recounted: number): Promise<boolean> {
    const result = await this.models.Comment.updateOne({ _id: commentId, authorRepliesBelow: expected }, pipelineWith({ authorRepliesBelow: recounted }), {
      updatePipeline: true,
    });
    return result.modifiedCount === 1;
  }

  /**
   * Published author comments an import added beneath comments that were already here: each of
   * those comments gains `answers` answers (and may stop waiting), and the page's count of
   * waiting comments follows. The import counts its own new comments itself.
   */
  async answeredByImport(answers: Map<string, { id: Types.ObjectId; pageId: Types.ObjectId; count: number }>): Promise<void> {
    for (const { id, pageId, count } of answers.values()) {
      const before = await this.models.Comment.findOneAndUpdate(
        { _id: id },
        pipelineWith({ authorRepliesBelow: { $add: ['$authorRepliesBelow', count] } }),
        { returnDocument: 'before', projection: TRACKED, updatePipeline: true, lean: true },
      );
      if (!before) continue;
      const flip = Number(isAwaiting({ ...before, authorRepliesBelow: before.authorRepliesBelow + count })) - Number(isAwaiting(before));
      if (flip !== 0) await this.bumpPage(pageId, { commentCount: 0, awaitingReply: flip });
    }
  }

  private async change(filter: Record<string, unknown>, changes: Record<string, unknown>) {
    const before = await this.models.Comment.findOneAndUpdate(filter, pipelineWith(changes), {
      returnDocument: 'before',
      projection: TRACKED,
      updatePipeline: true,
      lean: true,
    });
    if (!before) return undefined;
    const after = { ...before, ...changes } as Tracked;
    const delta = {
      commentCount: Number(after.status === 'published') - Number(before.status === 'published'),
      awaitingReply: Number(isAwaiting(after)) - Number(isAwaiting(before)),
    };
    await this.propagate(after, Number(answers(after)) - Number(answers(before)), delta);
    return { before: before as Tracked, after };
  }

  /** An author comment entering (+1) or leaving (-1) "published" answers or un-answers every comment above it. */
  private async propagate(comment: Tracked, answersChange: number, delta: CounterDelta): Promise<void> {
    if (answersChange !== 0 && comment.ancestors.length > 0) {
      delta.awaitingReply += await this.shiftAuthorReplies(comment.ancestors, answersChange > 0 ? 1 : -1);
    }
    await this.bumpPage(comment.pageId, delta);
  }

  /** Adds `by` to each ancestor's count of author replies below; answers the change in waiting comments. */
  private async shiftAuthorReplies(ancestors: Types.ObjectId[], by: 1 | -1): Promise<number> {
    const flips = await Promise.all(
      ancestors.map(async (id) => {
        const before = await this.models.Comment.findOneAndUpdate(
          { _id: id },
          pipelineWith({ authorRepliesBelow: { $add: ['$authorRepliesBelow', by] } }),
          { returnDocument: 'before', projection: TRACKED, updatePipeline: true, lean: true },
        );
        if (!before) return 0;
        const after = { ...before, authorRepliesBelow: before.authorRepliesBelow + by };
        return Number(isAwaiting(after)) - Number(isAwaiting(before));
      }),
    );
    return flips.reduce((sum, flip) => sum + flip, 0);
  }

  private async bumpPage(pageId: Types.ObjectId, delta: CounterDelta): Promise<void> {
    await this.models.Page.updateOne(
      { _id: pageId },
      { $inc: { commentCount: delta.commentCount, awaitingReply: delta.awaitingReply } },
    );
  }
}
