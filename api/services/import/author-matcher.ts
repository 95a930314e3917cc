import type { Types } from 'mongoose';
import { invalidField } from '../../errors.js';
import type { ImportedAuthor, ImportedComment } from './records.js';

/** An author of the site being imported into. */
export interface SiteAuthor {
  _id: Types.ObjectId;
  name: string;
  email: string;
}

/** `--author X=EMAIL`: comments whose Disqus username, WordPress login, name or email is X are EMAIL's. */
export type AuthorMapping = Array<{ from: string; to: string }>;

const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Decides which imported comments the blog's authors wrote. No export flags "the author"
 * reliably, so a comment is an author's when its email is theirs, when the old blog says a
 * user wrote it whose email is theirs (WordPress `comment_user_id` → `<wp:author>`), or when the
 * import's mapping names its username, login, name or email.
 */
export class AuthorMatcher {
  private readonly byEmail = new Map<string, SiteAuthor>();
  private readonly mapped = new Map<string, SiteAuthor>();
  /** The old blog's users, by their id there, so a comment's user id leads to their login and email. */
  private readonly exportUsers = new Map<string, ImportedAuthor>();

  /** Refuses a mapping to an address that is no author of the site: nothing is imported then. */
  constructor(siteAuthors: SiteAuthor[], mapping: AuthorMapping) {
    for (const author of siteAuthors) this.byEmail.set(key(author.email), author);
    for (const { from, to } of mapping) {
      const target = this.byEmail.get(key(to));
      if (!target) throw invalidField('author', 'choice', `${to} is not an author of this site (--author ${from}=${to})`);
      this.mapped.set(key(from), target);
    }
  }

  rememberExportUser(user: ImportedAuthor): void {
    if (user.sourceId !== null) this.exportUsers.set(user.sourceId, user);
  }

  /** The site author who wrote the comment, or null for a reader. */
  match(comment: ImportedComment): SiteAuthor | null {
    // Rapport's own export says who was an author; a reader stays a reader whatever address they typed.
    if (comment.byAuthor === false) return null;
    const { email, username, name, userId } = comment.author;
    const user = userId === null ? undefined : this.exportUsers.get(userId);
    const addresses = [email, user?.email ?? null];
    for (const address of addresses) {
      const author = address && (this.byEmail.get(key(address)) ?? this.mapped.get(key(address)));
      if (author) return author;
    }
    for (const alias of [username, user?.login ?? null, name]) {
      const author = alias && this.mapped.get(key(alias));
      if (author) return author;
    }
    return null;
  }
}

/** Reads `--author X=EMAIL` options; the last `=` separates them (a name may hold one). Throws a plain Error naming the bad one. */
export function parseAuthorMapping(values: string[]): AuthorMapping {
  return values.map((value) => {
    const at = value.lastIndexOf('=');
    const from = value.slice(0, at).trim();
    const to = value.slice(at + 1).trim();
    if (at < 0 || !from || !to.includes('@')) throw new Error(`"${value}" must be NAME_OR_EMAIL=AUTHOR_EMAIL`);
    return { from, to };
  });
}
