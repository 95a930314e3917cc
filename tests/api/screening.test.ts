import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { BLOG_ORIGIN, makeSite } from '../support/factories.js';

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
