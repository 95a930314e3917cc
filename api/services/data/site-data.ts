import type { Models } from '../../models/models.js';
import { NotFoundError } from '../../errors.js';
import type { AwaitingReplyKeeper } from '../comments/awaiting-reply-keeper.js';

/** Fields of ours that mean nothing outside Rapport, or would let a copy act as its owner. */
const INTERNAL_COMMENT_FIELDS = { editSalt: 0, readerKey: 0, fingerprint: 0, ancestors: 0, clientId: 0, requestKey: 0, browserKeyHash: 0 } as const;

/** Copies of sent mail kept outside the database (the `.eml` files written without SMTP_URL). */
export interface MailCopies {
  forget(messageIds: string[]): Promise<void>;
}

/** A site's data leaving Rapport (export) and a reader leaving it altogether (erasure). */
export class SiteData {
  constructor(
    private readonly models: Models,
    private readonly keeper: AwaitingReplyKeeper,
    private readonly siteChanged: (siteId: string) => void,
    private readonly mailCopies?: MailCopies,
  ) {}

  /** Everything of one site, as plain JSON: settings, authors (never their passwords), pages, comments. */
  async exportSite(siteId: string, now: Date) {
    const site = await this.models.Site.findById(siteId).lean();
    if (!site) throw new NotFoundError(`Site "${siteId}"`);
    const [authors, pages, comments, subscriptions] = await Promise.all([
      this.models.Author.find({ siteId }, { passwordHash: 0 }).sort({ createdAt: 1 }).lean(),
      this.models.Page.find({ siteId }).sort({ key: 1 }).lean(),
      this.models.Comment.find({ siteId }, INTERNAL_COMMENT_FIELDS).sort({ createdAt: 1, _id: 1 }).lean(),
      this.models.Subscription.find({ siteId }, { provenBrowsers: 0 }).sort({ createdAt: 1 }).lean(),
    ]);
    return { format: 'rapport-export-1', exportedAt: now.toISOString(), site, authors, pages, comments, subscriptions };
  }

  /**
   * Removes what a reader wrote and who they were, on every site (or on `onlySite`, when a
   * site's author asks from the inbox): their comments become deleted
   * placeholders (so replies keep their place) with no text, name, email or website left; their
   * consent to mail and every mail to them, sent or waiting (with its `.eml` copy), go too.
   */
  async eraseReader(email: string, now: Date, onlySite?: string): Promise<{ comments: number; sites: string[] }> {
    const address = email.trim().toLowerCase();
    const where = onlySite === undefined ? {} : { siteId: onlySite };
    const comments = await this.models.Comment.find({ ...where, email: address, isAuthor: false }, { _id: 1, siteId: 1, status: 1 }).lean();
    const wiped = { body: '', html: '', name: 'Erased', email: null, website: null, notifyReplies: false, readerKey: null, fingerprint: null, browserKeyHash: null, requestKey: null, spamPage: null, editedAt: now };
    for (const comment of comments) {
      if (comment.status === 'deleted') await this.models.Comment.updateOne({ _id: comment._id }, { $set: wiped });
      else await this.keeper.changeStatus(comment._id, ['published', 'pending', 'spam'], 'deleted', wiped);
    }
    const mails = await this.models.OutboxMessage.find({ ...where, to: address }, { messageId: 1 }).lean();
    await Promise.all([this.models.Subscription.deleteMany({ ...where, email: address }), this.models.OutboxMessage.deleteMany({ ...where, to: address })]);
    await this.mailCopies?.forget(mails.map((m) => m.messageId));
    const sites = [...new Set(comments.map((c) => c.siteId))].sort();
    for (const siteId of sites) this.siteChanged(siteId);
    return { comments: comments.length, sites };
  }
}
