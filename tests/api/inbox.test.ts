import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { authorComment, INBOX_ORIGIN, makeSite, readerComment, signIn } from '../support/factories.js';

const ctx = useTestContext();
const HOUR = 3_600_000;

async function inbox(cookie: string, query: Record<string, string>) {
  const res = await request(ctx.app).get('/api/inbox').query(query).set('Cookie', cookie);
  expect(res.status).toBe(200);
  return res.body as { items: { comment: { id: string; status: string; html: string }; reasons: string[]; reader: unknown; parent: { id: string } | null; page: unknown; waitingSince: string }[]; nextCursor: string | null };
}

describe('GET /api/inbox?view=awaiting', () => {
  it('orders questions and replies to the author first, then first-timers, then mentions, longest-waiting first in each', async () => {
    const site = await makeSite(ctx);
    const page = { pageKey: '/p/' };
    const hello = await readerComment(ctx, site, { ...page, name: 'Ann', email: 'ann@example.com', body: 'Hello!' });
    const sonia = await authorComment(ctx, site, { ...page, parentId: hello.id, body: 'Welcome, Ann.' });
    const returning = await readerComment(ctx, site, { ...page, name: 'Ann', email: 'ann@example.com', body: 'Nice post again.' });
    const newcomer = await readerComment(ctx, site, { ...page, name: 'Bo', body: 'Great read. See https://example.com/?ref=1' });
    const question = await readerComment(ctx, site, { ...page, name: 'Cy', body: 'Is this for small blogs?' });
    const replyToAuthor = await readerComment(ctx, site, { ...page, name: 'Ann', email: 'ANN@example.com', parentId: sonia.id, body: 'Thanks, Sonia.' });
    const newcomerMention = await readerComment(ctx, site, { ...page, name: 'Dee', body: 'sonia, loved it.' });
    const mention = await readerComment(ctx, site, { ...page, name: 'Ann', email: 'ann@example.com', body: 'As Sonia said before.' });

    const cookie = await signIn(ctx, site.author.email);
    const { items, nextCursor } = await inbox(cookie, { site: site.siteId });
    expect(items.map((i) => i.comment.id)).toEqual([question.id, replyToAuthor.id, newcomer.id, newcomerMention.id, mention.id, returning.id]);
    expect(items.map((i) => i.reasons)).toEqual([
      ['question', 'first-time'],
      ['reply-to-author', 'mentions-author'],
      ['first-time'],
      ['first-time', 'mentions-author'],
      ['mentions-author'],
      [],
    ]);
    expect(nextCursor).toBeNull();

    const reply = items[1]!;
    expect(reply.parent).toMatchObject({ id: sonia.id, author: { name: 'Sonia', isAuthor: true } });
    expect(reply.page).toEqual({ key: '/p/', title: '', url: '', author: null });
    // Ann: four comments on this site, one of them answered, since her first.
    expect(reply.reader).toEqual({ name: 'Ann', commentCount: 4, answeredCount: 1, firstCommentAt: expect.any(String) });
    expect(items[0]!.reader).toMatchObject({ name: 'Cy', commentCount: 1, answeredCount: 0 });
    expect(JSON.stringify(items)).not.toContain('ann@example.com');

    // Past the reply goal (24 h by default) every waiting comment is overdue.
    ctx.clock.advance(25 * HOUR);
    const later = await inbox(cookie, { site: site.siteId });
    expect(later.items.every((i) => i.reasons.includes('overdue'))).toBe(true);
  });

  it('pages through a long queue with nextCursor, without repeats or gaps, and filters by page', async () => {
    const site = await makeSite(ctx);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await readerComment(ctx, site, { pageKey: i % 3 === 0 ? '/a/' : '/b/', name: `R${i}`, body: `Hi, number ${i}` })).id);
    const cookie = await signIn(ctx, site.author.email);
    const first = await inbox(cookie, { site: site.siteId });
    expect(first.items).toHaveLength(25);
    const second = await inbox(cookie, { site: site.siteId, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.comment.id)).toEqual(ids);
    const onA = await inbox(cookie, { site: site.siteId, page: '/a/' });
    expect(onA.items.map((i) => i.comment.id)).toEqual(ids.filter((_, i) => i % 3 === 0));
    // Not a cursor at all, and one whose time no Date can hold: both are the client's mistake.
    const outOfRange = Buffer.from(JSON.stringify({ priority: 0, time: 9e15, id: ids[0] })).toString('base64url');
    for (const cursor of ['nonsense', outOfRange]) {
      const bad = await request(ctx.app).get('/api/inbox').query({ site: site.siteId, cursor }).set('Cookie', cookie);
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.error.fields)).toEqual(['cursor']);
    }
  });
});

describe('the other views', () => {
  it('lists held comments under pending, spam under spam, and everything but deleted under all, newest first', async () => {
    const site = await makeSite(ctx, { moderation: 'pre' });
    const held = await readerComment(ctx, site, { name: 'Held', body: 'Please approve' });
    await ctx.services.sites.update(site.siteId, { settings: { moderation: 'post' } });
    const spam = await readerComment(ctx, site, { name: 'Spammer', body: 'Buy now' });
    const fine = await readerComment(ctx, site, { name: 'Fine', body: 'Fine comment' });
    const cookie = await signIn(ctx, site.author.email);
    const marked = await request(ctx.app).patch(`/api/comments/${spam.id}`).set('Cookie', cookie).set('Origin', INBOX_ORIGIN).send({ status: 'spam' });
    expect(marked.status).toBe(200);

    expect((await inbox(cookie, { site: site.siteId, view: 'pending' })).items.map((i) => i.comment.id)).toEqual([held.id]);
    expect((await inbox(cookie, { site: site.siteId, view: 'spam' })).items.map((i) => i.comment.id)).toEqual([spam.id]);
    expect((await inbox(cookie, { site: site.siteId, view: 'all' })).items.map((i) => i.comment.id)).toEqual([fine.id, spam.id, held.id]);
    expect((await inbox(cookie, { site: site.siteId })).items.map((i) => i.comment.id)).toEqual([fine.id]);
  });
});

describe('snoozing a waiting comment', () => {
  it('puts it out of the queue until a time in the author’s zone, while it waits everywhere else; it comes back marked, or at once on undo', async () => {
    const site = await makeSite(ctx);
    await ctx.models.Author.updateOne({ _id: site.author._id }, { $set: { timeZone: 'Europe/Berlin' } });
    const later = await readerComment(ctx, site, { pageKey: '/z/', name: 'Zed', body: 'A question for later?' });
    const other = await readerComment(ctx, site, { pageKey: '/z/', name: 'Amy', body: 'Another one?' });
    const cookie = await signIn(ctx, site.author.email);
    const snooze = (id: string, value: string | null) =>
      request(ctx.app).patch(`/api/comments/${id}`).set('Cookie', cookie).set('Origin', INBOX_ORIGIN).send({ snooze: value });

    const res = await snooze(later.id, 'tomorrow');
    expect(res.status).toBe(200);
    // Tomorrow at 8:00 in Berlin, whatever the server's own zone.
    const until = new Date(res.body.comment.snoozedUntil);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(until)).toBe('08:00');
    expect(until.getTime() - ctx.clock.now().getTime()).toBeGreaterThan(0);
    expect(until.getTime() - ctx.clock.now().getTime()).toBeLessThanOrEqual(33 * HOUR);
    expect((await inbox(cookie, { site: site.siteId })).items.map((i) => i.comment.id)).toEqual([other.id]);
    // Still waiting for readers, and in the figures.
    const thread = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/z/' });
    expect(thread.body.comments.find((c: { id: string }) => c.id === later.id).awaitingReply).toBe(true);
    const stats = await request(ctx.app).get('/api/stats').query({ site: site.siteId }).set('Cookie', cookie);
    expect(stats.body.waitingNow).toBe(2);
    // The queue's own count leaves it out, as the queue does.
    expect(stats.body.queues.awaiting).toBe(1);

    ctx.clock.advance(34 * HOUR);
    const back = await inbox(cookie, { site: site.siteId });
    expect(back.items.map((i) => i.comment.id).sort()).toEqual([later.id, other.id].sort());
    expect(back.items.find((i) => i.comment.id === later.id)!.reasons).toContain('snoozed');

    expect((await snooze(other.id, 'next-week')).status).toBe(200);
    expect((await inbox(cookie, { site: site.siteId })).items.map((i) => i.comment.id)).toEqual([later.id]);
    const undone = await snooze(other.id, null);
    expect(undone.body.comment.snoozedUntil).toBeNull();
    expect((await inbox(cookie, { site: site.siteId })).items).toHaveLength(2);
    expect((await snooze(other.id, 'someday')).status).toBe(400);
  });
});

describe('held questions', () => {
  it('lead the awaiting view, marked as held, so pre-moderation hides no reader’s question; other held comments do not', async () => {
    const site = await makeSite(ctx, { moderation: 'pre' });
    const question = await readerComment(ctx, site, { pageKey: '/h/', name: 'Quin', body: 'Does this need approval first?' });
    await readerComment(ctx, site, { pageKey: '/h/', name: 'Stan', body: 'Just saying hi.' });
    await ctx.services.sites.update(site.siteId, { settings: { moderation: 'post' } });
    const published = await readerComment(ctx, site, { pageKey: '/h/', name: 'Pia', body: 'And a published one.' });
    const cookie = await signIn(ctx, site.author.email);
    const { items } = await inbox(cookie, { site: site.siteId });
    expect(items.map((i) => [i.comment.id, i.comment.status])).toEqual([
      [question.id, 'pending'],
      [published.id, 'published'],
    ]);
    // Answering it approves it, and it leaves the held ones.
    const answered = await request(ctx.app).post(`/api/comments/${question.id}/replies`).set('Cookie', cookie).set('Origin', INBOX_ORIGIN).send({ body: 'It did, and now it is out.' });
    expect(answered.status).toBe(201);
    expect((await inbox(cookie, { site: site.siteId })).items.map((i) => i.comment.id)).toEqual([published.id]);
  });
});
