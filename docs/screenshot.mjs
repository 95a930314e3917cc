// node docs/screenshot.mjs [EXPORT] — the README's pictures: the demo blog post's comments, light
// and dark, and the demo author's inbox, from a real server on a fresh data directory, in headless
// Chromium. Given WordPress's theme unit test export (../shared/import-fixtures/
// wpimporter-theme-unit-test-data.xml), also its import from the inbox and two of its threads.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const port = await new Promise((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const url = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-shot-'));
const server = spawn(process.execPath, [new URL('../dist/api/main.js', import.meta.url).pathname], {
  env: { ...process.env, PORT: String(port), PUBLIC_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'ignore'],
});
// The first start prints the demo author's generated password once.
let printed = '';
server.stdout.on('data', (chunk) => (printed += chunk));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 820, height: 1000 }, colorScheme: scheme, deviceScaleFactor: 1 });
    for (let attempt = 0; ; attempt++) {
      try {
        await page.goto(`${url}/demo`);
        break;
      } catch (error) {
        if (attempt > 60) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    await page.locator('rapport-thread').scrollIntoViewIfNeeded();
    await page.locator('rapport-thread article').first().waitFor();
    const box = await page.locator('#comments').boundingBox();
    const margin = 24;
    await page.screenshot({
      path: new URL(`./screenshot-${scheme}.png`, import.meta.url).pathname,
      fullPage: true,
      clip: { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
    });
    await page.close();
  }
  const password = /Author password: (\S+)/.exec(printed)[1];
  const inbox = await browser.newPage({ viewport: { width: 960, height: 900 }, colorScheme: 'light' });
  await inbox.goto(`${url}/inbox`);
  await inbox.locator('rapport-sign-in input[name=email]').fill('sonia@demo.rapport.invalid');
  await inbox.locator('rapport-sign-in input[name=password]').fill(password);
  await inbox.keyboard.press('Enter');
  await inbox.locator('rapport-inbox-item').first().waitFor();
  await inbox.keyboard.press('r');
  await inbox.keyboard.type('Not a tool — a habit: the inbox shows me who is waiting, questions first.');
  await inbox.screenshot({ path: new URL('./screenshot-inbox.png', import.meta.url).pathname, fullPage: true });
  await inbox.keyboard.press('Escape');
  const settings = inbox.locator('rapport-inbox-settings');
  await settings.locator('summary').click();
  await settings.getByLabel('Mail me about new comments').selectOption('digest');
  await settings.getByLabel('Digest hour').waitFor();
  await settings.screenshot({ path: new URL('./screenshot-inbox-mail.png', import.meta.url).pathname });
  if (process.argv[2]) await importPictures(inbox, process.argv[2]);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** The export uploaded in the inbox (its summary), then two imported threads as a blog shows them. */
async function importPictures(inbox, file) {
  const form = inbox.locator('rapport-inbox-import');
  await form.getByLabel('Export file').setInputFiles(file);
  // The theme unit test's comments are from 2008–2013: a cut-off that far back keeps them waiting where unanswered.
  await form.getByLabel('Unanswered comments wait for your reply from').fill('2008-01-01');
  await form.getByRole('button', { name: 'Import' }).click();
  await form.locator('.summary').waitFor();
  await form.screenshot({ path: new URL('./screenshot-inbox-import.png', import.meta.url).pathname });
  const posts = { 'import-thread': '/2012/01/03/template-comments/', 'import-mentions': '/2012/01/01/template-pingbacks-an-trackbacks/' };
  for (const [name, key] of Object.entries(posts)) {
    const blog = await browser.newPage({ viewport: { width: 820, height: 1000 }, colorScheme: 'light', deviceScaleFactor: 1 });
    // A blog post on the server's own origin (one the demo site allows), showing the imported page.
    await blog.route(`${url}/imported-post`, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Imported</title><link rel="icon" href="data:,"></head>
        <body style="font:16px/1.5 system-ui;max-width:44rem;margin:2rem auto;padding:0 1rem"><h1>${key}</h1>
        <section id="comments"><script src="${url}/embed.js" data-site="demo" data-page="${key}"></script></section></body></html>`,
    }));
    await blog.goto(`${url}/imported-post`);
    await blog.locator('rapport-thread article').first().waitFor();
    await blog.screenshot({ path: new URL(`./screenshot-${name}.png`, import.meta.url).pathname });
    await blog.close();
  }
}
