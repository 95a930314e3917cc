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
function read<T>(key: string, fallback: T): T {
  try {
    return (JSON.parse(localStorage.getItem(key) ?? 'null') as T) ?? fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Not remembering is acceptable.
  }
}

export function loadIdentity(): Identity {
  return { name: '', email: '', website: '', ...read<Partial<Identity>>(IDENTITY_KEY, {}) };
}

export function saveIdentity(identity: Identity): void {
  write(IDENTITY_KEY, identity);
}

/**
 * This browser's own random key, made on first use: once the reader confirms reply mail for a
 * comment written here, the server knows later comments from here are theirs too.
 */
export function browserKey(): string {
  const key = read<string>(BROWSER_KEY, '') || crypto.randomUUID();
  write(BROWSER_KEY, key);
  return key;
}

/** Edit tokens of this browser's comments still inside their edit window. */
export function loadOwnComments(now = Date.now()): Record<string, OwnComment> {
  const all = read<Record<string, OwnComment>>(OWN_KEY, {});
  return Object.fromEntries(Object.entries(all).filter(([, own]) => Date.parse(own.editableUntil) > now));
}

export function rememberOwnComment(id: string, own: OwnComment): void {
  write(OWN_KEY, { ...loadOwnComments(), [id]: own });
}

export function forgetOwnComment(id: string): void {
  const own = loadOwnComments();
  delete own[id];
  write(OWN_KEY, own);
}
