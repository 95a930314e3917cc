import { decodeHTML } from 'entities';
import { cleanName } from '../core/text.js';
import type { ImportedPerson } from './records.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * A name or title as the old system displayed it: HTML entities decoded when the system showed names as
 * HTML (WordPress, Disqus: `&laquo;` inside CDATA is «), then cleaned like every stored name.
 */
export function displayText(raw: string | null | undefined, html: boolean): string {
  if (!raw) return '';
  return cleanName(html && raw.includes('&') ? decodeHTML(raw) : raw);
}

/** Trimmed and lower-case; null when empty, the literal "undefined" some exports write, or not an address. */
export function emailAddress(raw: string | null | undefined): string | null {
  const email = (raw ?? '').trim().toLowerCase();
  return EMAIL.test(email) && email !== 'undefined' ? email : null;
}

/** An http(s) URL as the URL standard writes it; null for anything else (`javascript:`, `undefined`, ''). */
export function httpUrl(raw: string | null | undefined, base?: string): string | null {
  const text = (raw ?? '').trim();
  if (!text) return null;
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Trimmed, or null when empty. */
export function optional(raw: unknown): string | null {
  if (typeof raw === 'number') return String(raw);
  return typeof raw === 'string' && raw.trim() ? raw.trim() : null;
}

/** What the export says of a person, normalized. `html`: names were shown as HTML (see displayName). */
export function person(
  raw: { name?: string | null; email?: string | null; website?: string | null; username?: unknown; userId?: unknown; moderator?: boolean },
  html = false,
): ImportedPerson {
  return {
    name: displayText(raw.name, html),
    email: emailAddress(raw.email),
    website: httpUrl(raw.website),
    username: optional(raw.username),
    userId: optional(raw.userId),
    moderator: raw.moderator === true,
  };
}
