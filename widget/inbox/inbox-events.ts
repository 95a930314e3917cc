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
  'rapport-credentials-submitted': { email: string; password: string };
  'rapport-sign-out-chosen': Record<string, never>;
  'rapport-shortcuts-requested': Record<string, never>;
  'rapport-site-chosen': { siteId: string };
  'rapport-view-chosen': { view: InboxView };
  'rapport-scope-chosen': { scope: AuthorScope };
  'rapport-page-filter-chosen': { page: string };
  'rapport-mail-choice-made': MailChoiceRequest;
  'rapport-erase-requested': { email: string };
  'rapport-import-requested': ImportChoice;
  'rapport-bulk-action-chosen': { action: ItemAction };
  'rapport-item-action-chosen': { id: string; action: ItemAction };
  'rapport-item-reply-opened': { id: string; edit?: boolean };
  'rapport-item-reply-closed': { id: string };
  'rapport-item-reply-sent': { id: string; body: string };
  'rapport-item-edit-saved': { id: string; body: string };
  'rapport-item-selection-changed': { id: string; selected: boolean };
  'rapport-item-snooze-chosen': { id: string; until: SnoozeChoice };
  'rapport-page-changed': PageChange;
}

/** One of the inbox's events as a listener receives it. */
export type InboxEvent<Name extends keyof InboxEvents> = CustomEvent<InboxEvents[Name]>;

type InboxEventMap = { [Name in keyof InboxEvents]: InboxEvent<Name> };

declare global {
  interface GlobalEventHandlersEventMap extends InboxEventMap {}
}
