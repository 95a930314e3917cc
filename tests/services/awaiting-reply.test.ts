import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { authorComment, makeSite, readerComment } from '../support/factories.js';
import { differencesFromRecount } from '../support/awaiting-oracle.js';

const ctx = useTestContext();

async function awaiting(id: string) {
  const comment = await ctx.models.Comment.findById(id).lean();
  return comment!.awaitingReply;
}

async function pageCounts(siteId: string) {
  const page = await ctx.models.Page.findOne({ siteId, key: '/post/' }).lean();
  return { commentCount: page!.commentCount, awaitingReply: page!.awaitingReply };
}

describe('the awaiting-reply rule', () => {
  describe('when a reader comments', () => {
    it('waits since the moment it was written', async () => {
      const site = await makeSite(ctx);
      const written = ctx.clock.now();
      const { id } = await readerComment(ctx, site);
      const stored = await ctx.models.Comment.findById(id).lean();
      expect(stored).toMatchObject({ awaitingReply: true, waitingSince: written });
      expect(await pageCounts(site.siteId)).toEqual({ commentCount: 1, awaitingReply: 1 });
    });

    it('does not wait while pending moderation, and waits once approved', async () => {
      const site = await makeSite(ctx, { moderation: 'pre' });
      const { id } = await readerComment(ctx, site);
      expect(await awaiting(id)).toBe(false);
      expect(await pageCounts(site.siteId)).toEqual({ commentCount: 0, awaitingReply: 0 });
      await ctx.services.commentChanges.setStatus(id, 'published', ctx.clock.now());
      expect(await awaiting(id)).toBe(true);
      expect(await pageCounts(site.siteId)).toEqual({ commentCount: 1, awaitingReply: 1 });
    });
  });

  describe('when an author replies deep in a branch', () => {
    it('answers the comment it replies to and every reader comment above it, not siblings', async () => {
      const site = await makeSite(ctx);
      const root = await readerComment(ctx, site);
      const middle = await readerComment(ctx, site, { parentId: root.id });
      const deep = await readerComment(ctx, site, { parentId: middle.id });
      const sibling = await readerComment(ctx, site, { parentId: root.id });
      const reply = await authorComment(ctx, site, { parentId: deep.id });

      expect([await awaiting(root.id), await awaiting(middle.id), await awaiting(deep.id)]).toEqual([false, false, false]);
      expect(await awaiting(sibling.id)).toBe(true);
      expect(await awaiting(reply.id)).toBe(false);
      expect(await pageCounts(site.siteId)).toEqual({ commentCount: 5, awaitingReply: 1 });
      expect(await differencesFromRecount(ctx, site.siteId, '/post/')).toEqual([]);
    });

    it('lets a reader who answers the author wait again, leaving the branch above answered', async () => {
      const site = await makeSite(ctx);
      const question = await readerComment(ctx, site, { body: 'Why?' });
      const answer = await authorComment(ctx, site, { parentId: question.id });
      const followUp = await readerComment(ctx, site, { parentId: answer.id, body: 'And then?' });
      expect(await awaiting(question.id)).toBe(false);
      expect(await awaiting(followUp.id)).toBe(true);
      expect(await differencesFromRecount(ctx, site.siteId, '/post/')).toEqual([]);
    });
  });

  describe.each(['deleted', 'spam', 'pending'] as const)('when the only author reply becomes %s', (status) => {
    it('makes the branch wait again, and answers it again when restored', async () => {
      const site = await makeSite(ctx);
      const root = await readerComment(ctx, site);
      const child = await readerComment(ctx, site, { parentId: root.id });
      const reply = await authorComment(ctx, site, { parentId: child.id });
      await ctx.services.commentChanges.setStatus(reply.id, status, ctx.clock.now());
      expect([await awaiting(root.id), await awaiting(child.id)]).toEqual([true, true]);
      expect(await pageCounts(site.siteId)).toEqual({ commentCount: 2, awaitingReply: 2 });

      await ctx.services.commentChanges.setStatus(reply.id, 'published', ctx.clock.now());
      expect([await awaiting(root.id), await awaiting(child.id)]).toEqual([false, false]);
      expect(await differencesFromRecount(ctx, site.siteId, '/post/')).toEqual([]);
    });
  });

  describe('when a branch has two author replies', () => {
    it('stays answered after one of them is deleted', async () => {
      const site = await makeSite(ctx);
      const root = await readerComment(ctx, site);
      const first = await authorComment(ctx, site, { parentId: root.id });
      await authorComment(ctx, site, { parentId: root.id });
      await ctx.services.commentChanges.setStatus(first.id, 'deleted', ctx.clock.now());
      expect(await awaiting(root.id)).toBe(false);
      expect(await differencesFromRecount(ctx, site.siteId, '/post/')).toEqual([]);
    });
  });

  describe('when an author marks a comment "no reply needed"', () => {
    it('stops it waiting, and undoing that makes it wait again', async () => {
      const site = await makeSite(ctx);
      const { id } = await readerComment(ctx, site);
      await ctx.services.commentChanges.setNoReplyNeeded(id, true);
      expect(await awaiting(id)).toBe(false);
      expect(await pageCounts(site.siteId)).toEqual({ commentCount: 1, awaitingReply: 0 });
      await ctx.services.commentChanges.setNoReplyNeeded(id, false);
      expect(await awaiting(id)).toBe(true);
      expect(await pageCounts(site.siteId)).toEqual({ commentCount: 1, awaitingReply: 1 });
    });
  });

  describe('when the same change is asked twice', () => {
    it('counts it once', async () => {
      const site = await makeSite(ctx);
      const root = await readerComment(ctx, site);
      const reply = await authorComment(ctx, site, { parentId: root.id });
      await Promise.all([ctx.services.commentChanges.setStatus(reply.id, 'deleted', ctx.clock.now()), ctx.services.commentChanges.setStatus(reply.id, 'deleted', ctx.clock.now())]);
      expect(await pageCounts(site.siteId)).toEqual({ commentCount: 1, awaitingReply: 1 });
      expect(await differencesFromRecount(ctx, site.siteId, '/post/')).toEqual([]);
    });
  });

  describe('when an author answers a comment held for moderation', () => {
    it('approves it and answers it in one step', async () => {
      const site = await makeSite(ctx, { moderation: 'pre' });
      const held = await readerComment(ctx, site);
      await authorComment(ctx, site, { parentId: held.id });
      const stored = await ctx.models.Comment.findById(held.id).lean();
      expect(stored).toMatchObject({ status: 'published', awaitingReply: false });
      expect(await pageCounts(site.siteId)).toEqual({ commentCount: 2, awaitingReply: 0 });
    });
  });
});
