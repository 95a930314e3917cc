import { describe, expect, it } from 'vitest';
import { useTestContext, type TestContext } from '../support/test-context.js';
import { authorComment, makeSite, readerComment } from '../support/factories.js';
import { differencesFromRecount } from '../support/awaiting-oracle.js';

const ctx = useTestContext();

/** A small deterministic generator, so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Site = Awaited<ReturnType<typeof makeSite>>;

/** One random write of any kind that can change the awaiting state. */
async function randomWrite(context: TestContext, site: Site, ids: string[], next: () => number): Promise<void> {
  const pick = () => ids[Math.floor(next() * ids.length)];
  const roll = next();
  if (ids.length === 0 || roll < 0.3) {
    ids.push((await readerComment(context, site, { parentId: next() < 0.6 ? pick() : undefined })).id);
  } else if (roll < 0.5) {
    ids.push((await authorComment(context, site, { parentId: pick() })).id);
  } else if (roll < 0.8) {
    const statuses = ['published', 'deleted', 'spam', 'pending'] as const;
    await context.services.commentChanges.setStatus(pick()!, statuses[Math.floor(next() * statuses.length)]!, context.clock.now());
  } else {
    await context.services.commentChanges.setNoReplyNeeded(pick()!, next() < 0.5);
  }
}

/** Replying to a comment that is not published is refused; such refusals are part of the sequence. */
async function tolerateRefusal(write: Promise<void>): Promise<void> {
  await write.catch((error: { status?: number }) => {
    if (error.status !== 404) throw error;
  });
}

describe('the stored awaiting state', () => {
  describe.each([1, 2, 3, 4, 5, 6])('after a random sequence of writes (seed %i)', (seed) => {
    it('equals a from-scratch recomputation, comment by comment and in the page counters', async () => {
      const site = await makeSite(ctx);
      const next = random(seed);
      const ids: string[] = [];
      for (let step = 0; step < 60; step++) await tolerateRefusal(randomWrite(ctx, site, ids, next));
      expect(await differencesFromRecount(ctx, site.siteId, '/post/')).toEqual([]);
    });
  });

  describe('after writes running concurrently', () => {
    it('still equals a from-scratch recomputation', async () => {
      const site = await makeSite(ctx);
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push((await readerComment(ctx, site, { parentId: ids.at(-1) })).id);
      for (let round = 0; round < 5; round++) {
        const next = random(100 + round);
        await Promise.all(Array.from({ length: 12 }, () => tolerateRefusal(randomWrite(ctx, site, ids, next))));
      }
      expect(await differencesFromRecount(ctx, site.siteId, '/post/')).toEqual([]);
    });
  });
});
