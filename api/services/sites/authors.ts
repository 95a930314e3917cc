import type { Me, MailChoice } from '../../../contract/author-api.js';
import { toAuthorView } from './author-views.js';
import type { Models } from '../../models/models.js';
import type { Types } from 'mongoose';
import { ConflictError, invalidField, NotFoundError } from '../../errors.js';
import { isTimeZone } from '../core/time-zones.js';
import type { People } from './people.js';
import type { SignedInAuthor } from './sessions.js';
import { cleanName } from '../core/text.js';

export interface NewAuthor {
  siteId: string;
  name: string;
  email: string;
  /** For someone new: when absent, one is generated and returned once. Someone who writes another site keeps theirs. */
  password?: string;
}

/** Author accounts: the people whose comments answer readers. */
export class Authors {
  constructor(
    private readonly models: Models,
    private readonly people: People,
    private readonly siteChanged: (siteId: string) => void,
  ) {}

  /**
   * Makes them an author of the site: someone new gets a sign-in (the password answered in
   * clear only when generated here); someone who writes another site already (`known`) keeps
   * theirs, and signing in shows both sites.
   */
  async create(author: NewAuthor, now: Date) {
    if (!(await this.models.Site.exists({ _id: author.siteId }))) throw new NotFoundError(`Site "${author.siteId}"`);
    const email = author.email.trim().toLowerCase();
    if (await this.models.Author.exists({ siteId: author.siteId, email })) {
      throw new ConflictError('author_exists', `${email} is already an author of ${author.siteId}.`);
    }
    const { known, generatedPassword } = await this.people.ensure(email, author.password, now);
    const created = await this.models.Author.create({ siteId: author.siteId, name: cleanName(author.name), email, createdAt: now });
    this.siteChanged(author.siteId);
    return { author: created.toObject(), known, generatedPassword };
  }

  async findByEmail(siteId: string, email: string) {
    return findAuthorByEmail(this.models, siteId, email);
  }

  /**
   * Sets a new password (generated when none is given) for an author of the site, which is their
   * password on every site they write; answers it in clear only when generated.
   */
  async setPassword(siteId: string, email: string, password: string | undefined) {
    const author = await this.findByEmail(siteId, email);
    if (!author) throw new NotFoundError(`Author ${email} of site "${siteId}"`);
    return { author, generatedPassword: await this.people.setPassword(author.email, password) };
  }

  async mailChoice(authorId: Types.ObjectId): Promise<MailChoice> {
    const author = await this.models.Author.findById(authorId, { notify: 1, mailScope: 1, digestHour: 1, timeZone: 1 }).lean();
    if (!author) throw new NotFoundError('Author');
    return { notify: author.notify, scope: author.mailScope, digestHour: author.digestHour, timeZone: author.timeZone };
  }

  /** Changes some of an author's mail choices; a time zone must be one the runtime knows. */
  async setMailChoice(authorId: Types.ObjectId, changes: Partial<MailChoice>): Promise<MailChoice> {
    if (changes.timeZone !== undefined && !isTimeZone(changes.timeZone)) {
      throw invalidField('timeZone', 'time_zone', 'must be a time zone name such as Europe/Berlin');
    }
    const { scope, ...rest } = changes;
    await this.models.Author.updateOne({ _id: authorId }, { $set: { ...rest, ...(scope && { mailScope: scope }) } }, { runValidators: true });
    return this.mailChoice(authorId);
  }

  /** What the inbox shows about who is signed in: their name and the sites they write. */
  async describe(signedIn: SignedInAuthor): Promise<Me> {
    const accounts = await this.models.Author.find({ _id: { $in: signedIn.accounts.map((a) => a.authorId) } }).lean();
    const siteIds = accounts.map((a) => a.siteId);
    const [sites, team] = await Promise.all([
      this.models.Site.find({ _id: { $in: siteIds } }).lean(),
      this.models.Author.find({ siteId: { $in: siteIds } }, { siteId: 1, name: 1, email: 1 }).sort({ createdAt: 1 }).lean(),
    ]);
    const teamOf = (siteId: string) => team.filter((a) => a.siteId === siteId).map(toAuthorView);
    return {
      author: { name: accounts[0]?.name ?? '', email: signedIn.email },
      sites: sites
        .map((site) => ({ id: site._id, name: site.name, replyGoalHours: site.settings.replyGoalHours, moderation: site.settings.moderation, authors: teamOf(site._id) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
}

/** A site's author by email, however the address is typed. */
export function findAuthorByEmail(models: Models, siteId: string, email: string) {
  return models.Author.findOne({ siteId, email: email.trim().toLowerCase() }).lean();
}
