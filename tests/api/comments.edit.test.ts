import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { authorComment, makeSite, readerComment, signIn, snapshot } from '../support/factories.js';

const ctx = useTestContext();

const patch = (id: string, token: string | null, body: unknown) => {
  const req = request(ctx.app).patch(`/api/comments/${id}`);
  if (token) req.set('Authorization', `Bearer ${token}`);
  return req.send(body as object);
};
const remove = (id: string, token: string | null) => {
  const req = request(ctx.app).delete(`/api/comments/${id}`);
  if (token) req.set('Authorization', `Bearer ${token}`);
  return req;
};

describe('PATCH /api/comments/:id', () => {
  describe('when the reader sends their edit token within the window', () => {
    it('answers the edited comment and stores the new source and HTML', async () => {
      const site = await makeSite(ctx);
      const mine = await readerComment(ctx, site);
      ctx.clock.advance(5 * 60_000);
      const res = await patch(mine.id, mine.editToken, { body: 'Edited: *really* nice.' });
      expect(res.status).toBe(200);
      expect(res.body.comment).toMatchObject({ id: mine.id, html: '<p>Edited: <em>really</em> nice.</p>', editedAt: ctx.clock.now().toISOString() });
      const stored = await ctx.models.Comment.findById(mine.id).lean();
      expect(stored?.body).toBe('Edited: *really* nice.');
    });
  });

  describe('when the edit is refused', () => {
    it.each([
      ['no token', null, 401, 'unauthorized'],
      ['another comment’s token', 'OTHER', 403, 'bad_edit_token'],
      ['a malformed token', 'x', 400, 'invalid'],
    ])('answers the right error and changes nothing (%s)', async (_, tokenKind, status, code) => {
      const site = await makeSite(ctx);
      const mine = await readerComment(ctx, site);
      const other = await readerComment(ctx, site);
      const token = tokenKind === 'OTHER' ? other.editToken : tokenKind;
      const before = await snapshot(ctx);
      const res = await patch(mine.id, token, { body: 'hijacked' });
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(await snapshot(ctx)).toBe(before);
    });

    it('answers 403 once the edit window has passed, and changes nothing', async () => {
      const site = await makeSite(ctx, { editWindowMinutes: 10 });
      const mine = await readerComment(ctx, site);
      ctx.clock.advance(11 * 60_000);
      const before = await snapshot(ctx);
      const res = await patch(mine.id, mine.editToken, { body: 'too late' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('edit_window_closed');
      expect(await snapshot(ctx)).toBe(before);
    });

    it('answers 404 for an unknown or malformed id and 400 for an empty body', async () => {
      const site = await makeSite(ctx);
      const mine = await readerComment(ctx, site);
      expect((await patch('0123456789abcdef01234567', mine.editToken, { body: 'x' })).status).toBe(404);
      expect((await patch('nope', mine.editToken, { body: 'x' })).status).toBe(404);
      const empty = await patch(mine.id, mine.editToken, { body: '' });
      expect(empty.status).toBe(400);
      expect(empty.body.error.fields).toHaveProperty('body');
    });

    it('answers 403 once an author has answered the comment: the answer keeps the words it replied to', async () => {
      const site = await makeSite(ctx);
      const mine = await readerComment(ctx, site);
      await authorComment(ctx, site, { parentId: mine.id });
      const before = await snapshot(ctx);
      const res = await patch(mine.id, mine.editToken, { body: 'Something else entirely' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('answered_by_author');
      expect(await snapshot(ctx)).toBe(before);
    });

    it('never lets a reader token edit an author comment', async () => {
      const site = await makeSite(ctx);
      const mine = await readerComment(ctx, site);
      const answer = await authorComment(ctx, site, { parentId: mine.id });
      const res = await patch(answer.id, mine.editToken, { body: 'fake answer' });
      expect(res.status).toBe(403);
    });
  });
});

describe('an edit is screened like a new comment', () => {
  it('is spam with a blocked word, held with too many links or the text of another comment, and the inbox says why', async () => {
    const site = await makeSite(ctx);
    await ctx.services.sites.update(site.siteId, { settings: { blockedWords: ['casino'], maxLinks: 1 } });
    const earlier = await readerComment(ctx, site, { body: 'An earlier comment, word for word.' });
    const cases: [string, string][] = [
      ['Now with a c\u200basino link', 'spam'],
      ['[a](https://a.example) [b](https://b.example)', 'pending'],
      ['An earlier comment — word for word!', 'pending'],
    ];
    for (const [body, stored] of cases) {
      const mine = await readerComment(ctx, site);
      const page = await ctx.models.Page.findOne({ siteId: site.siteId, key: '/post/' }).lean();
      const res = await patch(mine.id, mine.editToken, { body });
      expect(res.status).toBe(200);
      // Its writer sees it held, whatever screening found.
      expect(res.body.comment.status).toBe('pending');
      const comment = await ctx.models.Comment.findById(mine.id).lean();
      expect(comment?.status, body).toBe(stored);
      expect(comment?.awaitingReply).toBe(false);
      // Out of the thread, and out of its counts.
      expect((await ctx.models.Page.findById(page!._id).lean())?.commentCount).toBe(page!.commentCount - 1);
    }
    const cookie = await signIn(ctx, site.author.email);
    const pending = await request(ctx.app).get('/api/inbox').query({ site: site.siteId, view: 'pending' }).set('Cookie', cookie);
    expect(pending.body.items.map((i: { reasons: string[] }) => i.reasons.includes('held-after-edit'))).toEqual([true, true]);
    // A plain edit stays published.
    const typo = await patch(earlier.id, earlier.editToken, { body: 'An earlier comment, word for word. (typo fixed)' });
    expect(typo.body.comment.status).toBe('published');
  });

  it('never publishes a held comment', async () => {
    const site = await makeSite(ctx, { moderation: 'pre' });
    const mine = await readerComment(ctx, site);
    await ctx.services.sites.update(site.siteId, { settings: { moderation: 'post' } });
    const res = await patch(mine.id, mine.editToken, { body: 'Harmless now' });
    expect(res.body.comment.status).toBe('pending');
    expect((await ctx.models.Comment.findById(mine.id).lean())?.heldAfterEdit).toBe(false);
  });
});

describe('DELETE /api/comments/:id', () => {
  describe('when the reader deletes within the window', () => {
    it('answers 204, hides the comment, wipes its text and updates the counts', async () => {
      const site = await makeSite(ctx);
      const mine = await readerComment(ctx, site, { email: 'ann@example.com', website: 'https://ann.example' });
      const res = await remove(mine.id, mine.editToken);
      expect(res.status).toBe(204);
      const stored = await ctx.models.Comment.findById(mine.id).lean();
      expect(stored).toMatchObject({ status: 'deleted', body: '', html: '', email: null, website: null, awaitingReply: false });
      const page = await ctx.models.Page.findOne({ siteId: site.siteId }).lean();
      expect(page).toMatchObject({ commentCount: 0, awaitingReply: 0 });
      expect((await remove(mine.id, mine.editToken)).status).toBe(404);
    });
  });

  describe('when the comment was marked spam', () => {
    it('answers its writer as if deleted or edited, and keeps the evidence in the spam queue', async () => {
      const site = await makeSite(ctx);
      const mine = await readerComment(ctx, site, { email: 'ann@example.com', body: 'Cheap pills here' });
      await ctx.services.commentChanges.setStatus(mine.id, 'spam', ctx.clock.now());
      const before = await snapshot(ctx);
      const edited = await patch(mine.id, mine.editToken, { body: 'Harmless words now' });
      expect(edited.status).toBe(200);
      expect(edited.body.comment).toMatchObject({ status: 'pending', body: 'Cheap pills here' });
      expect((await remove(mine.id, mine.editToken)).status).toBe(204);
      expect(await snapshot(ctx)).toBe(before);
      const stored = await ctx.models.Comment.findById(mine.id).lean();
      expect(stored).toMatchObject({ status: 'spam', body: 'Cheap pills here', email: 'ann@example.com' });
    });
  });

  describe('when the delete is refused', () => {
    it('answers 401 without a token, 403 after the window, and changes nothing', async () => {
      const site = await makeSite(ctx);
      const mine = await readerComment(ctx, site);
      const before = await snapshot(ctx);
      expect((await remove(mine.id, null)).status).toBe(401);
      ctx.clock.advance(16 * 60_000);
      const late = await remove(mine.id, mine.editToken);
      expect(late.status).toBe(403);
      expect(late.body.error.code).toBe('edit_window_closed');
      expect(await snapshot(ctx)).toBe(before);
    });
  });
});
