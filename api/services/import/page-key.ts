import { LIMITS } from '../../../contract/limits.js';
import { httpUrl } from './people.js';

// Only for resolving relative links: the origin is dropped from every key anyway.
const PLACEHOLDER_ORIGIN = 'http://page-key.invalid';
// Campaign and click trackers that feeds and shares add to links: the page is the same without them.
const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$/i;

/**
 * The page key Rapport uses for a post's URL: its path, with its query string when it has one (so
 * `/?p=4` and `/?p=6` stay two pages), without origin (a blog that moved domains lines up),
 * fragment or trackers (`utm_source`). Relative links resolve against `baseUrl`. Null when it is
 * not a web address or the key would be longer than a page key may be.
 */
export function pageKeyFromUrl(url: string | null | undefined, baseUrl?: string): string | null {
  const parsed = pageUrl(url, baseUrl);
  const key = parsed && `${parsed.pathname}${parsed.search}`;
  return key && key.length <= LIMITS.pageKey ? key : null;
}

/** The link as a web address without fragment and trackers; null when it is none. */
function pageUrl(url: string | null | undefined, baseUrl?: string): URL | null {
  const text = (url ?? '').trim();
  if (!text) return null;
  let parsed: URL;
  try {
    parsed = new URL(text, baseUrl ? new URL(baseUrl, PLACEHOLDER_ORIGIN) : PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  for (const name of [...parsed.searchParams.keys()]) if (TRACKING.test(name)) parsed.searchParams.delete(name);
  parsed.hash = '';
  return parsed;
}

/** Where a page is: its key and absolute URL, from its link, else from an id that is itself a path or URL (Disqus `<id>`, Isso thread id). */
export function locatePage(link: string | null, fallbackId: string | null, baseUrl?: string): { key: string; url: string | null } | null {
  const usable = (candidate: string | null) => candidate !== null && (candidate.startsWith('/') || /^https?:\/\//i.test(candidate));
  const source = link || (usable(fallbackId) ? fallbackId : null);
  const key = pageKeyFromUrl(source, baseUrl);
  return key === null ? null : { key, url: httpUrl(source, baseUrl) && pageUrl(source, baseUrl)!.href };
}
