import crypto from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type express from 'express';
import { DEFAULT_RATE_LIMITS } from '../../api/http/rate-limits.js';
import { appFor, useTestContext } from '../support/test-context.js';
import { BLOG_ORIGIN, makeSite, signIn } from '../support/factories.js';

const ctx = useTestContext();
let app: express.Express;
let proxied: express.Express;

beforeAll(() => {
  app = appFor(ctx, 'http://127.0.0.1:9', DEFAULT_RATE_LIMITS);
  proxied = appFor(ctx, 'http://127.0.0.1:9', { ...DEFAULT_RATE_LIMITS, commentsPerMinute: 100, commentsPerHour: 100 }, 'loopback');
});

const randomAddress = () => [...crypto.randomBytes(4)].join('.');

function post(target: express.Express, siteId: string, extra: Record<string, unknown> = {}, forwardedFor?: string) {
  const req = request(target).post('/api/comments').set('Origin', BLOG_ORIGIN);
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  return req.send({ site: siteId, page: '/p/', name: 'Ann', body: `Comment ${crypto.randomUUID()}`, ...extra });
}

describe('rate limits on new comments', () => {
  it('accept at most 2 a minute from one address, however many X-Forwarded-For values it invents', async () => {
    const site = await makeSite(ctx);
    const results = [];
    for (let i = 0; i < 100; i++) results.push(await post(app, site.siteId, {}, randomAddress()));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(98);
    expect(refused[0]!.body.error.code).toBe('rate_limited');
    expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused[0]!.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await ctx.models.Comment.countDocuments({ siteId: site.siteId })).toBe(2);
    // Counted in the database, where every instance sees the same window.
    expect(await ctx.models.RateLimitCounter.countDocuments({ _id: /^comments-minute:/ })).toBeGreaterThan(0);
  });

  it('count another site separately', async () => {
    const [first, second] = [await makeSite(ctx), await makeSite(ctx)];
    // The previous test's address has used its minute on its own site, not on these.
    for (const site of [first, second]) {
      expect((await post(app, site.siteId)).status).toBe(201);
      expect((await post(app, site.siteId)).status).toBe(201);
      expect((await post(app, site.siteId)).status).toBe(429);
    }
  });

  it('accept at most 3 an hour from one email address, from any address', async () => {
    const site = await makeSite(ctx);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(proxied, site.siteId, { email: 'Flood@Example.com' }, randomAddress())).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });

  it('believe X-Forwarded-For only from a trusted proxy, and then hold a flood on one site for approval', async () => {
    const site = await makeSite(ctx);
    const statuses = [];
    for (let i = 0; i < DEFAULT_RATE_LIMITS.siteCommentsPer10Minutes + 5; i++) {
      const res = await post(proxied, site.siteId, {}, randomAddress());
      statuses.push(res.status === 201 ? res.body.comment.status : res.status);
    }
    expect(statuses.slice(0, DEFAULT_RATE_LIMITS.siteCommentsPer10Minutes).every((s) => s === 'published')).toBe(true);
    expect(statuses.slice(DEFAULT_RATE_LIMITS.siteCommentsPer10Minutes)).toEqual(Array(5).fill('pending'));
  });

  it('count only stored comments: refused posts lock out no reader, no email and no site, and the inbox tells of a flood', async () => {
    const strict = appFor(ctx, 'http://127.0.0.1:9', { ...DEFAULT_RATE_LIMITS, commentsPerMinute: 5, commentsPerEmailHour: 3, siteCommentsPer10Minutes: 2 });
    const site = await makeSite(ctx);
    const email = `${crypto.randomUUID()}@example.com`;
    const counting = () => ctx.models.RateLimitCounter.countDocuments({ _id: /^comments-/, hits: { $gt: 0 } });
    const before = await counting();
    // Ten refusals naming the reader's address, email and site: invalid, and replies to nothing.
    for (let i = 0; i < 5; i++) expect((await post(strict, site.siteId, { email, body: '' })).status).toBe(400);
    for (let i = 0; i < 5; i++) expect((await post(strict, site.siteId, { email, parentId: '0123456789abcdef01234567' })).status).toBe(404);
    // Each takes its hit back once its answer is sent.
    await expect.poll(counting).toBe(before);

    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await post(strict, site.siteId, { email });
      statuses.push(res.status === 201 ? res.body.comment.status : res.status);
    }
    // Two published, the third held by the site's flood limit, the fourth past the email's limit.
    expect(statuses).toEqual(['published', 'published', 'pending', 429]);
    const cookie = await signIn(ctx, site.author.email);
    const stats = await request(strict).get('/api/stats').query({ site: site.siteId }).set('Cookie', cookie);
    expect(stats.body.floodHold).toEqual({ since: expect.any(String), held: 1 });
    ctx.clock.advance(11 * 60_000);
    const later = await request(strict).get('/api/stats').query({ site: site.siteId }).set('Cookie', cookie);
    expect(later.body.floodHold).toBeNull();
  });
});

describe('rate limits on the other requests', () => {
  it('count HEAD as a read, and limit previews and a reader’s edits and deletions per client address', async () => {
    const tight = appFor(ctx, 'http://127.0.0.1:9', { ...DEFAULT_RATE_LIMITS, readsPerMinute: 3, previewsPerMinute: 2, changesPerMinute: 2 });
    const site = await makeSite(ctx);
    const heads = [];
    for (let i = 0; i < 4; i++) heads.push((await request(tight).head('/api/comments').query({ site: site.siteId, page: `/p/${i}` })).status);
    expect(heads).toEqual([200, 200, 200, 429]);
    const previews = [];
    for (let i = 0; i < 3; i++) previews.push((await request(tight).post('/api/preview').send({ body: `**${i}**` })).status);
    expect(previews).toEqual([200, 200, 429]);
    const changes = [];
    for (const method of ['patch', 'delete', 'patch'] as const) {
      const req = request(tight)[method]('/api/comments/0123456789abcdef01234567').set('Authorization', 'Bearer not-a-token');
      changes.push((await (method === 'patch' ? req.send({ body: 'changed' }) : req)).status);
    }
    expect(changes.slice(2)).toEqual([429]);
    expect(changes.slice(0, 2)).not.toContain(429);
  });
});
