import type { Types } from 'mongoose';
import type { Models } from '../../models/models.js';
import { COMMENT_STATUSES, type CommentStatus } from '../../../contract/enums.js';
import type { CommentRecord } from '../../models/comment.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import type { CommentChange } from '../../../contract/author-api.js';
import { accountOn, type SignedInAuthor } from '../sites/sessions.js';
import type { AwaitingReplyKeeper } from './awaiting-reply-keeper.js';
import { prepareContent } from './comment-content.js';
import { bodyFingerprint, type CommentScreen } from './comment-screen.js';
import { toModeratedComment, toOwnComment } from './comment-view.js';
import type { EditTokens } from './edit-tokens.js';
import { parseObjectId } from '../core/ids.js';
import type { Notifications } from '../mail/notifications.js';
import type { Pages } from '../sites/pages.js';
import { asksQuestion, mentionsAnyOf, priorityOf } from './reader-signals.js';
import { snoozeEnd } from './snooze.js';
import type { SnoozeChoice } from '../../../contract/enums.js';

/** Changing comments after they exist: readers within their edit window, authors as moderators. */
export class CommentChanges {
  constructor(
    private readonly models: Models,
    private readonly keeper: AwaitingReplyKeeper,
    private readonly editTokens: EditTokens,
    private readonly screen: CommentScreen,
    private readonly pages: Pages,
    private readonly notifications: Notifications,
    private readonly siteChanged: (siteId: string) => void,
  ) {}

  /**
   * A reader edits their own comment's body with the token they were given. A comment marked spam
   * answers as if edited (or deleted, below) and stays as the author's spam queue saw it: its
   * writer must neither learn it is spam nor take the evidence away.
   */
  async editByReader(commentId: string, token: string, body: string, now: Date) {
    const comment = await this.readerEditable(commentId, token, now);
    if (comment.status === 'spam') return toOwnComment(comment);
    // The author's answer replies to these words: they stay as they were answered.
    if (comment.authorRepliesBelow > 0) {
      throw new ForbiddenError('answered_by_author', 'An author has answered this comment; it can no longer be edited.');
    }
    const content = prepareContent(comment.name, body);
    const [site, authors] = await Promise.all([
      this.models.Site.findById(comment.siteId).lean(),
      this.models.Author.find({ siteId: comment.siteId }, { name: 1 }).lean(),
    ]);
    if (!site) throw new NotFoundError('Comment');
    // The new words pass the same screening as new comments: an edit is no way around it.
    const fingerprint = bodyFingerprint(content.body);
    const verdict = await this.screen.decide(site, { ...content, email: comment.email, website: comment.website, fingerprint, self: comment._id }, now);
    // An edit can hold a published comment or find spam; it never publishes a held one.
    const status = verdict === 'published' ? comment.status : verdict;
    // What the text says may change its place in the inbox; who wrote it and where may not.
    const signals = comment.signals && {
      ...comment.signals,
      question: asksQuestion(content.body),
      mentionsAuthor: mentionsAnyOf(content.body, authors.map((a) => a.name)),
    };
    const changes = {
      body: content.body,
      html: content.html,
      fingerprint,
      editedAt: now,
      ...(signals && { signals, priority: priorityOf(signals) }),
      ...(status !== comment.status && { heldAfterEdit: true }),
    };
    const changed = await this.keeper.changeStatus(comment._id, ['published', 'pending'], status, changes);
    if (!changed) throw new NotFoundError('Comment');
    this.siteChanged(comment.siteId);
    const updated = await this.models.Comment.findById(comment._id).lean();
    if (!updated) throw new NotFoundError('Comment');
    return toOwnComment(updated);
  }

  /** A reader deletes their own comment; its text, email and website are wiped at once. */
  async deleteByReader(commentId: string, token: string, now: Date): Promise<void> {
    const comment = await this.readerEditable(commentId, token, now);
    if (comment.status === 'spam') return;
    const wiped = { body: '', html: '', email: null, website: null, notifyReplies: false, editedAt: now };
    await this.keeper.changeStatus(comment._id, ['published', 'pending'], 'deleted', wiped);
    this.siteChanged(comment.siteId);
  }

  /**
   * The signed-in author changes a comment of one of their sites: its status, whether it needs
   * a reply, or (their own) its text. Another site's comment is not found.
   */
  async moderate(author: SignedInAuthor, commentId: string, change: CommentChange, now: Date) {
    const comment = await this.find(commentId);
    const account = accountOn(author, comment.siteId);
    if (!account) throw new NotFoundError('Comment');
    if ('status' in change) return this.applyStatus(comment, change.status, now);
    if ('awaitingReply' in change) return this.applyNoReplyNeeded(comment, !change.awaitingReply);
    if ('snooze' in change) return this.applySnooze(comment, account.authorId, change.snooze, now);
    return this.applyAuthorEdit(comment, account.authorId, change.body, now);
  }

  /** An author moves a comment of their site between published, pending, spam and deleted. */
  async setStatus(commentId: string, status: CommentStatus, now: Date) {
    return this.applyStatus(await this.find(commentId), status, now);
  }

  /** An author marks a reader's comment as needing no reply, or undoes that. */
  async setNoReplyNeeded(commentId: string, noReplyNeeded: boolean) {
    return this.applyNoReplyNeeded(await this.find(commentId), noReplyNeeded);
  }

  /** An author rewrites the body of one of their own comments. */
  async editByAuthor(commentId: string, authorId: Types.ObjectId, body: string, now: Date) {
    return this.applyAuthorEdit(await this.find(commentId), authorId, body, now);
  }

  private async applyStatus(comment: CommentRecord, status: CommentStatus, now: Date) {
    if (comment.status === 'deleted' && status !== 'deleted' && !comment.isAuthor && comment.body === '') {
      throw new ConflictError('deleted_by_reader', 'Its reader deleted this comment; its text is gone.');
    }
    const others = COMMENT_STATUSES.filter((s) => s !== status);
    // Not spam after all, on a page its spam did not make: the page comes into being now.
    if (comment.spamPage && status !== 'spam' && status !== 'deleted') {
      const { key, title, url } = comment.spamPage;
      const page = await this.pages.open({ siteId: comment.siteId, key, title: title ?? undefined, url: url ?? undefined }, now);
      await this.models.Comment.updateOne({ _id: comment._id }, { $set: { pageId: page._id }, $unset: { spamPage: 1 } });
      comment = { ...comment, pageId: page._id, spamPage: undefined };
    }
    // The author has looked at it: whatever an edit did, it is decided now.
    await this.keeper.changeStatus(comment._id, others, status, { heldAfterEdit: false });
    this.siteChanged(comment.siteId);
    if (status === 'published' && comment.status !== 'published') {
      await this.notifications.commentPublished({ ...comment, status }, now, { approvedByAuthor: true });
    }
    return this.current(comment._id);
  }

  private async applyNoReplyNeeded(comment: CommentRecord, noReplyNeeded: boolean) {
    await this.keeper.setNoReplyNeeded(comment._id, noReplyNeeded);
    this.siteChanged(comment.siteId);
    return this.current(comment._id);
  }

  /**
   * Puts a waiting comment out of the inbox's queue until a time in the author's own time zone
   * (or brings it back, with null). Nothing else changes: it still waits for a reply.
   */
  private async applySnooze(comment: CommentRecord, authorId: Types.ObjectId, choice: SnoozeChoice | null, now: Date) {
    const author = await this.models.Author.findById(authorId, { timeZone: 1 }).lean();
    const until = choice ? snoozeEnd(choice, now, author?.timeZone ?? 'UTC') : null;
    await this.models.Comment.updateOne({ _id: comment._id }, { $set: { snoozedUntil: until } });
    return this.current(comment._id);
  }

  private async applyAuthorEdit(comment: CommentRecord, authorId: Types.ObjectId, body: string, now: Date) {
    if (!comment.authorId?.equals(authorId)) {
      throw new ForbiddenError('not_your_comment', 'Authors can edit only their own comments.');
    }
    const content = prepareContent(comment.name, body);
    await this.models.Comment.updateOne({ _id: comment._id }, { $set: { body: content.body, html: content.html, editedAt: now } });
    this.siteChanged(comment.siteId);
    return this.current(comment._id);
  }

  private async readerEditable(commentId: string, token: string, now: Date) {
    const comment = await this.find(commentId);
    if (comment.isAuthor || !this.editTokens.matches(comment, token)) {
      throw new ForbiddenError('bad_edit_token', 'This edit token does not belong to this comment.');
    }
    if (comment.status === 'deleted') throw new NotFoundError('Comment');
    const site = await this.models.Site.findById(comment.siteId, { settings: 1 }).lean();
    const windowMs = (site?.settings.editWindowMinutes ?? 0) * 60_000;
    if (now.getTime() > comment.createdAt.getTime() + windowMs) {
      throw new ForbiddenError('edit_window_closed', 'The time to edit or delete this comment has passed.');
    }
    return comment;
  }

  private async find(commentId: string) {
    const id = parseObjectId(commentId);
    const comment = id ? await this.models.Comment.findById(id).lean() : null;
    if (!comment) throw new NotFoundError('Comment');
    return comment;
  }

  private async current(id: Types.ObjectId) {
    const comment = await this.models.Comment.findById(id).lean();
    if (!comment) throw new NotFoundError('Comment');
    return toModeratedComment(comment);
  }
}
