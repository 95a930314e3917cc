import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE_ID } from '../../api/demo/demo-site.js';
import { readerComment } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';
import { collectErrors, expectAccessible, focused, shadowText, signedInInbox, useBrowser, useInboxServer } from '../support/browser.js';

const ctx = useTestContext();
const chromium = useBrowser();
const inbox = useInboxServer(ctx);
const AUTHOR = 'sonia@demo.rapport.invalid';

/** A page with the author signed in (the session cookie set), on `path`. */
const signedIn = (path: string) => signedInInbox(chromium.browser, inbox, path);

const announced = (page: Page) => page.locator('rapport-inbox [role=status][aria-live]').textContent();
const authorId = async () => (await ctx.models.Author.findOne({ email: AUTHOR }).lean())!._id;

describe('the inbox, from a mail and for mail', () => {
  it('opens the comment a mail links to, waiting or not', async () => {
    const comments = await ctx.models.Comment.find({ siteId: DEMO_SITE_ID, isAuthor: false }).lean();
    const waiting = comments.find((c) => c.awaitingReply && c.name === 'Ahmed')!;
    const unique = (name: string) => comments.filter((c) => c.name === name).length === 1;
    const answered = comments.find((c) => !c.awaitingReply && c.status === 'published' && unique(c.name))!;
    const page = await signedIn(`/inbox?site=${DEMO_SITE_ID}#comment-${waiting._id.toHexString()}`);
    await expect.poll(async () => (await focused(page)).text).toMatch(/^Ahmed/);

    // Another mail's link, opened in a new tab of the same browser.
    const second = await page.context().newPage();
    await second.goto(`${inbox.server.url}/inbox?site=${DEMO_SITE_ID}#comment-${answered._id.toHexString()}`);
    await expect.poll(async () => (await focused(second)).text.startsWith(answered.name)).toBe(true);
    expect(await second.locator('rapport-inbox-views button[aria-current=true]').textContent()).toBe('All');
    await page.context().close();
  });

  it('speaks the author’s language: German in a German browser', async () => {
    const page = await (await chromium.browser.newContext({ locale: 'de-DE' })).newPage();
    await page.goto(`${inbox.server.url}/inbox`);
    await expect.poll(() => page.locator('rapport-sign-in h1').textContent()).toBe('Anmelden und deinen Lesern antworten');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.locator('rapport-sign-in').getByLabel('E-Mail').fill(AUTHOR);
    await page.locator('rapport-sign-in').getByLabel('Passwort').fill(inbox.password);
    await page.locator('rapport-sign-in').getByRole('button', { name: 'Anmelden' }).click();
    const first = page.locator('rapport-inbox-item').first();
    await first.waitFor();
    expect(await page.locator('rapport-inbox-views button[aria-current=true]').textContent()).toMatch(/^Warten auf Antwort \d+$/);
    expect(await first.locator('.chip').first().textContent()).toBe('Frage');
    expect(await shadowText(first)).toMatch(/wartet seit (gestern|\d+ (Stunden|Tagen))/);
    await expectAccessible(page, 'inbox in German');
    await page.context().close();
  });

  it('lets the author choose a daily digest at an hour and time zone, and shows what mail went out', async () => {
    const page = await signedIn('/inbox');
    const errors = collectErrors(page);
    const settings = page.locator('rapport-inbox-settings');
    await settings.locator('summary').click();
    await expect.poll(() => settings.locator('.hint').first().textContent()).toMatch(/^\d+ sent, \d+ waiting, 0 failed$/);
    expect(await settings.locator('li').first().textContent()).toContain('New comment');

    await settings.getByLabel('Mail me about new comments').selectOption('digest');
    await expect.poll(() => announced(page)).toBe('Mail settings saved.');
    await settings.getByLabel('Digest hour').selectOption('7');
    await expect.poll(async () => (await ctx.services.authors.mailChoice(await authorId())).digestHour).toBe(7);
    await settings.getByLabel('Time zone').selectOption('Europe/Berlin');
    await expect.poll(async () => ctx.services.authors.mailChoice(await authorId())).toEqual({ notify: 'digest', scope: 'mine', digestHour: 7, timeZone: 'Europe/Berlin' });
    await expectAccessible(page, 'mail and data settings open');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('erases one reader’s data on this site, after asking, and offers the site’s data as a download', async () => {
    const zed = await readerComment(ctx, { siteId: DEMO_SITE_ID }, { pageKey: '/demo', name: 'Zed', email: 'zed@example.net', body: 'Please forget me later.' });
    const page = await signedIn('/inbox');
    const settings = page.locator('rapport-inbox-settings');
    await settings.locator('summary').click();
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await settings.getByLabel('Reader’s email').fill('zed@example.net');
    await settings.getByRole('button', { name: 'Erase' }).click();
    await expect.poll(() => announced(page)).toBe('Erased: 1 comments.');
    expect(asked).toBe('Erase everything zed@example.net wrote on this site? This cannot be undone.');
    expect(await ctx.models.Comment.findById(zed.id).lean()).toMatchObject({ status: 'deleted', name: 'Erased', email: null, body: '' });

    const href = await settings.getByRole('link', { name: 'Download all of this site’s data (JSON)' }).getAttribute('href');
    const exported = await page.evaluate(async (url) => (await fetch(url)).json(), href!);
    expect(exported.site._id).toBe(DEMO_SITE_ID);
    expect(JSON.stringify(exported)).not.toContain('zed@example.net');
    await page.context().close();
  });
});
