import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { differencesFromRecount } from '../support/awaiting-oracle.js';
import { authorComment, makeSite, readerComment } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';

const ctx = useTestContext();

describe('recounting a site after a crash', () => {
  it('finds and fixes an answer the comments above never heard of, and page counters off by a crash', async () => {
    const site = await makeSite(ctx);
    const first = await readerComment(ctx, site, { body: 'First question?' });
    await authorComment(ctx, site, { parentId: first.id });
    const second = await readerComment(ctx, site, { body: 'Second question?' });
    const reply = await readerComment(ctx, site, { parentId: second.id, body: 'Me too.' });
    expect(await ctx.services.counterRepair.check(site.siteId, { fix: false })).toEqual({ siteId: site.siteId, comments: 0, pages: 0, fixed: false });

    // A process killed right after storing an author's answer to the reply: stored, never propagated.
    const parent = (await ctx.models.Comment.findById(reply.id).lean())!;
    await ctx.models.Comment.collection.insertOne({
      ...(await ctx.models.Comment.findById(reply.id).lean())!,
      _id: new Types.ObjectId(),
      parentId: parent._id,
      ancestors: [...parent.ancestors, parent._id],
      isAuthor: true,
      authorId: site.author._id,
      name: 'Sonia',
      body: 'Answered!',
      html: '<p>Answered!</p>',
      readerKey: null,
      awaitingReply: false,
      waitingSince: null,
    });
    // …and another killed between a comment and its page counter.
    await ctx.models.Page.updateOne({ siteId: site.siteId, key: '/post/' }, { $inc: { commentCount: -1 } });
    expect(await differencesFromRecount(ctx, site.siteId, '/post/')).not.toEqual([]);

    const found = await ctx.services.counterRepair.check(site.siteId, { fix: false });
    // The two comments above the lost answer still wait; the page is off.
    expect(found).toEqual({ siteId: site.siteId, comments: 2, pages: 1, fixed: false });
    expect(await differencesFromRecount(ctx, site.siteId, '/post/')).not.toEqual([]);

    expect(await ctx.services.counterRepair.check(site.siteId, { fix: true })).toEqual({ siteId: site.siteId, comments: 2, pages: 1, fixed: true });
    expect(await differencesFromRecount(ctx, site.siteId, '/post/')).toEqual([]);
    expect((await ctx.models.Comment.findById(second.id).lean())!.awaitingReply).toBe(false);
    expect(await ctx.services.counterRepair.check(site.siteId, { fix: false })).toMatchObject({ comments: 0, pages: 0 });
  });
});
