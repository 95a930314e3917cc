import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { authorComment, makeSite, readerComment } from '../support/factories.js';

const ctx = useTestContext();

describe('GET /api/comments', () => {
  describe('when the page has no comments yet', () => {
    it('answers an empty thread with the site settings and a form token', async () => {
      const site = await makeSite(ctx);
      const res = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/new/' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        site: { id: site.siteId, authors: ['Sonia'], highlight: 'everyone', moderation: 'post', locale: 'en' },
        page: { key: '/new/', title: '', url: '', commentCount: 0, awaitingReply: 0, locked: false },
        comments: [],
        nextCursor: null,
      });
      expect(res.body.formToken).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/);
    });
  });

  describe('when the page has comments', () => {
    it('answers the published ones oldest first, with public fields only', async () => {
      const site = await makeSite(ctx);
      const first = await readerComment(ctx, site, { name: 'Ann', email: 'ann@example.com', website: 'https://ann.example', body: 'Why *this*?' });
      const reply = await authorComment(ctx, site, { parentId: first.id, body: 'Because.' });
      const held = await readerComment(ctx, site, { body: 'to be hidden' });
      await ctx.services.commentChanges.setStatus(held.id, 'spam', ctx.clock.now());

      const res = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/post/' });
      expect(res.status).toBe(200);
      expect(res.body.comments).toHaveLength(2);
      const [a, b] = res.body.comments;
      expect(a).toEqual({
        id: first.id,
        parentId: null,
        author: { name: 'Ann', website: 'https://ann.example', isAuthor: false },
        html: '<p>Why <em>this</em>?</p>',
        type: 'comment',
        createdAt: expect.any(String),
        editedAt: null,
        awaitingReply: false,
      });
      expect(b).toMatchObject({ id: reply.id, parentId: first.id, author: { name: 'Sonia', isAuthor: true } });
      expect(JSON.stringify(res.body)).not.toContain('ann@example.com');
      expect(res.body.page).toMatchObject({ commentCount: 2, awaitingReply: 0 });
    });

    it('pages long threads with a cursor', async () => {
      const site = await makeSite(ctx);
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push((await readerComment(ctx, site, { pageKey: '/long/' })).id);
      const first = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/long/', limit: 3 });
      expect(first.body.comments.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 3));
      const second = await request(ctx.app)
        .get('/api/comments')
        .query({ site: site.siteId, page: '/long/', limit: 3, cursor: first.body.nextCursor });
      expect(second.body.comments.map((c: { id: string }) => c.id)).toEqual(ids.slice(3));
      expect(second.body.nextCursor).toBeNull();
    });

    it('keeps for the next reader only what the widget asks for, and refuses a cursor spelt otherwise than given', async () => {
      const site = await makeSite(ctx);
      for (let i = 0; i < 3; i++) await readerComment(ctx, site, { pageKey: '/kept/' });
      const read = (query: Record<string, unknown>) => request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/kept/', ...query });
      const cache = ctx.services.threadCache;
      const before = cache.size;
      // Made-up cursors (any time before the first comment reads the whole thread) and odd
      // slice sizes are answered, but not kept: a script could invent them without end.
      for (let i = 0; i < 20; i++) {
        const invented = Buffer.from(`${1000 + i}.${'0'.repeat(23)}${i % 10}`).toString('base64url');
        const res = await read({ cursor: invented, limit: 100 });
        expect(res.status).toBe(200);
        expect(res.body.comments).toHaveLength(3);
        expect((await read({ limit: 200 + i })).status).toBe(200);
      }
      expect(cache.size).toBe(before);
      const first = await read({ limit: 2 });
      expect((await read({})).status).toBe(200);
      expect(cache.size).toBeGreaterThan(before);
      // The cursor a slice gave, but with its time written with a leading zero: not one it gave.
      const [time, id] = Buffer.from(first.body.nextCursor, 'base64url').toString().split('.');
      const respelt = await read({ cursor: Buffer.from(`0${time}.${id}`).toString('base64url') });
      expect(respelt.status).toBe(400);
      expect(respelt.body.error.fieldCodes).toEqual({ cursor: 'format' });
      expect((await read({ cursor: first.body.nextCursor })).status).toBe(200);
    });
  });

  describe('when the site is unknown', () => {
    it('answers 404 in the error shape', async () => {
      const res = await request(ctx.app).get('/api/comments').query({ site: 'nope', page: '/' });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: 'Site "nope" not found.' } });
    });
  });

  describe('when the query is malformed', () => {
    it.each([
      ['no page', 'site=demo', 'page'],
      ['an operator as page', 'site=demo&page[$ne]=x', 'page'],
      ['two sites', 'site=a&site=b&page=/', 'site'],
      ['a bad cursor', 'site=SITE&page=/&cursor=zzz', 'cursor'],
      ['a limit out of range', 'site=demo&page=/&limit=100000', 'limit'],
    ])('answers 400 naming the field (%s)', async (_, query, field) => {
      const site = await makeSite(ctx);
      const res = await request(ctx.app).get(`/api/comments?${query.replace('SITE', site.siteId)}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid');
      expect(res.body.error.fields).toHaveProperty(field);
    });
  });

  describe('when asked from a blog’s origin', () => {
    it('allows the blog to read the answer (CORS)', async () => {
      const site = await makeSite(ctx);
      const res = await request(ctx.app)
        .get('/api/comments')
        .set('Origin', 'https://blog.example.com')
        .query({ site: site.siteId, page: '/' });
      expect(res.headers['access-control-allow-origin']).toBe('https://blog.example.com');
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    });

    it('does not open CORS to an origin no site lists', async () => {
      const site = await makeSite(ctx);
      const res = await request(ctx.app).get('/api/comments').set('Origin', 'https://evil.example').query({ site: site.siteId, page: '/' });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});

describe('GET /api/counts', () => {
  describe('for several pages at once', () => {
    it('answers each page’s comment and waiting counts, zero for unknown pages', async () => {
      const site = await makeSite(ctx);
      const question = await readerComment(ctx, site, { pageKey: '/a/' });
      await readerComment(ctx, site, { pageKey: '/a/' });
      await authorComment(ctx, site, { pageKey: '/a/', parentId: question.id });
      await readerComment(ctx, site, { pageKey: '/b/' });
      const res = await request(ctx.app).get(`/api/counts?site=${site.siteId}&page=/a/&page=/b/&page=/none/`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        counts: {
          '/a/': { commentCount: 3, awaitingReply: 1 },
          '/b/': { commentCount: 1, awaitingReply: 1 },
          '/none/': { commentCount: 0, awaitingReply: 0 },
        },
      });
    });
  });

  describe('when the query is malformed or the site unknown', () => {
    it('answers 400 without pages and 404 for an unknown site', async () => {
      const site = await makeSite(ctx);
      const missing = await request(ctx.app).get(`/api/counts?site=${site.siteId}`);
      expect(missing.status).toBe(400);
      expect(missing.body.error.fields).toHaveProperty('page');
      const tooMany = await request(ctx.app).get(`/api/counts?site=${site.siteId}&${Array.from({ length: 101 }, (_, i) => `page=/${i}/`).join('&')}`);
      expect(tooMany.status).toBe(400);
      const unknown = await request(ctx.app).get('/api/counts?site=nope&page=/');
      expect(unknown.status).toBe(404);
    });
  });
});
