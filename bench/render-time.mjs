// npm run bench:render — how long a reader waits for a 100-comment thread: from the moment
// embed.js starts to download to the moment all 100 comments are in the page, in headless
// Chromium on 127.0.0.1. Cold = a fresh browser profile each time (embed.js downloaded);
// warm = a reload (embed.js from the HTTP cache). RENDER_RUNS (default 20) sets the count.
import { spawn } from 'node:child_process';
import http from 'node:http';
import readline from 'node:readline';
import { chromium } from 'playwright-core';

const RUNS = Number(process.env.RENDER_RUNS ?? 20);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// The blog, on an origin of its own; the thread is the first thing on the page, so it loads at once.
let page = '';
const blog = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page));
await new Promise((resolve) => blog.listen(0, '127.0.0.1', resolve));
const blogOrigin = `http://127.0.0.1:${blog.address().port}`;

const server = spawn(process.execPath, [new URL('./bench-server.mjs', import.meta.url).pathname], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, BENCH_BLOG_ORIGIN: blogOrigin },
});
const ready = JSON.parse(await new Promise((resolve) => readline.createInterface({ input: server.stdout }).once('line', resolve)));
page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title><link rel="icon" href="data:,"></head>
<body><script src="http://127.0.0.1:${ready.ours}/embed.js" data-site="bench" data-page="/post-100/"></script></body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });

/** Milliseconds from embed.js's request start to 100 rendered comments. */
async function renderTime(tab) {
  return tab.evaluate(() => new Promise((resolve, reject) => {
    const giveUp = Date.now() + 30_000;
    const check = () => {
      const shown = document.querySelector('rapport-thread')?.shadowRoot?.querySelectorAll('article').length ?? 0;
      if (shown >= 100) {
        const script = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/embed.js'));
        return void resolve(performance.now() - script.startTime);
      }
      if (Date.now() > giveUp) return void reject(new Error(`only ${shown} comments rendered after 30 s`));
      setTimeout(check, 1);
    };
    check();
  }));
}

const cold = [];
const warm = [];
for (let i = 0; i < RUNS + 1; i++) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${blogOrigin}/post-100/`);
  const coldMs = await renderTime(tab);
  await tab.reload();
  const warmMs = await renderTime(tab);
  // The first run warms the server's caches and Chromium itself; it is not counted.
  if (i > 0) {
    cold.push(coldMs);
    warm.push(warmMs);
  }
  await context.close();
}

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const row = (name, values) => `| ${name} | ${quantile(values, 0.5).toFixed(0)} | ${quantile(values, 0.9).toFixed(0)} | ${Math.max(...values).toFixed(0)} |`;
console.log(`\n${RUNS} runs, 100-comment thread, headless Chromium, 127.0.0.1\n`);
console.log('| load | median ms | p90 ms | max ms |');
console.log('|---|---:|---:|---:|');
console.log(row('cold (embed.js downloaded)', cold));
console.log(row('warm (embed.js cached)', warm));

await browser.close();
blog.close();
server.kill('SIGTERM');
