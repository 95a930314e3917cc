import crypto from 'node:crypto';
import { Types } from 'mongoose';
import { LIMITS } from '../../../contract/limits.js';
import { renderMarkdown } from '../comments/markdown.js';
import { bodyFingerprint } from '../comments/comment-screen.js';
import { asksQuestion, mentionsAnyOf, priorityOf, readerKeyOf } from '../comments/reader-signals.js';
import type { Signer } from '../core/secrets.js';
import type { SiteAuthor } from './author-matcher.js';
import type { PlannedComment } from './import-plan.js';
import type { PlannedPage } from './plan-pages.js';
import type { ImportedComment, ImportFormat } from './records.js';

/** A comment of the file kept until the plan is settled (as JSON, in memory or a temporary file). */
export type HeldComment = Omit<ImportedComment, 'createdAt'> & { createdAt: string; authorId: string | null };

/** What a document needs to know about the site and the tree around it. */
export interface DocumentContext {
  siteId: string;
  system: ImportFormat;
  signer: Signer;
  authors: Map<string, SiteAuthor>;
  authorNames: string[];
  pageIds: Map<string, Types.ObjectId>;
  pages: Map<string, PlannedPage>;
}

const fits = (text: string | null, limit: number) => (text !== null && text.length <= limit ? text : null);

/**
 * The stored comment an imported one becomes: rendered through the one Markdown renderer and
 * sanitizer (nothing in an export becomes live markup), an author's comment exactly as if
 * written in the inbox, a removed one an empty placeholder. It sends no mail and asks for none.
 */
export function importedCommentDocument(held: HeldComment, planned: PlannedComment, context: DocumentContext) {
  const author = held.authorId === null ? undefined : context.authors.get(held.authorId);
  const removed = held.status === 'deleted';
  const body = removed ? '' : held.body;
  const createdAt = new Date(held.createdAt);
  const pageId = context.pageIds.get(planned.pageKey);
  const page = context.pages.get(planned.pageKey)!;
  const person = author
    ? { isAuthor: true, authorId: author._id, name: author.name, email: null, website: null }
    : {
        isAuthor: false,
        authorId: null,
        name: removed ? 'Deleted' : (held.author.name || 'Anonymous').slice(0, LIMITS.name),
        email: removed ? null : fits(held.author.email, LIMITS.email),
        website: removed ? null : fits(held.author.website, LIMITS.website),
      };
  const signals = person.isAuthor
    ? null
    : {
        question: asksQuestion(body),
        replyToAuthor: planned.repliesToAuthor,
        // Decided once the whole import is in (SiteImport.welcomeFirstTimers).
        firstTime: false,
        mentionsAuthor: mentionsAnyOf(body, context.authorNames),
      };
  return {
    _id: planned.id,
    siteId: context.siteId,
    // Spam makes no page: a page only spam is on keeps its name in spamPage, as for spam posted here.
    pageId: pageId ?? new Types.ObjectId(),
    ...(!pageId && { spamPage: { key: page.key, title: page.title.slice(0, LIMITS.pageTitle), url: fits(page.url, LIMITS.pageUrl) ?? '' } }),
    ...planned.placement,
    ...person,
    notifyReplies: false,
    locale: null,
    body,
    html: body ? renderMarkdown(body) : '',
    status: held.status,
    type: held.type,
    noReplyNeeded: planned.noReplyNeeded,
    authorRepliesBelow: planned.authorRepliesBelow,
    awaitingReply: planned.awaitingReply,
    waitingSince: planned.awaitingReply ? createdAt : null,
    requestKey: null,
    readerKey: person.isAuthor ? null : readerKeyOf(context.signer, person.email, person.name),
    signals,
    priority: signals ? priorityOf(signals) : 3,
    fingerprint: person.isAuthor || !body ? null : bodyFingerprint(body),
    editSalt: crypto.randomBytes(12).toString('base64url'),
    createdAt,
    editedAt: null,
    browserKeyHash: null,
    snoozedUntil: null,
    heldAfterEdit: false,
    importSource: { system: context.system, id: held.source.id },
  };
}

export type ImportedCommentDocument = ReturnType<typeof importedCommentDocument>;
