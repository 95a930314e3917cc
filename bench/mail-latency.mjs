// npm run bench:mail — does a slow mail server slow down commenting? Posts comments (each one
// queues a mail to the author) against a real server three times: mail written to files (no
// SMTP_URL), an SMTP server that answers, and an SMTP server that accepts connections and never
// speaks (each attempt waits MAIL_TIMEOUT_MS). Prints POST /api/comments latency for each.
// Loopback only; MAIL_BENCH_POSTS (default 300) posts, one at a time, per run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { SMTPServer } from 'smtp-server';

const POSTS = Number(process.env.MAIL_BENCH_POSTS ?? 300);
const ROOT = new URL('..', import.meta.url).pathname;
const UNLIMITED = { LIMIT_COMMENTS_PER_MINUTE: '1000000000', LIMIT_COMMENTS_PER_HOUR: '1000000000', LIMIT_SITE_COMMENTS_PER_10_MINUTES: '1000000000' };

const listening = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server ?? server).address().port)));

async function startServer(env) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-mailbench-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/api/main.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'info', ...UNLIMITED, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes('"port"')) resolve(JSON.parse(line).port);
    });
    readline.createInterface({ input: child.stderr }).on('line', () => {});
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const stop = async () => {
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url: `http://127.0.0.1:${port}`, stop };
}

async function postLatencies(url) {
  const latencies = [];
  for (let i = 0; i < POSTS + 20; i++) {
    const started = performance.now();
    const res = await fetch(`${url}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ site: 'demo', page: '/bench/', name: 'Bench', body: `Comment ${i} ${Math.random()}` }),
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`POST answered ${res.status}`);
    if (i >= 20) latencies.push(performance.now() - started); // the first 20 warm up
  }
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

const answering = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, onData: (stream, _s, done) => stream.on('end', done).resume() });
const silentSockets = new Set();
const silent = net.createServer((socket) => silentSockets.add(socket));
const answeringPort = await listening(answering);
const silentPort = await listening(silent);

const runs = [
  ['mail to .eml files (no SMTP_URL)', {}],
  ['SMTP server answering', { SMTP_URL: `smtp://127.0.0.1:${answeringPort}` }],
  ['SMTP server silent (accepts, never answers; 30 s timeout)', { SMTP_URL: `smtp://127.0.0.1:${silentPort}`, MAIL_TIMEOUT_MS: '30000' }],
];
console.log(`POST /api/comments, ${POSTS} posts one at a time, each queuing a mail to the author\n`);
console.log('| mail | p50 ms | p90 ms | p99 ms |\n|---|---:|---:|---:|');
for (const [name, env] of runs) {
  const server = await startServer(env);
  const result = await postLatencies(server.url);
  console.log(`| ${name} | ${result.p50} | ${result.p90} | ${result.p99} |`);
  await server.stop();
}
for (const socket of silentSockets) socket.destroy();
silent.close();
answering.close();
