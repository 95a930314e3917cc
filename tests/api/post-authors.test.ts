import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { BLOG_ORIGIN, INBOX_ORIGIN, addAuthor, authorComment, makeSite, readerComment, signIn, snapshot } from '../support/factories.js';

const ctx = useTestContext();

const post = (siteId: string, fields: Record<string, unknown>) =>
  request(ctx.app).post('/api/comments').set('Origin', BLOG_ORIGIN).send({ site: siteId, page: '/guest/', name: 'Ann', body: `A question ${Math.random()}?`, ...fields });
const thread = (siteId: string, page = '/guest/') => request(ctx.app).get('/api/comments').query({ site: siteId, page });
const authorOfPage = async (siteId: string, key = '/guest/') => (await ctx.models.Page.findOne({ siteId, key }).lean())?.authorId?.toHexString() ?? null;
const asAuthor = (cookie: string) => ({
  get: (path: string, query: Record<string, string>) => request(ctx.app).get(path).query(query).set('Cookie', cookie).set('Origin', INBOX_ORIGIN),
  patchPage: (query: Record<string, string>, body: object) => request(ctx.app).patch('/api/pages').query(query).set('Cookie', cookie).set('Origin', INBOX_ORIGIN).send(body),
});

/** A site written by Sonia (its first author) and Chris Allison (a guest). */
async function twoAuthorSite() {
  const site = await makeSite(ctx);
  const chris = await addAuthor(ctx, site);
  return { ...site, sonia: site.author, chris };
}

describe('a post’s author, as the blog names it', () => {
  it('is the site author the first comment names, case and spaces aside, and readers see it', async () => {
    const site = await twoAuthorSite();
    const res = await post(site.siteId, { pageAuthor: '  chris   ALLISON ', clientId: 'first-comment-0001', body: 'First?' });
    expect(res.status).toBe(201);
    // The answer tells the widget whom readers now wait for; a replayed post answers the same.
    expect(res.body.page).toEqual({ author: { name: 'Chris Allison' } });
    const replay = await post(site.siteId, { pageAuthor: '  chris   ALLISON ', clientId: 'first-comment-0001', body: 'First?' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.page).toEqual({ author: { name: 'Chris Allison' } });
    expect(await authorOfPage(site.siteId)).toBe(site.chris._id.toHexString());
    expect((await thread(site.siteId)).body.page.author).toEqual({ name: 'Chris Allison' });
    // Without spaces too: some themes print "ChrisAllison".
    await post(site.siteId, { page: '/joined/', pageAuthor: 'ChrisAllison' });
    expect(await authorOfPage(site.siteId, '/joined/')).toBe(site.chris._id.toHexString());
  });

  it('is given to an existing page without one by a later comment, and then never changed by a reader', async () => {
    const site = await twoAuthorSite();
    await post(site.siteId, {});
    expect((await thread(site.siteId)).body.page.author).toBeNull();
    await post(site.siteId, { pageAuthor: 'Sonia' });
    expect(await authorOfPage(site.siteId)).toBe(site.sonia._id.toHexString());

    const before = await snapshot(ctx);
    const moved = await post(site.siteId, { pageAuthor: 'Chris Allison' });
    expect(moved.status).toBe(201);
    expect(await authorOfPage(site.siteId)).toBe(site.sonia._id.toHexString());
    expect((await thread(site.siteId)).body.page.author).toEqual({ name: 'Sonia' });
    // Only the new comment and its page's counters changed.
    expect(JSON.parse(await snapshot(ctx)).pages).toHaveLength(JSON.parse(before).pages.length);
  });

  it('names nobody for an unknown name, a name that only looks alike, or an author of another site', async () => {
    const site = await twoAuthorSite();
    const other = await makeSite(ctx);
    await addAuthor(ctx, other, 'Pat Doe');
    for (const [page, pageAuthor] of [['/a/', 'Chris'], ['/b/', 'Chris Alison'], ['/c/', 'Pat Doe'], ['/d/', '\u200b']]) {
      expect((await post(site.siteId, { page, pageAuthor })).status).toBe(201);
      expect(await authorOfPage(site.siteId, page)).toBeNull();
    }
  });

  it('is refused, with the field named, only when absurdly long; the comment is not stored', async () => {
    const site = await twoAuthorSite();
    const before = await snapshot(ctx);
    const res = await post(site.siteId, { pageAuthor: 'x'.repeat(2049) });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldCodes).toEqual({ pageAuthor: 'too_long' });
    expect(await snapshot(ctx)).toBe(before);
  });

  it('leaves GET /api/counts as it was', async () => {
    const site = await twoAuthorSite();
    await post(site.siteId, { pageAuthor: 'Chris Allison' });
    const counts = await request(ctx.app).get('/api/counts').query({ site: site.siteId, page: '/guest/' });
    expect(counts.body).toEqual({ counts: { '/guest/': { commentCount: 1, awaitingReply: 1 } } });
  });

  it('does not change who answers: any author’s reply answers the reader', async () => {
    const site = await twoAuthorSite();
    const question = await post(site.siteId, { pageAuthor: 'Chris Allison' });
    await authorComment(ctx, { siteId: site.siteId, author: site.sonia }, { parentId: question.body.comment.id, pageKey: '/guest/' });
    expect((await thread(site.siteId)).body.page).toMatchObject({ awaitingReply: 0, author: { name: 'Chris Allison' } });
  });
});

describe('an author says whose post it is', () => {
  it('with PATCH /api/pages {author: email}, "" clears it, and readers see the change at once', async () => {
    const site = await twoAuthorSite();
    await post(site.siteId, {});
    const sonia = asAuthor(await signIn(ctx, site.sonia.email));
    const query = { site: site.siteId, page: '/guest/' };
    const mine = await sonia.patchPage(query, { author: site.chris.email.toUpperCase() });
    expect(mine.status).toBe(200);
    expect(mine.body.page).toEqual({ key: '/guest/', title: '', url: '', author: { name: 'Chris Allison', email: site.chris.email } });
    expect((await thread(site.siteId)).body.page.author).toEqual({ name: 'Chris Allison' });
    const cleared = await sonia.patchPage(query, { author: '' });
    expect(cleared.body.page.author).toBeNull();
    expect((await thread(site.siteId)).body.page.author).toBeNull();
  });

  it('refuses an address that is no author of the site, naming the field, and changes nothing', async () => {
    const site = await twoAuthorSite();
    const other = await makeSite(ctx);
    await post(site.siteId, { pageAuthor: 'Sonia' });
    const sonia = asAuthor(await signIn(ctx, site.sonia.email));
    const before = await snapshot(ctx);
    for (const author of [other.author.email, 'not-an-address']) {
      const res = await sonia.patchPage({ site: site.siteId, page: '/guest/' }, { author });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fieldCodes)).toEqual(['author']);
    }
    expect(await snapshot(ctx)).toBe(before);
  });
});

describe('scopes: an author’s inbox and figures', () => {
  /** Comments on Sonia's post, Chris's post and a post without an author. */
  async function threePosts() {
    const site = await twoAuthorSite();
    const ids = {
      sonias: (await post(site.siteId, { page: '/sonias/', pageAuthor: 'Sonia', name: 'Bea' })).body.comment.id as string,
      chriss: (await post(site.siteId, { page: '/chriss/', pageAuthor: 'Chris Allison', name: 'Cid' })).body.comment.id as string,
      nobodys: (await post(site.siteId, { page: '/nobodys/', name: 'Dee' })).body.comment.id as string,
    };
    return { site, ids };
  }
  const idsIn = (res: request.Response) => (res.body.items as { comment: { id: string } }[]).map((item) => item.comment.id).sort();

  it('shows my posts and posts without an author by default, every post with scope=all, and whose post each is', async () => {
    const { site, ids } = await threePosts();
    const chris = asAuthor(await signIn(ctx, site.chris.email));
    const mine = await chris.get('/api/inbox', { site: site.siteId });
    expect(mine.status).toBe(200);
    expect(idsIn(mine)).toEqual([ids.chriss, ids.nobodys].sort());
    const all = await chris.get('/api/inbox', { site: site.siteId, scope: 'all' });
    expect(idsIn(all)).toEqual(Object.values(ids).sort());
    const sonias = (all.body.items as { comment: { id: string }; page: { author: unknown } }[]).find((item) => item.comment.id === ids.sonias);
    expect(sonias?.page.author).toEqual({ name: 'Sonia', email: site.sonia.email });
    // A page asked for by key is shown whole, whoever's it is.
    expect(idsIn(await chris.get('/api/inbox', { site: site.siteId, page: '/sonias/' }))).toEqual([ids.sonias]);
    // The moderation views keep to the scope too.
    expect(idsIn(await chris.get('/api/inbox', { site: site.siteId, view: 'all' }))).toEqual([ids.chriss, ids.nobodys].sort());
    const bad = await chris.get('/api/inbox', { site: site.siteId, scope: 'theirs' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fieldCodes)).toEqual(['scope']);
  });

  it('gives figures in the scope, and per author over the whole site: who answers', async () => {
    const { site, ids } = await threePosts();
    await readerComment(ctx, site, { pageKey: '/sonias/', name: 'Eve', body: 'Another one for Sonia?' });
    // Chris answers the question on his post and the one on Sonia's, Sonia answers nothing.
    ctx.clock.advance(2 * 3_600_000);
    await authorComment(ctx, { siteId: site.siteId, author: site.chris }, { parentId: ids.chriss, pageKey: '/chriss/' });
    await authorComment(ctx, { siteId: site.siteId, author: site.chris }, { parentId: ids.sonias, pageKey: '/sonias/' });
    const chris = asAuthor(await signIn(ctx, site.chris.email));
    const mine = await chris.get('/api/stats', { site: site.siteId });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ scope: 'mine', received: 2, answered: 1, waitingNow: 1, queues: { awaiting: 1 } });
    const all = await chris.get('/api/stats', { site: site.siteId, scope: 'all' });
    expect(all.body).toMatchObject({ scope: 'all', received: 4, answered: 2, waitingNow: 2 });
    const byName = Object.fromEntries((all.body.perAuthor as { author: { name: string } | null }[]).map((row) => [row.author?.name ?? '(none)', row]));
    expect(byName).toEqual({
      Sonia: expect.objectContaining({ author: { name: 'Sonia', email: site.sonia.email }, received: 2, answered: 1, replyRate: 0.5, firstReplies: 0 }),
      'Chris Allison': expect.objectContaining({ received: 1, answered: 1, replyRate: 1, medianHoursToFirstReply: expect.any(Number), firstReplies: 2 }),
      '(none)': expect.objectContaining({ author: null, received: 1, answered: 0, replyRate: 0 }),
    });
    expect(mine.body.perAuthor).toEqual(all.body.perAuthor);
  });
});
