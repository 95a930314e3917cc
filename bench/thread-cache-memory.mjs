// The thread cache under a cache-busting attack: a 5 MB thread read 2,000 times with keys made
// up to miss (invented cursors, odd slice sizes, unknown pages), as HEAD and GET. Prints the
// server process's resident memory before and after, and what the cache keeps.
//   npm run bench:cache-memory   (BENCH_REQUESTS=2000, BENCH_CONCURRENCY=4)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

const server = spawn(process.execPath, ['--expose-gc', new URL('./bench-server.mjs', import.meta.url).pathname], {
  env: { ...process.env, BENCH_SIZES: '', BENCH_HEAVY_THREAD: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { ours } = JSON.parse(await new Promise((resolve) => readline.createInterface({ input: server.stdout }).once('line', resolve)));
const base = `http://127.0.0.1:${ours}/api/comments?site=bench`;
const rssMiB = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024;

const first = await fetch(`${base}&page=/heavy/`);
const bytes = (await first.arrayBuffer()).byteLength;
for (let i = 0; i < 20; i++) await (await fetch(`${base}&page=/heavy/`)).arrayBuffer();
const before = rssMiB();

// Every third request each: a cursor no slice gave (a time before the first comment: the whole
// thread), a slice size the widget never asks for, and a page nobody wrote on.
const urlFor = (i) => {
  if (i % 3 === 0) return `${base}&page=/heavy/&cursor=${Buffer.from(`${1000 + i}.${i.toString(16).padStart(24, '0')}`).toString('base64url')}`;
  if (i % 3 === 1) return `${base}&page=/heavy/&limit=${101 + (i % 399)}`;
  return `${base}&page=/nobody-${i}/`;
};
let next = 0;
let refused = 0;
const started = performance.now();
let peak = before;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < REQUESTS) {
      const i = next++;
      const res = await fetch(urlFor(i), { method: i % 2 === 0 ? 'HEAD' : 'GET' });
      if (res.status !== 200) refused += 1;
      await res.arrayBuffer();
      if (i % 50 === 0) peak = Math.max(peak, rssMiB());
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
await new Promise((resolve) => setTimeout(resolve, 2000));
const after = rssMiB();
console.log(
  JSON.stringify({
    threadBytes: bytes,
    requests: REQUESTS,
    refused,
    seconds: Math.round(seconds * 10) / 10,
    rssBeforeMiB: Math.round(before),
    rssPeakMiB: Math.round(peak),
    rssAfterMiB: Math.round(after),
  }),
);
server.kill('SIGTERM');
