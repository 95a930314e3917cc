import type { Models } from '../models/models.js';
import { AppError, NotFoundError } from '../errors.js';
import { generatePassword, hashPassword } from './passwords.js';
import { cleanName } from './text.js';

export interface NewAuthor {
  siteId: string;
  name: string;
  email: string;
  /** When absent, one is generated and returned once. */
  password?: string;
}

/** Author accounts: the people whose comments answer readers. */
export class AuthorService {
  constructor(
    private readonly models: Models,
    private readonly siteChanged: (siteId: string) => void,
  ) {}

  /** Creates the account; answers it with the password in clear only when it was generated here. */
  async create(author: NewAuthor, now: Date) {
    if (!(await this.models.Site.exists({ _id: author.siteId }))) throw new NotFoundError(`Site "${author.siteId}"`);
    const email = author.email.trim().toLowerCase();
    if (await this.models.Author.exists({ siteId: author.siteId, email })) {
      throw new AppError(409, 'author_exists', `${email} is already an author of ${author.siteId}.`);
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
}
