import { httpUrl } from './people.js';
import { pageKeyFromUrl } from './page-key.js';
import type { ImportedPage } from './records.js';

/**
 * Pages of formats that only name them in each comment (Commento, Remark42, Twikoo, Valine): a
 * page record the first time a URL or path comes, keyed by its page key, which is also its source id.
 */
export class ImpliedPages {
  private readonly seen = new Set<string>();

  constructor(private readonly baseUrl?: string) {}

  /** The page's source id (its key), or null when the address gives no key. */
  keyOf(address: string | null): string | null {
    return pageKeyFromUrl(address, this.baseUrl);
  }

  /**
   * The page record for `address` if it is new, else null. Its URL is `url` when the format gives
   * one beside the path; `origin` makes a path absolute when there is no base URL.
   */
  first(address: string | null, details: { title?: string | null; closed?: boolean; origin?: string | null; url?: string | null } = {}): ImportedPage | null {
    const key = this.keyOf(address);
    if (key === null || this.seen.has(key)) return null;
    this.seen.add(key);
    const base = this.baseUrl ?? (details.origin ? `https://${details.origin}` : undefined);
    return { kind: 'page', sourceId: key, key, url: httpUrl(details.url ?? address, base), title: details.title?.trim() ?? '', creator: null, closed: details.closed ?? false };
  }
}

/** For formats that are a list of comments: each entry of a top-level list, or each top-level object (JSON lines). */
export function selectEntries(path: ReadonlyArray<string | number>, isList: boolean): boolean {
  return path.length === 0 ? !isList : path.length === 1 && typeof path[0] === 'number';
}
