import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorComment, makeSite, readerComment } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';
import { blogPost, clockToNow, collectErrors, expectAccessible, listen, shadowText, startBlog, useBrowser } from '../support/browser.js';

const ctx = useTestContext();
const chromium = useBrowser();
let api: Awaited<ReturnType<typeof listen>>;
let blog: Awaited<ReturnType<typeof startBlog>>;
let strictBlog: Awaited<ReturnType<typeof startBlog>>;
let site: Awaited<ReturnType<typeof makeSite>>;
const pages: Record<string, string> = {};
const strictPages: Record<string, string> = {};

beforeAll(async () => {
  clockToNow(ctx.clock);
  api = await listen(ctx.app);
  blog = await startBlog(pages);
  // A careful blog: nothing runs or loads unless it comes from the blog itself or Rapport's server.
  strictBlog = await startBlog(strictPages, {
    'Content-Security-Policy': `default-src 'none'; script-src 'self' ${api.url}; connect-src ${api.url}; img-src data:; style-src 'self'`,
  });
  site = await makeSite(ctx, { origins: [blog.url, strictBlog.url] });
  const question = await readerComment(ctx, site, { pageKey: '/post/', name: 'Lena', body: 'Wie lange hat das gedauert?' });
  await readerComment(ctx, site, { pageKey: '/post/', name: 'Jo', body: 'Danke!' });
  await authorComment(ctx, site, { pageKey: '/post/', parentId: question.id, body: 'Eine Woche.' });
});
afterAll(async () => {
  await Promise.all([blog.close(), strictBlog.close()]);
  await api.close();
});

/** Every request the page makes to Rapport's API. */
function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${api.url}/api/`)) seen.push(new URL(request.url()).pathname);
  });
  return seen;
}

describe('embedding on a blog', () => {
  it('fetches nothing until the thread comes near the viewport', async () => {
    pages['/long/'] = blogPost({ api: api.url, site: site.siteId, body: '<p style="height:4000px">A long post.</p>', embed: `<script src="${api.url}/embed.js" data-site="${site.siteId}" data-page="/post/" async></script>` });
    const page = await chromium.browser.newPage({ viewport: { width: 800, height: 600 } });
    const errors = collectErrors(page);
    const requests = apiRequests(page);
    await page.goto(`${blog.url}/long/`);
    await page.waitForFunction(() => customElements.get('rapport-thread') !== undefined);
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);
    await page.mouse.wheel(0, 4000);
    await page.locator('rapport-thread article').first().waitFor();
    expect(requests).toEqual(['/api/comments']);
    expect(errors).toEqual([]);
  });

  it('shows one thread when the snippet is pasted twice, and honours data-target and the canonical link', async () => {
    const snippet = `<script src="${api.url}/embed.js" data-site="${site.siteId}" data-target="#here" async></script>`;
    pages['/twice/'] = blogPost({ api: api.url, site: site.siteId, embed: `<div id="here"></div>${snippet}${snippet}` })
      .replace('<head>', `<head><link rel="canonical" href="${blog.url}/post/">`);
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${blog.url}/twice/`);
    await page.locator('#here rapport-thread article').first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('rapport-thread').count()).toBe(1);
    expect(await page.locator('rapport-thread h2').textContent()).toBe('3 comments');
    expect(errors).toEqual([]);
  });

  it('works under a strict Content-Security-Policy, in the page’s language', async () => {
    strictPages['/post/'] = blogPost({ api: api.url, site: site.siteId, lang: 'de' });
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${strictBlog.url}/post/`);
    const thread = page.locator('rapport-thread');
    await thread.locator('article').first().waitFor();
    expect(await thread.locator('h2').textContent()).toBe('3 Kommentare');
    expect(await thread.locator('.waiting-count').textContent()).toBe('1 warten auf eine Antwort von Sonia');
    expect(await thread.locator('h3').textContent()).toBe('Kommentar schreiben');
    expect(await thread.locator('.answered').textContent()).toBe('Sonia hat geantwortet');
    // Styles apply although the policy allows no inline style: Lit uses constructed style sheets.
    expect(await thread.locator('.badge').evaluate((el) => getComputedStyle(el).borderRadius)).toBe('999px');

    await thread.locator('input[name=name]').fill('Mara');
    await thread.locator('.new-comment textarea').fill('Gilt das auch für kurze Beiträge?');
    await thread.locator('.new-comment button[type=submit]').click();
    await thread.locator('article').filter({ hasText: 'Gilt das auch für kurze Beiträge?' }).waitFor();
    await expect.poll(() => thread.locator('[role=status]').textContent()).toBe('Ihr Kommentar wurde veröffentlicht.');
    await expectAccessible(page, 'German, strict CSP');
    expect(errors).toEqual([]);
  });

  it('takes the blog’s theming through custom properties and parts; the blog’s CSS does not leak in, nor ours out', async () => {
    const blogCss = `<style>
      body { font-family: Georgia, serif; color: rgb(10, 20, 30); }
      rapport-thread { --rapport-accent: rgb(154, 52, 18); }
      rapport-thread::part(submit) { text-transform: uppercase; }
      rapport-thread::part(waiting) { border-inline-start-width: 7px; }
      article { display: none; }
      button { padding: 1px; }
    </style>`;
    const embed = `<button id="blog-button">Subscribe</button><script src="${api.url}/embed.js" data-site="${site.siteId}" data-page="/post/" async></script>`;
    pages['/themed/'] = blogPost({ api: api.url, site: site.siteId, embed }).replace('</head>', `${blogCss}</head>`);
    pages['/plain/'] = blogPost({ api: api.url, site: site.siteId, embed: '<button id="blog-button">Subscribe</button>' }).replace('</head>', `${blogCss}</head>`);
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${blog.url}/themed/`);
    const thread = page.locator('rapport-thread');
    await thread.locator('article').first().waitFor();
    const style = (locator: import('playwright-core').Locator, property: string) =>
      locator.evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);

    expect(await thread.locator('article').first().isVisible()).toBe(true);
    expect(await style(thread.locator('.body').first(), 'font-family')).toBe('Georgia, serif');
    expect(await style(thread.locator('.body').first(), 'color')).toBe('rgb(10, 20, 30)');
    expect(await style(thread.locator('.badge'), 'background-color')).toBe('rgb(154, 52, 18)');
    expect(await style(thread.locator('button[type=submit]'), 'text-transform')).toBe('uppercase');
    expect(await style(thread.locator('article.waiting').first(), 'border-inline-start-width')).toBe('7px');
    expect(await style(thread.getByRole('button', { name: 'Newest first' }), 'padding-top')).not.toBe('1px');

    const plain = await chromium.browser.newPage();
    await plain.goto(`${blog.url}/plain/`);
    for (const property of ['padding-top', 'border-radius', 'font-weight', 'background-color']) {
      expect(await style(page.locator('#blog-button'), property)).toBe(await style(plain.locator('#blog-button'), property));
    }
    expect(errors).toEqual([]);
  });

  it('shows a long thread 100 comments at a time, in Spanish too', async () => {
    for (let i = 1; i <= 120; i++) await readerComment(ctx, site, { pageKey: '/long-thread/', name: `R${i}`, body: `Comentario ${i}` });
    pages['/largo/'] = blogPost({ api: api.url, site: site.siteId, lang: 'es', embed: `<script src="${api.url}/embed.js" data-site="${site.siteId}" data-page="/long-thread/" async></script>` });
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${blog.url}/largo/`);
    const thread = page.locator('rapport-thread');
    await thread.locator('article').first().waitFor();
    expect(await thread.locator('h2').textContent()).toBe('120 comentarios');
    expect(await thread.locator('article').count()).toBe(100);
    await thread.getByRole('button', { name: 'Ver más comentarios' }).click();
    await expect.poll(() => thread.locator('article').count()).toBe(120);
    expect(await thread.locator('article .body').last().textContent()).toBe('Comentario 120');
    expect(await thread.getByRole('button', { name: 'Ver más comentarios' }).count()).toBe(0);
    await expectAccessible(page, 'Spanish, all loaded');
    expect(errors).toEqual([]);
  });

  it('counts comments for an index page in one request', async () => {
    const question = await readerComment(ctx, site, { pageKey: '/counted/', body: 'A question?' });
    await readerComment(ctx, site, { pageKey: '/counted/', body: 'Another.' });
    await authorComment(ctx, site, { pageKey: '/counted/', parentId: question.id });
    pages['/'] = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Index</title><link rel="icon" href="data:,"></head><body><main>
      <h1>Posts</h1>
      <p><a href="/counted/">A post</a> <rapport-count site="${site.siteId}" page="/counted/"></rapport-count></p>
      <p><a href="/quiet/">A quiet post</a> <rapport-count site="${site.siteId}" page="/quiet/"></rapport-count></p>
      <p><a href="/counted/">Again</a> <rapport-count site="${site.siteId}" page="/counted/"></rapport-count></p>
      <script src="${api.url}/embed.js" async></script></main></body></html>`;
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    const requests = apiRequests(page);
    await page.goto(`${blog.url}/`);
    const counts = page.locator('rapport-count');
    await expect.poll(() => Promise.all([0, 1, 2].map((i) => shadowText(counts.nth(i))))).toEqual([
      '3 comments · 1 waiting for a reply',
      '0 comments',
      '3 comments · 1 waiting for a reply',
    ]);
    expect(requests).toEqual(['/api/counts']);
    await expectAccessible(page, 'count elements');
    expect(errors).toEqual([]);
  });
});
