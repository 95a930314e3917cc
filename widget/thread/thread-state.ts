import type { PostedCommentResponse } from '../../contract/public-api.js';
import type { ApiComment, ApiThread } from '../shared/api-client.js';
import type { OwnComment } from '../shared/local-store.js';

// The thread's state changes, as pure functions of what it shows: the element holds the state,
// these say what each event makes of it (unit-tested in tests/widget/thread-state.test.ts).

/** What the thread shows: its comments, and what the server said about the site and page (once loaded). */
export type ThreadView = [comments: ApiComment[], thread: ApiThread | undefined];

/**
 * The comments once a slice of the thread came: those shown before, the slice's new ones, and
 * the reader's own comments on this page held for moderation (shown to them alone, marked as such).
 */
export function withSlice(shown: ApiComment[], slice: ApiComment[], own: Record<string, OwnComment>, page: string): ApiComment[] {
  const comments = [...shown, ...slice.filter((c) => !shown.some((s) => s.id === c.id))];
  for (const [id, mine] of Object.entries(own)) {
    if (mine.pending?.page === page && !comments.some((c) => c.id === id)) comments.push(mine.pending.comment);
  }
  return comments;
}

/**
 * The thread once the reader's comment is posted: shown (in place of a replayed copy), counted
 * when published, with the form token for the next comment and the page's author as it now is.
 */
export function withPosted([comments, thread]: ThreadView, posted: PostedCommentResponse): ThreadView {
  const { comment } = posted;
  return [
    [...comments.filter((c) => c.id !== comment.id), comment],
    thread && {
      ...thread,
      // A form token times one comment; the answer brings the next one.
      formToken: posted.formToken,
      page: { ...(comment.status === 'pending' ? thread.page : counted(thread.page, comment, 1)), ...posted.page },
    },
  ];
}

/** The comments once the reader's edit is saved: its new text, the status it had (shown to its writer). */
export function withEdited(comments: ApiComment[], edited: ApiComment): ApiComment[] {
  return comments.map((c) => (c.id === edited.id ? { ...edited, status: c.status } : c));
}

/** The thread once the reader deleted their comment: a placeholder while it has replies, else gone. */
export function withRemoved([comments, thread]: ThreadView, removed: ApiComment): ThreadView {
  const { id } = removed;
  return [
    comments.some((c) => c.parentId === id)
      ? comments.map((c) => (c.id === id ? { ...removed, removed: true as const, html: '' } : c))
      : comments.filter((c) => c.id !== id),
    thread && removed.status !== 'pending' ? { ...thread, page: counted(thread.page, removed, -1) } : thread,
  ];
}

/** The page's figures once a published comment is added (+1) or removed (-1), before the server says. */
function counted(page: ApiThread['page'], comment: ApiComment, by: 1 | -1): ApiThread['page'] {
  return { ...page, commentCount: page.commentCount + by, awaitingReply: page.awaitingReply + (comment.awaitingReply ? by : 0) };
}

/**
 * Whom readers wait for: the post's author, else the site's only author, else '' (the blog's
 * authors as a whole); undefined when the site hides waiting marks.
 */
export function waitingAuthorOf(thread: ApiThread | undefined): string | undefined {
  if (thread?.site.highlight === 'everyone') return thread.page.author?.name ?? (thread.site.authors[1] ? '' : thread.site.authors[0] ?? '');
}
