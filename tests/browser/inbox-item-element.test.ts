import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { collectErrors, expectAccessible, focused, listen, useBrowser } from '../support/browser.js';

// <rapport-inbox-item> on its own: an item given as a property, every button and key answered by
// the event it fires (`window.events`), with no inbox, session or server data behind it. The page
// is served on the API's origin (as the inbox is), where inbox.js may load.
const ctx = useTestContext();
const chromium = useBrowser();
let api: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  api = await listen(ctx.app);
});
afterAll(() => api.close());

const SONIA = { name: 'Sonia Ortega', email: 'sonia@example.com' };
const CHRIS = { name: 'Chris Allison', email: 'chris@example.com' };

/** An item as GET /api/inbox gives it; `fields` change the comment. */
function item(fields: Record<string, unknown> = {}) {
  return {
    comment: {
      id: 'c1', parentId: null, author: { name: 'Bea', website: null, isAuthor: false }, html: '<p>Which soil do you use?</p>', body: 'Which soil do you use?',
      createdAt: '2026-12-01T10:00:00.000Z', editedAt: null, awaitingReply: true, type: 'comment', status: 'published', noReplyNeeded: false, snoozedUntil: null, ...fields,
    },
    page: { key: '/garden/', title: 'My garden', url: '', author: SONIA },
    parent: null,
    reader: { name: 'Bea', commentCount: 1, firstCommentAt: '2026-12-01T10:00:00.000Z', answeredCount: 0 },
    waitingSince: '2026-12-01T10:00:00.000Z',
    reasons: ['question', 'first-time'],
  };
}

/** One item element in a fixture page; each of its events is written to `window.events`. */
async function mount(page: Page, properties: Record<string, unknown>) {
  await page.route(`${api.url}/fixture`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Item</title><link rel="icon" href="data:,"><script src="/inbox.js"></script></head><body><main><h1>One inbox item</h1></main></body></html>` }),
  );
  await page.goto(`${api.url}/fixture`);
  await page.waitForFunction(() => customElements.get('rapport-inbox-item') !== undefined);
  await page.evaluate((props) => {
    const events: unknown[] = [];
    (window as unknown as { events: unknown[] }).events = events;
    const element = document.createElement('rapport-inbox-item') as HTMLElement & Record<string, unknown>;
    Object.assign(element, props);
    for (const name of ['rapport-item-action-chosen', 'rapport-item-reply-opened', 'rapport-item-reply-closed', 'rapport-item-reply-sent', 'rapport-item-edit-saved', 'rapport-item-selection-changed', 'rapport-item-snooze-chosen', 'rapport-page-changed']) {
      element.addEventListener(name, (e) => events.push([name, (e as CustomEvent).detail]));
    }
    document.querySelector('main')!.append(element);
  }, properties);
  await page.locator('rapport-inbox-item article').waitFor();
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { events: unknown[] }).events);
const set = (page: Page, props: Record<string, unknown>) =>
  page.locator('rapport-inbox-item').evaluate((el, p) => Object.assign(el, p) && (el as unknown as { updateComplete: Promise<unknown> }).updateComplete, props);

describe('<rapport-inbox-item>', () => {
  it('shows why the comment matters and whose post it is on, and says what the author chose', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await mount(page, { item: item(), authors: [SONIA, CHRIS], me: CHRIS.email, scope: 'all' });
    const element = page.locator('rapport-inbox-item');
    expect(await element.locator('#why li').allTextContents()).toEqual(['Question', 'First comment']);
    expect(await element.locator('[part=post-author]').textContent()).toBe('Post by Sonia Ortega');
    await expectAccessible(page, 'item');

    await element.getByRole('checkbox').check();
    await element.getByRole('button', { name: 'No reply needed' }).click();
    await element.getByRole('button', { name: 'Spam' }).click();
    await element.getByRole('button', { name: 'Reply', exact: true }).click();
    expect(await events(page)).toEqual([
      ['rapport-item-selection-changed', { id: 'c1', selected: true }],
      ['rapport-item-action-chosen', { id: 'c1', action: 'noReplyNeeded' }],
      ['rapport-item-action-chosen', { id: 'c1', action: 'spam' }],
      ['rapport-item-reply-opened', { id: 'c1' }],
    ]);
    // In the author's own scope, whose post it is goes without saying.
    await set(page, { scope: 'mine' });
    expect(await element.locator('[part=post-author]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends a reply with Ctrl+Enter, closes with Escape, and offers the three snooze times from the keyboard', async () => {
    const page = await chromium.browser.newPage();
    await mount(page, { item: item(), replying: true });
    const element = page.locator('rapport-inbox-item');
    await element.locator('textarea').fill('Compost and patience.');
    await expectAccessible(page, 'replying');
    await element.locator('textarea').press('Control+Enter');
    await element.locator('textarea').press('Escape');
    expect(await events(page)).toEqual([
      ['rapport-item-reply-sent', { id: 'c1', body: 'Compost and patience.' }],
      ['rapport-item-reply-closed', { id: 'c1' }],
    ]);

    await set(page, { replying: false });
    await element.getByRole('button', { name: 'Snooze' }).click();
    expect((await focused(page)).text).toBe('Later today');
    await expectAccessible(page, 'snoozing');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await events(page)).at(-1)).toEqual(['rapport-item-snooze-chosen', { id: 'c1', until: 'tomorrow' }]);
    await page.close();
  });

  it('offers what fits the comment: approve for a held one, edit for the author’s own, no reply for spam', async () => {
    const page = await chromium.browser.newPage();
    await mount(page, { item: item({ status: 'pending' }) });
    const element = page.locator('rapport-inbox-item');
    const buttons = () => element.locator('.actions button').allTextContents();
    expect(await buttons()).toEqual(['Reply', 'No reply needed', 'Snooze', 'Approve', 'Spam', 'Delete']);
    await set(page, { item: item({ status: 'spam', awaitingReply: false }) });
    expect(await buttons()).toEqual(['Approve', 'Delete']);
    await set(page, { item: item({ author: { name: 'Sonia Ortega', website: null, isAuthor: true }, awaitingReply: false }) });
    expect(await buttons()).toEqual(['Edit', 'Spam', 'Delete']);
    await element.getByRole('button', { name: 'Edit', exact: true }).click();
    expect((await events(page)).at(-1)).toEqual(['rapport-item-reply-opened', { id: 'c1', edit: true }]);
    await page.close();
  });
});
