import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE_ID } from '../../api/demo/demo-site.js';
import { disqusExport } from '../import/exports.js';
import { collectErrors, expectAccessible, shadowText, signedInInbox, useBrowser, useInboxServer } from '../support/browser.js';
import { useTestContext } from '../support/test-context.js';

// The inbox's "Mail and data" panel: an export file uploaded through the page, as an author does.
const ctx = useTestContext();
const chromium = useBrowser();
const inbox = useInboxServer(ctx);

const signedIn = () => signedInInbox(chromium.browser, inbox);

const imported = () => ctx.models.Comment.countDocuments({ siteId: DEMO_SITE_ID, 'importSource.system': 'disqus' });

describe('importing an export from the inbox', () => {
  it('uploads a .xml.gz with a dry run first, then imports it with the author’s old username, and the queue shows who waits', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 19) + 'Z';
    const file = zlib.gzipSync(disqusExport([
      { id: '10', link: 'https://old-blog.example/2025/moving-in/', title: 'Moving in' },
      { id: '1', thread: '10', createdAt: yesterday, name: 'Imported Ivy', message: '<p>Will the old comments come along?</p>' },
      { id: '2', thread: '10', parent: '1', createdAt: yesterday, name: 'Sonia', username: 'sonia-disqus' },
      { id: '3', thread: '10', createdAt: yesterday, name: 'Imported Jo', message: '<p>Does the <script>alert(1)</script> stay text?</p>' },
      { id: '4', thread: '10', createdAt: '2019-05-01T10:00:00Z', name: 'Imported Old', message: '<p>An old question</p>' },
    ]));
    const page = await signedIn();
    const errors = collectErrors(page);
    const settings = page.locator('rapport-inbox-settings');
    await settings.locator('summary').click();
    const form = page.locator('rapport-inbox-import');
    await form.getByLabel('Export file').setInputFiles({ name: 'disqus-export.xml.gz', mimeType: 'application/gzip', buffer: file });
    await form.getByLabel('Dry run: count, write nothing').check();
    await form.getByRole('button', { name: 'Import' }).click();
    const status = form.locator('.status[aria-live=polite]');
    await expect.poll(() => status.locator('.summary').textContent()).toBe('Dry run, nothing written: it would import 4 comments on 1 page.');
    expect(await status.textContent()).toContain('None matched an author');
    expect(await imported()).toBe(0);

    await form.getByLabel('Dry run: count, write nothing').uncheck();
    await form.getByLabel('Your usernames or names there (comma-separated)').fill('sonia-disqus');
    await form.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => status.locator('.summary').textContent()).toBe('Imported 4 comments on 1 page.');
    const lines = await status.locator('li').allTextContents();
    expect(lines).toEqual([
      '4 published, 0 awaiting approval, 0 spam, 0 removed (kept for their replies), 0 pingbacks and trackbacks.',
      '1 by the blog’s authors.',
      '1 wait for a reply; 1 older unanswered ones marked no reply needed.',
    ]);
    expect(await imported()).toBe(4);
    // The queue is reloaded: Jo, unanswered, waits; Ivy has Sonia's old answer.
    const names = async () => Promise.all((await page.locator('rapport-inbox-item').all()).map((item) => shadowText(item)));
    await expect.poll(async () => (await names()).some((text) => text.includes('Imported Jo'))).toBe(true);
    expect((await names()).some((text) => text.includes('Imported Ivy'))).toBe(false);
    await expectAccessible(page, 'import summary');

    // The old one needs no reply now; from All, the author can ask for it back.
    await page.locator('rapport-inbox-views').getByRole('button', { name: /^All/ }).click();
    const old = page.locator('rapport-inbox-item').filter({ hasText: 'An old question' });
    await old.getByRole('button', { name: 'Needs a reply' }).click();
    const oldComment = () => ctx.models.Comment.findOne({ siteId: DEMO_SITE_ID, 'importSource.id': '4' }).lean();
    await expect.poll(async () => (await oldComment())?.awaitingReply).toBe(true);

    // The same file again adds nothing.
    await form.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => status.locator('.summary').textContent()).toBe('Imported 0 comments on 0 pages.');
    expect(await status.locator('li').last().textContent()).toBe('4 were imported before and stay as they are.');
    expect(await imported()).toBe(4);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says why a broken file was refused, with its line and column, and writes nothing', async () => {
    const page = await signedIn();
    await page.locator('rapport-inbox-settings summary').click();
    const form = page.locator('rapport-inbox-import');
    const before = await ctx.models.Comment.countDocuments({ siteId: DEMO_SITE_ID });
    const broken = disqusExport([{ id: '10', link: 'https://old-blog.example/a/' }]).replace('</thread>', '</thraed>');
    await form.getByLabel('Export file').setInputFiles({ name: 'broken.xml', mimeType: 'application/xml', buffer: Buffer.from(broken) });
    await form.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => form.locator('[role=alert]').textContent()).toMatch(/^The file could not be imported: Disqus XML is not well-formed at line \d+, column \d+: expected /);
    expect(await ctx.models.Comment.countDocuments({ siteId: DEMO_SITE_ID })).toBe(before);
    await expectAccessible(page, 'import refused');
    await page.context().close();
  });
});
