import type { ApiComment } from '../shared/api-client.js';

/** A comment with its replies, as the thread shows it. */
export interface CommentNode {
  comment: ApiComment;
  replies: CommentNode[];
  /** The comment it replies to, when the reply is shown flat (too deep to indent further). */
  parent?: ApiComment;
  /** An author's comment somewhere beneath it: its reader has been answered. */
  answeredBy?: string;
}

/** Deeper replies are shown at this depth, flat, with "in reply to NAME". */
export const MAX_DEPTH = 3;

/** Builds the visible tree: oldest (or newest) first at the top level, replies always oldest first. */
export function buildTree(comments: ApiComment[], newestFirst: boolean): CommentNode[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const nodes = new Map(comments.map((comment) => [comment.id, { comment, replies: [] } as CommentNode]));
  const roots: CommentNode[] = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id)!;
    const parentNode = comment.parentId ? nodes.get(comment.parentId) : undefined;
    if (parentNode) parentNode.replies.push(node);
    else roots.push(node);
  }
  // Answers are found on the whole tree, before deep branches are flattened.
  for (const root of roots) markAnswered(root);
  for (const root of roots) flattenBeyond(root, 1, byId);
  return newestFirst ? roots.reverse() : roots;
}

/** Replies deeper than MAX_DEPTH move up to the last indented level, remembering whom they answer. */
function flattenBeyond(node: CommentNode, depth: number, byId: Map<string, ApiComment>): void {
  for (const reply of node.replies) flattenBeyond(reply, depth + 1, byId);
  if (depth < MAX_DEPTH) return;
  const flat: CommentNode[] = [];
  const collect = (replies: CommentNode[]) => {
    for (const reply of replies) {
      const parent = reply.comment.parentId === node.comment.id ? undefined : byId.get(reply.comment.parentId!);
      flat.push({ ...reply, replies: [], parent });
      collect(reply.replies);
    }
  };
  collect(node.replies);
  node.replies = flat.sort((a, b) => a.comment.createdAt.localeCompare(b.comment.createdAt));
}

/** Returns the name of an author who replied anywhere beneath, and records it on reader comments. */
function markAnswered(node: CommentNode): string | undefined {
  let found: string | undefined;
  for (const reply of node.replies) {
    const below = markAnswered(reply);
    const here = reply.comment.author.isAuthor && !reply.comment.removed ? reply.comment.author.name : undefined;
    found ??= here ?? below;
  }
  if (!node.comment.author.isAuthor) node.answeredBy = found;
  return found;
}
