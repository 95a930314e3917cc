import type { Types } from 'mongoose';
import type { Models } from '../../models/models.js';
import { isAwaiting, type AwaitingReplyKeeper } from '../comments/awaiting-reply-keeper.js';

/** What a check found on a site: comments and pages whose derived state did not match a recount. */
export interface RepairReport {
  siteId: string;
  comments: number;
  pages: number;
  fixed: boolean;
}

/**
 * The awaiting-reply state and the page counters are kept by several writes per comment. A
 * process killed between them (a crash, `kill -9`) leaves a comment stored but not yet counted,
 * or an answer not yet marked on the comments above it. This recounts a site from its comments
 * alone and, when asked, writes the recount — each write only if the value is still the one read,
 * so a comment posted meanwhile is never overwritten (run it again to catch up).
 */
export class CounterRepair {
  constructor(
    private readonly models: Models,
    private readonly keeper: AwaitingReplyKeeper,
    private readonly siteChanged: (siteId: string) => void,
  ) {}

  async check(siteId: string, { fix }: { fix: boolean }): Promise<RepairReport> {
    const answersBelow = await this.answersBelow(siteId);
    const perPage = new Map<string, { commentCount: number; awaitingReply: number }>();
    let comments = 0;
    const cursor = this.models.Comment.find(
      { siteId },
      { pageId: 1, status: 1, type: 1, isAuthor: 1, noReplyNeeded: 1, authorRepliesBelow: 1, awaitingReply: 1, waitingSince: 1, createdAt: 1 },
    )
      .lean()
      .cursor();
    for await (const comment of cursor) {
      const recounted = answersBelow.get(comment._id.toHexString()) ?? 0;
      const awaiting = isAwaiting({ ...comment, authorRepliesBelow: recounted });
      const since = awaiting ? comment.createdAt.getTime() : null;
      const wrong = comment.authorRepliesBelow !== recounted || comment.awaitingReply !== awaiting || (comment.waitingSince?.getTime() ?? null) !== since;
      if (wrong) {
        comments++;
        if (fix) await this.keeper.rewriteAuthorRepliesBelow(comment._id, comment.authorRepliesBelow, recounted);
      }
      const page = perPage.get(comment.pageId.toHexString()) ?? { commentCount: 0, awaitingReply: 0 };
      page.commentCount += Number(comment.status === 'published');
      page.awaitingReply += Number(awaiting);
      perPage.set(comment.pageId.toHexString(), page);
    }
    const pages = await this.checkPages(siteId, perPage, fix);
    if (fix && comments + pages > 0) this.siteChanged(siteId);
    return { siteId, comments, pages, fixed: fix };
  }

  /** For each comment, how many published author comments are below it: the answers it has. */
  private async answersBelow(siteId: string): Promise<Map<string, number>> {
    const rows = await this.models.Comment.aggregate<{ _id: Types.ObjectId; n: number }>([
      { $match: { siteId, isAuthor: true, status: 'published' } },
      { $unwind: '$ancestors' },
      { $group: { _id: '$ancestors', n: { $sum: 1 } } },
    ]);
    return new Map(rows.map((row) => [row._id.toHexString(), row.n]));
  }

  private async checkPages(siteId: string, recounted: Map<string, { commentCount: number; awaitingReply: number }>, fix: boolean): Promise<number> {
    let wrong = 0;
    for (const page of await this.models.Page.find({ siteId }, { commentCount: 1, awaitingReply: 1 }).lean()) {
      const want = recounted.get(page._id.toHexString()) ?? { commentCount: 0, awaitingReply: 0 };
      if (page.commentCount === want.commentCount && page.awaitingReply === want.awaitingReply) continue;
      wrong++;
      if (fix) {
        await this.models.Page.updateOne({ _id: page._id, commentCount: page.commentCount, awaitingReply: page.awaitingReply }, { $set: want });
      }
    }
    return wrong;
  }
}
