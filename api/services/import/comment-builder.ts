import { cleanBody } from '../core/text.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import type { ImportedComment, ImportedCommentType, ImportedPerson, ImportedStatus, ImportFormat, ImportSkip } from './records.js';
import { wordpressTextToMarkdown } from './wordpress-text.js';

/** How a format stores comment text: rendered HTML, WordPress's typed text, or Markdown source. */
export type BodyFormat = 'html' | 'wordpress' | 'markdown';

/** Everything a format reader found out about one comment, before checks. */
export interface CommentDraft {
  /** How to name it in a skip when it has no id (`at line 147`, `comments[3]`). */
  where: string;
  id: string | null;
  /** The id kept in the record's source, when it is not `id` itself (WordPress scopes ids by post). */
  sourceId?: string;
  pageSourceId: string | null;
  parentSourceId: string | null;
  author: ImportedPerson;
  byAuthor?: boolean | null;
  createdAt: Date | null;
  /** The date as written, for the skip message when it is not one. */
  dateText: string | null;
  /** A status, or why the old system's status means the comment is not imported. */
  status: ImportedStatus | { skip: string };
  type?: ImportedCommentType | { skip: string };
  body: string | null;
  bodyFormat: BodyFormat;
  /** Why the record was not kept whole (a cap), if it was not. */
  oversize: string | null;
  noReplyNeeded?: boolean;
}

/** How a skipped record is named: `disqus post 42`, `isso comment at line 3`. */
export function describe(system: ImportFormat, noun: string, id: string | null, where: string): string {
  return id === null ? `${system} ${noun} ${where}` : `${system} ${noun} ${id}`;
}

/** The comment record a draft makes, or the reason it is skipped (checked in this order: size, id, status, page, type, date). */
export function buildComment(system: ImportFormat, noun: string, draft: CommentDraft): ImportedComment | ImportSkip {
  const skip = (why: string): ImportSkip => ({ kind: 'skipped', source: describe(system, noun, draft.id, draft.where), why });
  if (draft.oversize !== null) return skip(draft.oversize);
  if (draft.id === null) return skip('it has no id');
  if (typeof draft.status === 'object') return skip(draft.status.skip);
  if (draft.pageSourceId === null) return skip('it names no page');
  const type = draft.type ?? 'comment';
  if (typeof type === 'object') return skip(type.skip);
  if (draft.createdAt === null) return skip(draft.dateText ? `its date "${draft.dateText}" is not a date` : 'it has no date');
  return {
    kind: 'comment',
    source: { system, id: draft.sourceId ?? draft.id },
    pageSourceId: draft.pageSourceId,
    parentSourceId: draft.parentSourceId,
    author: draft.author,
    byAuthor: draft.byAuthor ?? null,
    createdAt: draft.createdAt,
    status: draft.status,
    type,
    body: draft.status === 'deleted' || draft.body === null ? '' : markdownBody(draft.body, draft.bodyFormat),
    noReplyNeeded: draft.noReplyNeeded ?? false,
  };
}

/** A body in the Markdown source Rapport stores. */
export function markdownBody(raw: string, format: BodyFormat): string {
  const markdown = format === 'html' ? htmlToMarkdown(raw) : format === 'wordpress' ? wordpressTextToMarkdown(raw) : raw;
  return cleanBody(markdown);
}
