import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { collectErrors, expectAccessible, useBrowser, useElementPage } from '../support/browser.js';

// <rapport-thread> on its own, through its `client` property: a fake API client in the page
// answers, so every property, event and state is driven without a server behind it.
const ctx = useTestContext();
const chromium = useBrowser();
const { api, blog } = useElementPage(ctx, 'A post');

/** Makes a thread with a fake client in the page; `window.calls` records what it was asked. */
async function fakeThread(page: Page, options: { highlight?: 'everyone' | 'off'; locked?: boolean; comments?: number; mentions?: { name: string; website: string }[] } = {}) {
  await page.goto(`${blog.url}/`);
  await page.waitForFunction(() => customElements.get('rapport-thread') !== undefined);
  await page.evaluate((o) => {
    const comment = (i: number, parentId: string | null = null) => ({
      id: `c${i}`, parentId, author: { name: `Reader ${i}`, website: null, isAuthor: false }, html: `<p>Comment ${i}?</p>`,
      createdAt: new Date(Date.now() - (10 - i) * 3_600_000).toISOString(), editedAt: null, awaitingReply: true, type: 'comment',
    });
    const mention = ({ name, website }: { name: string; website: string }, i: number) => ({
      ...comment(20 + i), author: { name, website, isAuthor: false }, html: '<p>[…] a linking post […]</p>', awaitingReply: false, type: 'pingback',
    });
    const comments = [...Array.from({ length: o.comments ?? 2 }, (_, i) => comment(i)), ...(o.mentions ?? []).map(mention)];
    const calls: unknown[] = [];
    (window as unknown as { calls: unknown[] }).calls = calls;
    const client = {
      origin: location.origin,
      async thread(site: string, key: string) {
        calls.push(['thread', site, key]);
        return {
          site: { id: site, name: 'Blog', authors: ['Sonia'], highlight: o.highlight ?? 'everyone', moderation: 'post', locale: 'en' },
          page: { key, title: 'Element', url: '', commentCount: comments.length, awaitingReply: comments.length, locked: o.locked ?? false },
          comments, nextCursor: null, formToken: 'form-1',
        };
      },
      async post(body: { parentId?: string; name: string; body: string; formToken?: string }) {
        calls.push(['post', body.name, body.body, body.formToken]);
        const posted = { ...comment(9, body.parentId ?? null), id: 'new', author: { name: body.name, website: null, isAuthor: false }, html: `<p>${body.body}</p>`, status: 'published' };
        return { comment: posted, editToken: 'edit-token', editableUntil: new Date(Date.now() + 600_000).toISOString(), formToken: 'form-2' };
      },
      async edit(id: string, token: string, body: string) {
        calls.push(['edit', id, token, body]);
        return { comment: { ...comment(9), id, html: `<p>${body}</p>`, editedAt: new Date().toISOString() } };
      },
      async remove(id: string, token: string) {
        calls.push(['remove', id, token]);
      },
      async preview(body: string) {
        return { html: `<p>${body}</p>` };
      },
    };
    const events: string[] = [];
    (window as unknown as { events: string[] }).events = events;
    const thread = document.createElement('rapport-thread') as HTMLElement & { site: string; page: string; client: unknown };
    thread.site = 'blog';
    thread.page = '/p/';
    thread.client = client;
    for (const name of ['rapport-comment-posted', 'rapport-comment-edited', 'rapport-comment-deleted']) {
      thread.addEventListener(name, (e) => events.push(`${name}:${(e as CustomEvent<{ comment: { id: string } }>).detail.comment.id}`));
    }
    document.querySelector('#here')!.append(thread);
  }, options);
  await page.locator('rapport-thread h2').waitFor();
}

/** Writes a comment as Ann in the thread's own form and sends it. */
async function postAsAnn(page: Page, body: string) {
  const form = page.locator('rapport-thread .new-comment rapport-comment-form');
  await form.locator('input[name=name]').fill('Ann');
  await form.locator('textarea').fill(body);
  await form.locator('button[type=submit]').click();
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { calls: unknown[] }).calls);
const events = (page: Page) => page.evaluate(() => (window as unknown as { events: string[] }).events);

describe('<rapport-thread> through its client', () => {
  it('asks its client for its site and page, and shows the waiting marks the site asks for', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await fakeThread(page);
    expect(await calls(page)).toEqual([['thread', 'blog', '/p/']]);
    expect(await page.locator('rapport-thread h2').textContent()).toBe('2 comments');
    expect(await page.locator('rapport-thread .waiting-count').textContent()).toBe('2 waiting for Sonia’s reply');
    expect(await page.locator('rapport-thread article.waiting').count()).toBe(2);
    await expectAccessible(page, 'element, waiting marks');
    await page.close();

    const quiet = await chromium.browser.newPage();
    await fakeThread(quiet, { highlight: 'off' });
    expect(await quiet.locator('rapport-thread .waiting-count').count()).toBe(0);
    expect(await quiet.locator('rapport-thread article.waiting').count()).toBe(0);
    await quiet.close();
    expect(errors).toEqual([]);
  });

  it('posts through its client with the form token, counts the comment, fires rapport-comment-posted, and uses the next token', async () => {
    const page = await chromium.browser.newPage();
    await fakeThread(page);
    await postAsAnn(page, 'First words');
    await expect.poll(() => events(page)).toEqual(['rapport-comment-posted:new']);
    expect(await page.locator('rapport-thread h2').textContent()).toBe('3 comments');
    await expect.poll(() => page.locator('rapport-thread [role=status]').textContent()).toBe('Your comment was posted.');
    await postAsAnn(page, 'Second words');
    await expect.poll(async () => (await calls(page)).filter((c) => (c as string[])[0] === 'post')).toEqual([
      ['post', 'Ann', 'First words', 'form-1'],
      ['post', 'Ann', 'Second words', 'form-2'],
    ]);
    await expectAccessible(page, 'element, after posting');
    await page.close();
  });

  it('edits and deletes its reader’s own comment through its client, with events for the blog', async () => {
    const page = await chromium.browser.newPage();
    await fakeThread(page);
    await postAsAnn(page, 'Typo here');
    const mine = page.locator('rapport-thread article#comment-new');
    await mine.getByRole('button', { name: 'Edit' }).click();
    const box = mine.locator('rapport-comment-form textarea');
    expect(await box.inputValue()).toBe('Typo here');
    await box.fill('Typo fixed');
    await mine.locator('rapport-comment-form button[type=submit]').click();
    await expect.poll(() => mine.locator('.body').textContent()).toBe('Typo fixed');
    page.once('dialog', (dialog) => void dialog.accept());
    await mine.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => events(page)).toEqual(['rapport-comment-posted:new', 'rapport-comment-edited:new', 'rapport-comment-deleted:new']);
    expect(await page.locator('rapport-thread article#comment-new').count()).toBe(0);
    expect(await page.locator('rapport-thread h2').textContent()).toBe('2 comments');
    expect((await calls(page)).filter((c) => ['edit', 'remove'].includes((c as string[])[0]!))).toEqual([
      ['edit', 'new', 'edit-token', 'Typo fixed'],
      ['remove', 'new', 'edit-token'],
    ]);
    await page.close();
  });

  it('shows a pingback as one "Mentioned on" line linking to the other site, never waiting and with no reply button', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await fakeThread(page, { comments: 1, mentions: [{ name: 'Other Blog » On comments', website: 'https://other.example/on-comments/' }, { name: 'Sly', website: 'javascript:alert(1)' }] });
    const mentions = page.locator('rapport-thread article.mention');
    expect(await mentions.count()).toBe(2);
    expect((await mentions.first().textContent())?.replace(/\s+/g, ' ').trim()).toBe('Mentioned on Other Blog » On comments');
    const link = mentions.first().locator('a');
    expect(await link.getAttribute('href')).toBe('https://other.example/on-comments/');
    expect(await link.getAttribute('rel')).toBe('nofollow ugc noopener');
    // A website that is not http(s) is never a link: the name alone.
    expect(await mentions.nth(1).locator('a').count()).toBe(0);
    expect(await mentions.nth(1).locator('strong').textContent()).toBe('Sly');
    expect(await mentions.locator('.mark, button, .body').count()).toBe(0);
    expect(await page.locator('rapport-thread article.waiting').count()).toBe(1);
    await expectAccessible(page, 'element, mentions');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says comments are closed on a locked page, and offers no form', async () => {
    const page = await chromium.browser.newPage();
    await fakeThread(page, { locked: true, comments: 0 });
    expect(await page.locator('rapport-thread rapport-comment-form').count()).toBe(0);
    expect(await page.locator('rapport-thread .notice').allTextContents()).toEqual(['No comments yet. Start the conversation!', 'Comments are closed on this page.']);
    await expectAccessible(page, 'element, locked');
    await page.close();
  });
});
