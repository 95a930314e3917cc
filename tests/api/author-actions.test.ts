import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { authorComment, BLOG_ORIGIN, INBOX_ORIGIN, makeSite, readerComment, signIn, snapshot } from '../support/factories.js';

const ctx = useTestContext();

const patch = (id: string, cookie: string, body: object) =>
  request(ctx.app).patch(`/api/comments/${id}`).set('Cookie', cookie).set('Origin', INBOX_ORIGIN).send(body);
const reply = (id: string, cookie: string, body: object) =>
  request(ctx.app).post(`/api/comments/${id}/replies`).set('Cookie', cookie).set('Origin', INBOX_ORIGIN).send(body);
const thread = async (siteId: string, page = '/post/') => {
  ctx.clock.advance(2000);
  return (await request(ctx.app).get('/api/comments').query({ site: siteId, page })).body;
};

describe('POST /api/comments/:id/replies', () => {
  it('publishes the author’s answer beneath the comment, which stops waiting', async () => {
    const site = await makeSite(ctx);
    const question = await readerComment(ctx, site, { body: 'How long did it take?' });
    const cookie = await signIn(ctx, site.author.email);
    const res = await reply(question.id, cookie, { body: 'About a **week**.' });
    expect(res.status).toBe(201);
    expect(res.body.comment).toMatchObject({ parentId: question.id, author: { name: 'Sonia', isAuthor: true }, html: '<p>About a <strong>week</strong>.</p>', status: 'published' });
    const after = await thread(site.siteId);
    expect(after.page).toMatchObject({ commentCount: 2, awaitingReply: 0 });
    expect(after.comments.find((c: { id: string }) => c.id === question.id).awaitingReply).toBe(false);
  });

  it('approves a held comment in the same step', async () => {
    const site = await makeSite(ctx, { moderation: 'pre' });
    const held = await readerComment(ctx, site, { body: 'Held question?' });
    const cookie = await signIn(ctx, site.author.email);
    expect((await reply(held.id, cookie, { body: 'Yes.' })).status).toBe(201);
    expect((await ctx.models.Comment.findById(held.id).lean())?.status).toBe('published');
    expect((await thread(site.siteId)).comments.map((c: { id: string }) => c.id)[0]).toBe(held.id);
  });

  it('refuses an empty or over-long body, naming it, and stores nothing', async () => {
    const site = await makeSite(ctx);
    const question = await readerComment(ctx, site);
    const cookie = await signIn(ctx, site.author.email);
    const before = await snapshot(ctx);
    for (const body of ['', 'x'.repeat(10_001), { $ne: 1 }]) {
      const res = await reply(question.id, cookie, { body });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(['body']);
    }
    expect(await snapshot(ctx)).toBe(before);
  });
});

describe('PATCH /api/comments/:id by an author', () => {
  it('marks "no reply needed" and undoes it', async () => {
    const site = await makeSite(ctx);
    const thanks = await readerComment(ctx, site, { body: 'Thanks for this.' });
    const cookie = await signIn(ctx, site.author.email);
    const off = await patch(thanks.id, cookie, { awaitingReply: false });
    expect(off.status).toBe(200);
    expect(off.body.comment).toMatchObject({ awaitingReply: false, noReplyNeeded: true });
    expect((await thread(site.siteId)).page.awaitingReply).toBe(0);
    const undo = await patch(thanks.id, cookie, { awaitingReply: true });
    expect(undo.body.comment).toMatchObject({ awaitingReply: true, noReplyNeeded: false });
    expect((await thread(site.siteId)).page.awaitingReply).toBe(1);
  });

  it('moves a comment to spam, deletes it and publishes it again (undo)', async () => {
    const site = await makeSite(ctx);
    const comment = await readerComment(ctx, site, { body: 'Visit my shop' });
    const cookie = await signIn(ctx, site.author.email);
    expect((await patch(comment.id, cookie, { status: 'spam' })).body.comment.status).toBe('spam');
    expect((await thread(site.siteId)).comments).toEqual([]);
    expect((await patch(comment.id, cookie, { status: 'deleted' })).body.comment.status).toBe('deleted');
    const back = await patch(comment.id, cookie, { status: 'published' });
    expect(back.body.comment.status).toBe('published');
    expect((await thread(site.siteId)).comments.map((c: { id: string }) => c.id)).toEqual([comment.id]);
  });

  it('edits the author’s own reply, never another author’s, and never brings back what a reader deleted', async () => {
    const site = await makeSite(ctx);
    const { author: tom } = await ctx.services.authors.create({ siteId: site.siteId, name: 'Tom', email: 'tom@example.com', password: 'another long password' }, ctx.clock.now());
    const question = await readerComment(ctx, site, { body: 'Question?' });
    const mine = await authorComment(ctx, site, { parentId: question.id, body: 'Frist answer' });
    const toms = await authorComment(ctx, { siteId: site.siteId, author: tom }, { parentId: question.id, body: 'Tom here' });
    const cookie = await signIn(ctx, site.author.email);
    const edited = await patch(mine.id, cookie, { body: 'First answer' });
    expect(edited.status).toBe(200);
    expect(edited.body.comment.html).toBe('<p>First answer</p>');
    const before = await snapshot(ctx);
    expect((await patch(toms.id, cookie, { body: 'Hijacked' })).status).toBe(403);
    expect(await snapshot(ctx)).toBe(before);

    const gone = await readerComment(ctx, site, { body: 'I will delete this' });
    await request(ctx.app).delete(`/api/comments/${gone.id}`).set('Authorization', `Bearer ${gone.editToken}`).set('Origin', BLOG_ORIGIN);
    const revived = await patch(gone.id, cookie, { status: 'published' });
    expect(revived.status).toBe(409);
    expect(revived.body.error.code).toBe('deleted_by_reader');
  });

  it('takes exactly one change at a time', async () => {
    const site = await makeSite(ctx);
    const comment = await readerComment(ctx, site);
    const cookie = await signIn(ctx, site.author.email);
    const before = await snapshot(ctx);
    for (const body of [{}, { status: 'spam', awaitingReply: false }, { status: 'hidden' }, { awaitingReply: 'no' }]) {
      const res = await patch(comment.id, cookie, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid');
    }
    expect(await snapshot(ctx)).toBe(before);
  });
});

describe('who may do what', () => {
  it('refuses every author action to the signed-out, to a reader’s edit token and to another site’s author, changing nothing', async () => {
    const site = await makeSite(ctx);
    const other = await makeSite(ctx);
    const comment = await readerComment(ctx, site, { body: 'Question?' });
    const own = await authorComment(ctx, site, { parentId: comment.id, body: 'Answer' });
    const otherCookie = await signIn(ctx, other.author.email);
    const ownCookie = await signIn(ctx, site.author.email);

    type Role = { name: string; apply: (req: request.Test) => request.Test; expected: number[] };
    const roles: Role[] = [
      { name: 'signed out', apply: (req) => req.set('Origin', INBOX_ORIGIN), expected: [401] },
      { name: 'reader with edit token', apply: (req) => req.set('Authorization', `Bearer ${comment.editToken}`).set('Origin', BLOG_ORIGIN), expected: [400, 401, 403] },
      { name: 'author of another site', apply: (req) => req.set('Cookie', otherCookie).set('Origin', INBOX_ORIGIN), expected: [404] },
      { name: 'own author from a foreign page', apply: (req) => req.set('Cookie', ownCookie).set('Origin', 'https://evil.example'), expected: [403] },
    ];
    const actions: { name: string; send: () => request.Test; reads?: true }[] = [
      { name: 'inbox', send: () => request(ctx.app).get('/api/inbox').query({ site: site.siteId }), reads: true },
      { name: 'stats', send: () => request(ctx.app).get('/api/stats').query({ site: site.siteId }), reads: true },
      { name: 'reply', send: () => request(ctx.app).post(`/api/comments/${comment.id}/replies`).send({ body: 'Sneaky reply' }) },
      { name: 'spam', send: () => request(ctx.app).patch(`/api/comments/${comment.id}`).send({ status: 'spam' }) },
      { name: 'delete', send: () => request(ctx.app).patch(`/api/comments/${comment.id}`).send({ status: 'deleted' }) },
      { name: 'no reply needed', send: () => request(ctx.app).patch(`/api/comments/${comment.id}`).send({ awaitingReply: false }) },
      { name: 'edit author reply', send: () => request(ctx.app).patch(`/api/comments/${own.id}`).send({ body: 'Rewritten' }) },
    ];
    const before = await snapshot(ctx);
    for (const role of roles) {
      for (const action of actions) {
        // Reads change nothing, so a foreign page may not trick anyone with them; the origin rule is for writes.
        if (role.name === 'own author from a foreign page' && action.reads) continue;
        const res = await role.apply(action.send());
        expect(role.expected, `${role.name} → ${action.name}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
        expect(res.body.error?.code, `${role.name} → ${action.name}`).toBeTypeOf('string');
        expect(await snapshot(ctx), `${role.name} → ${action.name} changed data`).toBe(before);
      }
    }
    // The same calls succeed for the site's own author.
    expect((await request(ctx.app).get('/api/inbox').query({ site: site.siteId }).set('Cookie', ownCookie)).status).toBe(200);
    expect((await reply(comment.id, ownCookie, { body: 'Real reply' })).status).toBe(201);
  });
});
