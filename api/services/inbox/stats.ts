import type { Figures, SiteAuthorView, StatsResponse } from '../../../contract/author-api.js';
import { authorViewsOn } from '../sites/author-views.js';
import { pagesOutOfScope, type AuthorInScope } from './author-scope.js';
import { Types } from 'mongoose';
import type { Models } from '../../models/models.js';
import { NotFoundError } from '../../errors.js';
import { currentFloodHold } from '../sites/sites.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A reader comment of the period with when (if ever) an author first replied beneath it. */
interface Received {
  pageId: string;
  createdAt: Date;
  firstReplyAt: Date | null;
  /** The author whose reply was first, as a hex id. */
  firstReplyBy: string | null;
}

/** How responsive the authors of a site have been: the inbox's header and tables. */
export class Stats {
  constructor(private readonly models: Models) {}

  /** `who`: whose scope the figures keep to (the whole site without one); `perAuthor` covers the whole site always. */
  async forSite(siteId: string, days: number, now: Date, who?: AuthorInScope): Promise<StatsResponse> {
    const site = await this.models.Site.findById(siteId).lean();
    if (!site) throw new NotFoundError(`Site "${siteId}"`);
    const since = new Date(now.getTime() - days * DAY);
    const outOfScope = await pagesOutOfScope(this.models, siteId, who);
    const inScope = outOfScope.length > 0 ? { siteId, pageId: { $nin: outOfScope } } : { siteId };
    const [everyReceived, waiting, pending, spam, authors] = await Promise.all([
      this.received(siteId, since, now),
      this.models.Comment.find({ ...inScope, awaitingReply: true }, { waitingSince: 1, pageId: 1, snoozedUntil: 1 }).sort({ waitingSince: 1, _id: 1 }).lean(),
      this.models.Comment.countDocuments({ ...inScope, status: 'pending' }),
      this.models.Comment.countDocuments({ ...inScope, status: 'spam' }),
      authorViewsOn(this.models, siteId),
    ]);
    const excluded = new Set(outOfScope.map((id) => id.toHexString()));
    const received = everyReceived.filter((r) => !excluded.has(r.pageId));
    // Only the pages the period's comments are on: a site can have many thousands of pages, most
    // of them quiet (or made by junk), and loading them all made this take seconds.
    const pageIds = [...new Set(everyReceived.map((r) => r.pageId))].map((id) => new Types.ObjectId(id));
    const pages = await this.models.Page.find({ siteId, _id: { $in: pageIds } }, { key: 1, title: 1, url: 1, awaitingReply: 1, authorId: 1 }).lean();
    const goalMs = site.settings.replyGoalHours * HOUR;
    const oldest = waiting[0];
    const pageById = new Map(pages.map((p) => [p._id.toHexString(), p]));
    const perPage = [...groupBy(received, (r) => r.pageId)].map(([pageId, rows]) => {
      const page = pageById.get(pageId);
      return { page: { key: page?.key ?? '', title: page?.title ?? '', url: page?.url ?? '' }, ...figures(rows), waitingNow: page?.awaitingReply ?? 0 };
    });
    // Every week of the period, quiet ones too: a chart with gaps would hide the silence.
    const byWeek = groupBy(received, (r) => weekStart(r.createdAt).toISOString());
    const perWeek = [];
    for (let week = weekStart(since); week <= now; week = new Date(week.getTime() + 7 * DAY)) {
      perWeek.push({ weekOf: week.toISOString().slice(0, 10), ...figures(byWeek.get(week.toISOString()) ?? []) });
    }
    const postAuthorOf = (r: Received) => pageById.get(r.pageId)?.authorId?.toHexString() ?? '';
    return {
      site: siteId,
      days,
      scope: who?.scope ?? 'all',
      from: since.toISOString(),
      to: now.toISOString(),
      ...figures(received),
      waitingNow: waiting.length,
      oldestWaitingSince: oldest?.waitingSince?.toISOString() ?? null,
      overdue: waiting.filter((c) => c.waitingSince && now.getTime() - c.waitingSince.getTime() > goalMs).length,
      replyGoalHours: site.settings.replyGoalHours,
      // The awaiting queue leaves snoozed comments out until their time; they still wait (waitingNow).
      queues: { awaiting: waiting.filter((c) => !(c.snoozedUntil && c.snoozedUntil > now)).length, pending, spam },
      floodHold: currentFloodHold(site, now),
      perPage: perPage.sort((a, b) => b.received - a.received || a.page.key.localeCompare(b.page.key)),
      perWeek,
      perAuthor: perAuthor(everyReceived, postAuthorOf, authors),
    };
  }

  /** Reader comments published in the period, each with its first author reply beneath it. */
  private async received(siteId: string, since: Date, now: Date): Promise<Received[]> {
    type Hex = { toHexString(): string };
    const rows = await this.models.Comment.aggregate<{ pageId: Hex; createdAt: Date; firstReplyAt: Date | null; firstReplyBy: Hex | null }>([
      { $match: { siteId, isAuthor: false, status: 'published', createdAt: { $gte: since, $lte: now } } },
      {
        $lookup: {
          from: this.models.Comment.collection.name,
          // Everything beneath the comment, through the index on ancestors.
          localField: '_id',
          foreignField: 'ancestors',
          pipeline: [
            { $match: { isAuthor: true, status: 'published' } },
            { $sort: { createdAt: 1 } },
            { $limit: 1 },
            { $project: { createdAt: 1, authorId: 1 } },
          ],
          as: 'replies',
        },
      },
      {
        $project: {
          pageId: 1,
          createdAt: 1,
          firstReplyAt: { $ifNull: [{ $first: '$replies.createdAt' }, null] },
          firstReplyBy: { $ifNull: [{ $first: '$replies.authorId' }, null] },
        },
      },
    ]);
    return rows.map((r) => ({ pageId: r.pageId.toHexString(), createdAt: r.createdAt, firstReplyAt: r.firstReplyAt, firstReplyBy: r.firstReplyBy?.toHexString() ?? null }));
  }
}

/**
 * Each author's posts' figures, and how many first replies they gave anywhere on the site;
 * every author of the site appears (a quiet one too), then the posts without an author, if any.
 */
function perAuthor(received: Received[], postAuthorOf: (r: Received) => string, authors: Map<string, SiteAuthorView>): StatsResponse['perAuthor'] {
  const byPostAuthor = groupBy(received, postAuthorOf);
  const firstRepliesBy = groupBy(received.filter((r) => r.firstReplyBy), (r) => r.firstReplyBy!);
  const rows: StatsResponse['perAuthor'] = [...authors].map(([id, author]) => ({
    author,
    ...figures(byPostAuthor.get(id) ?? []),
    firstReplies: firstRepliesBy.get(id)?.length ?? 0,
  }));
  const unowned = byPostAuthor.get('');
  if (unowned) rows.push({ author: null, ...figures(unowned), firstReplies: 0 });
  return rows;
}

function figures(rows: Received[]): Figures {
  const hours = rows
    .flatMap((r) => (r.firstReplyAt ? [(r.firstReplyAt.getTime() - r.createdAt.getTime()) / HOUR] : []))
    .sort((a, b) => a - b);
  return {
    received: rows.length,
    answered: hours.length,
    replyRate: rows.length > 0 ? hours.length / rows.length : null,
    medianHoursToFirstReply: percentile(hours, 0.5),
    p90HoursToFirstReply: percentile(hours, 0.9),
  };
}

/** The nearest-rank percentile of sorted values, rounded to a tenth of an hour. */
function percentile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const value = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
  return Math.round(value * 10) / 10;
}

/** Monday 00:00 UTC of the week a moment falls in. */
function weekStart(at: Date): Date {
  const day = (at.getUTCDay() + 6) % 7;
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return new Date(midnight - day * DAY);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
