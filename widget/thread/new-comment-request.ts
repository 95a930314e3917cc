import type { NewCommentRequest } from '../../contract/public-api.js';
import { browserKey } from '../shared/local-store.js';
import { canonicalPageUrl } from './canonical-url.js';
import type { FormValues } from './rapport-comment-form.js';

/** Where a comment is written: the thread element, its properties and where it stands on the page. */
export interface CommentPlace extends Element {
  site: string;
  page: string;
  /** The post's author as the blog names them ('' when it does not). */
  author: string;
  /** The post's title as the blog names it ('' when it does not). */
  pageTitle: string;
}

/**
 * The POST /api/comments body for what the reader filled in: the page as the blog names it
 * (title, canonical address, author — the element's, else what the page's head says), and
 * empty optional fields left out. The title is the post's own, not the browser tab's ("Post |
 * Blog name"): the element's, else `og:title`, else the heading of the article the thread is
 * in, else `document.title`.
 */
export function newCommentRequest(place: CommentPlace, values: FormValues, parentId: string | undefined, locale: string, formToken: string | undefined): NewCommentRequest {
  return {
    site: place.site, page: place.page, pageUrl: canonicalPageUrl(),
    pageTitle: place.pageTitle || meta('property="og:title"') || place.closest('article')?.querySelector('h1')?.textContent?.trim() || document.title,
    pageAuthor: place.author || meta('name=author') || undefined,
    parentId, name: values.name, email: values.email || undefined, website: values.website || undefined,
    body: values.body, notifyReplies: values.notifyReplies, locale, clientId: values.clientId,
    formToken, honeypot: values.honeypot || undefined, browserKey: values.notifyReplies ? browserKey() : undefined,
  };
}

/** A `<meta>` of the page's, by its name or property attribute. */
function meta(attribute: string): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[${attribute}]`)?.content;
}
