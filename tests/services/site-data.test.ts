import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { authorComment, makeSite, readerComment } from '../support/factories.js';

const ctx = useTestContext();

describe('erasing a reader', () => {
  it('removes their text, name, email and website on every site; replies keep their place; counters follow', async () => {
    const [one, two] = [await makeSite(ctx), await makeSite(ctx)];
    const asked = await readerComment(ctx, one, { name: 'Eve', email: 'Eve@Example.com', website: 'https://eve.example', body: 'My question?', notifyReplies: true, browserKey: 'eves-own-browser-key' });
    await authorComment(ctx, one, { parentId: asked.id, body: 'My answer.' });
    await readerComment(ctx, two, { name: 'Eve', email: 'eve@example.com', body: 'Waiting here.' });
    const other = await readerComment(ctx, two, { name: 'Bo', email: 'bo@example.com', body: 'Me too.' });

    const erased = await ctx.services.siteData.eraseReader('EVE@example.com', ctx.clock.now());
    expect(erased).toEqual({ comments: 2, sites: [one.siteId, two.siteId].sort() });

    const left = await ctx.models.Comment.find({ siteId: { $in: [one.siteId, two.siteId] }, isAuthor: false }).lean();
    expect(JSON.stringify(left)).not.toMatch(/eve|My question|Waiting here/i);
    // Nothing that could tie the placeholder to her browser either.
    expect(left.find((c) => c._id.toHexString() === asked.id)?.browserKeyHash).toBeNull();
    expect(left.find((c) => c._id.toHexString() === other.id)?.status).toBe('published');

    ctx.clock.advance(2000);
    const threadOne = (await request(ctx.app).get('/api/comments').query({ site: one.siteId, page: '/post/' })).body;
    expect(threadOne.comments[0]).toMatchObject({ id: asked.id, removed: true, html: '' });
    expect(threadOne.comments[1].html).toBe('<p>My answer.</p>');
    const threadTwo = (await request(ctx.app).get('/api/comments').query({ site: two.siteId, page: '/post/' })).body;
    expect(threadTwo.page).toMatchObject({ commentCount: 1, awaitingReply: 1 });
  });
});

describe('exporting a site', () => {
  it('gives the site, its authors without passwords, its pages and its comments', async () => {
    const site = await makeSite(ctx);
    await readerComment(ctx, site, { name: 'Ann', email: 'ann@example.com', body: 'Exported words' });
    const data = await ctx.services.siteData.exportSite(site.siteId, ctx.clock.now());
    const json = JSON.stringify(data);
    expect(data.format).toBe('rapport-export-1');
    expect(data.site._id).toBe(site.siteId);
    expect(data.authors.map((a) => a.email)).toEqual([site.author.email]);
    expect(json).not.toContain('passwordHash');
    expect(json).not.toContain('scrypt$');
    expect(json).not.toContain('editSalt');
    expect(data.pages.map((p) => p.key)).toEqual(['/post/']);
    expect(data.comments.map((c) => [c.name, c.email, c.body])).toEqual([['Ann', 'ann@example.com', 'Exported words']]);
    await expect(ctx.services.siteData.exportSite('no-such-site', ctx.clock.now())).rejects.toThrow(/not found/);
  });
});
