import type { Signer } from '../core/secrets.js';

/** Why a waiting comment deserves the author's attention, decided when it is written. */
export interface ReaderSignals {
  /** It asks something: a question mark outside links. */
  question: boolean;
  /** It answers the author: the conversation is live. */
  replyToAuthor: boolean;
  /** The reader's first comment on this site: welcome them. */
  firstTime: boolean;
  /** It names an author. */
  mentionsAuthor: boolean;
}

/**
 * The inbox's tiers (DESIGN.md): questions and replies to the author first, then first-time
 * commenters, then mentions, then the rest; inside a tier the longest-waiting first.
 */
export function priorityOf(signals: { [Signal in keyof ReaderSignals]?: boolean | null }): number {
  if (signals.question || signals.replyToAuthor) return 0;
  if (signals.firstTime) return 1;
  if (signals.mentionsAuthor) return 2;
  return 3;
}

export function asksQuestion(body: string): boolean {
  return /[?？¿]/.test(body.replace(/\b(?:https?|mailto):\S+/gi, ''));
}

/** Whether the body names an author, by full name or first name, as a whole word. */
export function mentionsAnyOf(body: string, authorNames: string[]): boolean {
  const names = authorNames.flatMap((name) => [name, name.split(/\s+/)[0] ?? '']).filter((n) => n.length >= 2);
  return names.some((name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(body);
  });
}

/**
 * Who a reader is across their comments on a site, without storing who they are twice: a
 * keyed hash of their email, or of their name when they gave none.
 */
export function readerKeyOf(signer: Signer, email: string | null | undefined, name: string): string {
  const identity = email ? `email:${email.trim().toLowerCase()}` : `name:${name.trim().toLowerCase()}`;
  return signer.sign('reader', identity);
}
