import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, readerComment } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';
import { blogPost, clockToNow, collectErrors, expectAccessible, listen, shadowText, startBlog, useBrowser } from '../support/browser.js';

const ctx = useTestContext();
const chromium = useBrowser();
let api: Awaited<ReturnType<typeof listen>>;
let blog: Awaited<ReturnType<typeof startBlog>>;
const pages: Record<string, string> = {};

beforeAll(async () => {
  clockToNow(ctx.clock);
  api = await listen(ctx.app);
  blog = await startBlog(pages);
});
afterAll(async () => {
  await blog.close();
  await api.close();
});

/** A site of its own, embedded at /PATH/ on the blog. */
async function blogWith(path: string, options: { moderation?: 'pre' } = {}) {
  const site = await makeSite(ctx, { origins: [blog.url], ...options });
  pages[path] = blogPost({ api: api.url, site: site.siteId });
  return site;
}

async function post(page: Page, body: string): Promise<void> {
  await page.locator('rapport-thread input[name=name]').fill('Ann');
  await page.locator('rapport-thread .new-comment textarea').fill(body);
  await page.locator('rapport-thread .new-comment button[type=submit]').click();
  await page.locator('rapport-thread article').filter({ hasText: body }).last().waitFor();
}

const articleSaying = (page: Page, text: string) => page.locator('rapport-thread article').filter({ hasText: text }).last();

describe('a reader’s own comments', () => {
  it('can be edited within the window, in Markdown, and previewed with the server’s renderer', async () => {
    await blogWith('/edit/');
    const page = await (await chromium.browser.newContext()).newPage();
    const errors = collectErrors(page);
    await page.goto(`${blog.url}/edit/`);
    await post(page, 'Frist draft with a typo');
    const mine = articleSaying(page, 'Frist draft with a typo');
    await mine.getByRole('button', { name: 'Edit' }).click();
    const box = mine.locator('rapport-comment-form textarea');
    expect(await box.inputValue()).toBe('Frist draft with a typo');
    await box.fill('First draft, **fixed**');
    await mine.locator('rapport-comment-form').getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => mine.locator('rapport-comment-form .preview strong').textContent()).toBe('fixed');
    await expectAccessible(page, 'editing with preview');
    await mine.locator('rapport-comment-form').getByRole('button', { name: 'Save' }).click();

    const edited = articleSaying(page, 'First draft, fixed');
    await expect.poll(() => edited.locator(':scope > .body strong').textContent()).toBe('fixed');
    expect(await edited.locator('.edited').textContent()).toBe('(edited)');
    await expect.poll(() => page.locator('rapport-thread [role=status]').textContent()).toBe('Your changes were saved.');
    const stored = await ctx.models.Comment.findOne({ body: 'First draft, **fixed**' }).lean();
    expect(stored?.html).toContain('<strong>fixed</strong>');
    expect(errors).toEqual([]);
  });

  it('can be deleted: without replies it goes; with replies a placeholder keeps their place', async () => {
    const site = await blogWith('/delete/');
    const page = await (await chromium.browser.newContext()).newPage();
    const errors = collectErrors(page);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${blog.url}/delete/`);
    await post(page, 'A comment nobody answers');
    await post(page, 'A comment someone answers');
    const answeredId = (await ctx.models.Comment.findOne({ body: 'A comment someone answers' }).lean())!._id.toHexString();
    await readerComment(ctx, site, { pageKey: '/delete/', parentId: answeredId, name: 'Bo', body: 'I agree with Ann.' });

    await articleSaying(page, 'A comment nobody answers').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator('rapport-thread article').filter({ hasText: 'A comment nobody answers' }).count()).toBe(0);

    await page.reload();
    await articleSaying(page, 'I agree with Ann.').waitFor();
    await articleSaying(page, 'A comment someone answers').getByRole('button', { name: 'Delete' }).first().click();
    const placeholder = page.locator('rapport-thread article.removed');
    await expect.poll(() => placeholder.locator('.meta').first().textContent()).toBe('This comment was deleted.');
    expect(await placeholder.locator('.replies article').filter({ hasText: 'I agree with Ann.' }).count()).toBe(1);

    // Others see the same: the server keeps the place too.
    const other = await (await chromium.browser.newContext()).newPage();
    await other.goto(`${blog.url}/delete/`);
    await other.locator('rapport-thread article.removed').waitFor();
    expect(await other.locator('rapport-thread article.removed .meta').first().textContent()).toBe('This comment was deleted.');
    expect(await shadowText(other.locator('rapport-thread'))).toContain('I agree with Ann.');
    expect(await shadowText(other.locator('rapport-thread'))).not.toContain('A comment someone answers');
    expect(await other.locator('rapport-thread h2').textContent()).toBe('1 comment');
    await expectAccessible(other, 'deleted placeholder');
    expect(errors).toEqual([]);
  });

  it('held for moderation are shown to their writer alone, marked as awaiting approval', async () => {
    await blogWith('/moderated/', { moderation: 'pre' });
    const writer = await (await chromium.browser.newContext()).newPage();
    const errors = collectErrors(writer);
    await writer.goto(`${blog.url}/moderated/`);
    await post(writer, 'Please approve me');
    const mine = articleSaying(writer, 'Please approve me');
    expect(await mine.locator('.pending').textContent()).toBe('Awaiting approval — only you can see this for now.');
    await expect.poll(() => writer.locator('rapport-thread [role=status]').textContent()).toBe('Your comment was received and will appear once approved.');
    expect(await writer.locator('rapport-thread h2').textContent()).toBe('0 comments');

    await writer.reload();
    await articleSaying(writer, 'Please approve me').waitFor();
    expect(await articleSaying(writer, 'Please approve me').locator('.pending').count()).toBe(1);
    await expectAccessible(writer, 'own pending comment');

    const stranger = await (await chromium.browser.newContext()).newPage();
    await stranger.goto(`${blog.url}/moderated/`);
    await stranger.locator('rapport-thread h3').waitFor();
    expect(await stranger.locator('rapport-thread article').count()).toBe(0);
    expect(await shadowText(stranger.locator('rapport-thread'))).toContain('No comments yet.');
    expect(await shadowText(stranger.locator('rapport-thread'))).not.toContain('Please approve me');
    expect(errors).toEqual([]);
  });
});
