import crypto from 'node:crypto';
import type { Types } from 'mongoose';
import type { Models } from '../../models/models.js';
import type { SiteRecord } from '../../models/site.js';
import { hostForm, lookalikeForm } from '../core/lookalikes.js';
import type { Akismet } from './akismet.js';

/** Where screening puts a new reader comment. */
export type ScreenedStatus = 'published' | 'pending' | 'spam';

/** A new reader comment as screening sees it, with how it arrived. */
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
  /** The comment itself, when an edit is screened: its own earlier text is no duplicate. */
  self?: Types.ObjectId;
  /** The form's hidden field was filled in: a machine. */
  honeypot?: boolean;
  /** The site is past its flood limit. */
  flooded?: boolean;
  /**
   * Present when the comment came through the public form: when that form was shown, if its
   * token was valid. Seeds and imports leave it out and are not timed.
   */
  form?: { shownAt: Date | undefined };
}

/** The same text posted again on a site within this long is held. */
const DUPLICATE_WINDOW_MS = 6 * 3_600_000;

/** A comment's text reduced to what makes it the same comment: case, spacing and punctuation aside. */
export function bodyFingerprint(body: string): string {
  const essence = body.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
  return crypto.createHash('sha256').update(essence).digest('base64url').slice(0, 22);
}

/**
 * Every reason a reader comment is published, held for approval or marked spam, in one place,
 * no captcha involved. Spam: the site's blocklists, or Akismet's verdict. Held: the site
 * pre-moderates, a machine filled the form (honeypot, no valid form token, sent too soon after
 * the form was shown), the site is flooded, too many links, the same text again within hours,
 * or Akismet could not decide.
 */
export class CommentScreen {
  constructor(
    private readonly models: Models,
    private readonly akismet?: Akismet,
  ) {}

  async decide(site: SiteRecord, comment: ScreenedComment, now: Date): Promise<ScreenedStatus> {
    const verdict = await this.judge(site, comment, now);
    if (verdict === 'spam') return 'spam';
    const held =
      verdict === 'hold' ||
      site.settings.moderation === 'pre' ||
      Boolean(comment.honeypot) ||
      Boolean(comment.flooded) ||
      this.tooSoon(site, comment.form, now);
    return held ? 'pending' : 'published';
  }

  /** The site's own rules and Akismet, on what the comment says. */
  private async judge(site: SiteRecord, comment: ScreenedComment, now: Date): Promise<'publish' | 'hold' | 'spam'> {
    const { settings } = site;
    // Both sides in one spelling, so that lookalikes, invisible characters and a host's trailing
    // dot do not slip a blocked word or domain past the list.
    const text = lookalikeForm(comment.body);
    const links = [...comment.html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!);
    if (comment.website) links.push(comment.website);
    const hosts = links.flatMap((link) => {
      try {
        return [hostForm(new URL(link).hostname)];
      } catch {
        return [];
      }
    });
    const blockedHosts = settings.blockedLinks.map(hostForm).filter(Boolean);
    const blocked =
      settings.blockedWords.some((word) => containsWord(text, lookalikeForm(word))) ||
      blockedHosts.some((domain) => hosts.some((host) => host === domain || host.endsWith(`.${domain}`))) ||
      (comment.email !== undefined && comment.email !== null && settings.blockedEmails.includes(comment.email.toLowerCase()));
    if (blocked) return 'spam';
    if (links.length - (comment.website ? 1 : 0) > settings.maxLinks) return 'hold';
    const again = await this.models.Comment.exists({
      siteId: site._id,
      ...(comment.self && { _id: { $ne: comment.self } }),
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

  /**
   * Sent sooner than the site's minimum after its form was shown, or without the form's valid
   * token: a script rather than a person.
   */
  private tooSoon(site: SiteRecord, form: ScreenedComment['form'], now: Date): boolean {
    if (!form || site.settings.minFormSeconds === 0) return false;
    return !form.shownAt || now.getTime() - form.shownAt.getTime() < site.settings.minFormSeconds * 1000;
  }
}

function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}
