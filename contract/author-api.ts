import type { CommentStatus, InboxReason, MailKind, NotifyChoice, OutboxStatus, SnoozeChoice } from './enums.js';
import type { OwnComment, PublicComment } from './public-api.js';

// GET /api/auth/me
export interface Me {
  author: { name: string; email: string };
  sites: { id: string; name: string; replyGoalHours: number; moderation: string }[];
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
  page: { key: string; title: string; url: string };
  /** The comment it answers. */
  parent: ModeratedComment | null;
  /** The reader's history on the site, so the author knows whom they are answering. */
  reader: { name: string; commentCount: number; firstCommentAt: string; answeredCount: number } | null;
  waitingSince: string | null;
  reasons: InboxReason[];
}

// GET /api/inbox?site&view[&page][&cursor]
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

// GET /api/stats?site&days
export interface StatsResponse extends Figures {
  site: string;
  days: number;
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
}

// PATCH /api/pages?site&page {title?, url?}
export interface PageChangeResponse {
  page: { key: string; title: string; url: string };
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
  /** Which site author the author comments went to. */
  authors: Array<{ email: string; name: string; comments: number }>;
}
