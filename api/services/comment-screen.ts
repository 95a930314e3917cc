import crypto from 'node:crypto';
import type { Models } from '../models/models.js';
import type { SiteRecord } from '../models/site.js';

/** What screening decided about a new reader comment. */
export type Verdict = 'publish' | 'hold' | 'spam';

/** The same text posted again on a site within this long is held. */
const DUPLICATE_WINDOW_MS = 6 * 3_600_000;

/** A comment's text reduced to what makes it the same comment: case, spacing and punctuation aside. */
export function bodyFingerprint(body: string): string {
  const essence = body.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
  return crypto.createHash('sha256').update(essence).digest('base64url').slice(0, 22);
}

/**
 * The site's own rules for new reader comments, no captcha involved: its blocklists mark a
 * comment as spam; too many links, or the same text again within hours, hold it for approval.
 */
export class CommentScreen {
  constructor(private readonly models: Models) {}

  async judge(site: SiteRecord, comment: { body: string; html: string; email?: string | null; website?: string | null; fingerprint: string }, now: Date): Promise<Verdict> {
    const { settings } = site;
    const text = comment.body.toLowerCase();
    const links = [...comment.html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!);
    if (comment.website) links.push(comment.website);
    const hosts = links.flatMap((link) => {
      try {
        return [new URL(link).hostname.toLowerCase()];
      } catch {
        return [];
      }
    });
    const blocked =
      settings.blockedWords.some((word) => containsWord(text, word.toLowerCase())) ||
      settings.blockedLinks.some((domain) => hosts.some((host) => host === domain || host.endsWith(`.${domain}`))) ||
      (comment.email !== undefined && comment.email !== null && settings.blockedEmails.includes(comment.email.toLowerCase()));
    if (blocked) return 'spam';
    if (links.length - (comment.website ? 1 : 0) > settings.maxLinks) return 'hold';
    const again = await this.models.Comment.exists({
      siteId: site._id,
      fingerprint: comment.fingerprint,
      createdAt: { $gte: new Date(now.getTime() - DUPLICATE_WINDOW_MS) },
    });
    return again ? 'hold' : 'publish';
  }
}

function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}
