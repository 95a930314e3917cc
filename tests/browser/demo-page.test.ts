import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoSite } from '../../api/demo/demo-site.js';
import { useTestContext } from '../support/test-context.js';
import { clockToNow, collectErrors, expectAccessible, listen, useBrowser } from '../support/browser.js';

const ctx = useTestContext();
const chromium = useBrowser();
let server: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  clockToNow(ctx.clock);
  server = await listen(ctx.app);
  await ensureDemoSite(ctx.services, server.url, ctx.clock.now());
});
afterAll(() => server.close());

const authorOf = (article: import('playwright-core').Locator) => article.locator(':scope > header .name');

describe('the demo blog post', () => {
  it('takes comments whether the server was opened as 127.0.0.1 or as localhost', async () => {
    const port = new URL(server.url).port;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const res = await fetch(`${server.url}/api/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ site: 'demo', page: '/elsewhere/', name: 'Tess', body: `Hello from ${origin}` }),
      });
      expect(res.status, origin).toBe(201);
    }
  });

  it('shows the conversation, marks who still waits for the author, and who was answered', async () => {
    const page = await chromium.browser.newPage({ colorScheme: 'light' });
    const errors = collectErrors(page);
    await page.goto(`${server.url}/demo`);
    const thread = page.locator('rapport-thread');
    await expect.poll(() => thread.locator('article').count()).toBe(7);

    await expect.poll(() => thread.locator('.waiting-count').textContent()).toBe('3 waiting for Sonia’s reply');
    expect(await thread.locator('h2').textContent()).toBe('7 comments');
    expect(await authorOf(thread.locator('article.waiting')).allTextContents()).toEqual(['Priya', 'Lea', 'Ahmed']);
    expect(await thread.locator('article.waiting .mark').first().textContent()).toBe('Waiting for Sonia’s reply');
    const answered = thread.locator('article:has(> .answered)');
    expect(await authorOf(answered).allTextContents()).toEqual(['Marco', 'Jonas']);
    expect(await thread.locator('.badge').allTextContents()).toEqual(['Author', 'Author']);
    // Replies sit inside the comment they answer.
    expect(await authorOf(thread.locator('article:has(> header .name:text-is("Marco")) .replies article')).allTextContents()).toEqual(['Sonia', 'Priya']);
    await expectAccessible(page, 'demo, light');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters to the comments waiting for a reply, and orders newest first', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/demo`);
    const thread = page.locator('rapport-thread');
    await thread.getByRole('button', { name: 'Only comments waiting for a reply' }).click();
    await expect.poll(() => authorOf(thread.locator('article')).allTextContents()).toEqual(['Priya', 'Lea', 'Ahmed']);
    expect(await thread.getByRole('button', { name: 'Only comments waiting for a reply' }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'demo, waiting only');

    await thread.getByRole('button', { name: 'Only comments waiting for a reply' }).click();
    await thread.getByRole('button', { name: 'Newest first' }).click();
    await expect.poll(() => authorOf(thread.locator('.comments > article')).allTextContents()).toEqual(['Ahmed', 'Lea', 'Jonas', 'Marco']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the blog into dark mode, and a theme attribute forces either', async () => {
    const page = await chromium.browser.newPage({ colorScheme: 'dark' });
    const errors = collectErrors(page);
    await page.goto(`${server.url}/demo`);
    const thread = page.locator('rapport-thread');
    await expect.poll(() => thread.locator('article').count()).toBe(7);
    expect(await thread.getAttribute('scheme')).toBe('dark');
    const markColor = () => thread.locator('article.waiting .mark').first().evaluate((el) => getComputedStyle(el).color);
    const dark = await markColor();
    await expectAccessible(page, 'demo, dark');

    await thread.evaluate((el) => el.setAttribute('theme', 'light'));
    await expect.poll(() => thread.getAttribute('scheme')).toBe('light');
    expect(await markColor()).not.toBe(dark);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('scrolls to and focuses the comment the URL points at', async () => {
    const [lea] = await ctx.models.Comment.find({ name: 'Lea' }).lean();
    const page = await chromium.browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.goto(`${server.url}/demo#comment-${lea!._id.toHexString()}`);
    await page.locator('rapport-thread').scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => document.querySelector('rapport-thread')!.shadowRoot!.activeElement?.id)).toBe(`comment-${lea!._id.toHexString()}`);
    const box = await page.locator(`[id="comment-${lea!._id.toHexString()}"]`).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(600);
    await page.close();
  });
});
