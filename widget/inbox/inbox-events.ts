import type { MailChoiceRequest } from '../../contract/author-api.js';
import type { AuthorScope, InboxView, SnoozeChoice } from '../../contract/enums.js';
import type { ImportChoice } from './inbox-api.js';

/** What the author can do to one comment from its item (or to a selection, in bulk). */
export type ItemAction = 'approve' | 'noReplyNeeded' | 'needsReply' | 'spam' | 'delete';

/** A page's title, URL or author as the author corrects them; what is left out stays as it is. */
export interface PageChange {
  key: string;
  title?: string;
  url?: string;
  /** The email of the site author whose post it is; null: nobody's. */
  author?: string | null;
}

/**
 * Every event the inbox's parts fire, by name, with what it carries. The parts only show data
 * and report what the author did; `rapport-inbox` listens and does the work.
 */
export interface InboxEvents {
  'rapport-sign-in': { email: string; password: string };
  'rapport-sign-out': Record<string, never>;
  'rapport-show-shortcuts': Record<string, never>;
  'rapport-site-change': { siteId: string };
  'rapport-view': { view: InboxView };
  'rapport-scope-change': { scope: AuthorScope };
  'rapport-page-filter': { page: string };
  'rapport-mail-choice': MailChoiceRequest;
  'rapport-erase': { email: string };
  'rapport-import': ImportChoice;
  'rapport-bulk': { action: ItemAction };
  'rapport-item-action': { id: string; action: ItemAction };
  'rapport-item-reply-open': { id: string; edit?: boolean };
  'rapport-item-reply-close': { id: string };
  'rapport-item-reply': { id: string; body: string };
  'rapport-item-edit': { id: string; body: string };
  'rapport-item-select': { id: string; selected: boolean };
  'rapport-item-snooze': { id: string; until: SnoozeChoice };
  'rapport-page-change': PageChange;
}

/** One of the inbox's events as a listener receives it. */
export type InboxEvent<Name extends keyof InboxEvents> = CustomEvent<InboxEvents[Name]>;

type InboxEventMap = { [Name in keyof InboxEvents]: InboxEvent<Name> };

declare global {
  interface GlobalEventHandlersEventMap extends InboxEventMap {}
}
