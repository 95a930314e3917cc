import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readerComment } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';
import { collectErrors, expectAccessible, focused, shadowText, useBrowser, useInboxServer } from '../support/browser.js';

const ctx = useTestContext();
const chromium = useBrowser();
const inbox = useInboxServer(ctx);

/** Console errors, less the one expected before sign-in: /api/auth/me answering 401. */
const unexpected = (errors: string[]) => errors.filter((e) => !(e.includes('401') && e.includes('/api/auth/me')));

async function signIn(page: Page): Promise<void> {
  await page.goto(`${inbox.server.url}/inbox`);
  const form = page.locator('rapport-sign-in');
  await form.locator('input[name=email]').waitFor();
  expect((await focused(page)).name).toBe('email');
  await page.keyboard.type('sonia@demo.rapport.invalid');
  await page.keyboard.press('Tab');
  await page.keyboard.type(inbox.password);
  await page.keyboard.press('Enter');
  await page.locator('rapport-inbox h1').waitFor();
  // Loaded: comments, or the message that there are none.
  await expect.poll(async () => (await page.locator('rapport-inbox-item').count()) + (await page.locator('rapport-inbox #empty').count())).toBeGreaterThan(0);
  // The inbox starts on its first comment, if it has one.
  if ((await page.locator('rapport-inbox-item').count()) > 0) await expect.poll(async () => (await focused(page)).tag).toBe('article');
}

const names = (page: Page) => page.locator('rapport-inbox-item strong#who').allTextContents();

describe('the inbox', () => {
  it('refuses a wrong password with a message, and signs in with the right one', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${inbox.server.url}/inbox`);
    await page.locator('rapport-sign-in input[name=email]').fill('sonia@demo.rapport.invalid');
    await page.locator('rapport-sign-in input[name=password]').fill('not it');
    await page.locator('rapport-sign-in button').click();
    await expect.poll(() => page.locator('rapport-sign-in [role=alert]').textContent()).toBe('That email and password do not match.');
    await expectAccessible(page, 'sign-in with error');
    await signIn(page);
    await expect.poll(() => names(page)).toEqual(['Priya', 'Lea', 'Ahmed']);
    expect(await page.locator('rapport-inbox-item').first().locator('.chip').allTextContents()).toEqual(['Question', 'Replied to you', 'First comment', 'Overdue']);
    await expectAccessible(page, 'awaiting queue');
    expect(unexpected(errors).filter((e) => !e.includes('/api/auth/login'))).toEqual([]);
    await page.close();
  });

  it('answers every waiting reader from the keyboard alone: r, text, Ctrl+Enter; the blog shows the replies', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await signIn(page);
    const waitingNow = () => page.locator('rapport-inbox-stats dd').first().textContent();
    await expect.poll(waitingNow).toBe('3');

    for (const [index, name] of ['Priya', 'Lea', 'Ahmed'].entries()) {
      await expect.poll(async () => (await names(page))[0]).toBe(name);
      await page.keyboard.press('r');
      await expect.poll(async () => (await focused(page)).tag).toBe('textarea');
      if (index === 0) await expectAccessible(page, 'reply box open');
      // j and e are text in the reply box, not shortcuts.
      await page.keyboard.type(`Thank you, ${name} — just a quick answer.`);
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.locator('rapport-inbox [role=status]').textContent()).toBe('Reply published.');
      await expect.poll(waitingNow).toBe(String(2 - index));
    }
    await expect.poll(() => page.locator('rapport-inbox-item').count()).toBe(0);
    expect(await shadowText(page.locator('rapport-inbox'))).toContain('Nobody is waiting for your reply.');
    await expectAccessible(page, 'empty queue');

    const blog = await chromium.browser.newPage();
    await blog.goto(`${inbox.server.url}/demo`);
    const thread = blog.locator('rapport-thread');
    await expect
      .poll(async () => {
        await blog.reload();
        await thread.locator('article').first().waitFor();
        return thread.locator('article.waiting').count();
      }, { timeout: 10_000 })
      .toBe(0);
    expect(await thread.locator('article .body').allTextContents()).toContain('Thank you, Lea — just a quick answer.');
    expect(unexpected(errors)).toEqual([]);
    await page.close();
    await blog.close();
  });

  it('moves with j and k, marks "no reply needed" with e, and takes it back with u', async () => {
    for (const name of ['Uma', 'Vic']) await readerComment(ctx, { siteId: 'demo' }, { pageKey: '/demo', name, body: `${name} says hi` });
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await signIn(page);
    await expect.poll(() => names(page)).toEqual(['Uma', 'Vic']);
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('rapport-inbox-item[current] strong#who').textContent()).toBe('Vic');
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('rapport-inbox-item[current] strong#who').textContent()).toBe('Uma');
    await page.keyboard.press('e');
    await expect.poll(() => names(page)).toEqual(['Vic']);
    expect(await page.locator('rapport-inbox [role=status]').textContent()).toBe('Marked as needing no reply.');
    await page.keyboard.press('u');
    await expect.poll(() => names(page)).toEqual(['Uma', 'Vic']);
    expect(await page.locator('rapport-inbox [role=status]').textContent()).toBe('Undone.');
    await page.keyboard.press('?');
    await expect.poll(() => page.locator('rapport-shortcuts dialog').getAttribute('open')).toBe('');
    await expectAccessible(page, 'shortcuts dialog');
    await page.keyboard.press('Escape');
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('acts on a selection: spam two at once, then undo brings both back', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await signIn(page);
    await expect.poll(() => names(page)).toEqual(['Uma', 'Vic']);
    for (const name of ['Uma', 'Vic']) await page.getByRole('checkbox', { name: `Select the comment by ${name}` }).check();
    await expect.poll(() => page.locator('rapport-inbox .bulk span').textContent()).toBe('2 selected');
    await expectAccessible(page, 'selection');
    await page.locator('rapport-inbox .bulk').getByRole('button', { name: 'Spam' }).click();
    await expect.poll(() => page.locator('rapport-inbox-item').count()).toBe(0);
    expect(await ctx.models.Comment.countDocuments({ siteId: 'demo', status: 'spam' })).toBe(2);

    await page.keyboard.press('u');
    await expect.poll(() => names(page)).toEqual(['Uma', 'Vic']);
    expect(await ctx.models.Comment.countDocuments({ siteId: 'demo', status: 'spam' })).toBe(0);
    expect(await page.locator('rapport-inbox-stats dd').first().textContent()).toBe('2');
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('approves and answers a held comment in one step, and edits the author’s own reply', async () => {
    await ctx.services.sites.update('demo', { settings: { moderation: 'pre' } });
    await readerComment(ctx, { siteId: 'demo' }, { pageKey: '/demo', name: 'Wen', body: 'Held until you look?' });
    await ctx.services.sites.update('demo', { settings: { moderation: 'post' } });
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await signIn(page);
    // The queue buttons say how many each holds; g p goes to the held ones.
    const pendingButton = page.locator('rapport-inbox-views button[data-view=pending]');
    await expect.poll(() => pendingButton.locator('.count').textContent()).toBe('1');
    // The header says how many wait for approval too.
    expect(await page.locator('rapport-inbox-stats .held dd').textContent()).toBe('1');
    await page.keyboard.press('g');
    await page.keyboard.press('p');
    await expect.poll(() => pendingButton.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => names(page)).toEqual(['Wen']);
    await page.keyboard.press('r');
    await expect.poll(async () => (await focused(page)).tag).toBe('textarea');
    await page.keyboard.type('Yes — and now it is public.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('rapport-inbox-item').count()).toBe(0);
    expect((await ctx.models.Comment.findOne({ name: 'Wen' }).lean())?.status).toBe('published');

    await page.getByRole('button', { name: 'All', exact: true }).click();
    // From the view button, j goes to the first comment, not the second.
    await expect.poll(async () => (await names(page)).length).toBeGreaterThan(1);
    await page.keyboard.press('j');
    await expect.poll(async () => (await focused(page)).tag).toBe('article');
    expect(await page.locator('rapport-inbox-item').first().getAttribute('current')).not.toBeNull();
    const mine = page.locator('rapport-inbox-item').filter({ hasText: 'Yes — and now it is public.' }).first();
    await mine.getByRole('button', { name: 'Edit', exact: true }).click();
    const box = mine.locator('textarea');
    expect(await box.inputValue()).toBe('Yes — and now it is public.');
    await box.fill('Yes — approved and answered.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('rapport-inbox [role=status]').textContent()).toBe('Reply saved.');
    expect((await ctx.models.Comment.findOne({ body: 'Yes — approved and answered.' }).lean())?.isAuthor).toBe(true);
    await expectAccessible(page, 'all view');
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('snoozes with z or the Snooze button, and u brings it back', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await signIn(page);
    const before = await names(page);
    expect(before.length).toBeGreaterThan(1);
    // z: until tomorrow morning.
    await page.keyboard.press('z');
    await expect.poll(() => names(page)).toEqual(before.slice(1));
    expect(await page.locator('rapport-inbox [role=status]').textContent()).toBe('Snoozed: it comes back to this queue when its time comes.');
    await page.keyboard.press('u');
    await expect.poll(() => names(page)).toEqual(before);
    // The button, then a time.
    const first = page.locator('rapport-inbox-item').first();
    await first.getByRole('button', { name: 'Snooze' }).click();
    await expect.poll(async () => (await focused(page)).text).toBe('Later today');
    await expectAccessible(page, 'snooze choices');
    await first.getByRole('button', { name: 'Next week' }).click();
    await expect.poll(() => names(page)).toEqual(before.slice(1));
    const snoozed = await ctx.models.Comment.findOne({ siteId: 'demo', name: before[0] }).lean();
    expect(snoozed?.snoozedUntil?.getTime()).toBeGreaterThan(ctx.clock.now().getTime() + 24 * 3_600_000);
    await page.keyboard.press('u');
    await expect.poll(() => names(page)).toEqual(before);
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('corrects a page’s title from any of its comments, and every item on the page shows it', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await signIn(page);
    const first = page.locator('rapport-inbox-item').first();
    const before = await ctx.models.Page.findOne({ siteId: 'demo', key: '/demo' }).lean();
    await first.getByRole('button', { name: 'Edit page' }).click();
    await expect.poll(async () => (await focused(page)).name).toBe('title');
    await expectAccessible(page, 'page editor');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused(page)).text).toBe('Edit page');
    await page.keyboard.press('Enter');
    await first.locator('input[name=title]').fill('Why I answer each comment');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('rapport-inbox [role=status]').textContent()).toBe('Page saved.');
    const titles = await page.locator('rapport-inbox-item a[target=_blank]').allTextContents();
    expect(titles.length).toBeGreaterThan(1);
    expect(new Set(titles)).toEqual(new Set(['Why I answer each comment']));
    expect((await ctx.models.Page.findOne({ siteId: 'demo', key: '/demo' }).lean())?.title).toBe('Why I answer each comment');
    await ctx.models.Page.updateOne({ _id: before!._id }, { $set: { title: before!.title } });
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('says when comments are held because they arrive faster than the site’s flood limit', async () => {
    const now = ctx.clock.now();
    await ctx.models.Site.updateOne({ _id: 'demo' }, { $set: { floodHold: { since: new Date(now.getTime() - 120_000), lastAt: now, held: 7 } } });
    const page = await chromium.browser.newPage();
    await signIn(page);
    const notice = page.locator('rapport-inbox-stats .flood-hold');
    await expect.poll(() => notice.textContent()).toMatch(/^Comments are arriving faster than usual, so new ones wait for your approval: 7 held, the first [23] minutes ago\.$/); // 2 minutes, or 3 once a busy machine took a while to show it
    await expectAccessible(page, 'flood hold');
    await ctx.models.Site.updateOne({ _id: 'demo' }, { $set: { floodHold: null } });
    await page.close();
  });

  it('shows new comments as they arrive without disturbing a reply being typed, in dark mode too', async () => {
    const page = await chromium.browser.newPage({ colorScheme: 'dark' });
    const errors = collectErrors(page);
    await signIn(page);
    await page.locator('rapport-inbox').evaluate((inbox) => ((inbox as unknown as { pollSeconds: number }).pollSeconds = 0.3));
    const before = (await names(page)).length;
    await expect.poll(() => page.locator('rapport-inbox-stats dd').first().textContent()).toBe(String(before));
    await page.keyboard.press('r');
    await expect.poll(async () => (await focused(page)).tag).toBe('textarea');
    await page.keyboard.type('Half-written answer');
    await readerComment(ctx, { siteId: 'demo' }, { pageKey: '/demo', name: 'Xan', body: 'Just arrived?' });
    await expect.poll(() => names(page)).toContain('Xan');
    expect((await names(page)).length).toBe(before + 1);
    expect(await page.locator('rapport-inbox-item textarea').inputValue()).toBe('Half-written answer');
    expect((await focused(page)).tag).toBe('textarea');
    expect(await page.locator('rapport-inbox').getAttribute('scheme')).toBe('dark');
    await expectAccessible(page, 'dark, new comment arrived');
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });
});
