import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { DEFAULT_MAX_REPLY_DEPTH } from '../../api/services/services.js';
import { BLOG_ORIGIN, authorComment, makeSite, readerComment, snapshot } from '../support/factories.js';

const ctx = useTestContext();

describe('POST /api/preview', () => {
  it('renders Markdown through the same renderer and sanitizer as a real post, storing nothing', async () => {
    await makeSite(ctx);
    const before = await snapshot(ctx);
    const res = await request(ctx.app)
      .post('/api/preview')
      .send({ body: '**Hi** <script>alert(1)</script> [x](javascript:alert(1)) [y](https://example.com)' });
    expect(res.status).toBe(200);
    expect(res.body.html).toContain('<strong>Hi</strong>');
    expect(res.body.html).not.toContain('<script');
    expect(res.body.html).not.toMatch(/href="javascript:/i);
    expect(res.body.html).toContain('&lt;script&gt;');
    expect(res.body.html).toContain('<a href="https://example.com" rel="nofollow ugc noopener">y</a>');
    expect(await snapshot(ctx)).toBe(before);
  });

  it('refuses a body that is not text or too long, naming the field', async () => {
    for (const body of [{ $ne: '' }, 42, 'x'.repeat(10_001)]) {
      const res = await request(ctx.app).post('/api/preview').send({ body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid');
      expect(Object.keys(res.body.error.fields)).toEqual(['body']);
    }
  });
});

describe('the honeypot field', () => {
  it('holds a comment that filled it for moderation instead of publishing it', async () => {
    const site = await makeSite(ctx);
    const res = await request(ctx.app)
      .post('/api/comments')
      .set('Origin', BLOG_ORIGIN)
      .send({ site: site.siteId, page: '/trap/', name: 'Bot', body: 'Cheap pills', honeypot: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect(res.body.comment.status).toBe('pending');
    const thread = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/trap/' });
    expect(thread.body.comments).toEqual([]);
    expect(thread.body.page.commentCount).toBe(0);
    expect((await ctx.models.Comment.findById(res.body.comment.id).lean())?.status).toBe('pending');
  });
});

describe('a deleted comment in the thread', () => {
  it('leaves a placeholder with nothing of its text or writer when it has replies, and nothing when it has none', async () => {
    const site = await makeSite(ctx);
    const parent = await readerComment(ctx, site, { pageKey: '/gone/', name: 'Ann', body: 'Secret words' });
    const lonely = await readerComment(ctx, site, { pageKey: '/gone/', name: 'Cy', body: 'Nobody answers me' });
    const reply = await readerComment(ctx, site, { pageKey: '/gone/', parentId: parent.id, name: 'Bo', body: 'Agreed' });
    for (const { id, editToken } of [parent, lonely]) {
      const res = await request(ctx.app).delete(`/api/comments/${id}`).set('Authorization', `Bearer ${editToken}`).set('Origin', BLOG_ORIGIN);
      expect(res.status).toBe(204);
    }
    ctx.clock.advance(2000);
    const res = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/gone/' });
    expect(res.body.comments.map((c: { id: string }) => c.id)).toEqual([parent.id, reply.id]);
    expect(res.body.comments[0]).toEqual({
      id: parent.id,
      parentId: null,
      author: { name: '', website: null, isAuthor: false },
      html: '',
      type: 'comment',
      createdAt: expect.any(String),
      editedAt: null,
      awaitingReply: false,
      removed: true,
    });
    expect(JSON.stringify(res.body)).not.toContain('Secret words');
    expect(JSON.stringify(res.body)).not.toContain('Ann');
    expect(res.body.page.commentCount).toBe(1);
  });

  it('reads a long chain of removed replies above a comment in one query, however deep', async () => {
    const site = await makeSite(ctx);
    const chain = [await readerComment(ctx, site, { pageKey: '/deep/', body: 'level 0' })];
    // As deep as a thread goes (MAX_REPLY_DEPTH): every level a placeholder but the last.
    for (let level = 1; level <= DEFAULT_MAX_REPLY_DEPTH; level++) {
      chain.push(await readerComment(ctx, site, { pageKey: '/deep/', parentId: chain.at(-1)!.id, body: `level ${level}` }));
    }
    // Every comment but the last removed by its reader: a placeholder for each level above one reply.
    await ctx.models.Comment.updateMany({ _id: { $in: chain.slice(0, -1).map((c) => c.id) } }, { $set: { status: 'deleted' } });
    ctx.services.threadCache.invalidateSite(site.siteId);
    const finds = vi.spyOn(ctx.models.Comment, 'find');
    const res = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/deep/' });
    const commentFinds = finds.mock.calls.length;
    finds.mockRestore();
    expect(res.body.comments.map((c: { id: string }) => c.id)).toEqual(chain.map((c) => c.id));
    expect(res.body.comments.filter((c: { removed?: boolean }) => c.removed)).toHaveLength(DEFAULT_MAX_REPLY_DEPTH);
    // The slice, and the placeholders above it.
    expect(commentFinds).toBe(2);
  });
});

describe('a chain of replies deeper than a thread goes', () => {
  it('attaches replies past the deepest level beside the one they answer, which still counts as answered', async () => {
    const site = await makeSite(ctx);
    const chain = [await readerComment(ctx, site, { pageKey: '/chain/', name: 'R0', body: 'level 0' })];
    for (let level = 1; level <= DEFAULT_MAX_REPLY_DEPTH + 5; level++) {
      chain.push(await readerComment(ctx, site, { pageKey: '/chain/', parentId: chain.at(-1)!.id, name: `R${level}`, body: `level ${level}` }));
    }
    const stored = await ctx.models.Comment.find({ siteId: site.siteId }).lean();
    // No comment walks more than the deepest level (and the one it answers) to reach the root.
    expect(Math.max(...stored.map((c) => c.ancestors.length))).toBe(DEFAULT_MAX_REPLY_DEPTH + 1);
    const deepest = chain.at(-1)!;
    const answer = await authorComment(ctx, site, { pageKey: '/chain/', parentId: deepest.id, body: 'At the bottom' });
    const byId = new Map((await ctx.models.Comment.find({ siteId: site.siteId }).lean()).map((c) => [c._id.toHexString(), c]));
    expect(byId.get(deepest.id)?.awaitingReply).toBe(false);
    expect(byId.get(answer.id)?.ancestors.length).toBe(DEFAULT_MAX_REPLY_DEPTH + 1);
    expect(byId.get(answer.id)?.inReplyTo?.toHexString()).toBe(deepest.id);
    const res = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/chain/' });
    const shown = res.body.comments.find((c: { id: string }) => c.id === answer.id);
    // Beside the comment it answers, under the same parent, and saying whom it answers.
    expect(shown.parentId).toBe(byId.get(deepest.id)?.parentId?.toHexString());
    expect(shown.replyTo).toEqual({ id: deepest.id, name: `R${DEFAULT_MAX_REPLY_DEPTH + 5}` });
    expect(res.body.page.awaitingReply).toBe(await ctx.models.Comment.countDocuments({ siteId: site.siteId, awaitingReply: true }));
    expect((await ctx.services.counterRepair.check(site.siteId, { fix: false })).comments).toBe(0);
  });
});

describe('GET /embed.js', () => {
  it('serves the widget to any site, cached briefly and revalidated by ETag', async () => {
    const res = await request(ctx.app).get('/embed.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toContain('max-age=300');
    expect(res.text).toContain('rapport-thread');
    const again = await request(ctx.app).get('/embed.js').set('If-None-Match', res.headers.etag!);
    expect(again.status).toBe(304);
  });

  it('serves the other languages as modules other origins may import', async () => {
    const res = await request(ctx.app).get('/embed/locales/de.js').set('Origin', BLOG_ORIGIN);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.text).toContain('Kommentar');
    expect((await request(ctx.app).get('/embed/locales/xx.js')).status).toBe(404);
  });
});

describe('GET /demo', () => {
  it('serves a blog post embedding the widget as a blogger would, under a strict policy', async () => {
    const res = await request(ctx.app).get('/demo');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.text).toContain('<script src="/embed.js" data-site="demo" async></script>');
  });
});

describe('GET /inbox', () => {
  it('serves the inbox under a strict policy that forbids inline code and framing', async () => {
    const res = await request(ctx.app).get('/inbox');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<rapport-inbox></rapport-inbox>');
    expect(res.text).toContain('<script src="/inbox.js" defer></script>');
    const csp = res.headers['content-security-policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const script = await request(ctx.app).get('/inbox.js');
    expect(script.status).toBe(200);
    expect(script.text).toContain('rapport-inbox');
  });
});

describe('the form-timing check', () => {
  const postWith = (siteId: string, formToken?: string) =>
    request(ctx.app).post('/api/comments').set('Origin', BLOG_ORIGIN).send({ site: siteId, page: '/timed/', name: 'Tim', body: `Hi ${Math.random()}`, formToken });

  it('holds a comment sent sooner than the site’s minimum after its form was shown, or without the form’s token', async () => {
    const site = await makeSite(ctx, { minFormSeconds: 3 });
    const { formToken } = (await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/timed/' })).body;
    expect(typeof formToken).toBe('string');
    expect((await postWith(site.siteId, formToken)).body.comment.status).toBe('pending');
    expect((await postWith(site.siteId)).body.comment.status).toBe('pending');
    expect((await postWith(site.siteId, 'forged.token')).body.comment.status).toBe('pending');
    const other = await makeSite(ctx, { minFormSeconds: 3 });
    const foreign = (await request(ctx.app).get('/api/comments').query({ site: other.siteId, page: '/timed/' })).body.formToken;
    ctx.clock.advance(4000);
    expect((await postWith(site.siteId, foreign)).body.comment.status).toBe('pending');
    // The first token was used by the first post: it times no other.
    expect((await postWith(site.siteId, formToken)).body.comment.status).toBe('pending');
    // A person who took their time: published, and given the token for their next comment.
    const shown = (await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/timed/' })).body.formToken;
    ctx.clock.advance(4000);
    const posted = await postWith(site.siteId, shown);
    expect(posted.body.comment.status).toBe('published');
    ctx.clock.advance(4000);
    expect((await postWith(site.siteId, posted.body.formToken)).body.comment.status).toBe('published');
  });

  it('gives every form its own token, good for one comment and for 12 hours', async () => {
    const site = await makeSite(ctx, { minFormSeconds: 3 });
    const read = async () => (await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/timed/' })).body.formToken as string;
    // The clock stands still: two forms in the same millisecond still differ.
    const [first, second] = [await read(), await read()];
    expect(first).not.toBe(second);
    ctx.clock.advance(13 * 3_600_000);
    expect((await postWith(site.siteId, first)).body.comment.status).toBe('pending');
    // Refused posts do not use a token up: the reader's retry still counts as theirs.
    const fresh = await read();
    ctx.clock.advance(4000);
    const refused = await request(ctx.app).post('/api/comments').set('Origin', BLOG_ORIGIN).send({ site: site.siteId, page: '/timed/', name: 'Tim', body: '', formToken: fresh });
    expect(refused.status).toBe(400);
    expect((await postWith(site.siteId, fresh)).body.comment.status).toBe('published');
    // Every instance agrees a token was used: it is remembered in the database.
    expect(await ctx.models.UsedFormToken.countDocuments()).toBeGreaterThan(0);
  });
});
