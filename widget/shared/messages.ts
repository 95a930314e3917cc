/** Every text the widget shows, in English: the one table; each language in widget/locales has its type. */
export const en = {
  comments: (n: number) => (n === 1 ? '1 comment' : `${n} comments`),
  /** `author`: whom readers wait for; '' when no one author is (a post without one on a site with several). */
  waitingCount: (n: number, author: string) => (author ? `${n} waiting for ${author}’s reply` : `${n} waiting for a reply`),
  waitingShort: (n: number) => `${n} waiting for a reply`,
  showWaitingOnly: 'Only comments waiting for a reply',
  newestFirst: 'Newest first',
  loading: 'Loading comments…',
  loadFailed: 'The comments could not be loaded.',
  retry: 'Try again',
  loadMore: 'Show more comments',
  noComments: 'No comments yet. Start the conversation!',
  noWaiting: 'Nobody is waiting for a reply.',
  waitingFor: (author: string) => (author ? `Waiting for ${author}’s reply` : 'Waiting for a reply from the blog'),
  authorReplied: (author: string) => `${author} replied`,
  authorBadge: 'Author',
  inReplyTo: (name: string) => `in reply to ${name}`,
  mentionedOn: 'Mentioned on',
  deleted: 'This comment was deleted.',
  pendingApproval: 'Awaiting approval — only you can see this for now.',
  edited: 'edited',
  reply: 'Reply',
  replyTo: (name: string) => `Reply to ${name}`,
  edit: 'Edit',
  delete: 'Delete',
  confirmDelete: 'Delete this comment?',
  formHeading: 'Leave a comment',
  name: 'Name',
  email: 'Email (optional, never shown)',
  website: 'Website (optional)',
  notifyReplies: 'Email me when someone replies',
  body: 'Comment',
  markdownHint: 'Markdown: *italic*, **bold**, [link](https://…), `code`, > quote',
  preview: 'Preview',
  write: 'Write',
  send: 'Post comment',
  sending: 'Posting…',
  save: 'Save',
  cancel: 'Cancel',
  posted: 'Your comment was posted.',
  postedPending: 'Your comment was received and will appear once approved.',
  saved: 'Your changes were saved.',
  removed: 'Your comment was deleted.',
  honeypot: 'Leave this field empty',
  errors: {
    invalid: 'Please check the highlighted fields.',
    origin_not_allowed: 'This blog does not accept comments from this address.',
    page_locked: 'Comments are closed on this page.',
    not_found: 'That comment no longer exists.',
    rate_limited: 'You are posting too fast. Please wait a moment.',
    edit_window_closed: 'The time to edit this comment has passed.',
    answered_by_author: 'The author has answered it: it can no longer be edited.',
    client_id_used: 'This comment was already sent from another window.',
    bad_edit_token: 'You can only change your own comments.',
    too_large: 'That is too long.',
    network: 'Could not reach the comment server. Check your connection.',
    unknown: 'Something went wrong. Please try again.',
  } as Record<string, string>,
  fieldErrors: {
    required: 'This field is required.',
    email: 'Enter a valid email address.',
    emailForReplies: 'Enter your email to hear about replies.',
    url: 'Enter an address starting with http:// or https://.',
    too_long: 'This is too long.',
    invalid: 'Please check this field.',
    reserved: 'That name belongs to an author here.',
  },
};

export type Messages = typeof en;

/**
 * Languages besides English. Each is a module of its own beside embed.js
 * (`/embed/locales/LANG.js`), fetched only by pages in that language, so English pages do
 * not download every translation.
 */
const OTHER_LOCALES = ['de', 'es'];

const loaded = new Map<string, Promise<Messages>>([['en', Promise.resolve(en)]]);

/** The language to use for an element: its own lang, the closest [lang], the site's, the browser's. */
export function resolveLocale(element: Element, siteLocale?: string): string {
  const declared = element.closest('[lang]')?.getAttribute('lang') || siteLocale || navigator.language || 'en';
  const base = declared.toLowerCase().split('-')[0]!;
  return OTHER_LOCALES.includes(base) ? base : 'en';
}

/** The texts for a locale, fetched once per page from the server at `origin`; English if that fails. */
export function loadMessages(origin: string, locale: string): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = import(`${origin}/embed/locales/${locale}.js`).then(
      (module: { default: Messages }) => module.default,
      () => en,
    );
    loaded.set(locale, messages);
  }
  return messages;
}
