// npm run soak — memory over a long soak of the hostile-input corpus against a real server
// process (loopback only): SOAK_ROUNDS (default 200) rounds of all 100+ entries sent to the public
// write endpoints, with the comment limits lifted so every entry reaches the code behind them.
// Prints the server's resident memory after 5 warm-up rounds and ten times more along the way.
import fs from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { HOSTILE_CORPUS, type HostileEntry } from '../tests/security/hostile-corpus.js';
import { startServer, tempDataDir, type ServerProcess } from '../tests/support/processes.js';

const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 200);
const WARM_UP_ROUNDS = 5;
const PUBLIC_URL = 'http://127.0.0.1:9';
let server: ServerProcess;
afterAll(() => server?.process.kill('SIGKILL'));

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function send(path: string, method: string, entry: HostileEntry, base: Record<string, unknown>, headers: Record<string, string> = {}) {
  const body = entry.raw !== undefined ? (typeof entry.raw === 'string' ? entry.raw.replaceAll('SITE', 'demo') : entry.raw) : JSON.stringify({ ...base, ...entry.fields });
  const res = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', origin: PUBLIC_URL, ...headers }, body });
  await res.arrayBuffer();
  return res.status;
}

it('keeps the server’s memory flat over a long soak of hostile input', async () => {
  server = await startServer(tempDataDir(), {
    PUBLIC_URL,
    LIMIT_COMMENTS_PER_MINUTE: '1000000000',
    LIMIT_COMMENTS_PER_HOUR: '1000000000',
    LIMIT_COMMENTS_PER_EMAIL_HOUR: '1000000000',
    LIMIT_SITE_COMMENTS_PER_10_MINUTES: '1000000000',
  });
  const pid = server.process.pid!;
  const round = async () => {
    const statuses: Record<number, number> = {};
    for (const entry of HOSTILE_CORPUS) {
      for (const status of [
        await send('/api/comments', 'POST', entry, { site: 'demo', page: '/soak/', name: 'Soak', body: `Soak ${Math.random()}` }),
        await send('/api/preview', 'POST', entry, { body: 'Preview' }),
        await send('/api/auth/login', 'POST', entry, { email: 'nobody@example.com', password: 'wrong' }),
      ]) {
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
    return statuses;
  };
  for (let n = 1; n <= WARM_UP_ROUNDS; n++) await round();
  const warm = rssMiB(pid);
  const rows = [`| after round | RSS MiB |`, `|---:|---:|`, `| ${WARM_UP_ROUNDS} (warm-up) | ${warm.toFixed(1)} |`];
  const every = Math.max(1, Math.floor(ROUNDS / 10));
  let last = warm;
  let requests = 0;
  const started = Date.now();
  for (let n = WARM_UP_ROUNDS + 1; n <= ROUNDS; n++) {
    const statuses = await round();
    requests += Object.values(statuses).reduce((a, b) => a + b, 0);
    expect(Object.keys(statuses).filter((s) => Number(s) >= 500)).toEqual([]);
    if (n % every === 0 || n === ROUNDS) {
      last = rssMiB(pid);
      rows.push(`| ${n} | ${last.toFixed(1)} |`);
    }
  }
  console.log(`\n${requests} hostile requests after the warm-up, ${Math.round((Date.now() - started) / 1000)} s\n${rows.join('\n')}\nchange after warm-up: ${(((last - warm) / warm) * 100).toFixed(1)} %`);
  expect(server.process.exitCode).toBeNull();
  // Flat means no steady growth: a leak of even 1 KiB per request would add tens of MiB here.
  expect(last).toBeLessThan(warm * 1.25);
});
