// npm run bench — GET /api/comments against a naive handler on the same data, and POST
// /api/comments, with autocannon on 127.0.0.1. Prints a Markdown table.
// BENCH_SECONDS (default 20) sets each measurement's length; a 5 s warm-up precedes each.
import { spawn } from 'node:child_process';
import os from 'node:os';
import readline from 'node:readline';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;

const server = spawn(process.execPath, [new URL('./bench-server.mjs', import.meta.url).pathname], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const ready = JSON.parse(await new Promise((resolve) => readline.createInterface({ input: server.stdout }).once('line', resolve)));

const rows = [];
for (const size of [10, 100, 1000]) {
  const path = `/api/comments?site=bench&page=${encodeURIComponent(`/post-${size}/`)}`;
  rows.push(['naive `find().sort().lean()`', `GET, ${size}-comment page`, await measure(ready.naive, { path })]);
  rows.push(['Rapport `GET /api/comments`', `GET, ${size}-comment page`, await measure(ready.ours, { path })]);
}
let sequence = 0;
rows.push(['Rapport `POST /api/comments`', 'new top-level comments', await measure(ready.ours, {
  path: '/api/comments',
  requests: [{
    method: 'POST',
    setupRequest: (request) => ({
      ...request,
      headers: { 'content-type': 'application/json', origin: ready.origin },
      body: JSON.stringify({
        site: 'bench', page: `/post-new-${sequence % 50}/`, name: 'Bench reader', clientId: `bench-${sequence++}`,
        body: 'Thanks for the post! Does the same approach work for *smaller* blogs too?',
      }),
    }),
  }],
})]);

console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each after a 5 s warm-up; ${os.cpus().length} cores, Node ${process.version}\n`);
console.log('| handler | request | req/s | p50 ms | p99 ms | non-2xx or errors |');
console.log('|---|---|---:|---:|---:|---:|');
for (const [handler, request, r] of rows) {
  console.log(`| ${handler} | ${request} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.non2xx} |`);
}
const rate = (prefix) => rows.find((r) => r[0].startsWith(prefix) && r[1].includes(' 100-'))[2].requests.average;
console.log(`\nRapport ÷ naive on the 100-comment page: ${(rate('Rapport') / rate('naive')).toFixed(1)}×`);
server.kill('SIGTERM');

async function measure(port, options) {
  const url = `http://127.0.0.1:${port}${options.path}`;
  await autocannon({ ...options, url, connections: CONNECTIONS, duration: 5 });
  return autocannon({ ...options, url, connections: CONNECTIONS, duration: SECONDS });
}
