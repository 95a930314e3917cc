import type { Types } from 'mongoose';
import type { CommentRecord } from '../../models/comment.js';

/** The comment a new one answers, as placing it in the tree needs it. */
export type Answered = Pick<CommentRecord, '_id' | 'ancestors' | 'inReplyTo'>;

/** Where a comment sits; generic so the import can place comments it names by its own slots. */
export interface Placement<Id = Types.ObjectId> {
  parentId: Id | null;
  ancestors: Id[];
  inReplyTo: Id | null;
}

/**
 * Where a reply to `target` goes in the tree: beneath it, or — past `maxDepth`, the deepest
 * level a thread may have — beneath its deepest allowed ancestor, still answering it
 * (`inReplyTo`, and last in `ancestors`, so the awaiting rule sees the answer). This bounds
 * every write that walks the ancestors, however long a chain of replies a reader builds.
 */
export function replyPlacement<Id = Types.ObjectId>(target: { _id: Id; ancestors: Id[]; inReplyTo?: Id | null } | null, maxDepth: number): Placement<Id> {
  if (!target) return { parentId: null, ancestors: [], inReplyTo: null };
  // A target that was itself placed higher ends its ancestors with the comment it answers.
  const treePath = target.inReplyTo ? target.ancestors.slice(0, -1) : target.ancestors;
  const path = [...treePath, target._id];
  if (path.length <= maxDepth) return { parentId: target._id, ancestors: path, inReplyTo: null };
  const kept = path.slice(0, maxDepth);
  return { parentId: kept.at(-1)!, ancestors: [...kept, target._id], inReplyTo: target._id };
}
