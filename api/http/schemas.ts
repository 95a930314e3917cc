import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CommentChange } from '../../contract/author-api.js';
import { AUTHOR_SCOPES, COMMENT_STATUSES, INBOX_VIEWS, NOTIFY_CHOICES, SNOOZE_CHOICES } from '../../contract/enums.js';
import { LIMITS } from '../../contract/limits.js';
import { IMPORT_FORMATS } from '../services/import/records.js';

// Stored as the URL standard writes it, so quotes and angle brackets arrive percent-encoded
// wherever the address is used later (an href, a mail), whatever renders it.
const httpUrl = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }))
    // https://blog.example@evil.test/ reads as the blog and goes elsewhere.
    .refine((url) => !hasUserinfo(url), { message: 'must be an http(s) address without a user name or password', params: { problem: 'url' } })
    .transform((url) => new URL(url).href)
    .pipe(z.string().max(max, `must be at most ${max} characters`));

/** Whether a URL names a user or password (zod runs this refinement even when the URL check failed). */
function hasUserinfo(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

/** Forms send "" for a field left empty; that means "not given". */
const optional = <Schema extends z.ZodType>(schema: Schema) =>
  // A preprocess, not a union with '', so a wrong value gets the inner schema's own explanation.
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const siteId = z.string().regex(new RegExp(`^[a-z0-9][a-z0-9-]{0,${LIMITS.siteId - 1}}$`, 'i'), 'must be a site id (letters, digits and dashes)');
export const pageKey = z
  .string()
  .min(1, 'is required')
  .max(LIMITS.pageKey, `must be at most ${LIMITS.pageKey} characters`)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');
export const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'must be a comment id');

// GET /api/comments
export const threadQuery = z.object({
  site: siteId,
  page: pageKey,
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.threadSliceMax).default(LIMITS.threadSliceDefault),
});

// POST /api/comments
export const postCommentBody = z.object({
  site: siteId,
  page: pageKey,
  pageTitle: optional(z.string().max(LIMITS.pageTitle, `must be at most ${LIMITS.pageTitle} characters`)),
  pageUrl: optional(httpUrl(LIMITS.pageUrl)),
  // A hint printed by the blog's theme, never stored: as long as a URL may be, so no theme's
  // markup can make readers' comments fail; a name no author has assigns nobody.
  pageAuthor: optional(z.string().max(LIMITS.pageUrl, `must be at most ${LIMITS.pageUrl} characters`)),
  parentId: optional(objectId).nullable(),
  name: z.string().min(1, 'is required').max(LIMITS.name, `must be at most ${LIMITS.name} characters`),
  email: optional(z.email('must be an email address').max(LIMITS.email, `must be at most ${LIMITS.email} characters`)),
  website: optional(httpUrl(LIMITS.website)),
  body: z.string().min(1, 'is required').max(LIMITS.body, `must be at most ${LIMITS.body} characters`),
  notifyReplies: z.boolean().optional(),
  /** The language the reader sees the widget in; their reply mail is written in it. */
  locale: optional(z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i, 'must be a language tag such as de or pt-BR')),
  clientId: optional(z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _')),
  browserKey: optional(z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16 to 64 letters, digits, - or _')),
  formToken: optional(z.string().max(200)),
  /** The field people never see; anything in it means a machine filled the form. */
  honeypot: z.string().max(1000).optional(),
});

const authorEmail = z.email('must be an email address').max(LIMITS.email, `must be at most ${LIMITS.email} characters`);

// PATCH /api/pages?site&page — an author corrects what readers' first comments said about a page
export const pageQuery = z.object({ site: siteId, page: pageKey });
export const pageChangeBody = z
  .object({
    title: z.string().max(LIMITS.pageTitle, `must be at most ${LIMITS.pageTitle} characters`).optional(),
    /** "" clears the URL (null below). */
    url: z.preprocess((value) => (value === '' ? null : value), httpUrl(LIMITS.pageUrl).nullable().optional()),
    /** The email of the site author who wrote the post; "" or null: the post has no author. */
    author: z.preprocess((value) => (value === '' ? null : value), authorEmail.nullable().optional()),
  })
  .strict()
  .refine((change) => change.title !== undefined || change.url !== undefined || change.author !== undefined, 'send title, url, author or some of them');

// POST /api/preview
export const previewBody = z.object({
  body: z.string().max(LIMITS.body, `must be at most ${LIMITS.body} characters`),
});

// PATCH /api/comments/:id by the reader who wrote it
export const readerEditBody = z.object({
  body: z.string().min(1, 'is required').max(LIMITS.body, `must be at most ${LIMITS.body} characters`),
});

// GET /api/counts
export const countsQuery = z.object({
  site: siteId,
  page: z
    .union([pageKey.transform((key) => [key]), z.array(pageKey)])
    .refine((keys) => keys.length <= LIMITS.pagesPerCountRequest, {
      message: `at most ${LIMITS.pagesPerCountRequest} pages at once`,
      params: { problem: 'too_long' },
    }),
});

export const bearerToken = z.string().regex(/^Bearer [A-Za-z0-9_-]{10,100}$/, 'must be "Bearer" and an edit token');

// POST /api/auth/login
export const loginBody = z.object({
  email: z.string().max(LIMITS.email, `must be at most ${LIMITS.email} characters`),
  password: z.string().max(LIMITS.password, `must be at most ${LIMITS.password} characters`),
});

// GET /api/inbox
export const inboxQuery = z.object({
  site: siteId,
  view: z.enum(INBOX_VIEWS).default('awaiting'),
  page: pageKey.optional(),
  cursor: z.string().max(300).optional(),
  scope: z.enum(AUTHOR_SCOPES).default('mine'),
});

// GET /api/stats
export const statsQuery = z.object({
  site: siteId,
  days: z.coerce.number().int('must be a whole number').min(1).max(366).default(30),
  scope: z.enum(AUTHOR_SCOPES).default('mine'),
});

// GET and PATCH /api/author/mail?site
export const siteQuery = z.object({ site: siteId });

// POST /api/author/import?site&format&waitingSince&author…&baseUrl&dryRun — the export is the body
export const importQuery = z.object({
  site: siteId,
  format: optional(z.enum(['auto', ...IMPORT_FORMATS], `must be auto or one of ${IMPORT_FORMATS.join(', ')}`)),
  waitingSince: optional(
    z
      .string()
      .refine((value) => DateTime.fromISO(value).isValid, 'must be a date like 2024-01-31')
      .transform((value) => DateTime.fromISO(value, { zone: 'utc' }).toJSDate()),
  ),
  // Repeated in the query string for each mapping: author=NAME_OR_EMAIL%3DAUTHOR_EMAIL.
  author: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : [value].flat())),
  baseUrl: optional(httpUrl(LIMITS.pageUrl)),
  dryRun: optional(z.enum(['true', 'false', '1', '0'], 'must be true or false').transform((value) => value === 'true' || value === '1')),
});

// PATCH /api/author/mail?site {notify?, scope?, digestHour?, timeZone?}
export const mailChoiceBody = z
  .object({
    notify: z.enum(NOTIFY_CHOICES),
    scope: z.enum(AUTHOR_SCOPES),
    digestHour: z.number().int('must be a whole hour').min(0).max(23),
    timeZone: z.string().min(1).max(64),
  })
  .partial()
  .strict();

// POST /api/author/erase?site {email}
export const eraseBody = z.object({ email: z.email('must be an email address').max(LIMITS.email) }).strict();

// POST /api/comments/:id/replies
export const authorReplyBody = z.object({
  body: z.string().min(1, 'is required').max(LIMITS.body, `must be at most ${LIMITS.body} characters`),
});

// PATCH /api/comments/:id by an author of the comment's site: one change at a time
export const authorChangeBody = z
  .object({
    // 'pending' lets the inbox undo an approval.
    status: z.enum(COMMENT_STATUSES).optional(),
    awaitingReply: z.boolean().optional(),
    body: z.string().min(1, 'is required').max(LIMITS.body, `must be at most ${LIMITS.body} characters`).optional(),
    /** Out of the queue until later today, tomorrow or next week; null brings it back. */
    snooze: z.enum(SNOOZE_CHOICES).nullable().optional(),
  })
  .refine((change) => [change.status, change.awaitingReply, change.body, change.snooze].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of status, awaitingReply, body or snooze',
    path: ['status'],
    params: { problem: 'choice' },
  })
  .transform(
    (change): CommentChange =>
      change.status !== undefined
        ? { status: change.status }
        : change.awaitingReply !== undefined
          ? { awaitingReply: change.awaitingReply }
          : change.snooze !== undefined
            ? { snooze: change.snooze }
            : { body: change.body! },
  );
