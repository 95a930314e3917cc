import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAuthor, makeSite } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';
import { blogPost, clockToNow, collectErrors, commentAsReader, listen, shadowText, startBlog, useBrowser } from '../support/browser.js';

// A blog with two writers, Sonia (the site's first author) and Chris Allison, and a blog with
// Sonia alone: what the thread says readers wait for, from the post's author the blog prints.
const ctx = useTestContext();
const chromium = useBrowser();
let api: Awaited<ReturnType<typeof listen>>;
let blog: Awaited<ReturnType<typeof startBlog>>;
let team: Awaited<ReturnType<typeof makeSite>> & { chris: Awaited<ReturnType<typeof addAuthor>> };
let solo: Awaited<ReturnType<typeof makeSite>>;
const pages: Record<string, string> = {};

beforeAll(async () => {
  clockToNow(ctx.clock);
  api = await listen(ctx.app);
  blog = await startBlog(pages);
  const site = await makeSite(ctx, { origins: [blog.url] });
  team = { ...site, chris: await addAuthor(ctx, site) };
  solo = await makeSite(ctx, { origins: [blog.url] });
  const script = (siteId: string, extra = '') => `<script src="${api.url}/embed.js" data-site="${siteId}"${extra} async></script>`;
  pages['/chris/'] = blogPost({ api: api.url, site: team.siteId, body: '<p class="byline">Written by Chris Allison on June 18, 2009</p>', embed: script(team.siteId, ' data-author="Chris Allison"') });
  // Most themes print the post's author in a meta tag: that is enough.
  pages['/meta/'] = blogPost({ api: api.url, site: team.siteId, embed: script(team.siteId) }).replace('<title>', '<meta name="author" content="chris allison"><title>');
  pages['/element/'] = blogPost({ api: api.url, site: team.siteId, embed: `<rapport-thread site="${team.siteId}" page="/element/" author="Chris Allison"></rapport-thread><script src="${api.url}/embed.js" async></script>` });
  pages['/nobody/'] = blogPost({ api: api.url, site: team.siteId, embed: script(team.siteId) });
  pages['/solo/'] = blogPost({ api: api.url, site: solo.siteId, embed: script(solo.siteId) });
});
afterAll(async () => {
  await blog.close();
  await api.close();
});

/** A reader asks a question on the page through the widget's form and waits for it to show. */
async function ask(page: Page, path: string): Promise<void> {
  await commentAsReader(page, `${blog.url}${path}`, `Which camera did you use (${path})?`);
  await page.locator('rapport-thread [part~=waiting-label]').waitFor();
}

const texts = async (page: Page) => ({
  mark: await page.locator('rapport-thread [part~=waiting-label]').first().textContent(),
  count: await page.locator('rapport-thread [part~=waiting-count]').textContent(),
});

describe('whom readers wait for', () => {
  it('is the post’s author the script tag names, who alone is mailed and sees it in his default inbox', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await ask(page, '/chris/');
    // After a reload too: the server now knows the post is his.
    await page.reload();
    await page.locator('rapport-thread [part~=waiting-label]').waitFor();
    expect(await texts(page)).toEqual({ mark: 'Waiting for Chris Allison’s reply', count: '1 waiting for Chris Allison’s reply' });
    await page.locator('rapport-thread').screenshot({ path: '/tmp/thread-post-author.png' });
    const key = { siteId: team.siteId, key: '/chris/' };
    expect((await ctx.models.Page.findOne(key).lean())?.authorId?.toHexString()).toBe(team.chris._id.toHexString());
    const mailTo = (await ctx.models.OutboxMessage.find({ siteId: team.siteId, kind: 'author-comment' }).lean()).map((m) => m.to);
    expect(mailTo).toEqual([team.chris.email]);
    const inboxOf = async (authorId: typeof team.chris._id) =>
      (await ctx.services.inbox.list(team.siteId, { view: 'awaiting', who: { authorId, scope: 'mine' } }, ctx.clock.now())).items.map((item) => item.page.key);
    expect(await inboxOf(team.chris._id)).toEqual(['/chris/']);
    expect(await inboxOf(team.author._id)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is the author the page’s <meta name="author"> or the element’s author attribute names', async () => {
    const page = await chromium.browser.newPage();
    for (const path of ['/meta/', '/element/']) {
      await ask(page, path);
      expect((await texts(page)).mark).toBe('Waiting for Chris Allison’s reply');
      await expect.poll(async () => (await ctx.models.Page.findOne({ siteId: team.siteId, key: path }).lean())?.authorId?.toHexString()).toBe(team.chris._id.toHexString());
    }
    await page.close();
  });

  it('is “the blog” on a post without an author of a site with several, and the one author of a site with one', async () => {
    const page = await chromium.browser.newPage();
    await ask(page, '/nobody/');
    expect(await texts(page)).toEqual({ mark: 'Waiting for a reply from the blog', count: '1 waiting for a reply' });
    await page.locator('rapport-thread').screenshot({ path: '/tmp/thread-no-author.png' });
    await ask(page, '/solo/');
    expect(await texts(page)).toEqual({ mark: 'Waiting for Sonia’s reply', count: '1 waiting for Sonia’s reply' });
    await page.close();
  });

  it('names whoever answered, in the reader’s language too', async () => {
    const page = await chromium.browser.newPage();
    const question = await ctx.models.Comment.findOne({ siteId: team.siteId, pageId: (await ctx.models.Page.findOne({ siteId: team.siteId, key: '/chris/' }).lean())!._id }).lean();
    // Sonia answers on Chris's post: the branch is answered all the same.
    await ctx.services.commentWriter.postAuthorComment({ siteId: team.siteId, authorId: team.author._id, pageKey: '/chris/', parentId: question!._id.toHexString(), body: 'A Leica, I asked him.' }, ctx.clock.now());
    pages['/chris-de/'] = pages['/chris/']!.replace('lang="en"', 'lang="de"').replace('data-site=', 'data-page="/chris/" data-site=');
    await page.goto(`${blog.url}/chris/`);
    await page.locator('rapport-thread [part~=answered-label]').waitFor();
    expect(await page.locator('rapport-thread [part~=answered-label]').textContent()).toBe('Sonia replied');
    await page.goto(`${blog.url}/chris-de/`);
    await page.locator('rapport-thread [part~=answered-label]').waitFor();
    expect(await page.locator('rapport-thread [part~=answered-label]').textContent()).toBe('Sonia hat geantwortet');
    expect(await shadowText(page.locator('rapport-thread'))).not.toContain('Wartet');
    await page.close();
  });
});
