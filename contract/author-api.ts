import type { AuthorScope, CommentStatus, InboxReason, MailKind, NotifyChoice, OutboxStatus, SnoozeChoice } from './enums.js';
import type { OwnComment, PublicComment } from './public-api.js';

// GET /api/auth/me
export interface Me {
  author: { name: string; email: string };
  sites: { id: string; name: string; replyGoalHours: number; moderation: string; authors: SiteAuthorView[] }[];
}

/** An author as the other authors of the site see them: the inbox names posts' authors and offers them to reassign. */
export interface SiteAuthorView {
  name: string;
  email: string;
}

// POST /api/auth/login
export interface LoginRequest {
  email: string;
  password: string;
}

/** A comment as its site's authors see it, Markdown source included. */
export interface ModeratedComment extends PublicComment {
  status: CommentStatus;
  noReplyNeeded: boolean;
  body: string;
  /** Out of the author's queue until then (it still waits everywhere else); null when not snoozed. */
  snoozedUntil: string | null;
}

export interface InboxItem {
  comment: ModeratedComment;
  page: { key: string; title: string; url: string; author: SiteAuthorView | null };
  /** The comment it answers. */
  parent: ModeratedComment | null;
  /** The reader's history on the site, so the author knows whom they are answering. */
  reader: { name: string; commentCount: number; firstCommentAt: string; answeredCount: number } | null;
  waitingSince: string | null;
  reasons: InboxReason[];
}

// GET /api/inbox?site&view[&page][&cursor][&scope]
export interface InboxResponse {
  items: InboxItem[];
  nextCursor: string | null;
}

/** How responsive the authors were over some reader comments. */
export interface Figures {
  received: number;
  answered: number;
  /** answered ÷ received; null when nothing was received. */
  replyRate: number | null;
  /** Hours to the first author reply, over the answered comments; null when none were. */
  medianHoursToFirstReply: number | null;
  p90HoursToFirstReply: number | null;
}

// GET /api/stats?site&days[&scope]
export interface StatsResponse extends Figures {
  site: string;
  days: number;
  /** Which posts the figures cover (see AuthorScope); `perAuthor` always covers the whole site. */
  scope: AuthorScope;
  from: string;
  to: string;
  waitingNow: number;
  oldestWaitingSince: string | null;
  overdue: number;
  replyGoalHours: number;
  /** How many comments each queue holds now: the inbox's view buttons show them. */
  queues: { awaiting: number; pending: number; spam: number };
  /** Comments are arriving faster than the site's flood limit, and wait for approval: since when, how many so far. */
  floodHold: { since: string; held: number } | null;
  perPage: (Figures & { page: { key: string; title: string; url: string }; waitingNow: number })[];
  perWeek: (Figures & { weekOf: string })[];
  /**
   * Over every post of the site: each author's posts' reader comments (`author` null: posts
   * without one), and `firstReplies`, how many of the period's comments that author answered first.
   */
  perAuthor: (Figures & { author: SiteAuthorView | null; firstReplies: number })[];
}

// PATCH /api/pages?site&page {title?, url?, author?}
export interface PageChangeRequest {
  title?: string;
  /** "" or null clears it. */
  url?: string | null;
  /** The email of one of the site's authors; "" or null: the post has no author. */
  author?: string | null;
}

export interface PageChangeResponse {
  page: { key: string; title: string; url: string; author: SiteAuthorView | null };
}

// POST /api/comments/:id/replies
export interface AuthorReplyRequest {
  body: string;
}

export interface AuthorReplyResponse {
  comment: OwnComment;
}

// PATCH /api/comments/:id by an author: one change at a time
export type CommentChange = { status: CommentStatus } | { awaitingReply: boolean } | { body: string } | { snooze: SnoozeChoice | null };

export interface CommentChangeResponse {
  comment: ModeratedComment;
}

/** How an author hears about readers. */
export interface MailChoice {
  notify: NotifyChoice;
  /** `mine`: comments on their posts and on posts without an author; `all`: on every post of the site. */
  scope: AuthorScope;
  /** The digest's hour, 0–23, in `timeZone`. */
  digestHour: number;
  /** An IANA time zone name. */
  timeZone: string;
}

/** What became of a site's mail, with no address in it. */
export interface DeliveryReport {
  counts: Record<OutboxStatus, number>;
  recent: { site: string; kind: MailKind; status: OutboxStatus; attempts: number; lastError: string | null; createdAt: string; sentAt: string | null }[];
}

// GET /api/author/mail?site
export interface MailStateResponse {
  choice: MailChoice;
  delivery: DeliveryReport;
}

// PATCH /api/author/mail?site
export type MailChoiceRequest = Partial<MailChoice>;

export interface MailChoiceResponse {
  choice: MailChoice;
}

// POST /api/author/erase?site
export interface EraseRequest {
  email: string;
}

export interface EraseResponse {
  erased: { comments: number };
}

// POST /api/author/import?site (the export file as the body), and `rapport data import --json`
export interface ImportSummary {
  /** Pages that received comments (created, or already there). */
  pages: number;
  /** Comments written now, every status: published + pending + spam + deleted. */
  comments: number;
  published: number;
  pending: number;
  spam: number;
  /** Removed comments kept as placeholders, because they have replies. */
  deleted: number;
  /** Pingbacks and trackbacks. */
  mentions: number;
  /** Comments recognized as an author's (see `authors`). */
  authorComments: number;
  /** Imported comments that wait for a reply now. */
  waiting: number;
  /** Comments an earlier import of this site already brought in (or a repeat in the file). */
  alreadyImported: number;
  /** Records not imported, and why (at most the first 1,000; `skippedCount` has them all). */
  skipped: Array<{ source: string; why: string }>;
  skippedCount: number;
  format: string;
  dryRun: boolean;
  /** Unanswered reader comments written before `waitingSince`: imported as no reply needed. */
  noReplyNeeded: number;
  waitingSince: string;
  /** Replies whose parent is not in the file: imported at the top of their page. */
  orphans: number;
  /** Pages the import gave an author (the post's author in the export is a site author). */
  pageAuthors: number;
  /** Which site author the author comments went to. */
  authors: Array<{ email: string; name: string; comments: number }>;
}
