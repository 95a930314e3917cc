import type { Me, MailChoice } from '../../../contract/author-api.js';
import { toAuthorView } from './author-views.js';
import type { Models } from '../../models/models.js';
import type { Types } from 'mongoose';
import { ConflictError, invalidField, NotFoundError } from '../../errors.js';
import { isTimeZone } from '../core/time-zones.js';
import { generatePassword, hashPassword } from './passwords.js';
import type { SignedInAuthor } from './sessions.js';
import { cleanName } from '../core/text.js';

export interface NewAuthor {
  siteId: string;
  name: string;
  email: string;
  /** When absent, one is generated and returned once. */
  password?: string;
}

/** Author accounts: the people whose comments answer readers. */
export class Authors {
  constructor(
    private readonly models: Models,
    private readonly siteChanged: (siteId: string) => void,
  ) {}

  /** Creates the account; answers it with the password in clear only when it was generated here. */
  async create(author: NewAuthor, now: Date) {
    if (!(await this.models.Site.exists({ _id: author.siteId }))) throw new NotFoundError(`Site "${author.siteId}"`);
    const email = author.email.trim().toLowerCase();
    if (await this.models.Author.exists({ siteId: author.siteId, email })) {
      throw new ConflictError('author_exists', `${email} is already an author of ${author.siteId}.`);
    }
    const password = author.password ?? generatePassword();
    const created = await this.models.Author.create({
      siteId: author.siteId,
      name: cleanName(author.name),
      email,
      passwordHash: await hashPassword(password),
      createdAt: now,
    });
    this.siteChanged(author.siteId);
    return { author: created.toObject(), generatedPassword: author.password ? undefined : password };
  }

  async findByEmail(siteId: string, email: string) {
    return this.models.Author.findOne({ siteId, email: email.trim().toLowerCase() }).lean();
  }

  /** Sets a new password (generated when none is given) and answers it in clear only when generated. */
  async setPassword(siteId: string, email: string, password: string | undefined) {
    const author = await this.findByEmail(siteId, email);
    if (!author) throw new NotFoundError(`Author ${email} of site "${siteId}"`);
    const chosen = password ?? generatePassword();
    await this.models.Author.updateOne({ _id: author._id }, { $set: { passwordHash: await hashPassword(chosen) } });
    return { author, generatedPassword: password ? undefined : chosen };
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
