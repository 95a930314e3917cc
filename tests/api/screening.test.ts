import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { BLOG_ORIGIN, INBOX_ORIGIN, makeSite, signIn } from '../support/factories.js';

const ctx = useTestContext();
const HOUR = 3_600_000;

async function post(siteId: string, fields: Record<string, unknown>) {
  const res = await request(ctx.app).post('/api/comments').set('Origin', BLOG_ORIGIN).send({ site: siteId, page: '/s/', name: 'Ann', ...fields });
  expect(res.status).toBe(201);
  return res.body.comment.status as string;
}

describe('screening new comments without captchas', () => {
  it('holds a comment with more links than the site allows', async () => {
    const site = await makeSite(ctx);
    const links = (n: number) => Array.from({ length: n }, (_, i) => `[l${i}](https://x${i}.example)`).join(' ');
    expect(await post(site.siteId, { body: `Three: ${links(3)}`, website: 'https://ann.example' })).toBe('published');
    expect(await post(site.siteId, { body: `Four: ${links(4)}` })).toBe('pending');
  });

  it('holds the same text posted again on the site within hours, spacing and case aside', async () => {
    const site = await makeSite(ctx);
    expect(await post(site.siteId, { body: 'Great article, thanks!' })).toBe('published');
    expect(await post(site.siteId, { name: 'Bo', body: 'great   ARTICLE thanks' })).toBe('pending');
    ctx.clock.advance(7 * HOUR);
    expect(await post(site.siteId, { name: 'Cy', body: 'Great article, thanks!' })).toBe('published');
  });

  it('marks as spam what the site’s blocklists name: words, linked domains (and their subdomains), emails', async () => {
    const site = await makeSite(ctx);
    await ctx.services.sites.update(site.siteId, {
      settings: { blockedWords: ['casino'], blockedLinks: ['spam.example'], blockedEmails: ['bot@bad.example'] },
    });
    const storedStatus = async (fields: Record<string, unknown>) => {
      const answered = await post(site.siteId, fields);
      const latest = await ctx.models.Comment.findOne({ siteId: site.siteId }).sort({ _id: -1 }).lean();
      return { answered, stored: latest?.status };
    };
    const spam = { answered: 'pending', stored: 'spam' };
    expect(await storedStatus({ body: 'Best CASINO bonus' })).toEqual(spam);
    expect(await storedStatus({ body: 'Occasional reader' })).toEqual({ answered: 'published', stored: 'published' });
    expect(await storedStatus({ body: 'See [this](https://www.spam.example/x)' })).toEqual(spam);
    expect(await storedStatus({ body: 'My site', website: 'https://spam.example' })).toEqual(spam);
    expect(await storedStatus({ body: 'Not spam.example.org', website: 'https://notspam.example' })).toEqual({ answered: 'published', stored: 'published' });
    expect(await storedStatus({ body: 'Hello from a bot', email: 'BOT@bad.example' })).toEqual(spam);
    const thread = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/s/' });
    expect(thread.body.page.commentCount).toBe(2);
    expect(await ctx.models.Comment.countDocuments({ siteId: site.siteId, status: 'spam' })).toBe(4);
  });

  it('makes no page for spam, lists it with the page it named, and makes the page when it is not spam after all', async () => {
    const site = await makeSite(ctx);
    await ctx.services.sites.update(site.siteId, { settings: { blockedWords: ['casino'] } });
    for (let i = 0; i < 20; i++) {
      const res = await request(ctx.app).post('/api/comments').set('Origin', BLOG_ORIGIN).send({ site: site.siteId, page: `/junk-${i}/`, pageTitle: `Junk ${i}`, name: 'Bot', body: `casino ${i}` });
      expect(res.status).toBe(201);
    }
    expect(await ctx.models.Page.countDocuments({ siteId: site.siteId })).toBe(0);
    expect(await ctx.models.Comment.countDocuments({ siteId: site.siteId, status: 'spam' })).toBe(20);
    const cookie = await signIn(ctx, site.author.email);
    const queue = await request(ctx.app).get('/api/inbox').query({ site: site.siteId, view: 'spam' }).set('Cookie', cookie);
    expect(queue.body.items[0].page).toEqual({ key: '/junk-19/', title: 'Junk 19', url: '', author: null });

    const notSpam = await request(ctx.app).patch(`/api/comments/${queue.body.items[0].comment.id}`).set('Cookie', cookie).set('Origin', INBOX_ORIGIN).send({ status: 'published' });
    expect(notSpam.status).toBe(200);
    const page = await ctx.models.Page.findOne({ siteId: site.siteId, key: '/junk-19/' }).lean();
    expect(page).toMatchObject({ title: 'Junk 19', commentCount: 1, awaitingReply: 1 });
    const thread = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/junk-19/' });
    expect(thread.body.comments.map((c: { html: string }) => c.html)).toEqual(['<p>casino 19</p>']);
    expect((await ctx.services.counterRepair.check(site.siteId, { fix: false })).pages).toBe(0);
  });

  it('sees through the spellings that look the same: a trailing dot, punycode, fullwidth, lookalike letters, invisible characters', async () => {
    const site = await makeSite(ctx);
    await ctx.services.sites.update(site.siteId, {
      // Listed as an author would type them: with a dot at the end, in Unicode, in capitals.
      settings: { blockedWords: ['Casino', 'ｖｉａｇｒａ'], blockedLinks: ['spam.test.', 'bücher.test'] },
    });
    const storedAs = async (fields: Record<string, unknown>) => {
      await post(site.siteId, fields);
      return (await ctx.models.Comment.findOne({ siteId: site.siteId }).sort({ _id: -1 }).lean())?.status;
    };
    for (const body of [
      'Visit [us](https://spam.test./offer)',
      'Visit [us](https://SPAM.TEST../offer)',
      'Visit [us](https://xn--bcher-kva.test/)',
      'Visit [us](https://shop.bücher.test/)',
      'Best c\u00ADa\u200Bsino bonus',
      'Best ｃａｓｉｎｏ bonus',
      'Best саsіnо bonus',
      'Cheap viagra here',
    ]) {
      expect(await storedAs({ body }), body).toBe('spam');
    }
    expect(await storedAs({ body: 'Occasional reader of [books](https://buecher.test/)' })).toBe('published');
  });
});
