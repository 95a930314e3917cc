/** Where a comment is: only `published` ones are in the public thread. */
export const COMMENT_STATUSES = ['published', 'pending', 'spam', 'deleted'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/**
 * What a comment is: a reader's or an author's `comment`, or a mention of the post on another
 * site (imported pingbacks and trackbacks). Mentions never wait for a reply.
 */
export const COMMENT_TYPES = ['comment', 'pingback', 'trackback', 'webmention'] as const;
export type CommentType = (typeof COMMENT_TYPES)[number];

/** The inbox's queues. */
export const INBOX_VIEWS = ['awaiting', 'pending', 'spam', 'all'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** Why a waiting comment is where it is in the inbox. */
export const INBOX_REASONS = ['question', 'reply-to-author', 'first-time', 'mentions-author', 'overdue', 'held-after-edit', 'snoozed'] as const;

/** Until when an author can put a waiting comment out of their queue: in 3 hours, tomorrow 8:00, next Monday 8:00 (their time zone). */
export const SNOOZE_CHOICES = ['later-today', 'tomorrow', 'next-week'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];
export type InboxReason = (typeof INBOX_REASONS)[number];

/** How an author hears about new comments: a mail each, one a day, or not at all. */
export const NOTIFY_CHOICES = ['instant', 'digest', 'off'] as const;
export type NotifyChoice = (typeof NOTIFY_CHOICES)[number];

/**
 * Which posts an author's inbox, stats and mail cover: `mine` (the posts that are theirs and
 * those without an author) or `all` (every post of the site).
 */
export const AUTHOR_SCOPES = ['mine', 'all'] as const;
export type AuthorScope = (typeof AUTHOR_SCOPES)[number];

/** `post`: published at once; `pre`: every reader comment waits for approval. */
export const MODERATION_MODES = ['post', 'pre'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

/** Whether the thread marks comments that wait for the author. */
export const HIGHLIGHT_MODES = ['everyone', 'off'] as const;
export type HighlightMode = (typeof HIGHLIGHT_MODES)[number];

/** Where a queued mail is. */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const MAIL_KINDS = ['author-comment', 'author-digest', 'reader-confirm', 'reader-reply'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
