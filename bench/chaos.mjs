// npm run chaos — Rapport under crashes and abuse, on 127.0.0.1 only, bounded in time. Prints
// the figures the security issue asks for:
//   1. 5,000 posts with unique clientIds, retried with the same id on errors, while the server
//      is SIGKILLed and restarted at random (10+ times): every acknowledged comment stored once;
//   2. the same with the embedded database's process killed instead;
//   3. 50 concurrent posts with one clientId: one comment;
//   4. the database unreachable (its process stopped with SIGSTOP: connections stay open and
//      nothing answers, like a network partition) for 30 s under read and write load: how soon
//      the answers become 503s, that the server stays up, how soon it answers again after;
//   5. readers at 50 connections with and without one client flooding POSTs: the flood gets
//      429s, readers' p99 moves little.
// CHAOS_POSTS (default 5000), CHAOS_KILLS (default 10), CHAOS_OUTAGE_SECONDS (default 30),
// CHAOS_READ_SECONDS (default 60).
import { execFile, spawn } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

const POSTS = Number(process.env.CHAOS_POSTS ?? 5000);
const KILLS = Number(process.env.CHAOS_KILLS ?? 10);
const OUTAGE_SECONDS = Number(process.env.CHAOS_OUTAGE_SECONDS ?? 30);
const READ_SECONDS = Number(process.env.CHAOS_READ_SECONDS ?? 60);
const ROOT = new URL('..', import.meta.url).pathname;
const run = promisify(execFile);
/** One writer is one client: the durability runs lift the comment limits. */
const UNLIMITED = { LIMIT_COMMENTS_PER_MINUTE: '1000000000', LIMIT_COMMENTS_PER_HOUR: '1000000000', LIMIT_SITE_COMMENTS_PER_10_MINUTES: '1000000000' };
/**
 * One request on a connection of its own (no keep-alive pool: pooled connections to a server
 * that was just SIGKILLed kept failing after it came back); resolves with the status once the
 * answer has fully arrived, or 0 on any error, on a connection closed mid-answer (a server killed
 * after its headers went out: waiting for an `end` that never comes was the second stall), or
 * after `timeoutMs` in all.
 */
function call(method, url, body, timeoutMs = 5000) {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (status) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(status);
    };
    const req = http.request(url, { method, agent: false, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      res.resume();
      res.on('end', () => settle(res.statusCode ?? 0));
      res.on('close', () => settle(0));
      res.on('error', () => settle(0));
    });
    const deadline = setTimeout(() => {
      req.destroy();
      settle(0);
    }, timeoutMs);
    req.on('error', () => settle(0));
    req.on('close', () => setImmediate(() => settle(0)));
    req.end(body ? JSON.stringify(body) : undefined);
  });
}
const lastServerLines = [];
const STALL_MS = 60_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Progress on stderr, so a run that stalls shows where. */
const progress = (message) => process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

const freePort = () =>
  new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** A real server process on a fixed port and data directory, as a supervisor would run it. */
async function startServer(dataDir, port, env = {}) {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/api/main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // The server's last words, printed if the writer stops making progress.
  // The server's last words (printed if the writer stops making progress), and the error type of
  // every request that failed with a 5xx other than 503.
  const failures = [];
  const remember = (line) => {
    lastServerLines.splice(0, Math.max(0, lastServerLines.length - 19), line.slice(0, 600));
    if (line.includes('"request failed"')) failures.push(`${JSON.parse(line).err?.type}: ${JSON.parse(line).err?.message?.slice(0, 120)}`);
  };
  readline.createInterface({ input: child.stdout }).on('line', remember);
  readline.createInterface({ input: child.stderr }).on('line', remember);
  for (let i = 0; i < 300; i++) {
    const ready = (await call('GET', `http://127.0.0.1:${port}/readyz`, undefined, 1000)) === 200;
    if (ready) return { child, exited, failures };
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    await sleep(100);
  }
  throw new Error('server did not become ready');
}

const cli = (dataDir, args) => run(process.execPath, [path.join(ROOT, 'dist/api/cli/rapport.js'), ...args], { env: { ...process.env, DATA_DIR: dataDir }, maxBuffer: 512 * 1024 * 1024 });

/** Posts `count` comments with unique clientIds, 4 at a time, retrying each with its id until acknowledged. */
async function writer(port, count, prefix) {
  const acknowledged = new Set();
  let retries = 0;
  let next = 0;
  let lastProgress = Date.now();
  const unexpected = {};
  const watchdog = setInterval(() => {
    if (Date.now() - lastProgress < STALL_MS) return;
    progress(`${prefix}: no comment acknowledged for ${STALL_MS / 1000} s; answers other than 201: ${JSON.stringify(unexpected)}; the server's last lines:\n${lastServerLines.join('\n')}`);
    process.exit(1);
  }, 1000);
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const clientId = `${prefix}-${String(i).padStart(6, '0')}`;
      for (;;) {
        const status = await call('POST', `http://127.0.0.1:${port}/api/comments`, { site: 'demo', page: '/chaos/', name: 'Writer', body: `Comment ${clientId}`, clientId });
        if (status === 201) break;
        if (status !== 0) unexpected[status] = (unexpected[status] ?? 0) + 1;
        retries++;
        await sleep(100);
      }
      acknowledged.add(clientId);
      lastProgress = Date.now();
      if (acknowledged.size % 500 === 0) progress(`${prefix}: ${acknowledged.size} acknowledged, ${retries} retries`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  clearInterval(watchdog);
  return { acknowledged, retries, unexpected };
}

/**
 * Starts the server again as a supervisor would: until it stays up. Right after a SIGKILL the
 * old engine may still be closing its files; a server that cannot open them in time exits 1.
 */
async function superviseStart(state) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServer(state.dataDir, state.port, state.env);
    } catch (error) {
      state.failedStarts = (state.failedStarts ?? 0) + 1;
      if (attempt >= 10) throw error;
    }
  }
}

/** Kills (and restarts) at random moments while the writer runs. */
async function crashLoop(state, kills, kill) {
  let done = 0;
  while (done < kills && !state.finished) {
    await sleep(1500 + Math.random() * 2500);
    if (state.finished) break;
    await kill(state.server);
    await state.server.exited;
    progress(`kill ${done + 1}: server down, restarting`);
    state.server = await superviseStart(state);
    progress(`kill ${done + 1}: server ready again`);
    done++;
  }
  return done;
}

/** The clientIds of the stored comments: each post's body is "Comment CLIENT_ID" (exports leave clientIds out). */
async function stored(dataDir, prefix) {
  const { stdout } = await cli(dataDir, ['data', 'export', '--site', 'demo']);
  const ids = JSON.parse(stdout).comments.map((c) => /^Comment (\S+)$/.exec(c.body)?.[1]).filter((id) => id?.startsWith(prefix));
  return { total: ids.length, unique: new Set(ids).size, ids: new Set(ids) };
}

async function durability(name, kill) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-chaos-'));
  const port = await freePort();
  const env = UNLIMITED;
  const state = { dataDir, port, env, server: await startServer(dataDir, port, env), finished: false };
  const started = Date.now();
  const [result, kills] = await Promise.all([
    writer(port, POSTS, name).finally(() => (state.finished = true)),
    crashLoop(state, KILLS, kill),
  ]);
  state.server.child.kill('SIGTERM');
  await state.server.exited;
  const found = await stored(dataDir, name);
  const lost = [...result.acknowledged].filter((id) => !found.ids.has(id)).length;
  // Counters a kill interrupted between a comment and its page counter (`rapport data check`).
  const { stdout: check } = await cli(dataDir, ['data', 'check', '--site', 'demo']);
  const [, comments, pages] = /(\d+) comment\(s\) and (\d+) page\(s\)/.exec(check) ?? [];
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { name, posts: POSTS, acknowledged: result.acknowledged.size, kills, failedStarts: state.failedStarts ?? 0, retries: result.retries, stored: found.total, duplicates: found.total - found.unique, lost, recount: `${comments} / ${pages}`, seconds: Math.round((Date.now() - started) / 1000) };
}

const childPids = async (pid) => {
  const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', String(pid)]).catch(() => ({ stdout: '' }));
  return stdout.split('\n').map((l) => Number(l.trim())).filter((n) => n > 0);
};

const results = [];
results.push(await durability('server-kill', async (server) => server.child.kill('SIGKILL')));
results.push(await durability('engine-kill', async (server) => {
  for (const pid of await childPids(server.child.pid)) process.kill(pid, 'SIGKILL');
}));
console.log('\n| scenario | posts | acknowledged | kills | failed restarts | retried requests | stored | duplicates | lost | comments / pages off the recount | seconds |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.posts} | ${r.acknowledged} | ${r.kills} | ${r.failedStarts} | ${r.retries} | ${r.stored} | ${r.duplicates} | ${r.lost} | ${r.recount} | ${r.seconds} |`);

// 3. Idempotency under concurrency, with limits out of the way.
{
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-chaos-'));
  const port = await freePort();
  const server = await startServer(dataDir, port, UNLIMITED);
  const same = await Promise.all(
    Array.from({ length: 50 }, () =>
      fetch(`http://127.0.0.1:${port}/api/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ site: 'demo', page: '/same/', name: 'Twin', body: 'Comment the-same-client-id', clientId: 'the-same-client-id' }),
      }).then(async (r) => (await r.arrayBuffer(), r.status)),
    ),
  );
  server.child.kill('SIGTERM');
  await server.exited;
  const twins = (await stored(dataDir, 'the-same-client-id')).total;
  const statuses = same.reduce((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});
  console.log(`\n50 concurrent posts with one clientId: answers ${JSON.stringify(statuses)}, comments stored: ${twins}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// 4. The database unreachable under load.
{
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-chaos-'));
  const port = await freePort();
  const server = await startServer(dataDir, port, { ...UNLIMITED, LIMIT_READS_PER_MINUTE: '1000000000' });
  const [engine] = await childPids(server.child.pid);
  const answers = [];
  let loading = true;
  // Four readers and four writers, each request with a 5 s limit: an answer that takes longer counts as none.
  const load = async (kind, n) => {
    for (let i = 0; loading; i++) {
      const sent = Date.now();
      const status = kind === 'read'
        ? await call('GET', `http://127.0.0.1:${port}/api/comments?site=demo&page=%2Fdemo`)
        : await call('POST', `http://127.0.0.1:${port}/api/comments`, { site: 'demo', page: '/outage/', name: 'Writer', body: `Outage ${n}-${i}`, clientId: `outage-${n}-${i}-${Date.now()}` });
      answers.push({ kind, sent, answered: Date.now(), status });
      if (status !== 200 && status !== 201) await sleep(100);
    }
  };
  const workers = [0, 1, 2, 3].flatMap((n) => [load('read', n), load('write', n)]);
  await sleep(5000);
  const cut = Date.now();
  process.kill(engine, 'SIGSTOP');
  progress(`outage: database stopped for ${OUTAGE_SECONDS} s`);
  await sleep(OUTAGE_SECONDS * 1000);
  process.kill(engine, 'SIGCONT');
  const back = Date.now();
  progress('outage: database back');
  await sleep(15_000);
  loading = false;
  await Promise.all(workers);
  const alive = server.child.exitCode === null;
  const during = answers.filter((a) => a.sent >= cut && a.sent < back);
  const tally = during.reduce((counts, a) => ({ ...counts, [a.status === 0 ? 'none within 5 s' : a.status]: (counts[a.status === 0 ? 'none within 5 s' : a.status] ?? 0) + 1 }), {});
  const first503 = during.filter((a) => a.status === 503).sort((a, b) => a.answered - b.answered)[0];
  const firstSuccess = answers.filter((a) => a.sent >= back && (a.status === 200 || a.status === 201)).sort((a, b) => a.answered - b.answered)[0];
  const firstWrite = answers.filter((a) => a.sent >= back && a.status === 201).sort((a, b) => a.answered - b.answered)[0];
  const seconds = (a, from) => (a ? `${((a.answered - from) / 1000).toFixed(1)} s` : 'never');
  const failed = server.failures.filter((f) => !f.startsWith('undefined'));
  if (failed.length > 0) console.log(`\nwhat the server logged behind its 5xx answers during the outage: ${JSON.stringify([...new Set(failed)])}`);
  console.log(`\ndatabase unreachable for ${OUTAGE_SECONDS} s under load (4 readers, 4 writers): first 503 ${seconds(first503, cut)} after the cut; answers during the outage ${JSON.stringify(tally)}; server ${alive ? 'still running' : 'DIED'}; first success ${seconds(firstSuccess, back)} after the database came back (first stored comment ${seconds(firstWrite, back)})`);
  server.child.kill('SIGTERM');
  await server.exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// 5. Readers (many people: the read limit is lifted) while one client floods posts (default comment limits).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-chaos-'));
const port = await freePort();
const server = await startServer(dataDir, port, { LIMIT_READS_PER_MINUTE: '1000000000' });
const readUrl = `http://127.0.0.1:${port}/api/comments?site=demo&page=${encodeURIComponent('/demo')}`;
const readers = () => autocannon({ url: readUrl, connections: 50, duration: READ_SECONDS });
await autocannon({ url: readUrl, connections: 50, duration: 5 });
const calm = await readers();
let flooding = true;
const floodStatuses = {};
const flood = (async () => {
  while (flooding) {
    const status = await fetch(`http://127.0.0.1:${port}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ site: 'demo', page: '/flood/', name: 'Flood', body: `Flood ${Math.random()}` }),
    }).then(async (r) => (await r.arrayBuffer(), r.status), () => 'error');
    floodStatuses[status] = (floodStatuses[status] ?? 0) + 1;
  }
})();
const stormy = await readers();
flooding = false;
await flood;
const readErrors = (r) => r.errors + r.non2xx;
console.log(`\nreaders, 50 connections, ${READ_SECONDS} s: alone p99 ${calm.latency.p99} ms (${Math.round(calm.requests.average)} req/s, ${readErrors(calm)} errors); during a POST flood p99 ${stormy.latency.p99} ms (${Math.round(stormy.requests.average)} req/s, ${readErrors(stormy)} errors); p99 change ${(((stormy.latency.p99 - calm.latency.p99) / calm.latency.p99) * 100).toFixed(0)} %`);
console.log(`the flood's answers: ${JSON.stringify(floodStatuses)}`);
server.child.kill('SIGTERM');
await server.exited;
fs.rmSync(dataDir, { recursive: true, force: true });
