import { LIMITS } from '../../../contract/limits.js';
import type { ThreadResponse } from '../../../contract/public-api.js';
import type { Sites } from '../sites/sites.js';
import type { ThreadCache } from './thread-cache.js';
import type { ThreadReader } from './thread-reader.js';

/** GET /api/comments's body, ready to send: the site's public settings and one slice of the thread. */
export class PublicThreads {
  constructor(
    private readonly sites: Sites,
    private readonly threads: ThreadReader,
    private readonly cache: ThreadCache,
  ) {}

  /**
   * The serialized response as UTF-8, from the cache when it is fresh, left open (no closing
   * brace) so per-reader fields can follow. Throws 404 for an unknown site.
   */
  async openJson(siteId: string, pageKey: string, options: { cursor?: string; limit: number }): Promise<Buffer> {
    const key = `${pageKey}\u0000${options.cursor ?? ''}\u0000${options.limit}`;
    // Kept for the next reader: what the widget asks for (the usual slice size, from the start or
    // from a cursor this server gave for a comment on the page), not every variant a script invents.
    const keep = async () =>
      options.limit === LIMITS.threadSliceDefault && (!options.cursor || (await this.threads.isCursorOf(siteId, pageKey, options.cursor)));
    return this.cache.get(siteId, key, async () => {
      const site = await this.sites.get(siteId);
      const [publicSite, thread] = await Promise.all([
        this.sites.publicView(site),
        this.threads.slice(siteId, pageKey, options),
      ]);
      const body: Omit<ThreadResponse, 'formToken'> = { site: publicSite, ...thread };
      return Buffer.from(JSON.stringify(body).slice(0, -1));
    }, keep);
  }
}
