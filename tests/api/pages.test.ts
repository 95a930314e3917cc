import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { BLOG_ORIGIN, INBOX_ORIGIN, makeSite, signIn } from '../support/factories.js';

const ctx = useTestContext();

const firstComment = (siteId: string, fields: Record<string, unknown>) =>
  request(ctx.app).post('/api/comments').set('Origin', BLOG_ORIGIN).send({ site: siteId, page: '/named/', name: 'Ann', body: `First ${Math.random()}`, ...fields });

describe('what the first comment says about its page', () => {
  it('is cleaned like a name: one line, no control, invisible or direction-changing characters', async () => {
    const site = await makeSite(ctx);
    const res = await firstComment(site.siteId, { pageTitle: 'On gardens\r\nBcc: all@example.com\u0000\u001b[31m \u202eevil\u200b' });
    expect(res.status).toBe(201);
    const page = await ctx.models.Page.findOne({ siteId: site.siteId, key: '/named/' }).lean();
    expect(page?.title).toBe('On gardens Bcc: all@example.com[31m evil');
  });
});

describe('PATCH /api/pages', () => {
  const change = (cookie: string, query: Record<string, string>, body: object) =>
    request(ctx.app).patch('/api/pages').query(query).set('Cookie', cookie).set('Origin', INBOX_ORIGIN).send(body);

  it('lets an author correct a page’s title and URL, on the site’s own origins, and readers see it', async () => {
    const site = await makeSite(ctx);
    await firstComment(site.siteId, { pageTitle: 'Wrong title', pageUrl: `${BLOG_ORIGIN}/named/?utm_source=x` });
    const cookie = await signIn(ctx, site.author.email);
    const query = { site: site.siteId, page: '/named/' };
    const res = await change(cookie, query, { title: '  The right title ', url: `${BLOG_ORIGIN}/named/` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ page: { key: '/named/', title: 'The right title', url: `${BLOG_ORIGIN}/named/`, author: null } });
    const thread = await request(ctx.app).get('/api/comments').query(query);
    expect(thread.body.page).toMatchObject({ title: 'The right title', url: `${BLOG_ORIGIN}/named/` });

    const elsewhere = await change(cookie, query, { url: 'https://elsewhere.example/named/' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.fieldCodes).toEqual({ url: 'origin' });
    const userinfo = await change(cookie, query, { url: `https://blog.example.com@evil.test/` });
    expect(userinfo.body.error.fieldCodes).toEqual({ url: 'url' });
    expect((await change(cookie, query, {})).status).toBe(400);
    expect((await change(cookie, { site: site.siteId, page: '/never/' }, { title: 'x' })).status).toBe(404);
  });

  it('is another site’s author’s business only on their own site, and only from the inbox', async () => {
    const [mine, theirs] = [await makeSite(ctx), await makeSite(ctx)];
    await firstComment(theirs.siteId, { pageTitle: 'Theirs' });
    const cookie = await signIn(ctx, mine.author.email);
    expect((await change(cookie, { site: theirs.siteId, page: '/named/' }, { title: 'Mine now' })).status).toBe(404);
    const forged = await request(ctx.app).patch('/api/pages').query({ site: mine.siteId, page: '/named/' }).set('Cookie', cookie).set('Origin', 'https://evil.example').send({ title: 'x' });
    expect(forged.status).toBe(403);
    expect((await ctx.models.Page.findOne({ siteId: theirs.siteId }).lean())?.title).toBe('Theirs');
  });
});
