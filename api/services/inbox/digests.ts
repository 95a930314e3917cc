import type { Models } from '../../models/models.js';
import type { AuthorRecord } from '../../models/author.js';
import { digestMail, fromName } from '../mail/compose.js';
import type { Inbox } from './inbox.js';
import type { MailLinks } from '../mail/mail-links.js';
import type { Outbox } from '../mail/outbox.js';
import { Types } from 'mongoose';
import { localTime } from '../core/time-zones.js';
import { commentsInScope } from './author-scope.js';

const HOUR = 3_600_000;

/**
 * The daily digest for authors who chose it: at the first round on or after their hour, in their
 * time zone, once per local day, and only when someone is waiting.
 */
export class Digests {
  constructor(
    private readonly models: Models,
    private readonly outbox: Outbox,
    private readonly inbox: Inbox,
    private readonly links: MailLinks,
  ) {}

  async queueDue(now: Date): Promise<void> {
    const authors = await this.models.Author.find({ notify: 'digest' }).lean();
    for (const author of authors) {
      const local = localTime(now, author.timeZone);
      if (local.hour < author.digestHour || author.lastDigestOn === local.date) continue;
      // Claiming the day first means several instances (or rounds) agree on one digest.
      const claimed = await this.models.Author.updateOne({ _id: author._id, lastDigestOn: { $ne: local.date } }, { $set: { lastDigestOn: local.date } });
      if (claimed.modifiedCount === 1) await this.queue(author, local.date, now);
    }
  }

  private async queue(author: AuthorRecord & { _id: Types.ObjectId }, date: string, now: Date) {
    const site = await this.models.Site.findById(author.siteId).lean();
    if (!site) return;
    // The digest keeps to the author's scope, as their mail per comment does.
    const who = { authorId: author._id, scope: author.mailScope };
    const scoped = { siteId: site._id, ...(await commentsInScope(this.models, site._id, who)) };
    const waiting = { ...scoped, awaitingReply: true };
    const goal = new Date(now.getTime() - site.settings.replyGoalHours * HOUR);
    const [count, snoozed, overdue, held, oldest, first] = await Promise.all([
      this.models.Comment.countDocuments(waiting),
      this.models.Comment.countDocuments({ ...waiting, snoozedUntil: { $gt: now } }),
      this.models.Comment.countDocuments({ ...waiting, waitingSince: { $lt: goal } }),
      this.models.Comment.countDocuments({ ...scoped, status: 'pending' }),
      this.models.Comment.findOne(waiting, { waitingSince: 1 }).sort({ waitingSince: 1 }).lean(),
      this.inbox.list(site._id, { view: 'awaiting', who }, now),
    ]);
    if (count === 0) return;
    const mail = digestMail(
      site.settings.locale,
      {
        siteName: site.name,
        waiting: count,
        overdue,
        held,
        snoozed,
        oldestWaitMs: now.getTime() - (oldest?.waitingSince ?? now).getTime(),
        replyGoalHours: site.settings.replyGoalHours,
        digestHour: author.digestHour,
        timeZone: author.timeZone,
        // Held questions lead the inbox's view; the digest counts held comments apart (`held`).
        items: first.items.filter((item) => item.comment.status === 'published').map((item) => ({
          name: item.comment.author.name,
          body: item.comment.body,
          pageTitle: item.page.title || item.page.key,
          waitMs: now.getTime() - new Date(item.waitingSince ?? now).getTime(),
          href: this.links.inboxComment(site._id, new Types.ObjectId(item.comment.id)),
        })),
      },
      this.links.inbox(site._id),
    );
    await this.outbox.enqueue(
      { key: `author-digest:${author._id.toHexString()}:${date}`, kind: 'author-digest', siteId: site._id, fromName: fromName(site), to: author.email, ...mail },
      now,
    );
  }
}
