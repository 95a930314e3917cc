import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { BLOG_ORIGIN, makeSite, readerComment, snapshot } from '../support/factories.js';

const ctx = useTestContext();

function post(body: unknown, origin: string | null = BLOG_ORIGIN) {
  const req = request(ctx.app).post('/api/comments');
  if (origin) req.set('Origin', origin);
  return req.send(body as object);
}

const valid = (siteId: string, extra: Record<string, unknown> = {}) => ({
  site: siteId,
  page: '/2009/06/relationship-marketing/',
  pageTitle: 'Relationship marketing',
  pageUrl: `${BLOG_ORIGIN}/2009/06/relationship-marketing/`,
  name: 'Ann',
  email: 'ann@example.com',
  body: 'Does this work for **small** blogs?',
  ...extra,
});

describe('POST /api/comments', () => {
  describe('when a reader posts from the blog', () => {
    it('answers 201 with the published comment and an edit token, and creates the page', async () => {
      const site = await makeSite(ctx);
      const res = await post(valid(site.siteId));
      expect(res.status).toBe(201);
      expect(res.body.comment).toMatchObject({
        parentId: null,
        author: { name: 'Ann', website: null, isAuthor: false },
        html: '<p>Does this work for <strong>small</strong> blogs?</p>',
        status: 'published',
        awaitingReply: true,
      });
      expect(res.body.editToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(res.body.editableUntil).toBe(new Date(ctx.clock.now().getTime() + 15 * 60_000).toISOString());
      expect(JSON.stringify(res.body)).not.toContain('ann@example.com');
      const page = await ctx.models.Page.findOne({ siteId: site.siteId }).lean();
      expect(page).toMatchObject({ title: 'Relationship marketing', commentCount: 1, awaitingReply: 1 });
      const stored = await ctx.models.Comment.findById(res.body.comment.id).lean();
      expect(stored).toMatchObject({ email: 'ann@example.com', body: 'Does this work for **small** blogs?' });
    });

    it('stores a reply under its parent', async () => {
      const site = await makeSite(ctx);
      const parent = await post(valid(site.siteId));
      const res = await post(valid(site.siteId, { parentId: parent.body.comment.id, body: 'Same question here.' }));
      expect(res.status).toBe(201);
      expect(res.body.comment.parentId).toBe(parent.body.comment.id);
    });

    it('renders Markdown safely: no raw HTML, no script links', async () => {
      const site = await makeSite(ctx);
      const res = await post(valid(site.siteId, { body: '<img src=x onerror=alert(1)> [x](javascript:alert(1)) [ok](https://ok.example)' }));
      expect(res.status).toBe(201);
      expect(res.body.comment.html).toBe(
        '<p>&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) <a href="https://ok.example" rel="nofollow ugc noopener">ok</a></p>',
      );
    });
  });

  describe('when the site moderates before publishing', () => {
    it('answers 201 with a pending comment that the thread does not show', async () => {
      const site = await makeSite(ctx, { moderation: 'pre' });
      const res = await post(valid(site.siteId));
      expect(res.status).toBe(201);
      expect(res.body.comment).toMatchObject({ status: 'pending', awaitingReply: false });
      const thread = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: valid('').page });
      expect(thread.body.comments).toEqual([]);
    });
  });

  describe('when the same clientId is posted again', () => {
    it('answers the first comment again and stores one', async () => {
      const site = await makeSite(ctx);
      const first = await post(valid(site.siteId, { clientId: 'client-123456' }));
      const again = await post(valid(site.siteId, { clientId: 'client-123456' }));
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      // The same comment and edit token; only the next form token is new.
      expect({ ...again.body, formToken: undefined }).toEqual({ ...first.body, formToken: undefined });
      expect(await ctx.models.Comment.countDocuments({ siteId: site.siteId })).toBe(1);
    });

    it('gives the edit token to no other request that names the same clientId', async () => {
      const site = await makeSite(ctx);
      const first = await post(valid(site.siteId, { clientId: 'client-secret-1' }));
      expect(first.status).toBe(201);
      // Someone who learnt the clientId, with the text everyone can read, from another browser.
      const other = await request(ctx.app)
        .post('/api/comments')
        .set('Origin', BLOG_ORIGIN)
        .set('User-Agent', 'another browser')
        .send(valid(site.siteId, { clientId: 'client-secret-1' }));
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe('client_id_used');
      expect(JSON.stringify(other.body)).not.toContain(first.body.editToken);
      expect(JSON.stringify(other.body)).not.toContain(first.body.comment.id);
      // And the clientId leaves no export.
      const exported = await ctx.services.siteData.exportSite(site.siteId, ctx.clock.now());
      expect(JSON.stringify(exported)).not.toContain('client-secret-1');
      expect(await ctx.models.Comment.countDocuments({ siteId: site.siteId })).toBe(1);
    });

    it('stores one comment when 20 copies race in at once', async () => {
      const site = await makeSite(ctx);
      const responses = await Promise.all(Array.from({ length: 20 }, () => post(valid(site.siteId, { clientId: 'racing-client-1' }))));
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(new Set(responses.map((r) => r.body.comment.id)).size).toBe(1);
      expect(await ctx.models.Comment.countDocuments({ siteId: site.siteId })).toBe(1);
      expect(await ctx.models.Page.findOne({ siteId: site.siteId }).lean()).toMatchObject({ commentCount: 1, awaitingReply: 1 });
    });
  });

  describe('when the origin is not allowed', () => {
    it('answers 403 and stores nothing', async () => {
      const site = await makeSite(ctx);
      const before = await snapshot(ctx);
      const res = await post(valid(site.siteId), 'https://evil.example');
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('origin_not_allowed');
      expect(await snapshot(ctx)).toBe(before);
    });
  });

  describe('when the input is not valid', () => {
    it.each([
      ['a missing name', { name: undefined }, 'name', 'required'],
      ['an empty body', { body: '' }, 'body', 'required'],
      ['a body of only spaces', { body: '   \n ' }, 'body', 'required'],
      ['an over-long body', { body: 'x'.repeat(10_001) }, 'body', 'too_long'],
      ['an over-long name', { name: 'n'.repeat(81) }, 'name', 'too_long'],
      ['a name of invisible characters only', { name: '\u200b\u3164\u2800\u00ad' }, 'name', 'required'],
      ['the author’s name', { name: 'sonia' }, 'name', 'reserved'],
      ['a lookalike of the author’s name', { name: 'Ѕоnіа' }, 'name', 'reserved'],
      ['the author’s name with invisible characters and punctuation', { name: 'So\u200bnia.' }, 'name', 'reserved'],
      ['a javascript: website', { website: 'javascript:alert(1)' }, 'website', 'url'],
      ['a bad email', { email: 'not-an-email' }, 'email', 'email'],
      ['an email with a line break', { email: 'a@example.com\r\nBcc: b@example.com' }, 'email', 'email'],
      ['an operator as name', { name: { $ne: null } }, 'name', 'invalid'],
      ['an operator as site', { site: { $gt: '' } }, 'site', 'invalid'],
      ['a number as body', { body: 42 }, 'body', 'invalid'],
      ['a malformed parent id', { parentId: 'abc' }, 'parentId', 'format'],
      ['a page URL on another host', { pageUrl: 'https://elsewhere.example/p' }, 'pageUrl', 'origin'],
      ['a page URL with a user name that poses as the blog', { pageUrl: 'https://blog.example.com@evil.test/p' }, 'pageUrl', 'url'],
      ['a website with a password in it', { website: 'https://me:secret@reader.example/' }, 'website', 'url'],
      ['a control character in the page key', { page: '/a\u0000b' }, 'page', 'format'],
    ])('answers 400 naming the field and its problem, and stores nothing (%s)', async (_, change, field, problem) => {
      const site = await makeSite(ctx);
      const before = await snapshot(ctx);
      const res = await post({ ...valid(site.siteId), ...change });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid', fields: { [field]: expect.any(String) }, fieldCodes: { [field]: problem } });
      expect(await snapshot(ctx)).toBe(before);
    });

    it('answers 400 for a body that is not JSON, and 413 for one too large', async () => {
      const site = await makeSite(ctx);
      const before = await snapshot(ctx);
      const broken = await request(ctx.app).post('/api/comments').set('Content-Type', 'application/json').send('{"site":');
      expect(broken.status).toBe(400);
      expect(broken.body.error.code).toBe('invalid_json');
      const huge = await post(valid(site.siteId, { pageTitle: 'x'.repeat(70_000) }));
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('too_large');
      expect(await snapshot(ctx)).toBe(before);
    });
  });

  describe('when replying to a comment that does not exist here', () => {
    it('answers 404 and stores nothing', async () => {
      const site = await makeSite(ctx);
      const other = await readerComment(ctx, site, { pageKey: '/other/' });
      const before = await snapshot(ctx);
      const res = await post(valid(site.siteId, { parentId: other.id }));
      expect(res.status).toBe(404);
      expect(await snapshot(ctx)).toBe(before);
    });
  });

  describe('when the site or page does not accept comments', () => {
    it('answers 404 for an unknown site and 409 for a locked page, storing nothing', async () => {
      const site = await makeSite(ctx);
      await post(valid(site.siteId));
      await ctx.models.Page.updateOne({ siteId: site.siteId }, { $set: { locked: true } });
      const before = await snapshot(ctx);
      const unknown = await post(valid('no-such-site'));
      expect(unknown.status).toBe(404);
      const locked = await post(valid(site.siteId));
      expect(locked.status).toBe(409);
      expect(locked.body.error.code).toBe('page_locked');
      expect(await snapshot(ctx)).toBe(before);
    });
  });
});
