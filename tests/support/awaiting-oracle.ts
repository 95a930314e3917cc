import type { Types } from 'mongoose';
import type { TestContext } from './test-context.js';

interface Node {
  _id: Types.ObjectId;
  parentId?: Types.ObjectId | null;
  status: string;
  isAuthor: boolean;
  noReplyNeeded: boolean;
  /** Pingbacks, trackbacks and webmentions never wait; comments stored before types had none. */
  type?: string | null;
}

/**
 * DESIGN.md's rule recomputed from scratch by walking the tree, independently of the stored
 * counters: the reference the stored state is compared with.
 */
export function recomputeAwaiting(comments: Node[]): Map<string, boolean> {
  const children = new Map<string, Node[]>();
  for (const comment of comments) {
    const parent = comment.parentId?.toHexString() ?? '';
    children.set(parent, [...(children.get(parent) ?? []), comment]);
  }
  const hasPublishedAuthorBelow = (id: string): boolean =>
    (children.get(id) ?? []).some(
      (child) => (child.isAuthor && child.status === 'published') || hasPublishedAuthorBelow(child._id.toHexString()),
    );
  return new Map(
    comments.map((c) => [
      c._id.toHexString(),
      c.status === 'published' && !c.isAuthor && !c.noReplyNeeded && (c.type ?? 'comment') === 'comment' && !hasPublishedAuthorBelow(c._id.toHexString()),
    ]),
  );
}

/** Compares every stored flag and the page counters with a recomputation; answers the differences. */
export async function differencesFromRecount(ctx: TestContext, siteId: string, pageKey: string): Promise<string[]> {
  const page = await ctx.models.Page.findOne({ siteId, key: pageKey }).lean();
  if (!page) return ['page missing'];
  const comments = await ctx.models.Comment.find({ pageId: page._id }).lean();
  const expected = recomputeAwaiting(comments);
  const problems: string[] = [];
  for (const comment of comments) {
    const want = expected.get(comment._id.toHexString());
    if (comment.awaitingReply !== want) problems.push(`comment ${comment._id} awaitingReply ${comment.awaitingReply}, expected ${want}`);
    const wantSince = want ? comment.createdAt.getTime() : null;
    if ((comment.waitingSince?.getTime() ?? null) !== wantSince) problems.push(`comment ${comment._id} waitingSince wrong`);
  }
  const published = comments.filter((c) => c.status === 'published').length;
  const awaiting = [...expected.values()].filter(Boolean).length;
  if (page.commentCount !== published) problems.push(`page commentCount ${page.commentCount}, expected ${published}`);
  if (page.awaitingReply !== awaiting) problems.push(`page awaitingReply ${page.awaitingReply}, expected ${awaiting}`);
  return problems;
}
