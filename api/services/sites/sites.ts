import type { PublicSite } from '../../../contract/public-api.js';
import type { Models } from '../../models/models.js';
import type { SiteRecord } from '../../models/site.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { cleanName } from '../core/text.js';

export type SiteSettings = SiteRecord['settings'];

/** The flood limit's window: a hold with no held comment for this long is over. */
const FLOOD_WINDOW_MS = 10 * 60_000;

/** The site's flood hold, if it is on now: since when, and how many comments it has held. */
export function currentFloodHold(site: SiteRecord, now: Date): { since: string; held: number } | null {
  const hold = site.floodHold;
  if (!hold || now.getTime() - hold.lastAt.getTime() > FLOOD_WINDOW_MS) return null;
  return { since: hold.since.toISOString(), held: hold.held };
}

export interface NewSite {
  id: string;
  name: string;
  origins: string[];
}

export interface SiteChanges {
  name?: string;
  origins?: string[];
  settings?: Partial<SiteSettings>;
}

/** Sites: creating, listing and configuring blogs. */
export class Sites {
  constructor(
    private readonly models: Models,
    private readonly siteChanged: (siteId: string) => void,
  ) {}

  async create(site: NewSite, now: Date) {
    const exists = await this.models.Site.exists({ _id: site.id });
    if (exists) throw new ConflictError('site_exists', `A site with id "${site.id}" already exists.`);
    const created = await this.models.Site.create({
      _id: site.id,
      name: cleanName(site.name),
      origins: normalizeOrigins(site.origins),
      createdAt: now,
    });
    return created.toObject();
  }

  async list() {
    return this.models.Site.find().sort({ _id: 1 }).lean();
  }

  /** Every origin any site accepts comments from (for CORS). */
  async allOrigins(): Promise<string[]> {
    const sites = await this.models.Site.find({}, { origins: 1 }).lean();
    return sites.flatMap((site) => site.origins);
  }

  /** The site, or a 404 naming it. */
  async get(siteId: string) {
    const site = await this.models.Site.findById(siteId).lean();
    if (!site) throw new NotFoundError(`Site "${siteId}"`);
    return site;
  }

  async update(siteId: string, changes: SiteChanges) {
    const set: Record<string, unknown> = {};
    if (changes.name !== undefined) set.name = cleanName(changes.name);
    if (changes.origins !== undefined) set.origins = normalizeOrigins(changes.origins);
    for (const [key, value] of Object.entries(changes.settings ?? {})) {
      if (value !== undefined) set[`settings.${key}`] = value;
    }
    const site = await this.models.Site.findByIdAndUpdate(siteId, { $set: set }, { returnDocument: 'after', runValidators: true, lean: true });
    if (!site) throw new NotFoundError(`Site "${siteId}"`);
    this.siteChanged(siteId);
    return site;
  }

  /**
   * One more comment held because the site is past its flood limit: it continues the current
   * hold, or starts a new one, so the inbox can say since when and how many.
   */
  async noteFloodHold(siteId: string, now: Date): Promise<void> {
    const continued = await this.models.Site.updateOne(
      { _id: siteId, 'floodHold.lastAt': { $gt: new Date(now.getTime() - FLOOD_WINDOW_MS) } },
      { $inc: { 'floodHold.held': 1 }, $set: { 'floodHold.lastAt': now } },
    );
    if (continued.matchedCount === 0) {
      await this.models.Site.updateOne({ _id: siteId }, { $set: { floodHold: { since: now, lastAt: now, held: 1 } } });
    }
  }

  async publicView(site: SiteRecord): Promise<PublicSite> {
    const authors = await this.models.Author.find({ siteId: site._id }, { name: 1 }).sort({ createdAt: 1 }).lean();
    return {
      id: site._id,
      name: site.name,
      authors: authors.map((author) => author.name),
      highlight: site.settings.highlight,
      moderation: site.settings.moderation,
      locale: site.settings.locale,
    };
  }
}

/** Origins compare as scheme://host[:port], lower-case, without a path or trailing slash. */
export function normalizeOrigins(origins: string[]): string[] {
  return [...new Set(origins.map((origin) => new URL(origin).origin))];
}
