import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type express from 'express';
import { afterAll, beforeAll, expect } from 'vitest';
import { ensureDemoSite } from '../../api/demo/demo-site.js';
import { appFor, type TestContext } from './test-context.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** One headless Chromium per test file (Debian's, see README "Tests"). */
export function useBrowser(): { browser: Browser } {
  const holder = {} as { browser: Browser };
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    holder.browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  afterAll(async () => {
    await holder.browser?.close();
  });
  return holder;
}

/** Console errors and uncaught exceptions of a page, which every browser test expects to stay empty. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core over the whole page, shadow roots included, and fails with its findings. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  // Evaluated through the DevTools protocol, so it runs even on pages whose CSP forbids eval.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  expect(violations, `axe violations (${state})`).toEqual([]);
}

/** A server on a free 127.0.0.1 port. */
export async function listen(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A blog on its own origin: serves the given pages with the given headers (a CSP, say). */
export async function startBlog(pages: Record<string, string>, headers: Record<string, string> = {}) {
  return listen((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://blog').pathname];
    if (page === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers }).end(page);
  });
}

/** A blog post page embedding the widget as the README tells bloggers to. */
export function blogPost(options: { api: string; site: string; lang?: string; body?: string; embed?: string }): string {
  const embed = options.embed ?? `<script src="${options.api}/embed.js" data-site="${options.site}" async></script>`;
  return `<!doctype html><html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8"><title>A post</title>
<link rel="icon" href="data:,"></head><body><main><h1>A post</h1>${options.body ?? '<p>Text.</p>'}
<section id="comments">${embed}</section></main></body></html>`;
}

/** The element that has focus, looking through shadow roots: what a keyboard user is on. */
export function focused(page: Page): Promise<{ tag: string; name: string; label: string; text: string }> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      name: element?.getAttribute('name') ?? '',
      label: element?.getAttribute('aria-label') ?? '',
      text: element?.textContent?.trim() ?? '',
    };
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `limit` presses. */
export async function tabTo(page: Page, matches: (el: Awaited<ReturnType<typeof focused>>) => boolean, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`Tab never reached the element; last focused: ${JSON.stringify(await focused(page))}`);
}

/** Moves a test context's fixed clock to the real time, so the browser and the server agree on edit windows. */
export function clockToNow(clock: { now(): Date; advance(ms: number): void }): void {
  clock.advance(Date.now() - clock.now().getTime());
}

/** The text an element shows from its shadow root (a host's own textContent leaves it out). */
export function shadowText(element: Locator): Promise<string> {
  return element.evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

/**
 * The app on a real port with the demo site, as the inbox tests need it: the inbox checks that
 * author actions come from PUBLIC_URL's origin, so the app must know its own address. Answers
 * the server (filled in before the tests run) and the demo author's password.
 */
export function useInboxServer(ctx: TestContext): { server: { url: string; close(): Promise<void> }; password: string } {
  const state = {} as { server: { url: string; close(): Promise<void> }; password: string };
  beforeAll(async () => {
    clockToNow(ctx.clock);
    const holder: { app?: express.Express } = {};
    state.server = await listen((req, res) => holder.app!(req, res));
    holder.app = appFor(ctx, state.server.url);
    state.password = (await ensureDemoSite(ctx.services, state.server.url, ctx.clock.now()))!.authorPassword;
  });
  afterAll(() => state.server.close());
  return state;
}

/**
 * The demo author signed in to the inbox in a context of its own (so a second tab shares the
 * session cookie), then on `path`, once its queue shows.
 */
export async function signedInInbox(browser: Browser, inbox: { server: { url: string }; password: string }, path = '/inbox'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${inbox.server.url}/inbox`);
  await page.locator('rapport-sign-in input[name=email]').fill('sonia@demo.rapport.invalid');
  await page.locator('rapport-sign-in input[name=password]').fill(inbox.password);
  await page.locator('rapport-sign-in button').click();
  await page.locator('rapport-inbox-item').first().waitFor();
  if (path !== '/inbox') await page.goto(`${inbox.server.url}${path}`);
  await page.locator('rapport-inbox-item').first().waitFor();
  return page;
}

/**
 * For element fixtures: the app on a real port, and a blog page (at `/` of `blog.url`) that loads
 * embed.js without data-site, which only defines the elements; each test makes its own.
 */
export function useElementPage(ctx: TestContext, heading: string): { api: { url: string }; blog: { url: string } } {
  const servers = { api: { url: '' }, blog: { url: '' } };
  let closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const api = await listen(ctx.app);
    const blog = await startBlog({ '/': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Element</title><link rel="icon" href="data:,"></head><body><main id="here"><h1>${heading}</h1></main><script src="${api.url}/embed.js"></script></body></html>` });
    // Filled in place: callers hold these objects from before the servers started.
    servers.api.url = api.url;
    servers.blog.url = blog.url;
    closers = [() => blog.close(), () => api.close()];
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });
  return servers;
}

/** A reader, Ann, opens a blog page and sends a comment through the thread's own form, as a person would. */
export async function commentAsReader(page: Page, url: string, body: string): Promise<void> {
  await page.goto(url);
  await page.locator('rapport-thread textarea').waitFor();
  await page.locator('rapport-thread input[name=name]').fill('Ann Reader');
  await page.locator('rapport-thread textarea').fill(body);
  await page.locator('rapport-thread button[type=submit]').click();
}
