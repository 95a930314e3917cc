import type { CommentChange, InboxItem } from '../../contract/author-api.js';
import type { InboxView } from '../../contract/enums.js';
import type { ItemAction } from './inbox-events.js';

/** What `u` puts back: the changes that reverse one action (or one bulk action). */
export type UndoEntry = { id: string; change: CommentChange }[];

export const ACTION_CHANGES: Record<ItemAction, CommentChange> = {
  approve: { status: 'published' },
  noReplyNeeded: { awaitingReply: false },
  needsReply: { awaitingReply: true },
  spam: { status: 'spam' },
  delete: { status: 'deleted' },
};

/** `g` and a letter: the queue to go to. */
export const VIEW_KEYS: Record<string, InboxView> = { 'g a': 'awaiting', 'g p': 'pending', 'g s': 'spam', 'g l': 'all' };

/** Whether a comment still belongs in a view after a change. */
export function belongs(view: InboxView, comment: InboxItem['comment']): boolean {
  // A snoozed comment leaves the queue until its time comes.
  if (view === 'awaiting') return comment.awaitingReply && !(comment.snoozedUntil && Date.parse(comment.snoozedUntil) > Date.now());
  if (view === 'all') return comment.status !== 'deleted';
  return comment.status === view;
}

/** The change that takes an action back, given the comment as it was before. */
export function undoOf(action: ItemAction, before: InboxItem['comment']): CommentChange {
  if (action === 'noReplyNeeded') return { awaitingReply: true };
  if (action === 'needsReply') return { awaitingReply: false };
  return { status: before.status };
}
