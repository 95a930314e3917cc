import type { Me } from '../../contract/author-api.js';
import { AUTHOR_SCOPES, type AuthorScope } from '../../contract/enums.js';
import { readStored, readText, writeStored, writeText } from '../shared/local-store.js';

const SITE_KEY = 'rapport:inbox-site';
const SCOPE_KEY = 'rapport:inbox-scope';

/** The site to open: the one a mail's link names (/inbox?site=ID), else the one the author was last on, else their first. */
export function siteToOpen(me: Me): string {
  const wanted = [new URLSearchParams(location.search).get('site'), readText(SITE_KEY)];
  return wanted.map((id) => me.sites.find((s) => s.id === id)?.id).find(Boolean) ?? me.sites[0]?.id ?? '';
}

export function rememberSite(siteId: string): void {
  writeText(SITE_KEY, siteId);
}

/**
 * Which posts the author sees on a site: what they last chose there. A site they write alone has
 * no one else's posts, so it is always `mine` there (and the inbox offers no choice).
 */
export function scopeOn(site: Me['sites'][number] | undefined): AuthorScope {
  if (!site || site.authors.length <= 1) return 'mine';
  const chosen = scopes()[site.id];
  return AUTHOR_SCOPES.find((scope) => scope === chosen) ?? 'mine';
}

export function rememberScope(siteId: string, scope: AuthorScope): void {
  writeStored(SCOPE_KEY, { ...scopes(), [siteId]: scope });
}

/** The choice of each site, by id; anything unreadable counts as no choice. */
function scopes(): Record<string, unknown> {
  const stored = readStored<unknown>(SCOPE_KEY, {});
  return stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
}
