import request from 'supertest';
import crypto from 'node:crypto';
import type { TestContext } from './test-context.js';
import type { ReaderCommentInput } from '../../api/services/comments/comment-writer.js';

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${++sequence}-${crypto.randomBytes(3).toString('hex')}`;

export const BLOG_ORIGIN = 'https://blog.example.com';

/** A site with one author; settings as given. */
export async function makeSite(
  ctx: TestContext,
  options: { moderation?: 'post' | 'pre'; editWindowMinutes?: number; origins?: string[]; minFormSeconds?: number } = {},
) {
  const id = unique('site');
  await ctx.services.sites.create({ id, name: `Blog ${id}`, origins: options.origins ?? [BLOG_ORIGIN] }, ctx.clock.now());
  // The form-timing check is off unless a test asks for it: most tests post at once, without a form.
  await ctx.services.sites.update(id, {
    settings: { moderation: options.moderation, editWindowMinutes: options.editWindowMinutes, minFormSeconds: options.minFormSeconds ?? 0 },
  });
  const { author } = await ctx.services.authors.create(
    { siteId: id, name: 'Sonia', email: `${unique('sonia')}@example.com`, password: AUTHOR_PASSWORD },
    ctx.clock.now(),
  );
  return { siteId: id, author };
}

/** Another author of the site (a guest writer), with the tests' password. */
export async function addAuthor(ctx: TestContext, site: { siteId: string }, name = 'Chris Allison') {
  const { author } = await ctx.services.authors.create(
    { siteId: site.siteId, name, email: `${unique(name.split(' ')[0]!.toLowerCase())}@example.com`, password: AUTHOR_PASSWORD },
    ctx.clock.now(),
  );
  return author;
}

/** A reader comment through the same service the public API uses; answers its id and edit token. */
export async function readerComment(
  ctx: TestContext,
  site: { siteId: string },
  fields: Partial<ReaderCommentInput> & { pageKey?: string } = {},
) {
  const posted = await ctx.services.commentWriter.postReaderComment(
    // Each text its own: the same text twice on a site is held as a duplicate.
    { siteId: site.siteId, pageKey: '/post/', name: 'Ann', body: `Nice post, part ${++sequence}.`, ...fields },
    undefined,
    ctx.clock.now(),
  );
  ctx.clock.advance(1000);
  return { id: posted.comment.id, editToken: posted.editToken, status: posted.comment.status };
}

/** An author comment (reply when parentId is given). */
export async function authorComment(
  ctx: TestContext,
  site: { siteId: string; author: { _id: import('mongoose').Types.ObjectId } },
  fields: { parentId?: string; pageKey?: string; body?: string } = {},
) {
  const comment = await ctx.services.commentWriter.postAuthorComment(
    { siteId: site.siteId, authorId: site.author._id, pageKey: fields.pageKey ?? '/post/', parentId: fields.parentId, body: fields.body ?? 'Thanks!' },
    ctx.clock.now(),
  );
  ctx.clock.advance(1000);
  return { id: comment._id.toHexString() };
}

/** Everything in the database that a rejected write must leave as it was. */
export async function snapshot(ctx: TestContext) {
  const [comments, pages, sites, outbox, subscriptions] = await Promise.all([
    ctx.models.Comment.find().sort({ _id: 1 }).lean(),
    ctx.models.Page.find().sort({ _id: 1 }).lean(),
    ctx.models.Site.find().sort({ _id: 1 }).lean(),
    ctx.models.OutboxMessage.find().sort({ _id: 1 }).lean(),
    ctx.models.Subscription.find().sort({ _id: 1 }).lean(),
  ]);
  return JSON.stringify({ comments, pages, sites, outbox, subscriptions });
}

/** The inbox's own origin in tests (the test app's PUBLIC_URL). */
export const INBOX_ORIGIN = 'http://127.0.0.1:9';
export const AUTHOR_PASSWORD = 'correct horse battery';

/** Signs an author in through the API; answers the Cookie header value to send. */
export async function signIn(ctx: TestContext, email: string, password = AUTHOR_PASSWORD): Promise<string> {
  const res = await request(ctx.app).post('/api/auth/login').set('Origin', INBOX_ORIGIN).send({ email, password });
  if (res.status !== 204) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.headers['set-cookie']![0]!.split(';')[0]!;
}
