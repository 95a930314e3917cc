import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorComment, makeSite } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';
import { blogPost, clockToNow, collectErrors, expectAccessible, focused, listen, startBlog, tabTo, useBrowser } from '../support/browser.js';

const ctx = useTestContext();
const chromium = useBrowser();
let api: Awaited<ReturnType<typeof listen>>;
let blog: Awaited<ReturnType<typeof startBlog>>;
let site: Awaited<ReturnType<typeof makeSite>>;
/** One reader's browser profile: what they type is remembered across visits. */
let reader: BrowserContext;

beforeAll(async () => {
  clockToNow(ctx.clock);
  api = await listen(ctx.app);
  // The blog lives on another origin than Rapport, as it does for bloggers; its origin is allowed.
  const pages: Record<string, string> = {};
  blog = await startBlog(pages);
  site = await makeSite(ctx, { origins: [blog.url] });
  pages['/post/'] = blogPost({ api: api.url, site: site.siteId });
  pages['/letter/'] = blogPost({ api: api.url, site: site.siteId });
  pages['/canon/'] = blogPost({ api: api.url, site: site.siteId, body: `<link rel="canonical" href="${blog.url}/canon/?p=7"><p>Text.</p>` });
  reader = await chromium.browser.newContext();
});
afterAll(async () => {
  await blog.close();
  await api.close();
});

/** The innermost comment that says exactly this (its ancestors contain the text too). */
const articleBy = (page: Page, body: string) =>
  page.locator('rapport-thread article').filter({ has: page.getByText(body, { exact: true }) }).last();

async function openPost(page: Page): Promise<void> {
  await page.goto(`${blog.url}/post/`);
  await page.locator('rapport-thread h3').waitFor();
}

describe('writing with the keyboard alone', () => {
  it('posts a comment and a reply, and Escape closes a reply box back to its button', async () => {
    const page = await reader.newPage();
    const errors = collectErrors(page);
    await openPost(page);
    expect(await page.locator('rapport-thread .notice').textContent()).toBe('No comments yet. Start the conversation!');

    await tabTo(page, (el) => el.name === 'name');
    await page.keyboard.type('Ann Reader');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('email');
    await page.keyboard.type('ann@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://ann.example.com');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('notifyReplies');
    await page.keyboard.press('Tab');
    // The honeypot is skipped: the next stop is the comment box.
    expect((await focused(page)).name).toBe('body');
    await page.keyboard.type('How long did the *whole* thing take you?');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Post comment');
    await page.keyboard.press('Enter');

    const question = articleBy(page, 'How long did the whole thing take you?');
    await question.waitFor();
    expect(await question.locator('.body em').textContent()).toBe('whole');
    expect(await question.locator('.mark').textContent()).toBe('Waiting for Sonia’s reply');
    expect(await question.locator('a.name').getAttribute('href')).toBe('https://ann.example.com/');
    await expect.poll(() => page.locator('rapport-thread [role=status]').textContent()).toBe('Your comment was posted.');
    expect(await page.locator('rapport-thread h2').textContent()).toBe('1 comment');
    expect(await page.locator('rapport-thread textarea').inputValue()).toBe('');
    await expectAccessible(page, 'after posting');

    // Reply: focus moves into the reply box; Ctrl+Enter sends.
    await tabTo(page, (el) => el.label === 'Reply to Ann Reader');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).name).toBe('body');
    await expectAccessible(page, 'reply box open');
    await page.keyboard.type('Adding to my own question: weekends too?');
    await page.keyboard.press('Control+Enter');
    const reply = articleBy(page, 'Adding to my own question: weekends too?');
    await reply.waitFor();
    expect(await question.locator('.replies article').count()).toBe(1);
    await expect.poll(() => page.locator('rapport-thread rapport-comment-form').count()).toBe(1);

    // Escape closes a reply box and gives focus back to the button that opened it.
    await tabTo(page, (el) => el.label === 'Reply to Ann Reader');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('rapport-thread rapport-comment-form').count()).toBe(2);
    await expect.poll(async () => (await focused(page)).name).toBe('body');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('rapport-thread rapport-comment-form').count()).toBe(1);
    expect((await focused(page)).label).toBe('Reply to Ann Reader');

    const stored = await ctx.models.Comment.find({ siteId: site.siteId }).sort({ createdAt: 1, _id: 1 }).lean();
    expect(stored.map((c) => [c.name, c.status, c.email])).toEqual([
      ['Ann Reader', 'published', 'ann@example.com'],
      ['Ann Reader', 'published', 'ann@example.com'],
    ]);
    expect(stored[1]!.parentId?.toHexString()).toBe(stored[0]!._id.toHexString());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('remembers the reader, and the mark goes once the author has answered', async () => {
    const page = await reader.newPage();
    await openPost(page);
    const question = articleBy(page, 'How long did the whole thing take you?');
    await question.waitFor();
    expect(await question.locator(':scope > .mark').count()).toBe(1);
    // Same browser, new visit: the name, email and website are filled in already.
    expect(await page.locator('rapport-thread input[name=name]').inputValue()).toBe('Ann Reader');
    expect(await page.locator('rapport-thread input[name=email]').inputValue()).toBe('ann@example.com');
    expect(await page.locator('rapport-thread input[name=website]').inputValue()).toBe('https://ann.example.com');
    await page.close();

    const [first] = await ctx.models.Comment.find({ siteId: site.siteId }).sort({ createdAt: 1, _id: 1 }).lean();
    await authorComment(ctx, site, { parentId: first!._id.toHexString(), body: 'About a week, evenings only.' });

    const again = await reader.newPage();
    const errors = collectErrors(again);
    await openPost(again);
    const answered = articleBy(again, 'How long did the whole thing take you?');
    await answered.waitFor();
    // The thread cache keeps a thread for at most a second.
    await expect
      .poll(async () => {
        await again.reload();
        await answered.waitFor();
        return answered.locator(':scope > .answered').count();
      }, { timeout: 10_000 })
      .toBe(1);
    expect(await answered.locator(':scope > .mark').count()).toBe(0);
    expect(await answered.locator(':scope > .answered').textContent()).toBe('Sonia replied');
    // Ann's follow-up below the question was not what Sonia answered: it still waits.
    expect(await again.locator('rapport-thread .waiting-count').textContent()).toBe('1 waiting for Sonia’s reply');
    expect(errors).toEqual([]);
    await again.close();
  });

  it('asks for an email when the reader wants replies by mail, before sending anything', async () => {
    const page = await reader.newPage();
    await openPost(page);
    await page.locator('rapport-thread input[name=name]').fill('Ann Reader');
    // This browser may remember an address from earlier comments.
    await page.locator('rapport-thread input[name=email]').fill('');
    await page.locator('rapport-thread textarea').fill('Tell me when you answer.');
    await page.locator('rapport-thread input[name=notifyReplies]').check();
    let posted = false;
    page.on('request', (request) => (posted ||= request.method() === 'POST'));
    await page.locator('rapport-thread button[type=submit]').click();
    await expect.poll(() => page.locator('rapport-thread #email-error').textContent()).toBe('Enter your email to hear about replies.');
    expect((await focused(page)).name).toBe('email');
    expect(posted).toBe(false);
    await page.close();
  });

  it('names the page by its canonical address, never by the query string a newsletter link added', async () => {
    const page = await reader.newPage();
    for (const [path, expected] of [
      ['/letter/?email=reader%40example.com&utm_source=news', `${blog.url}/letter/`],
      ['/canon/?email=reader%40example.com', `${blog.url}/canon/?p=7`],
    ] as const) {
      await page.goto(`${blog.url}${path}`);
      await page.locator('rapport-thread h3').waitFor();
      await page.locator('rapport-thread input[name=name]').fill('Ann Reader');
      await page.locator('rapport-thread textarea').fill(`Read it from the newsletter (${path})`);
      await page.locator('rapport-thread button[type=submit]').click();
      const key = new URL(path, blog.url).pathname;
      await expect.poll(async () => (await ctx.models.Page.findOne({ siteId: site.siteId, key }).lean())?.url).toBe(expected);
    }
    await page.close();
  });

  it('shows the server’s complaint next to the field it concerns', async () => {
    const page = await reader.newPage();
    const errors = collectErrors(page);
    await openPost(page);
    // The browser's own check lets this through; the server's stricter one does not.
    await page.locator('rapport-thread input[name=website]').evaluate((el: HTMLInputElement) => el.removeAttribute('maxlength'));
    await page.locator('rapport-thread input[name=website]').fill('https://' + 'x'.repeat(200) + '.example');
    await page.locator('rapport-thread input[name=name]').fill('Ann Reader');
    await page.locator('rapport-thread textarea').fill('Hello');
    await page.locator('rapport-thread button[type=submit]').click();
    const websiteError = page.locator('rapport-thread #website-error');
    await expect.poll(() => websiteError.textContent()).toBe('This is too long.');
    expect(await page.locator('rapport-thread input[name=website]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('rapport-thread .alert').textContent()).toBe('Please check the highlighted fields.');
    await expectAccessible(page, 'field error');
    // Only the author writes as the author, even in lookalike letters.
    await page.locator('rapport-thread input[name=website]').fill('');
    await page.locator('rapport-thread input[name=name]').fill('Ѕоnіа');
    await page.locator('rapport-thread button[type=submit]').click();
    await expect.poll(() => page.locator('rapport-thread #name-error').textContent()).toBe('That name belongs to an author here.');
    // The browser logs the 400 response itself; nothing else may appear.
    expect(errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
    await page.close();
  });
});
