import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { collectErrors, expectAccessible, shadowText, useBrowser, useElementPage } from '../support/browser.js';

// <rapport-count> on its own, through its `client` property: a fake API client in the page
// answers, so its properties, its batching, its parts and its failure are driven without a server.
const ctx = useTestContext();
const chromium = useBrowser();
const { api, blog } = useElementPage(ctx, 'Posts');

/** Counts for the given pages through one fake client; `window.calls` records each request. */
async function fakeCounts(page: Page, pages: string[], options: { fail?: boolean; lang?: string } = {}) {
  await page.goto(`${blog.url}/`);
  await page.waitForFunction(() => customElements.get('rapport-count') !== undefined);
  await page.evaluate(({ pages: keys, fail, lang, origin }) => {
    const calls: string[][] = [];
    (window as unknown as { calls: string[][] }).calls = calls;
    const figures: Record<string, { commentCount: number; awaitingReply: number }> = {
      '/busy/': { commentCount: 12, awaitingReply: 3 }, '/one/': { commentCount: 1, awaitingReply: 0 }, '/quiet/': { commentCount: 0, awaitingReply: 0 },
    };
    const client = {
      origin,
      async counts(site: string, asked: string[]) {
        calls.push([site, ...asked]);
        if (fail) throw new Error('offline');
        return { counts: Object.fromEntries(asked.map((key) => [key, figures[key]])) };
      },
    };
    if (lang) document.documentElement.lang = lang;
    for (const key of keys) {
      const count = document.createElement('rapport-count') as HTMLElement & { site: string; page: string; client: unknown };
      count.site = 'blog';
      count.page = key;
      count.client = client;
      const line = document.createElement('p');
      line.append(`${key} `, count);
      document.querySelector('#here')!.append(line);
    }
  }, { pages, ...options, origin: api.url });
}

const shown = (page: Page) => page.locator('rapport-count').evaluateAll((counts) => counts.map((c) => c.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? ''));

describe('<rapport-count>', () => {
  it('asks once for every page of the index, and shows the count and who waits, as parts', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await fakeCounts(page, ['/busy/', '/one/', '/quiet/', '/busy/']);
    await expect.poll(() => shown(page)).toEqual(['12 comments · 3 waiting for a reply', '1 comment', '0 comments', '12 comments · 3 waiting for a reply']);
    expect(await page.evaluate(() => (window as unknown as { calls: string[][] }).calls)).toEqual([['blog', '/busy/', '/one/', '/quiet/']]);
    const first = page.locator('rapport-count').first();
    expect(await first.evaluate((c) => [...c.shadowRoot!.querySelectorAll('[part]')].map((p) => p.getAttribute('part')))).toEqual(['count', 'waiting']);
    await expectAccessible(page, 'counts');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks the page’s language', async () => {
    const page = await chromium.browser.newPage();
    await fakeCounts(page, ['/busy/', '/one/'], { lang: 'de' });
    await expect.poll(() => shown(page)).toEqual(['12 Kommentare · 3 warten auf Antwort', '1 Kommentar']);
    await page.close();
  });

  it('shows nothing, and breaks nothing, when the counts cannot be had', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await fakeCounts(page, ['/busy/'], { fail: true });
    await expect.poll(() => page.evaluate(() => (window as unknown as { calls: string[][] }).calls.length)).toBe(1);
    expect(await shadowText(page.locator('rapport-count'))).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
