import crypto from 'node:crypto';
import { Types } from 'mongoose';
import type { NewCommentRequest, OwnComment } from '../../../contract/public-api.js';
import type { CommentRecord } from '../../models/comment.js';
import type { Models } from '../../models/models.js';
import type { PageRecord } from '../../models/page.js';
import type { SiteRecord } from '../../models/site.js';
import { ConflictError, ForbiddenError, invalidField, NotFoundError } from '../../errors.js';
import { namesLookAlike } from '../core/lookalikes.js';
import { cleanName, sameName } from '../core/text.js';
import { isDuplicateKey } from '../core/duplicate-key.js';
import { parseObjectId } from '../core/ids.js';
import type { Signer } from '../core/secrets.js';
import type { Notifications } from '../mail/notifications.js';
import type { Subscriptions } from '../mail/subscriptions.js';
import type { Pages } from '../sites/pages.js';
import { authorViewById } from '../sites/author-views.js';
import { accountOn, type SignedInAuthor } from '../sites/sessions.js';
import type { Sites } from '../sites/sites.js';
import { isAwaiting, type AwaitingReplyKeeper } from './awaiting-reply-keeper.js';
import { prepareContent } from './comment-content.js';
import { replyPlacement, type Answered } from './reply-placement.js';
import { bodyFingerprint, type CommentScreen } from './comment-screen.js';
import { toOwnComment } from './comment-view.js';
import type { EditTokens } from './edit-tokens.js';
import type { FormTokens } from './form-tokens.js';
import { asksQuestion, mentionsAnyOf, priorityOf, readerKeyOf, type ReaderSignals } from './reader-signals.js';

/**
 * A reader's comment as the public form sends it (already shape-checked at the edge), with the
 * site and page named as the services name them, and what the route learnt about the request.
 */
export interface ReaderCommentInput extends Omit<NewCommentRequest, 'site' | 'page' | 'parentId' | 'formToken'> {
  siteId: string;
  pageKey: string;
  parentId?: string;
  /**
   * Counts the comment toward its site's flood limit and answers whether the site is past it
   * (then the comment waits for approval). Called only once the comment is going to be stored,
   * so refused posts cannot hold a site's real readers.
   */
  countTowardFlood?: () => Promise<boolean>;
  /** Present when the comment came through the public form: the token that form was shown with, if any. */
  form?: { token: string | undefined };
  /** The sender's address and browser, passed to Akismet when it is on; never stored. */
  client?: { ip: string; userAgent: string };
}

export interface PostedComment {
  /** The public view plus what only its writer sees: its status and its Markdown source (for editing). */
  comment: OwnComment;
  editToken: string;
  editableUntil: string;
  /** True when this clientId had already been posted and the first comment is answered again. */
  replayed: boolean;
  /** The page's author now (this comment may have named them); null when the page has none. */
  pageAuthor: { name: string } | null;
}

/** What a caller decides about a new comment; the rest (tree position, waiting state, times) is derived. */
type NewCommentFields = Pick<CommentRecord, 'siteId' | 'pageId' | 'name' | 'body' | 'html' | 'isAuthor' | 'authorId' | 'status'> &
  Partial<Pick<CommentRecord, 'spamPage' | 'email' | 'website' | 'notifyReplies' | 'mailProven' | 'browserKeyHash' | 'locale' | 'clientId' | 'requestKey' | 'readerKey' | 'priority' | 'fingerprint'>> & {
    signals?: ReaderSignals;
  };

/** Creating comments: readers through the public form, authors through their session. */
export class CommentWriter {
  constructor(
    private readonly models: Models,
    private readonly keeper: AwaitingReplyKeeper,
    private readonly sites: Sites,
    private readonly pages: Pages,
    private readonly editTokens: EditTokens,
    private readonly signer: Signer,
    private readonly screen: CommentScreen,
    private readonly formTokens: FormTokens,
    private readonly notifications: Notifications,
    private readonly subscriptions: Subscriptions,
    private readonly siteChanged: (siteId: string) => void,
    /** The deepest level of replies a thread has (MAX_REPLY_DEPTH); deeper ones attach there. */
    private readonly maxReplyDepth: number,
  ) {}

  /** A reader's comment from the public form (or a seed): screened, stored, and its notifications queued. */
  async postReaderComment(input: ReaderCommentInput, origin: string | undefined, now: Date): Promise<PostedComment> {
    const site = await this.sites.get(input.siteId);
    // Browsers always send Origin on these requests; its absence means a non-browser client,
    // which no other site's visitors can be tricked into being.
    if (origin !== undefined && !site.origins.includes(origin)) {
      throw new ForbiddenError('origin_not_allowed', `Comments for ${site._id} are not accepted from ${origin}.`);
    }
    const requestKey = this.requestKeyOf(input);
    if (input.clientId) {
      const earlier = await this.models.Comment.findOne(byClientId(site._id, input.clientId)).lean();
      if (earlier) return this.replayed(earlier, site, requestKey, now);
    }
    if (input.pageUrl && !site.origins.includes(new URL(input.pageUrl).origin)) {
      throw invalidField('pageUrl', 'origin', 'must be on one of the site’s origins');
    }
    const content = prepareContent(input.name, input.body);
    // One case, so a reader is the same reader however they type their address.
    const email = input.email ? input.email.trim().toLowerCase() : null;
    const siteAuthors = await this.models.Author.find({ siteId: site._id }, { name: 1 }).lean();
    const authorNames = siteAuthors.map((a) => a.name);
    // Only an author speaks as the author: a reader cannot take their name, or one that looks like it.
    if (authorNames.some((authorName) => namesLookAlike(content.name, authorName))) {
      throw invalidField('name', 'reserved', 'is the name of an author of this site');
    }
    // Only a name of this site's authors names the post's author; any other names nobody.
    const namedAuthor = input.pageAuthor ? siteAuthors.find((author) => sameName(author.name, input.pageAuthor!)) : undefined;
    const pageIdentity = { siteId: site._id, key: input.pageKey, title: input.pageTitle, url: input.pageUrl, authorId: namedAuthor?._id };
    const existing = await this.pages.find(site._id, input.pageKey);
    if (existing?.locked) throw new ConflictError('page_locked', 'This page is closed for new comments.');
    const parent = await this.findParent(existing, input.parentId);
    const readerKey = readerKeyOf(this.signer, email, content.name);
    const signals = await this.signalsFor(site._id, content.body, parent, readerKey, authorNames);
    const fingerprint = bodyFingerprint(content.body);
    // Used up only by a comment that is going to be stored: a refused post leaves it for the retry.
    const form = input.form && { shownAt: await this.formTokens.use(site._id, input.form.token, now) };
    const flooded = input.countTowardFlood ? await input.countTowardFlood() : false;
    if (flooded) await this.sites.noteFloodHold(site._id, now);
    const status = await this.screen.decide(
      site,
      { ...content, email, website: input.website, pageUrl: input.pageUrl, fingerprint, client: input.client, honeypot: Boolean(input.honeypot), flooded, form },
      now,
    );
    const notifyReplies = Boolean(input.notifyReplies && email);
    const browserKeyHash = notifyReplies && input.browserKey ? this.signer.sign('browser-key', input.browserKey) : null;
    // Spam makes no page: junk aimed at endless page keys must not fill the site with pages.
    const page = status === 'spam' ? existing : await this.pages.open(pageIdentity, now);
    const draft = {
      ...content,
      siteId: site._id,
      pageId: page?._id ?? new Types.ObjectId(),
      ...(!page && { spamPage: { key: input.pageKey, title: cleanName(input.pageTitle ?? ''), url: input.pageUrl ?? '' } }),
      email,
      website: input.website ?? null,
      notifyReplies,
      // Reply mail only to a writer who proved the address: from a browser they confirmed from
      // before, or by confirming for this comment (the mail Notifications sends).
      mailProven: notifyReplies && (await this.subscriptions.confirmedFrom(site._id, email!, browserKeyHash)),
      browserKeyHash,
      locale: input.locale ?? null,
      clientId: input.clientId,
      requestKey: input.clientId ? requestKey : null,
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
      if (!isDuplicateKey(error) || !input.clientId) throw error;
      // The same clientId raced in from a concurrent retry; the unique index let the other one win.
      const winner = await this.models.Comment.findOne(byClientId(site._id, input.clientId)).lean();
      if (!winner) throw error;
      return this.replayed(winner, site, requestKey, now);
    }
    await this.notifications.commentPublished(comment, now, { site, page: page ?? undefined, parent: parent ?? undefined });
    const pageAuthor = page?.authorId && siteAuthors.find((author) => author._id.equals(page.authorId!));
    return this.posted(comment, site, false, pageAuthor ? { name: pageAuthor.name } : null);
  }

  /** An author's comment on a page of their site, by the page's key: published at once, answering its branch. */
  async postAuthorComment(
    input: { siteId: string; authorId: Types.ObjectId; pageKey: string; parentId?: string; body: string },
    now: Date,
  ) {
    const parent = await this.findParent(await this.pages.find(input.siteId, input.pageKey), input.parentId, ['published', 'pending']);
    const page = await this.pages.open({ siteId: input.siteId, key: input.pageKey }, now);
    return this.answer({ siteId: input.siteId, authorId: input.authorId }, page, parent, input.body, now);
  }

  /**
   * The signed-in author answers a comment of one of their sites (the inbox): published at once,
   * approving the comment if it was held. Another site's comment is not found.
   */
  async postAuthorReply(input: { author: SignedInAuthor; commentId: string; body: string }, now: Date) {
    const id = parseObjectId(input.commentId);
    const parent = id ? await this.models.Comment.findOne({ _id: id, status: { $in: ['published', 'pending'] } }).lean() : null;
    const account = parent ? accountOn(input.author, parent.siteId) : undefined;
    if (!parent || !account) throw new NotFoundError('Comment');
    const page = await this.pages.openById(parent.pageId);
    return this.answer(account, page, parent, input.body, now);
  }

  private async answer(account: { siteId: string; authorId: Types.ObjectId }, page: PageRecord, parent: CommentRecord | null, body: string, now: Date) {
    const [author, site] = await Promise.all([
      this.models.Author.findOne({ _id: account.authorId, siteId: account.siteId }).lean(),
      this.sites.get(account.siteId),
    ]);
    if (!author) throw new ForbiddenError('not_an_author', 'Only an author of this site can post as its author.');
    const content = prepareContent(author.name, body);
    let answered = parent;
    if (parent?.status === 'pending') {
      // Answering a held comment approves it: the author plainly wants it seen.
      await this.keeper.changeStatus(parent._id, ['pending'], 'published');
      answered = { ...parent, status: 'published' };
      await this.notifications.commentPublished(answered, now, { approvedByAuthor: true, site, page });
    }
    const draft = { ...content, siteId: site._id, pageId: page._id, isAuthor: true, authorId: author._id, status: 'published' as const };
    const reply = await this.insert(draft, parent, now);
    await this.notifications.commentPublished(reply, now, { site, page, parent: answered ?? undefined });
    return reply;
  }

  private async insert(draft: NewCommentFields, parent: Answered | null, now: Date) {
    const fields = { ...draft, noReplyNeeded: false, authorRepliesBelow: 0 };
    const awaiting = isAwaiting(fields);
    const [created] = await this.models.Comment.insertMany([
      {
        ...fields,
        ...replyPlacement(parent, this.maxReplyDepth),
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

  private async signalsFor(siteId: string, body: string, parent: { isAuthor: boolean } | null, readerKey: string, authorNames: string[]): Promise<ReaderSignals> {
    const earlier = await this.models.Comment.exists({ siteId, readerKey });
    return {
      question: asksQuestion(body),
      replyToAuthor: Boolean(parent?.isAuthor),
      firstTime: !earlier,
      mentionsAuthor: mentionsAnyOf(body, authorNames),
    };
  }

  /** The comment being replied to, which must be on the same page (null: a page nobody wrote on yet) and visible. */
  private async findParent(page: { _id: Types.ObjectId } | null, parentId: string | undefined, statuses: CommentRecord['status'][] = ['published']) {
    if (!parentId) return null;
    const id = parseObjectId(parentId);
    const parent =
      page && id
        ? await this.models.Comment.findOne({ _id: id, pageId: page._id, status: { $in: statuses } }).lean()
        : null;
    if (!parent) throw new NotFoundError('The comment you are replying to was');
    return parent;
  }

  /**
   * The same clientId again: the first comment is answered again, with its edit token, when the
   * retry is the same request (same client, same text); anyone else who learnt the clientId gets
   * a 409 and nothing of the comment. Its notifications are queued again too, which changes
   * nothing if they were (they are keyed by event) and catches up if the first request died
   * between storing the comment and queuing them.
   */
  private async replayed(comment: CommentRecord, site: SiteRecord, requestKey: string, now: Date): Promise<PostedComment> {
    if (comment.requestKey !== requestKey) {
      throw new ConflictError('client_id_used', 'A comment with this clientId was already posted by another request.');
    }
    await this.notifications.commentPublished(comment, now, { site });
    const page = await this.models.Page.findById(comment.pageId, { authorId: 1 }).lean();
    const author = await authorViewById(this.models, page?.authorId);
    return this.posted(comment, site, true, author && { name: author.name });
  }

  /** Names the request without keeping what it holds: a keyed hash of client and text. */
  private requestKeyOf(input: ReaderCommentInput): string {
    const parts = [input.client?.ip ?? '', input.client?.userAgent ?? '', input.pageKey, input.parentId ?? '', input.name, input.email ?? '', input.body];
    return this.signer.sign('comment-request', JSON.stringify(parts));
  }

  private posted(comment: CommentRecord, site: SiteRecord, replayed: boolean, pageAuthor: PostedComment['pageAuthor']): PostedComment {
    const editableUntil = new Date(comment.createdAt.getTime() + site.settings.editWindowMinutes * 60_000);
    return {
      comment: toOwnComment(comment),
      editToken: this.editTokens.issue(comment),
      editableUntil: editableUntil.toISOString(),
      replayed,
      pageAuthor,
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
