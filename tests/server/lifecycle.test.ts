import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { childPids, runCli, startServer, tempDataDir, type ServerProcess } from '../support/processes.js';

const ORIGIN = 'http://127.0.0.1:9';
const running: ServerProcess[] = [];

afterEach(() => {
  for (const server of running.splice(0)) server.process.kill('SIGKILL');
});

async function start(dataDir: string) {
  const server = await startServer(dataDir, { PUBLIC_URL: ORIGIN });
  running.push(server);
  return server;
}

async function postComment(server: ServerProcess, body: string) {
  return fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ site: 'demo', page: '/hello/', name: 'Ann', body }),
  });
}

describe('the server process', () => {
  describe('on first start with an empty database', () => {
    it('creates the demo site, prints its author’s credentials, and says which database it uses', async () => {
      const server = await start(tempDataDir());
      const text = server.output.join('\n');
      expect(text).toContain('created the demo site "demo"');
      expect(text).toMatch(/Author password: \S{18}/);
      expect(text).toMatch(/"msg":"database: embedded MongoDB on /);
      const res = await fetch(`${server.url}/api/comments?site=demo&page=/`);
      expect(res.status).toBe(200);
    });

    it('keeps its data directory and engine socket to its own user, and no mail token in its log', async () => {
      const dataDir = tempDataDir();
      // As a directory made by hand or by a volume would be.
      fs.chmodSync(dataDir, 0o755);
      const server = await start(dataDir);
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dataDir, 'engine.sock')).mode & 0o777).toBe(0o600);
      await (await fetch(`${server.url}/mail/confirm?t=SECRET-TOKEN-1234&thread=abc`)).text();
      await expect.poll(() => server.output.find((line) => line.includes('/mail/confirm'))).toContain('t=redacted&thread=abc');
      expect(server.output.join('\n')).not.toContain('SECRET-TOKEN-1234');
    });
  });

  describe('on first start with an empty database and a public address', () => {
    it('makes no demo site and prints no password, says how to add a site, and warns about TRUST_PROXY=true', async () => {
      const server = await startServer(tempDataDir(), { PUBLIC_URL: 'https://comments.example.com', TRUST_PROXY: 'true' });
      running.push(server);
      const text = server.output.join('\n');
      expect(text).not.toContain('created the demo site');
      expect(text).not.toContain('password');
      expect(text).toContain('no site yet: add one with \\"rapport site add\\"');
      expect(text).toContain('TRUST_PROXY=true believes every X-Forwarded-For hop');
      expect((await fetch(`${server.url}/api/comments?site=demo&page=/`)).status).toBe(404);
    });

    it('makes the demo site anyway when asked with DEMO=true', async () => {
      const server = await startServer(tempDataDir(), { PUBLIC_URL: 'https://comments.example.com', DEMO: 'true' });
      running.push(server);
      expect(server.output.join('\n')).toContain('created the demo site "demo"');
    });
  });

  describe('when stopped and started again', () => {
    it('keeps every acknowledged comment, after SIGTERM and after SIGKILL alike', async () => {
      const dataDir = tempDataDir();
      const first = await start(dataDir);
      // These posts come from no form; without this they would wait for approval, unseen.
      expect((await runCli(['site', 'set', 'demo', '--min-form-seconds', '0'], { DATA_DIR: dataDir })).code).toBe(0);
      expect((await postComment(first, 'before SIGTERM')).status).toBe(201);
      first.process.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = await start(dataDir);
      expect(second.output.join('\n')).not.toContain('created the demo site');
      expect((await postComment(second, 'before SIGKILL')).status).toBe(201);
      second.process.kill('SIGKILL');
      await second.exited;

      const third = await start(dataDir);
      const thread = (await (await fetch(`${third.url}/api/comments?site=demo&page=/hello/`)).json()) as { comments: { html: string }[] };
      expect(thread.comments.map((c: { html: string }) => c.html)).toEqual(['<p>before SIGTERM</p>', '<p>before SIGKILL</p>']);
    });
  });

  describe('when SIGTERM arrives during a request', () => {
    it('finishes that request, then exits 0 within 10 s', async () => {
      const server = await start(tempDataDir());
      const body = JSON.stringify({ site: 'demo', page: '/drain/', name: 'Ann', body: 'sent in two halves' });
      const response = new Promise<number>((resolve, reject) => {
        const req = http.request(
          `${server.url}/api/comments`,
          { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), origin: ORIGIN } },
          (res) => resolve(res.statusCode ?? 0),
        );
        req.on('error', reject);
        req.write(body.slice(0, 20));
        setTimeout(() => server.process.kill('SIGTERM'), 200);
        setTimeout(() => req.end(body.slice(20)), 600);
      });
      const startedAt = Date.now();
      expect(await response).toBe(201);
      expect(await server.exited).toBe(0);
      expect(Date.now() - startedAt).toBeLessThan(10_000);
    });
  });

  describe('when the embedded database process dies', () => {
    it('logs it and exits non-zero instead of hanging', async () => {
      const server = await start(tempDataDir());
      const [engine] = await childPids(server.process.pid!);
      expect(engine).toBeGreaterThan(0);
      process.kill(engine!, 'SIGKILL');
      expect(await server.exited).toBe(1);
      expect(server.output.join('\n')).toContain('the embedded database stopped');
    });
  });

  describe('when the engine cannot start', () => {
    it('explains why and what to do', async () => {
      const failed = await startServer(tempDataDir(), { GLIBC_DIR: '/nonexistent' }).catch((error: Error) => error);
      expect(failed).toBeInstanceOf(Error);
      expect(String(failed)).toMatch(/GLIBC_DIR=\/nonexistent holds no ld-linux/);
    });
  });
});
