import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';
import { clockToNow, collectErrors, commentAsReader, listen, startBlog, useBrowser } from '../support/browser.js';

// What the thread takes from the blog page around it: the post's title as the blog names it,
// and the blog's dark mode when its theme toggles it after the page loaded.
const ctx = useTestContext();
const chromium = useBrowser();
let api: Awaited<ReturnType<typeof listen>>;
let blog: Awaited<ReturnType<typeof startBlog>>;
let site: Awaited<ReturnType<typeof makeSite>>;
const pages: Record<string, string> = {};

/** A blog page titled the way blogs title their tabs, with what `head` and `body` say. */
const blogPage = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Why I self-host my comments | Hana's Notes</title><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`;

beforeAll(async () => {
  clockToNow(ctx.clock);
  api = await listen(ctx.app);
  blog = await startBlog(pages);
  site = await makeSite(ctx, { origins: [blog.url] });
  const script = (extra = '') => `<script src="${api.url}/embed.js" data-site="${site.siteId}"${extra} async></script>`;
  pages['/data-title/'] = blogPage('', `<main>${script(' data-title="Why I self-host my comments"')}</main>`);
  pages['/og-title/'] = blogPage('<meta property="og:title" content="Self-hosting comments, a year on">', `<main>${script()}</main>`);
  pages['/article/'] = blogPage('', `<main><article><h1> The article’s own heading </h1><p>Text.</p>${script()}</article></main>`);
  pages['/element/'] = blogPage('', `<main><rapport-thread site="${site.siteId}" page="/element/" page-title="Given by the element"></rapport-thread><script src="${api.url}/embed.js" async></script></main>`);
  pages['/tab-title/'] = blogPage('', `<main><h1>Not in an article</h1>${script()}</main>`);
  // A theme whose toggle puts a class on <html>: the body turns dark.
  pages['/toggle/'] = blogPage('<style>body { background: #fff; color: #111 } html.dark body { background: #121212; color: #eee }</style>', `<main>${script()}</main>`);
});
afterAll(async () => {
  await blog.close();
  await api.close();
});

const titleOf = async (key: string) => (await ctx.models.Page.findOne({ siteId: site.siteId, key }).lean())?.title;

describe('the page around the thread', () => {
  it('names the post by its own title: the element’s or script’s, og:title, the article’s heading, else the tab’s', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    for (const [path, title] of [
      ['/data-title/', 'Why I self-host my comments'],
      ['/og-title/', 'Self-hosting comments, a year on'],
      ['/article/', 'The article’s own heading'],
      ['/element/', 'Given by the element'],
      ['/tab-title/', 'Why I self-host my comments | Hana\'s Notes'],
    ] as const) {
      await commentAsReader(page, `${blog.url}${path}`, `A first comment on ${path}`);
      await expect.poll(() => titleOf(path)).toBe(title);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the blog’s dark mode when its theme toggles it after load, and back', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${blog.url}/toggle/`);
    const thread = page.locator('rapport-thread');
    await thread.locator('textarea').waitFor();
    expect(await thread.getAttribute('scheme')).toBe('light');
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await expect.poll(() => thread.getAttribute('scheme')).toBe('dark');
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    await expect.poll(() => thread.getAttribute('scheme')).toBe('light');
    await page.close();
  });
});
