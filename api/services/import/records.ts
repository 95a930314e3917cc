/**
 * What an export file becomes: a stream of normalized records that the import writer turns into
 * pages and comments. Readers never touch the database; everything here is plain data.
 *
 * Order: a comment's page record comes before it for every format except Disqus, where threads
 * usually, but not always, come first. A parent may come after its replies in any format, and a
 * comment may name a page or parent the file never describes: orphans are the writer's to decide.
 * A reader never yields half a record: a record is yielded whole or not at all, and a file that
 * turns out broken ends the stream with an ImportFormatError after the records before the break.
 */

/** The export formats a reader exists for. */
export const IMPORT_FORMATS = ['disqus', 'wordpress', 'isso', 'remark42', 'commento', 'comentario', 'rapport', 'twikoo', 'valine'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** How the old system showed a comment; `comment` for everything but mentions. */
export type ImportedCommentType = 'comment' | 'pingback' | 'trackback' | 'webmention';

/** A comment's state in the old system, in Rapport's terms. */
export type ImportedStatus = 'published' | 'pending' | 'spam' | 'deleted';

/** The export's own identity of a comment: stable across exports of the same blog, for idempotent re-import. */
export interface ImportSource {
  system: ImportFormat;
  id: string;
}

/** Who wrote a comment, as the export names them. Every string is trimmed. */
export interface ImportedPerson {
  /** As the old system displayed it (entities decoded, whitespace collapsed); '' when the export names nobody. */
  name: string;
  /** Lower-case; null when missing, "undefined" or not shaped like an address. */
  email: string | null;
  /** An http(s) URL as the URL standard writes it; null for anything else (never `javascript:`). */
  website: string | null;
  /** The person's account name in the old system (Disqus username, Remark42 user id), for `--author` mapping. */
  username: string | null;
  /**
   * The old system's user id when the writer was a registered user: WordPress `comment_user_id`
   * (match it against ImportedAuthor.sourceId), Commento/Comentario commenter id, Rapport `authorId`.
   */
  userId: string | null;
  /** The old system flagged this person as its admin or moderator (Commento, Comentario, Remark42, Twikoo). A hint only. */
  moderator: boolean;
}

/** Who made a post, as the export names them (WordPress `dc:creator` is a login, Disqus thread `<author>` a person). */
export interface ImportedCreator {
  name: string | null;
  username: string | null;
  email: string | null;
}

/** A post that comments belong to. May have no comments at all (Disqus lists every thread). */
export interface ImportedPage {
  kind: 'page';
  /** The export's id for the post; comments name their page by it (ImportedComment.pageSourceId). */
  sourceId: string;
  /** Rapport's page key: the path and query of the post's URL (see pageKeyFromUrl). */
  key: string;
  /** The post's absolute http(s) URL, or null when the export has none (or only a relative one and no base URL). */
  url: string | null;
  /** Trimmed, entities decoded; '' when the export has none. */
  title: string;
  creator: ImportedCreator | null;
  /** Closed to new comments in the old system (Disqus isClosed, Remark42 read-only, Comentario read-only, Rapport locked). */
  closed: boolean;
}

/** A user of the old blog who could write posts (WordPress `<wp:author>`, Rapport authors): the writer maps them to site authors. */
export interface ImportedAuthor {
  kind: 'author';
  /** Matches ImportedPerson.userId of that user's comments; null when the export gives no id (wordpress.com exports). */
  sourceId: string | null;
  login: string | null;
  email: string | null;
  name: string;
}

/** One comment. Nothing in it is markup: `body` is Markdown source, rendered later like any comment. */
export interface ImportedComment {
  kind: 'comment';
  source: ImportSource;
  pageSourceId: string;
  /** The parent's source id; null at top level. The parent may come later in the stream, or never. */
  parentSourceId: string | null;
  author: ImportedPerson;
  /**
   * Only Rapport's own export says who is an author: true or false there (author.userId then names
   * the ImportedAuthor). null everywhere else: the writer decides from emails, ids and `--author`.
   */
  byAuthor: boolean | null;
  createdAt: Date;
  /** `deleted` comments have an empty body; the writer keeps them as placeholders when they have replies. */
  status: ImportedStatus;
  type: ImportedCommentType;
  /** Markdown source, at most ReadOptions.maxBodyChars of source text (longer ones are skipped). */
  body: string;
  /** Rapport exports only: an author had marked it "no reply needed". */
  noReplyNeeded: boolean;
}

/** A record that cannot be imported, and why, in words for the import summary. */
export interface ImportSkip {
  kind: 'skipped';
  /** What it was, e.g. `wordpress comment 1017` or `disqus post at line 147`. */
  source: string;
  why: string;
}

export type ImportRecord = ImportedPage | ImportedAuthor | ImportedComment | ImportSkip;

/** How to read an export. */
export interface ReadOptions {
  /** `auto` (the default) recognizes the format from the first bytes. */
  format?: ImportFormat | 'auto';
  /** The blog's old origin, for exports whose links are relative (`--base-url`). */
  baseUrl?: string;
  /** A comment whose text is longer (in source characters) is skipped. Default IMPORT_LIMITS.maxBodyChars. */
  maxBodyChars?: number;
  /** Comments held back in memory (formats that list commenters after comments) before spilling to a temporary file. */
  holdBytes?: number;
}

export const IMPORT_LIMITS = {
  /** The longest comment text imported, in source characters; the API's own limit is far lower. */
  maxBodyChars: 100_000,
  /** Nesting within one record (JSON) deeper than this makes that record skipped. */
  maxRecordDepth: 32,
  /** Characters of one record, all fields together (JSON and XML), past which it is skipped. */
  maxRecordChars: 1_000_000,
  holdBytes: 16 * 1024 * 1024,
} as const;
