import type { ModeratedComment } from '../../../contract/author-api.js';
import type { OwnComment, PublicComment, PublicPage } from '../../../contract/public-api.js';
import type { CommentStatus } from '../../../contract/enums.js';
import type { CommentRecord } from '../../models/comment.js';
import type { PageRecord } from '../../models/page.js';

type ViewableComment = Pick<
  CommentRecord,
  '_id' | 'parentId' | 'name' | 'website' | 'isAuthor' | 'html' | 'createdAt' | 'editedAt' | 'awaitingReply'
> & { type?: CommentRecord['type'] | null };

/** A comment as anyone may see it: never the email, the client id or moderation internals. */
export function toPublicComment(comment: ViewableComment): PublicComment {
  return {
    id: comment._id.toHexString(),
    parentId: comment.parentId ? comment.parentId.toHexString() : null,
    author: { name: comment.name, website: comment.website ?? null, isAuthor: comment.isAuthor },
    html: comment.html,
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt ? comment.editedAt.toISOString() : null,
    awaitingReply: comment.awaitingReply,
    // Comments from before types existed have none: they are comments.
    type: comment.type ?? 'comment',
  };
}

/** A comment as the browser that wrote it sees it: its status and its source, for editing. */
export function toOwnComment(comment: ViewableComment & Pick<CommentRecord, 'status' | 'body'>): OwnComment {
  return { ...toPublicComment(comment), status: writerSeesStatus(comment.status), body: comment.body };
}

/**
 * Spam looks held to its writer: a spammer who could tell the two apart would learn which words,
 * links and addresses the blocklists name. Only the site's authors see "spam".
 */
function writerSeesStatus(status: CommentStatus): CommentStatus {
  return status === 'spam' ? 'pending' : status;
}

/** A comment as its site's authors see it in the inbox. */
export function toModeratedComment(comment: ViewableComment & Pick<CommentRecord, 'status' | 'body' | 'noReplyNeeded'> & { snoozedUntil?: Date | null }): ModeratedComment {
  return { ...toOwnComment(comment), status: comment.status, noReplyNeeded: comment.noReplyNeeded, snoozedUntil: comment.snoozedUntil?.toISOString() ?? null };
}

/** A removed comment's place in the tree, with nothing of what it said or who said it. */
export function toPlaceholder(comment: Pick<CommentRecord, '_id' | 'parentId' | 'createdAt'>): PublicComment {
  return {
    id: comment._id.toHexString(),
    parentId: comment.parentId ? comment.parentId.toHexString() : null,
    author: { name: '', website: null, isAuthor: false },
    html: '',
    createdAt: comment.createdAt.toISOString(),
    editedAt: null,
    awaitingReply: false,
    type: 'comment',
    removed: true,
  };
}

/** The fields of a comment a public view reads, for query projections. */
export const PUBLIC_COMMENT_FIELDS = {
  parentId: 1,
  name: 1,
  website: 1,
  isAuthor: 1,
  html: 1,
  createdAt: 1,
  editedAt: 1,
  awaitingReply: 1,
  type: 1,
} as const;

/** `authorName`: the name of the page's author, when it has one. */
export function toPublicPage(key: string, page: Partial<PageRecord> | null, authorName?: string): PublicPage {
  return {
    key,
    title: page?.title ?? '',
    url: page?.url ?? '',
    commentCount: page?.commentCount ?? 0,
    awaitingReply: page?.awaitingReply ?? 0,
    locked: page?.locked ?? false,
    author: authorName === undefined ? null : { name: authorName },
  };
}
