import crypto from 'node:crypto';
import type { Types } from 'mongoose';
import type { Models } from '../models/models.js';
import type { SiteRecord } from '../models/site.js';
import type { CommentRecord, CommentStatus } from '../models/comment.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { AwaitingReplyKeeper, isAwaiting } from './awaiting-reply.js';
import { toPublicComment, type PublicComment } from './comment-view.js';
import type { EditTokens } from './edit-tokens.js';
import { bodyFingerprint, type CommentScreen } from './comment-screen.js';
import { parseObjectId } from './ids.js';
import { renderMarkdown } from './markdown.js';
import type { Notifications } from './notifications.js';
import type { PageService } from './pages.js';
import { asksQuestion, mentionsAnyOf, priorityOf, readerKeyOf, type ReaderSignals } from './reader-signals.js';
import type { Signer } from './secrets.js';
import type { SiteService } from './sites.js';
import { cleanBody, cleanName } from './text.js';

/** A reader's comment as the public form sends it (already shape-checked at the edge). */
export interface ReaderCommentInput {
  siteId: string;
  pageKey: string;
  pageTitle?: string;
  pageUrl?: string;
  parentId?: string;
  name: string;
  email?: string;
  website?: string;
  body: string;
  notifyReplies?: boolean;
  /** The reader's language (the widget's), for their mail. */
  locale?: string;
  clientId?: string;
  /** Filled in only by machines; such comments are held for moderation, never published. */
  honeypot?: string;
  /** Held for moderation whatever the site's mode (the route decided: a flood, say). */
  hold?: boolean;
  /**
   * Present when the comment came through the public form: when that form was shown, if its
   * token was valid. Seeds and imports leave it out and are not timed.
   */
  form?: { shownAt: Date | undefined };
  /** The sender's address and browser, passed to Akismet when it is on; never stored. */
  client?: { ip: string; userAgent: string };
}

export interface PostedComment {
  /** The public view plus what only its writer sees: its status and its Markdown source (for editing). */
  comment: PublicComment & { status: CommentStatus; body: string };
  editToken: string;
  editableUntil: string;
  /** True when this clientId had already been posted and the first comment is answered again. */
  replayed: boolean;
}

/** What a caller decides about a new comment; the rest (tree position, waiting state, times) is derived. */
type NewCommentFields = Pick<CommentRecord, 'siteId' | 'pageId' | 'name' | 'body' | 'html' | 'isAuthor' | 'authorId' | 'status'> &
  Partial<Pick<CommentRecord, 'email' | 'website' | 'notifyReplies' | 'locale' | 'clientId' | 'readerKey' | 'priority' | 'fingerprint'>> & {
    signals?: ReaderSignals;
  };

/** Creating comments: readers through the public form, authors through their session. */
export class CommentWriter {
  private readonly keeper: AwaitingReplyKeeper;

  constructor(
    private readonly models: Models,
    private readonly sites: SiteService,
    private readonly pages: PageService,
    private readonly editTokens: EditTokens,
    private readonly signer: Signer,
    private readonly screen: CommentScreen,
    private readonly notifications: Notifications,
    private readonly siteChanged: (siteId: string) => void,
  ) {
    this.keeper = new AwaitingReplyKeeper(models);
  }

  async postReaderComment(input: ReaderCommentInput, origin: string | undefined, now: Date): Promise<PostedComment> {
    const site = await this.sites.get(input.siteId);
    // Browsers always send Origin on these requests; its absence means a non-browser client,
    // which no other site's visitors can be tricked into being.
    if (origin !== undefined && !site.origins.includes(origin)) {
      throw new ForbiddenError('origin_not_allowed', `Comments for ${site._id} are not accepted from ${origin}.`);
    }
    if (input.clientId) {
      const earlier = await this.models.Comment.findOne(byClientId(site._id, input.clientId)).lean();
      if (earlier) return this.replayed(earlier, site, now);
    }
    if (input.pageUrl && !site.origins.includes(new URL(input.pageUrl).origin)) {
      throw new ValidationError({ pageUrl: 'must be on one of the site’s origins' });
    }
    const content = prepareContent(input.name, input.body);
    // One case, so a reader is the same reader however they type their address.
    const email = input.email ? input.email.trim().toLowerCase() : null;
    const parent = await this.findParent(site._id, input.pageKey, input.parentId);
    const page = await this.pages.open(
      { siteId: site._id, key: input.pageKey, title: input.pageTitle, url: input.pageUrl },
      now,
    );
    const readerKey = readerKeyOf(this.signer, email, content.name);
    const signals = await this.signalsFor(site._id, content.body, parent, readerKey);
    const fingerprint = bodyFingerprint(content.body);
    const verdict = await this.screen.judge(site, { ...content, email, website: input.website, pageUrl: input.pageUrl, fingerprint, client: input.client }, now);
    const held =
      site.settings.moderation === 'pre' || Boolean(input.honeypot) || Boolean(input.hold) || verdict === 'hold' || this.tooSoon(site, input.form, now);
    const status: CommentStatus = verdict === 'spam' ? 'spam' : held ? 'pending' : 'published';
    const draft = {
      ...content,
      siteId: site._id,
      pageId: page._id,
      email,
      website: input.website ?? null,
      notifyReplies: Boolean(input.notifyReplies && email),
      locale: input.locale ?? null,
      clientId: input.clientId,
      readerKey,
      fingerprint,
      signals,
      priority: priorityOf(signals),
      isAuthor: false,
      authorId: null,
      status,
    };
    let comment: CommentRecord;
    try {
      comment = await this.insert(draft, parent, now);
    } catch (error) {
      if ((error as { code?: number }).code !== 11000 || !input.clientId) throw error;
      // The same clientId raced in from a concurrent retry; the unique index let the other one win.
      const winner = await this.models.Comment.findOne(byClientId(site._id, input.clientId)).lean();
      if (!winner) throw error;
      return this.replayed(winner, site, now);
    }
    await this.notifications.commentPublished(comment, now, { site, page });
    return this.posted(comment, site, false);
  }

  /** An author's comment on a page of their site: published at once, answering its branch. */
  async postAuthorComment(
    input: { siteId: string; authorId: Types.ObjectId; pageKey: string; parentId?: string; body: string },
    now: Date,
  ) {
    const author = await this.models.Author.findOne({ _id: input.authorId, siteId: input.siteId }).lean();
    if (!author) throw new ForbiddenError('not_an_author', 'Only an author of this site can post as its author.');
    const content = prepareContent(author.name, input.body);
    const parent = await this.findParent(input.siteId, input.pageKey, input.parentId, ['published', 'pending']);
    const page = await this.pages.open({ siteId: input.siteId, key: input.pageKey }, now);
    if (parent?.status === 'pending') {
      // Answering a held comment approves it: the author plainly wants it seen.
      await this.keeper.changeStatus(parent._id, ['pending'], 'published');
      await this.notifications.commentPublished({ ...parent, status: 'published' }, now, { approvedByAuthor: true, page });
    }
    const draft = { ...content, siteId: input.siteId, pageId: page._id, isAuthor: true, authorId: author._id, status: 'published' as const };
    const reply = await this.insert(draft, parent, now);
    await this.notifications.commentPublished(reply, now, { page });
    return reply;
  }

  private async insert(
    draft: NewCommentFields,
    parent: { _id: Types.ObjectId; ancestors: Types.ObjectId[] } | null,
    now: Date,
  ) {
    const fields = { ...draft, noReplyNeeded: false, authorRepliesBelow: 0 };
    const awaiting = isAwaiting(fields);
    const [created] = await this.models.Comment.insertMany([
      {
        ...fields,
        parentId: parent?._id ?? null,
        ancestors: parent ? [...parent.ancestors, parent._id] : [],
        awaitingReply: awaiting,
        waitingSince: awaiting ? now : null,
        editSalt: crypto.randomBytes(12).toString('base64url'),
        createdAt: now,
      },
    ]);
    const comment = created!.toObject() as CommentRecord;
    await this.keeper.commentInserted(comment);
    this.siteChanged(comment.siteId);
    return comment;
  }

  private async signalsFor(siteId: string, body: string, parent: { isAuthor: boolean } | null, readerKey: string): Promise<ReaderSignals> {
    const [earlier, authors] = await Promise.all([
      this.models.Comment.exists({ siteId, readerKey }),
      this.models.Author.find({ siteId }, { name: 1 }).lean(),
    ]);
    return {
      question: asksQuestion(body),
      replyToAuthor: Boolean(parent?.isAuthor),
      firstTime: !earlier,
      mentionsAuthor: mentionsAnyOf(body, authors.map((a) => a.name)),
    };
  }

  /**
   * Sent sooner than the site's minimum after its form was shown, or without the form's valid
   * token: a script rather than a person; such a comment waits for approval.
   */
  private tooSoon(site: SiteRecord, form: ReaderCommentInput['form'], now: Date): boolean {
    if (!form || site.settings.minFormSeconds === 0) return false;
    return !form.shownAt || now.getTime() - form.shownAt.getTime() < site.settings.minFormSeconds * 1000;
  }

  /** The comment being replied to, which must be on the same page and visible. */
  private async findParent(siteId: string, pageKey: string, parentId: string | undefined, statuses: CommentStatus[] = ['published']) {
    if (!parentId) return null;
    const page = await this.pages.find(siteId, pageKey);
    const id = parseObjectId(parentId);
    const parent =
      page && id
        ? await this.models.Comment.findOne({ _id: id, pageId: page._id, status: { $in: statuses } }).lean()
        : null;
    if (!parent) throw new NotFoundError('The comment you are replying to was');
    return parent;
  }

  /**
   * The same clientId again: the first comment is answered again. Its notifications are queued
   * again too, which changes nothing if they were (they are keyed by event) and catches up if the
   * first request died between storing the comment and queuing them.
   */
  private async replayed(comment: CommentRecord, site: SiteRecord, now: Date): Promise<PostedComment> {
    await this.notifications.commentPublished(comment, now, { site });
    return this.posted(comment, site, true);
  }

  private posted(comment: CommentRecord, site: SiteRecord, replayed: boolean): PostedComment {
    const editableUntil = new Date(comment.createdAt.getTime() + site.settings.editWindowMinutes * 60_000);
    return {
      comment: { ...toPublicComment(comment), status: comment.status, body: comment.body },
      editToken: this.editTokens.issue(comment),
      editableUntil: editableUntil.toISOString(),
      replayed,
    };
  }
}

/**
 * The filter for a site's comment with a given clientId. The `$type` is not redundant: MongoDB
 * uses the partial (siteId, clientId) index only for queries that imply its filter, and it does
 * not infer "is a string" from an equality. Without it this lookup scanned a site's comments
 * through another index, and on the embedded engine, past ~1,700 comments on one site, planning
 * it failed outright ("slot-based execution engine is not part of this build"): found by
 * `npm run chaos`.
 */
function byClientId(siteId: string, clientId: string) {
  return { siteId, clientId: { $eq: clientId, $type: 'string' as const } };
}

/** One render path for every way text enters: clean, check, render. */
export function prepareContent(name: string, body: string) {
  const cleanedName = cleanName(name);
  const cleanedBody = cleanBody(body);
  const problems: Record<string, string> = {};
  if (!cleanedName) problems.name = 'is required';
  if (!cleanedBody) problems.body = 'is required';
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return { name: cleanedName, body: cleanedBody, html: renderMarkdown(cleanedBody) };
}
