import type { Types } from 'mongoose';
import { allowedLink } from './mail-layout.js';

/** Every link a mail may carry: to this server's pages (PUBLIC_URL) or to the blog's own pages. */
export class MailLinks {
  constructor(private readonly publicUrl: string) {}

  /** The comment, opened in the author's inbox. */
  inboxComment(siteId: string, commentId: Types.ObjectId): string {
    return `${this.inbox(siteId)}#comment-${commentId.toHexString()}`;
  }

  inbox(siteId: string): string {
    return `${this.publicUrl}/inbox?site=${encodeURIComponent(siteId)}`;
  }

  /** The comment on the blog, if its page's address is on one of the site's origins. */
  blogComment(pageUrl: string, origins: readonly string[], commentId: Types.ObjectId): string | undefined {
    const page = pageUrl ? allowedLink(pageUrl, origins) : undefined;
    return page && `${page.replace(/#.*$/, '')}#comment-${commentId.toHexString()}`;
  }

  confirm(token: string): string {
    return `${this.publicUrl}/mail/confirm?t=${encodeURIComponent(token)}`;
  }

  /** The page that offers to stop mail about one thread or the whole site. */
  unsubscribePage(token: string, threadId: Types.ObjectId): string {
    return `${this.publicUrl}/mail/unsubscribe?t=${encodeURIComponent(token)}&thread=${threadId.toHexString()}`;
  }

  /** RFC 8058's one-click address: a POST to it stops all mail from the site. */
  oneClickUnsubscribe(token: string): string {
    return `${this.publicUrl}/mail/unsubscribe?t=${encodeURIComponent(token)}&scope=site`;
  }
}
