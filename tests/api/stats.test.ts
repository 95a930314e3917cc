import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { authorComment, makeSite, readerComment, signIn } from '../support/factories.js';

const ctx = useTestContext();
const HOUR = 3_600_000;

describe('GET /api/stats', () => {
  it('counts received and answered reader comments, reply rate, time to first reply, waiting and overdue', async () => {
    const site = await makeSite(ctx);
    // Outside the 30-day window: not counted as received, but still waiting.
    const ancient = await readerComment(ctx, site, { pageKey: '/old/', body: 'Old question?' });
    ctx.clock.advance(40 * 24 * HOUR);
    const start = ctx.clock.now().getTime();
    const quick = await readerComment(ctx, site, { pageKey: '/a/', body: 'One' });
    const slow = await readerComment(ctx, site, { pageKey: '/a/', body: 'Two' });
    const waiting = await readerComment(ctx, site, { pageKey: '/b/', body: 'Three?' });
    const thanks = await readerComment(ctx, site, { pageKey: '/b/', body: 'Four' });
    await ctx.services.commentChanges.setNoReplyNeeded(thanks.id, true);
    ctx.clock.advance(2 * HOUR - 4000);
    await authorComment(ctx, site, { pageKey: '/a/', parentId: quick.id });
    ctx.clock.advance(8 * HOUR - 1000);
    await authorComment(ctx, site, { pageKey: '/a/', parentId: slow.id });
    // A second author reply later does not change the time to the first one.
    ctx.clock.advance(5 * HOUR);
    await authorComment(ctx, site, { pageKey: '/a/', parentId: quick.id });
    ctx.clock.advance(20 * HOUR);

    const cookie = await signIn(ctx, site.author.email);
    const res = await request(ctx.app).get('/api/stats').query({ site: site.siteId }).set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      site: site.siteId,
      days: 30,
      received: 4,
      answered: 2,
      replyRate: 0.5,
      medianHoursToFirstReply: 2,
      p90HoursToFirstReply: 10,
      waitingNow: 2,
      overdue: 2,
      replyGoalHours: 24,
    });
    expect(Date.parse(res.body.oldestWaitingSince)).toBeLessThan(start);
    expect(res.body.perPage).toEqual([
      { page: { key: '/a/', title: '', url: '' }, received: 2, answered: 2, replyRate: 1, medianHoursToFirstReply: 2, p90HoursToFirstReply: 10, waitingNow: 0 },
      { page: { key: '/b/', title: '', url: '' }, received: 2, answered: 0, replyRate: 0, medianHoursToFirstReply: null, p90HoursToFirstReply: null, waitingNow: 1 },
    ]);
    expect(res.body.perWeek.reduce((sum: number, week: { received: number }) => sum + week.received, 0)).toBe(4);
    expect(res.body.perWeek[0].weekOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Every week of the period, the quiet ones at zero: 30 days span five or six Monday weeks.
    expect(res.body.perWeek.length).toBeGreaterThanOrEqual(5);
    expect(res.body.perWeek.some((week: { received: number; replyRate: number | null }) => week.received === 0 && week.replyRate === null)).toBe(true);
    expect(new Date(res.body.perWeek[0].weekOf).getUTCDay()).toBe(1);
    expect(waiting.id).not.toBe(ancient.id);
  });

  it('reads only the pages the period’s comments are on, however many pages the site has', async () => {
    const site = await makeSite(ctx);
    // Quiet pages (made by old comments, or by junk): the stats must not load them all.
    const quiet = Array.from({ length: 200 }, (_, i) => ({ siteId: site.siteId, key: `/quiet-${i}/`, commentCount: 0, awaitingReply: 0, locked: false, createdAt: ctx.clock.now() }));
    await ctx.models.Page.insertMany(quiet);
    await readerComment(ctx, site, { pageKey: '/busy/', body: 'A question?' });
    const pageFilters: unknown[] = [];
    const find = ctx.models.Page.find.bind(ctx.models.Page);
    const spy = vi.spyOn(ctx.models.Page, 'find').mockImplementation(((filter: Record<string, unknown>, ...rest: unknown[]) => {
      pageFilters.push(filter);
      return (find as (...args: unknown[]) => unknown)(filter, ...rest);
    }) as typeof ctx.models.Page.find);
    try {
      const cookie = await signIn(ctx, site.author.email);
      const res = await request(ctx.app).get('/api/stats').query({ site: site.siteId }).set('Cookie', cookie);
      expect(res.status).toBe(200);
      expect(res.body.perPage.map((row: { page: { key: string } }) => row.page.key)).toEqual(['/busy/']);
    } finally {
      spy.mockRestore();
    }
    const loaded = await Promise.all(pageFilters.map((filter) => ctx.models.Page.countDocuments(filter as Record<string, unknown>)));
    expect(Math.max(0, ...loaded)).toBe(1);
  });

  it('refuses a period that is not a whole number of days from 1 to 366', async () => {
    const site = await makeSite(ctx);
    const cookie = await signIn(ctx, site.author.email);
    for (const days of ['0', '1.5', '1000', 'x']) {
      const res = await request(ctx.app).get('/api/stats').query({ site: site.siteId, days }).set('Cookie', cookie);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(['days']);
    }
  });
});
