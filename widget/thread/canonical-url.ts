/**
 * The page's address as the blog names it: its canonical link when that is on this origin,
 * else origin and path. Never the query string of the address bar: a newsletter's link can
 * carry the reader's email there, and the first comment's URL is shown to everyone.
 */
export function canonicalPageUrl(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href;
  if (canonical && new URL(canonical).origin === location.origin) return canonical.split('#')[0]!;
  return location.origin + location.pathname;
}
