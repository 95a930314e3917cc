import type { Types } from 'mongoose';
import { invalidField } from '../../errors.js';
import type { ImportedAuthor, ImportedComment, ImportedCreator } from './records.js';

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
 * Decides which imported comments, and which posts, the blog's authors wrote. No export flags
 * "the author" reliably, so a comment or post is an author's when its email is theirs, when the
 * old blog says a user wrote it whose email is theirs (a comment's WordPress `comment_user_id`,
 * a post's `dc:creator` login → `<wp:author>`), or when the import's mapping names its username,
 * login, name or email.
 */
export class AuthorMatcher {
  private readonly byEmail = new Map<string, SiteAuthor>();
  private readonly mapped = new Map<string, SiteAuthor>();
  /** The old blog's users, by their id there, so a comment's user id leads to their login and email. */
  private readonly exportUsers = new Map<string, ImportedAuthor>();
  /** The same users by login (as `key` writes it), so a post's creator leads to their email. */
  private readonly exportUsersByLogin = new Map<string, ImportedAuthor>();

  /** Refuses a mapping to an address that is no author of the site: nothing is imported then. */
  constructor(siteAuthors: SiteAuthor[], mapping: AuthorMapping) {
    for (const author of siteAuthors) this.byEmail.set(key(author.email), author);
    for (const { from, to } of mapping) {
      const target = this.byEmail.get(key(to));
      if (!target) throw invalidField('author', 'choice', `${to} is not an author of this site (--author ${from}=${to})`);
      this.mapped.set(key(from), target);
    }
  }

  /** A user of the old blog (`<wp:author>`), for the comments and posts that name them by id or login. */
  rememberExportUser(user: ImportedAuthor): void {
    if (user.sourceId !== null) this.exportUsers.set(user.sourceId, user);
    if (user.login !== null) this.exportUsersByLogin.set(key(user.login), user);
  }

  /** The site author who wrote the comment, or null for a reader. */
  match(comment: ImportedComment): SiteAuthor | null {
    // Rapport's own export says who was an author; a reader stays a reader whatever address they typed.
    if (comment.byAuthor === false) return null;
    const { email, username, name, userId } = comment.author;
    const user = userId === null ? undefined : this.exportUsers.get(userId);
    return this.authorOf([email, user?.email ?? null], [username, user?.login ?? null, name]);
  }

  /**
   * The site author who wrote a post, or null. Asked only once every export user is remembered:
   * a hand-edited file may list its `<wp:author>`s after the posts that name them.
   */
  matchCreator(creator: ImportedCreator): SiteAuthor | null {
    const { email, username, name } = creator;
    const user = this.exportUserByLogin(username) ?? this.exportUserByLogin(name);
    return this.authorOf([email, user?.email ?? null], [username, user?.login ?? null, name]);
  }

  private exportUserByLogin(login: string | null): ImportedAuthor | undefined {
    return login ? this.exportUsersByLogin.get(key(login)) : undefined;
  }

  /** An address leads to the site author it is, or is mapped to; a username, login or name only by the mapping. */
  private authorOf(addresses: Array<string | null>, aliases: Array<string | null>): SiteAuthor | null {
    for (const address of addresses) {
      const author = address && (this.byEmail.get(key(address)) ?? this.mapped.get(key(address)));
      if (author) return author;
    }
    for (const alias of aliases) {
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
