import type { NewCommentRequest } from '../../contract/public-api.js';
import { browserKey } from '../shared/local-store.js';
import { canonicalPageUrl } from './canonical-url.js';
import type { FormValues } from './rapport-comment-form.js';

/** Where a comment is written: the thread element's own properties. */
export interface CommentPlace {
  site: string;
  page: string;
  /** The post's author as the blog names them ('' when it does not). */
  author: string;
}

/**
 * The POST /api/comments body for what the reader filled in: the page as the blog names it
 * (title, canonical address, author — the element's, else `<meta name="author">`), and empty
 * optional fields left out.
 */
export function newCommentRequest(place: CommentPlace, values: FormValues, parentId: string | undefined, locale: string, formToken: string | undefined): NewCommentRequest {
  return {
    site: place.site, page: place.page, pageTitle: document.title, pageUrl: canonicalPageUrl(),
    pageAuthor: place.author || document.querySelector<HTMLMetaElement>('meta[name=author]')?.content || undefined,
    parentId, name: values.name, email: values.email || undefined, website: values.website || undefined,
    body: values.body, notifyReplies: values.notifyReplies, locale, clientId: values.clientId,
    formToken, honeypot: values.honeypot || undefined, browserKey: values.notifyReplies ? browserKey() : undefined,
  };
}
