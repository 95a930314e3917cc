import type { CommentStatus, CommentType, HighlightMode, ModerationMode } from './enums.js';

/** A comment as anyone may see it: never the email, the client id or moderation internals. */
export interface PublicComment {
  id: string;
  parentId: string | null;
  author: { name: string; website: string | null; isAuthor: boolean };
  html: string;
  createdAt: string;
  editedAt: string | null;
  awaitingReply: boolean;
  /** `comment`, or a mention of the post on another site (`pingback`, `trackback`): shown as a short line, never waiting. */
  type: CommentType;
  /** Present on a placeholder for a removed comment that still has visible replies. */
  removed?: true;
  /**
   * Present when the comment answers one deeper than a thread goes (MAX_REPLY_DEPTH): it is
   * shown beside that one, under `parentId`, "in reply to" this one ('' for a removed one).
   */
  replyTo?: { id: string; name: string };
}

/** A comment as its own writer sees it: its status and its Markdown source, for editing. */
export interface OwnComment extends PublicComment {
  status: CommentStatus;
  body: string;
}

export interface PublicPage {
  key: string;
  title: string;
  url: string;
  commentCount: number;
  awaitingReply: number;
  locked: boolean;
  /** The site author who wrote the post, the one its readers wait for; null when the post has none. */
  author: { name: string } | null;
}

/** What a blog's readers' widget is told about the site. */
export interface PublicSite {
  id: string;
  name: string;
  /** The authors' display names, oldest account first. */
  authors: string[];
  highlight: HighlightMode;
  moderation: ModerationMode;
  locale: string;
}

// GET /api/comments?site&page[&cursor][&limit]
export interface ThreadResponse {
  site: PublicSite;
  page: PublicPage;
  comments: PublicComment[];
  /** Pass back as `cursor` for the next comments; null on the last slice. */
  nextCursor: string | null;
  formToken: string;
}

// POST /api/comments
export interface NewCommentRequest {
  site: string;
  page: string;
  pageTitle?: string;
  pageUrl?: string;
  /**
   * The name of the post's author, as the blog prints it (the widget's `author` attribute, the
   * script's `data-author`, or `<meta name="author">`). It gives the page its author only when the
   * page has none yet and the name is one of the site's authors' (case and spaces aside).
   */
  pageAuthor?: string;
  parentId?: string | null;
  name: string;
  email?: string;
  website?: string;
  body: string;
  notifyReplies?: boolean;
  /** The language the reader sees the widget in; their reply mail is written in it. */
  locale?: string;
  /** The same clientId twice creates one comment. */
  clientId?: string;
  /**
   * A random key this browser keeps (the widget makes one): once the reader confirmed reply
   * mail for a comment written here, later comments from here need no fresh confirmation.
   */
  browserKey?: string;
  formToken?: string;
  /** The field people never see; anything in it means a machine filled the form. */
  honeypot?: string;
}

export interface PostedCommentResponse {
  comment: OwnComment;
  /** Lets the same browser edit or delete the comment until `editableUntil`. */
  editToken: string;
  editableUntil: string;
  /** The form token for this reader's next comment (each is good for one). */
  formToken: string;
  /** What the widget cannot know about the page: its author, whom this comment may have named. */
  page: Pick<PublicPage, 'author'>;
}

// PATCH /api/comments/:id by its reader
export interface ReaderEditRequest {
  body: string;
}

export interface ReaderEditResponse {
  comment: OwnComment;
}

// POST /api/preview
export interface PreviewRequest {
  body: string;
}

export interface PreviewResponse {
  html: string;
}

export interface PageCounts {
  commentCount: number;
  awaitingReply: number;
}

// GET /api/counts?site&page=A&page=B
export interface CountsResponse {
  counts: Record<string, PageCounts>;
}
