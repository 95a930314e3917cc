import type { Models } from '../../models/models.js';
import type { CommentRecord } from '../../models/comment.js';
import type { PageRecord } from '../../models/page.js';
import type { SiteRecord } from '../../models/site.js';
import { authorCommentMail, confirmMail, fromName, replyMail } from './compose.js';
import type { MailLinks } from './mail-links.js';
import type { Outbox } from './outbox.js';
import type { Subscriptions } from './subscriptions.js';

/** What the caller of `commentPublished` has already read, so it is not read again. */
export interface KnownContext {
  approvedByAuthor?: boolean;
  site?: SiteRecord;
  page?: PageRecord;
  parent?: CommentRecord;
}

/**
 * Who hears about a comment, decided when it becomes visible to readers (when posted published,
 * or when approved). Held and spam comments tell nobody. Every mail is keyed by its event, so
 * calling this again for the same comment (a retried or replayed POST) queues nothing new.
 */
export class Notifications {
  constructor(
    private readonly models: Models,
    private readonly outbox: Outbox,
    private readonly subscriptions: Subscriptions,
    private readonly links: MailLinks,
  ) {}

  /**
   * `approvedByAuthor`: an author just published it (approving, or answering a held comment), so
   * the authors need no mail about it; its writer and the comment it answers still do. `site`,
   * `page` and `parent`: the comment's, when the caller has just read them (a new comment's path does).
   */
  async commentPublished(comment: CommentRecord, now: Date, known: KnownContext = {}): Promise<void> {
    if (comment.status !== 'published') return;
    const [site, page] = await Promise.all([
      known.site ?? this.models.Site.findById(comment.siteId).lean(),
      known.page ?? this.models.Page.findById(comment.pageId).lean(),
    ]);
    if (!site || !page) return;
    const work: Promise<unknown>[] = [];
    if (!comment.isAuthor && !known.approvedByAuthor) work.push(this.tellAuthors(site, page, comment, now));
    if (!comment.isAuthor && comment.notifyReplies && comment.email && comment.mailProven === false) work.push(this.askToConfirm(site, comment, comment.email, now));
    if (comment.parentId) work.push(this.tellParentsWriter(site, page, comment, known.parent, now));
    await Promise.all(work);
  }

  /**
   * Authors who chose `instant` get one mail per new reader comment: on a post with an author,
   * that author and those who chose to hear about every post; on a post without one, all of them.
   */
  private async tellAuthors(site: SiteRecord, page: PageRecord, comment: CommentRecord, now: Date) {
    const whose = page.authorId ? { $or: [{ _id: page.authorId }, { mailScope: 'all' as const }] } : {};
    const authors = await this.models.Author.find({ siteId: site._id, notify: 'instant', ...whose }, { email: 1 }).lean();
    const mail = authorCommentMail(
      site.settings.locale,
      { name: comment.name, body: comment.body, pageTitle: titleOf(page), siteName: site.name, asksQuestion: Boolean(comment.signals?.question) },
      { inbox: this.links.inboxComment(site._id, comment._id), blog: this.links.blogComment(page.url, site.origins, comment._id) },
    );
    await Promise.all(
      authors.map((author) =>
        this.outbox.enqueue(
          { key: `author-comment:${comment._id.toHexString()}:${author._id.toHexString()}`, kind: 'author-comment', siteId: site._id, fromName: fromName(site), to: author.email, ...mail },
          now,
        ),
      ),
    );
  }

  /**
   * A comment whose writer has not proved the address asks them to confirm it for this comment
   * (at most daily per address): until then, no reply mail about it goes to that address.
   */
  private async askToConfirm(site: SiteRecord, comment: CommentRecord, email: string, now: Date) {
    const { subscription, confirmationDue } = await this.subscriptions.asked(site._id, email, comment.locale ?? site.settings.locale, now);
    if (!confirmationDue) return;
    const mail = confirmMail(subscription.locale, site.name, this.links.confirm(this.subscriptions.token('confirm', subscription, comment._id)));
    await this.outbox.enqueue(
      { key: `reader-confirm:${subscription._id.toHexString()}:${subscription.confirmationSentAt!.getTime()}`, kind: 'reader-confirm', siteId: site._id, fromName: fromName(site), to: email, ...mail },
      now,
    );
  }

  /** The writer of the comment answered hears of it, if they asked, confirmed and did not stop it. */
  private async tellParentsWriter(site: SiteRecord, page: PageRecord, reply: CommentRecord, known: CommentRecord | undefined, now: Date) {
    const parent = known ?? (await this.models.Comment.findById(reply.parentId).lean());
    if (!parent || parent.isAuthor || parent.status !== 'published' || !parent.notifyReplies || !parent.email) return;
    // Someone else may have typed this address: only its proven writer hears (comment-writer.ts).
    if (parent.mailProven === false) return;
    if (parent.email === reply.email) return;
    const threadId = parent.ancestors[0] ?? parent._id;
    const subscription = await this.subscriptions.active(site._id, parent.email, threadId);
    if (!subscription) return;
    const token = this.subscriptions.token('unsubscribe', subscription);
    const mail = replyMail(
      subscription.locale,
      { siteName: site.name, pageTitle: titleOf(page), reply: { name: reply.name, body: reply.body, isAuthor: reply.isAuthor }, original: parent.body },
      { blog: this.links.blogComment(page.url, site.origins, reply._id), unsubscribe: this.links.unsubscribePage(token, threadId) },
    );
    await this.outbox.enqueue(
      {
        key: `reader-reply:${reply._id.toHexString()}`,
        kind: 'reader-reply',
        siteId: site._id,
        fromName: fromName(site),
        to: parent.email,
        ...mail,
        headers: { 'List-Unsubscribe': `<${this.links.oneClickUnsubscribe(token)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      },
      now,
    );
  }
}

function titleOf(page: PageRecord): string {
  return page.title || page.key;
}
