import crypto from 'node:crypto';
import type { Models } from '../models/models.js';
import type { SiteRecord } from '../models/site.js';
import type { Akismet } from './akismet.js';

/** What screening decided about a new reader comment. */
export type Verdict = 'publish' | 'hold' | 'spam';

/** A new reader comment as screening sees it. */
export interface ScreenedComment {
  name: string;
  body: string;
  html: string;
  email?: string | null;
  website?: string | null;
  pageUrl?: string;
  fingerprint: string;
  /** Who sent it, for Akismet only; never stored. */
  client?: { ip: string; userAgent: string };
}

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
  constructor(
    private readonly models: Models,
    private readonly akismet?: Akismet,
  ) {}

  async judge(site: SiteRecord, comment: ScreenedComment, now: Date): Promise<Verdict> {
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
    if (again) return 'hold';
    if (!this.akismet) return 'publish';
    const verdict = await this.akismet.check({
      blogUrl: site.origins[0] ?? '',
      permalink: comment.pageUrl,
      userIp: comment.client?.ip ?? '',
      userAgent: comment.client?.userAgent ?? '',
      authorName: comment.name,
      authorEmail: comment.email,
      authorUrl: comment.website,
      content: comment.body,
    });
    return verdict === 'spam' ? 'spam' : verdict === 'ham' ? 'publish' : 'hold';
  }
}

function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}
