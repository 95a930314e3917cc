import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTHOR_PASSWORD, authorComment, readerComment } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';
import { collectErrors, expectAccessible, focused, shadowText, signedInInbox, tabTo, useBrowser, useInboxServer } from '../support/browser.js';

// A blog with two authors: each sees their own posts' readers (and the unassigned posts'), can
// look at every post, say whose post one is, and choose which posts they hear about.
const ctx = useTestContext();
const chromium = useBrowser();
const inbox = useInboxServer(ctx);

const SITE = 'two-authors';
const SONIA = 'sonia@two-authors.example';
const CHRIS = 'chris@two-authors.example';
const PAGES = { sonia: '/sonia-garden/', chris: '/chris-bikes/', nobody: '/guest-post/' };
const ids = {} as Record<'sonia' | 'chris', import('mongoose').Types.ObjectId>;

beforeAll(async () => {
  await ctx.services.sites.create({ id: SITE, name: 'Two authors', origins: [inbox.server.url] }, ctx.clock.now());
  await ctx.services.sites.update(SITE, { settings: { minFormSeconds: 0 } });
  for (const [key, name, email] of [['sonia', 'Sonia Ortega', SONIA], ['chris', 'Chris Allison', CHRIS]] as const) {
    ids[key] = (await ctx.services.authors.create({ siteId: SITE, name, email, password: AUTHOR_PASSWORD }, ctx.clock.now())).author._id;
    // Authors are listed oldest first.
    ctx.clock.advance(1000);
  }
  const site = { siteId: SITE };
  const ana = await readerComment(ctx, site, { pageKey: PAGES.sonia, pageTitle: 'Sonia’s garden', name: 'Ana', body: 'Lovely roses.' });
  await readerComment(ctx, site, { pageKey: PAGES.sonia, pageTitle: 'Sonia’s garden', name: 'Bea', body: 'Which soil do you use?' });
  await readerComment(ctx, site, { pageKey: PAGES.chris, pageTitle: 'Chris on bikes', name: 'Carl', body: 'Steel or aluminium?' });
  await readerComment(ctx, site, { pageKey: PAGES.nobody, pageTitle: 'A guest post', name: 'Dee', body: 'Who wrote this one?' });
  // The page author, as `rapport page set SITE KEY --author EMAIL` sets it.
  for (const [key, email] of [[PAGES.sonia, SONIA], [PAGES.chris, CHRIS]] as const) await ctx.services.pages.correct(SITE, key, { author: email }, [inbox.server.url]);
  await authorComment(ctx, { siteId: SITE, author: { _id: ids.sonia } }, { parentId: ana.id, pageKey: PAGES.sonia, body: 'Thank you, Ana!' });
});

/** A browser of its own, signed in as one of the site's authors, once the queue shows. */
async function signInAs(email: string, locale = 'en-US'): Promise<Page> {
  const page = await (await chromium.browser.newContext({ locale })).newPage();
  await page.goto(`${inbox.server.url}/inbox`);
  await page.locator('rapport-sign-in input[name=email]').fill(email);
  await page.locator('rapport-sign-in input[name=password]').fill(AUTHOR_PASSWORD);
  await page.locator('rapport-sign-in button').click();
  await page.locator('rapport-inbox-item').first().waitFor();
  return page;
}

const names = async (page: Page) => (await page.locator('rapport-inbox-item strong#who').allTextContents()).sort();
/** The item of the comment by `reader`. */
const itemOn = (page: Page, reader: string) => page.locator('rapport-inbox-item').filter({ has: page.locator('strong#who', { hasText: new RegExp(`^${reader}$`) }) });
const postAuthor = (item: Locator) => item.locator('[part=post-author]');
const announced = (page: Page) => page.locator('rapport-inbox [role=status][aria-live]').textContent();
const waitingNow = (page: Page) => page.locator('rapport-inbox-stats dd').first().textContent();
const pageAuthor = async (key: string) => (await ctx.models.Page.findOne({ siteId: SITE, key }).lean())?.authorId?.toHexString() ?? null;

describe('the inbox on a site with two authors', () => {
  it('shows Chris his posts and those without an author; "All posts" shows every post and whose it is, and stays chosen', async () => {
    const page = await signInAs(CHRIS);
    const errors = collectErrors(page);
    await expect.poll(() => names(page)).toEqual(['Carl', 'Dee']);
    expect(await waitingNow(page)).toBe('2');
    const mine = page.getByRole('radio', { name: 'My posts' });
    expect(await mine.isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'Comments on' }).count()).toBe(1);
    expect(await postAuthor(page.locator('rapport-inbox-item').first()).count()).toBe(0);
    await expectAccessible(page, 'my posts');

    // From the keyboard: Tab to the group, an arrow key to the other choice.
    await page.locator('rapport-inbox h1').click();
    await tabTo(page, (el) => el.tag === 'input' && el.name === 'scope');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => names(page)).toEqual(['Bea', 'Carl', 'Dee']);
    expect(await page.getByRole('radio', { name: 'All posts' }).isChecked()).toBe(true);
    await expect.poll(() => waitingNow(page)).toBe('3');
    expect(await postAuthor(itemOn(page, 'Bea')).textContent()).toBe('Post by Sonia Ortega');
    expect(await postAuthor(itemOn(page, 'Carl')).textContent()).toBe('Your post');
    expect(await postAuthor(itemOn(page, 'Dee')).count()).toBe(0);
    await expectAccessible(page, 'all posts');

    await page.reload();
    await expect.poll(() => names(page)).toEqual(['Bea', 'Carl', 'Dee']);
    expect(await page.getByRole('radio', { name: 'All posts' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows each author’s figures, and the posts without one, in a per-author table', async () => {
    const page = await signInAs(CHRIS);
    const stats = page.locator('rapport-inbox-stats');
    await stats.getByText('Per author').click();
    const table = stats.locator('[part=per-author] table');
    const rows = async () => (await table.locator('tbody tr').all()).map((row) => row.locator('th, td').allTextContents());
    const cells = await Promise.all(await rows());
    // Author, received, answered, reply rate, median to first reply, first replies; by name, then the posts of nobody.
    expect(cells).toEqual([
      ['Chris Allison', '1', '0', '0 %', '—', '0'],
      ['Sonia Ortega', '2', '1', '50 %', '0 min', '1'],
      ['No author', '1', '0', '0 %', '—', '0'],
    ]);
    expect(await table.locator('thead th').allTextContents()).toEqual(['Author', 'Received', 'Answered', 'Reply rate, 8 weeks', 'Median time to first reply', 'First replies']);
    // The table covers the whole site, whichever posts the rest shows.
    await page.getByRole('radio', { name: 'All posts' }).check();
    await expect.poll(() => waitingNow(page)).toBe('3');
    expect(await Promise.all(await rows())).toEqual(cells);
    await expectAccessible(page, 'per-author table');
    await page.screenshot({ path: '/tmp/inbox-authors.png', fullPage: true });
    await page.context().close();
  });

  it('makes the unassigned post his in one click, and gives a post to another author or to nobody', async () => {
    const page = await signInAs(CHRIS);
    const errors = collectErrors(page);
    await page.getByRole('radio', { name: 'All posts' }).check();
    await expect.poll(() => names(page)).toEqual(['Bea', 'Carl', 'Dee']);
    const dee = itemOn(page, 'Dee');
    // Not on his own post, nor in one click on a colleague's.
    for (const other of ['Carl', 'Bea']) expect(await itemOn(page, other).getByRole('button', { name: 'This post is mine' }).count()).toBe(0);
    await dee.getByRole('button', { name: 'This post is mine' }).click();
    await expect.poll(() => announced(page)).toBe('Page saved.');
    expect(await pageAuthor(PAGES.nobody)).toBe(ids.chris.toHexString());
    await expect.poll(() => postAuthor(dee).textContent()).toBe('Your post');
    expect(await dee.getByRole('button', { name: 'This post is mine' }).count()).toBe(0);
    expect((await focused(page)).text).toBe('Edit page');

    // The form: the site's authors, him marked, and nobody.
    await dee.getByRole('button', { name: 'Edit page' }).click();
    const author = dee.getByLabel('Author');
    expect(await author.locator('option').allTextContents()).toEqual(['Sonia Ortega', 'Chris Allison (you)', 'No author']);
    expect(await author.inputValue()).toBe(CHRIS);
    await expectAccessible(page, 'page editor with its author');
    await author.selectOption({ label: 'No author' });
    await dee.getByRole('button', { name: 'Save page' }).click();
    await expect.poll(() => pageAuthor(PAGES.nobody)).toBeNull();
    await expect.poll(() => postAuthor(dee).count()).toBe(0);

    // In "My posts", a post given to Sonia leaves his queue.
    await page.getByRole('radio', { name: 'My posts' }).check();
    await expect.poll(() => names(page)).toEqual(['Carl', 'Dee']);
    const carl = itemOn(page, 'Carl');
    await carl.getByRole('button', { name: 'Edit page' }).click();
    await carl.getByLabel('Author').selectOption({ label: 'Sonia Ortega' });
    await carl.getByRole('button', { name: 'Save page' }).click();
    await expect.poll(() => names(page)).toEqual(['Dee']);
    expect(await pageAuthor(PAGES.chris)).toBe(ids.sonia.toHexString());
    await ctx.services.pages.correct(SITE, PAGES.chris, { author: CHRIS }, [inbox.server.url]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets him choose to hear about every post of the site', async () => {
    const page = await signInAs(CHRIS);
    const errors = collectErrors(page);
    const mailScope = async () => (await page.evaluate(async () => (await (await fetch('/api/author/mail?site=two-authors')).json()) as { choice: { scope: string } })).choice.scope;
    expect(await mailScope()).toBe('mine');
    const settings = page.locator('rapport-inbox-settings');
    await settings.locator('summary').click();
    const choice = settings.getByLabel('Mail me about comments on');
    expect(await choice.locator('option').allTextContents()).toEqual(['My posts and posts without an author', 'Every post of the site']);
    await choice.selectOption({ label: 'Every post of the site' });
    await expect.poll(() => announced(page)).toBe('Mail settings saved.');
    expect(await mailScope()).toBe('all');
    expect((await ctx.services.authors.mailChoice(ids.chris)).scope).toBe('all');
    expect((await ctx.services.authors.mailChoice(ids.sonia)).scope).toBe('mine');
    await page.reload();
    await page.locator('rapport-inbox-settings summary').click();
    await expect.poll(() => settings.getByLabel('Mail me about comments on').inputValue()).toBe('all');
    await expectAccessible(page, 'mail settings with a scope');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('speaks German and Spanish about whose post it is', async () => {
    for (const [locale, legend, by] of [['de-DE', 'Kommentare zu', 'Beitrag von Sonia Ortega'], ['es-ES', 'Comentarios en', 'Entrada de Sonia Ortega']]) {
      const page = await signInAs(CHRIS, locale);
      const group = page.locator('rapport-inbox-scope fieldset');
      expect(await group.locator('legend').textContent()).toBe(legend);
      await group.locator('input[value=all]').check();
      await expect.poll(async () => (await names(page)).length).toBe(3);
      expect(await postAuthor(itemOn(page, 'Bea')).textContent()).toBe(by);
      await page.context().close();
    }
  });
});

describe('the inbox of a blog with one author', () => {
  it('offers nothing about whose post it is: no switch, no reassigning, no per-author table, no mail scope', async () => {
    const page = await signedInInbox(chromium.browser, inbox);
    const errors = collectErrors(page);
    expect(await page.locator('rapport-inbox-scope').count()).toBe(0);
    const first = page.locator('rapport-inbox-item').first();
    expect(await first.getByRole('button', { name: 'This post is mine' }).count()).toBe(0);
    await first.getByRole('button', { name: 'Edit page' }).click();
    expect(await first.getByLabel('Author').count()).toBe(0);
    expect(await page.locator('rapport-inbox-stats [part=per-author]').count()).toBe(0);
    await page.locator('rapport-inbox-settings summary').click();
    expect(await shadowText(page.locator('rapport-inbox-settings'))).not.toContain('Mail me about comments on');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
