import type { ImportSummary } from '../../contract/author-api.js';
import type { AuthorScope } from '../../contract/enums.js';
import { de } from './locales/de.js';
import { es } from './locales/es.js';

/** Every text the inbox shows: one table, in English; each language in ./locales has its type. */
export const inboxMessages = {
  /** The language tag of this table, for dates and the page's `lang`. */
  locale: 'en',
  title: 'Rapport inbox',
  signInHeading: 'Sign in to answer your readers',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  site: 'Site',
  views: { awaiting: 'Awaiting reply', pending: 'Pending moderation', spam: 'Spam', all: 'All' } as Record<string, string>,
  viewsLabel: 'Queues',
  pageFilter: 'Page',
  allPages: 'All pages',
  loading: 'Loading…',
  empty: { awaiting: 'Nobody is waiting for your reply. All answered!', pending: 'Nothing to moderate.', spam: 'No spam.', all: 'No comments yet.' } as Record<string, string>,
  loadMore: 'Show more',
  /** Whose posts' comments the inbox shows, on a site with several authors ("mine" takes in those without an author). */
  scope: { label: 'Comments on', choices: { mine: 'My posts', all: 'All posts' } as Record<AuthorScope, string> },
  /** Whose post an item is on, when the inbox shows every post; phrased so a name needs no inflection. */
  postAuthor: { by: (name: string) => `Post by ${name}`, mine: 'Your post' },
  reasons: {
    question: 'Question',
    'reply-to-author': 'Replied to you',
    'first-time': 'First comment',
    'mentions-author': 'Mentions you',
    overdue: 'Overdue',
    'held-after-edit': 'Held after an edit',
    snoozed: 'Snoozed',
  } as Record<string, string>,
  reasonsLabel: 'Why it matters',
  waiting: (since: string) => `waiting ${since}`,
  firstComment: 'first comment here',
  history: (n: number, answered: number, since: string) => `${ordinal(n)} comment here, ${answered} answered, since ${since}`,
  onPage: 'on',
  inReplyTo: (name: string) => `In reply to ${name}:`,
  select: (name: string) => `Select the comment by ${name}`,
  reply: 'Reply',
  replyTo: (name: string) => `Your reply to ${name}`,
  send: 'Send reply',
  sendHint: 'Ctrl+Enter sends',
  cancel: 'Cancel',
  approve: 'Approve',
  noReplyNeeded: 'No reply needed',
  needsReply: 'Needs a reply',
  snooze: 'Snooze',
  snoozeChoices: { 'later-today': 'Later today', tomorrow: 'Tomorrow morning', 'next-week': 'Next week' } as Record<string, string>,
  spam: 'Spam',
  delete: 'Delete',
  edit: 'Edit',
  save: 'Save',
  undo: 'Undo',
  bulkLabel: (n: number) => `${n} selected`,
  statusLabel: { pending: 'Awaiting approval', spam: 'Spam', deleted: 'Deleted', published: '' } as Record<string, string>,
  done: {
    reply: 'Reply published.',
    approve: 'Approved.',
    noReplyNeeded: 'Marked as needing no reply.',
    needsReply: 'Waiting for your reply again.',
    spam: 'Marked as spam.',
    delete: 'Deleted.',
    edit: 'Reply saved.',
    undo: 'Undone.',
    snooze: 'Snoozed: it comes back to this queue when its time comes.',
  },
  bulkDone: (n: number) => `${n} comments changed.`,
  failed: 'That did not work. Please try again.',
  badCredentials: 'That email and password do not match.',
  tooManyAttempts: 'Too many failed attempts. Try again in a few minutes.',
  stats: {
    heading: 'How responsive you are',
    floodHold: (held: number, since: string) =>
      `Comments are arriving faster than usual, so new ones wait for your approval: ${held} held, the first ${since}.`,
    waitingNow: 'Waiting now',
    oldest: 'Oldest waiting',
    overdue: 'Overdue',
    held: 'Waiting for approval',
    replyRate: 'Reply rate, 8 weeks',
    median: 'Median time to first reply',
    chartLabel: 'Weekly reply rate',
    perPage: 'Per page',
    page: 'Page',
    received: 'Received',
    answered: 'Answered',
    perAuthor: 'Per author',
    author: 'Author',
    noAuthor: 'No author',
    firstReplies: 'First replies',
    none: '—',
    hours: (h: number) => (h < 1 ? `${Math.round(h * 60)} min` : `${Math.round(h * 10) / 10} h`),
  },
  pageEditor: {
    edit: 'Edit page',
    heading: (key: string) => `Title and address of ${key}`,
    title: 'Title',
    url: 'Address',
    save: 'Save page',
    cancel: 'Cancel',
    author: 'Author',
    noAuthor: 'No author',
    you: (name: string) => `${name} (you)`,
    mine: 'This post is mine',
    saved: 'Page saved.',
  },
  settings: {
    heading: 'Mail and data',
    notify: 'Mail me about new comments',
    modes: { instant: 'For every comment', digest: 'A daily digest of who is waiting', off: 'Never' } as Record<string, string>,
    scope: 'Mail me about comments on',
    scopes: { mine: 'My posts and posts without an author', all: 'Every post of the site' } as Record<AuthorScope, string>,
    digestHour: 'Digest hour',
    timeZone: 'Time zone',
    saved: 'Mail settings saved.',
    delivery: 'Mail sent from this site',
    counts: (c: { queued: number; sending: number; sent: number; failed: number }) => `${c.sent} sent, ${c.queued + c.sending} waiting, ${c.failed} failed`,
    kinds: { 'author-comment': 'New comment', 'author-digest': 'Digest', 'reader-confirm': 'Reader confirmation', 'reader-reply': 'Reply to a reader' } as Record<string, string>,
    states: { queued: 'waiting', sending: 'sending', sent: 'sent', failed: 'failed' } as Record<string, string>,
    exportData: 'Download all of this site’s data (JSON)',
    eraseHeading: 'Erase a reader’s data',
    eraseHint: 'Their comments on this site become “deleted” placeholders; replies stay in place.',
    eraseEmail: 'Reader’s email',
    erase: 'Erase',
    eraseConfirm: (email: string) => `Erase everything ${email} wrote on this site? This cannot be undone.`,
    erased: (n: number) => `Erased: ${n} comments.`,
  },
  importing: {
    heading: 'Bring in comments from another system',
    hint: 'An export from Disqus, WordPress, Isso, Remark42, Commento or Comentario (.gz too), up to 200 MB. The same file again adds only what is new.',
    file: 'Export file',
    waitingSince: 'Unanswered comments wait for your reply from',
    waitingSinceHint: 'Left empty: the last 30 days. Older unanswered comments are marked “no reply needed”; you can bring any back.',
    names: 'Your usernames or names there (comma-separated)',
    dryRun: 'Dry run: count, write nothing',
    start: 'Import',
    sending: (percent: number) => `Uploading: ${percent}%`,
    writing: 'Reading and writing the comments…',
    tooLarge: 'That file is over 200 MB: import it on the server with rapport data import.',
    failed: (message: string) => `The file could not be imported: ${message}`,
    done: (s: ImportSummary) =>
      `${s.dryRun ? 'Dry run, nothing written: it would import' : 'Imported'} ${s.comments} ${s.comments === 1 ? 'comment' : 'comments'} on ${s.pages} ${s.pages === 1 ? 'page' : 'pages'}.`,
    statuses: (s: ImportSummary) =>
      `${s.published} published, ${s.pending} awaiting approval, ${s.spam} spam, ${s.deleted} removed (kept for their replies), ${s.mentions} pingbacks and trackbacks.`,
    authors: (s: ImportSummary) =>
      s.authorComments > 0 ? `${s.authorComments} by the blog’s authors.` : 'None matched an author: name your usernames above.',
    waiting: (s: ImportSummary) => `${s.waiting} wait for a reply; ${s.noReplyNeeded} older unanswered ones marked no reply needed.`,
    already: (n: number) => `${n} were imported before and stay as they are.`,
    skipped: (n: number) => `${n} skipped:`,
  },
  shortcuts: {
    heading: 'Keyboard shortcuts',
    close: 'Close',
    list: [
      ['j / k', 'Next / previous comment'],
      ['r', 'Reply to the comment'],
      ['Ctrl+Enter', 'Send the reply'],
      ['Escape', 'Close the reply box'],
      ['e', 'No reply needed'],
      ['a', 'Approve'],
      ['s', 'Spam'],
      ['#', 'Delete'],
      ['z', 'Snooze until tomorrow morning'],
      ['u', 'Undo'],
      ['g a / g p / g s / g l', 'Go to: awaiting your reply, pending moderation, spam, all'],
      ['?', 'This list'],
    ] as [string, string][],
    open: 'Keyboard shortcuts (?)',
  },
};

export type InboxMessages = typeof inboxMessages;

/** The inbox in the author's language (their browser's), English when it is not one of ours. */
export function inboxMessagesFor(language: string): InboxMessages {
  const tables: Record<string, InboxMessages> = { de, es };
  return tables[language.toLowerCase().split('-')[0]!] ?? inboxMessages;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
