import type { ApiComment } from './api-client.js';

/** What this browser remembers for the reader: who they are, and which comments they may still edit. */
export interface Identity {
  name: string;
  email: string;
  website: string;
}

export interface OwnComment {
  token: string;
  editableUntil: string;
  /** The Markdown source, to edit from. */
  body: string;
  /** Held for moderation: kept here so its writer keeps seeing it on that page. */
  pending?: { page: string; comment: ApiComment };
}

const IDENTITY_KEY = 'rapport:identity';
const OWN_KEY = 'rapport:own';
const BROWSER_KEY = 'rapport:browser';

/** localStorage can be absent, full or forbidden (private modes); remembering is a courtesy, never required. */
export function readText(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeText(key: string, text: string): void {
  try {
    localStorage.setItem(key, text);
  } catch {
    // Not remembering is acceptable.
  }
}

/** A value remembered as JSON; `fallback` when there is none or it is not JSON. */
export function readStored<T>(key: string, fallback: T): T {
  try {
    return (JSON.parse(readText(key) ?? 'null') as T) ?? fallback;
  } catch {
    return fallback;
  }
}

export function writeStored(key: string, value: unknown): void {
  writeText(key, JSON.stringify(value));
}

export function loadIdentity(): Identity {
  return { name: '', email: '', website: '', ...readStored<Partial<Identity>>(IDENTITY_KEY, {}) };
}

export function saveIdentity(identity: Identity): void {
  writeStored(IDENTITY_KEY, identity);
}

/**
 * This browser's own random key, made on first use: once the reader confirms reply mail for a
 * comment written here, the server knows later comments from here are theirs too.
 */
export function browserKey(): string {
  const key = readStored<string>(BROWSER_KEY, '') || crypto.randomUUID();
  writeStored(BROWSER_KEY, key);
  return key;
}

/** Edit tokens of this browser's comments still inside their edit window. */
export function loadOwnComments(now = Date.now()): Record<string, OwnComment> {
  const all = readStored<Record<string, OwnComment>>(OWN_KEY, {});
  return Object.fromEntries(Object.entries(all).filter(([, own]) => Date.parse(own.editableUntil) > now));
}

export function rememberOwnComment(id: string, own: OwnComment): void {
  writeStored(OWN_KEY, { ...loadOwnComments(), [id]: own });
}

export function forgetOwnComment(id: string): void {
  const own = loadOwnComments();
  delete own[id];
  writeStored(OWN_KEY, own);
}
