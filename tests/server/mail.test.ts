import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServer, tempDataDir, type ServerProcess } from '../support/processes.js';
import { TestSmtpServer } from '../support/smtp.js';

const PUBLIC_URL = 'http://127.0.0.1:9';
const running: ServerProcess[] = [];
const smtp = new TestSmtpServer();

beforeAll(() => smtp.start());
afterAll(() => smtp.stop());
afterEach(() => {
  for (const server of running.splice(0)) server.process.kill('SIGKILL');
});

async function start(dataDir: string, env: Record<string, string> = {}) {
  const server = await startServer(dataDir, { PUBLIC_URL, ...env });
  running.push(server);
  return server;
}

/** The .eml files in the outbox folder, parsed, once `count` are there. */
async function emlFiles(dataDir: string, count: number): Promise<ParsedMail[]> {
  const dir = path.join(dataDir, 'outbox-mail');
  await expect.poll(() => (fs.existsSync(dir) ? fs.readdirSync(dir).length : 0), { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return Promise.all(fs.readdirSync(dir).map((file) => simpleParser(fs.readFileSync(path.join(dir, file)))));
}

const send = (server: ServerProcess, method: string, url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${url}`, { method, headers: { 'content-type': 'application/json', origin: PUBLIC_URL, ...headers }, body: JSON.stringify(body) });

/** A link in a mail, made to reach the test server (mail links use PUBLIC_URL). */
const reachable = (server: ServerProcess, mail: ParsedMail, prefix: string) => {
  const link = (mail.text ?? '').split(/\s+/).find((word) => word.startsWith(`${PUBLIC_URL}${prefix}`))!;
  return link.replace(PUBLIC_URL, server.url);
};

describe('mail from the real server', () => {
  it('without SMTP_URL, writes each mail as an .eml file: a subscribed reader gets the author’s reply', async () => {
    const dataDir = tempDataDir();
    const server = await start(dataDir);
    const password = /Author password: (\S+)/.exec(server.output.join('\n'))![1]!;
    // The demo's five seeded reader comments told the author, as files.
    expect((await emlFiles(dataDir, 5)).filter((m) => m.subject?.endsWith('” commented on “Why I answer every comment”'))).toHaveLength(5);
    expect(server.output.join('\n')).toMatch(/mail written to .*outbox-mail.*\.eml \(no SMTP_URL set\)/);

    expect((await runCli(['site', 'set', 'demo', '--min-form-seconds', '0'], { DATA_DIR: dataDir })).code).toBe(0);
    const posted = await send(server, 'POST', '/api/comments', { site: 'demo', page: '/demo', name: 'Mia', email: 'mia@example.net', notifyReplies: true, body: 'Will you write about digests?' });
    expect(posted.status).toBe(201);
    const commentId = ((await posted.json()) as { comment: { id: string } }).comment.id;
    const confirmation = (await emlFiles(dataDir, 7)).find((m) => m.subject === 'Confirm reply notifications from The Slow Blog')!;
    const form = await (await fetch(reachable(server, confirmation, '/mail/confirm'))).text();
    const token = /name="t" value="([^"]+)"/.exec(form)![1]!;
    const confirmed = await fetch(`${server.url}/mail/confirm`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ t: token }) });
    expect(confirmed.status).toBe(200);

    const login = await send(server, 'POST', '/api/auth/login', { email: 'sonia@demo.rapport.invalid', password });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect((await send(server, 'POST', `/api/comments/${commentId}/replies`, { body: 'Yes, next week.' }, { cookie })).status).toBe(201);
    const reply = (await emlFiles(dataDir, 8)).find((m) => m.subject === 'Sonia, the author, answered your comment on “Why I answer every comment”')!;
    expect(reply.to).toMatchObject({ text: 'mia@example.net' });
    expect(reply.text).toContain('Yes, next week.');
    expect(reply.headers.get('list')).toMatchObject({ 'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' } });

    const status = await runCli(['mail', 'status'], { DATA_DIR: dataDir });
    expect(status.stdout).toContain('Mail of all sites: 0 queued, 0 sending, 8 sent, 0 failed.');
    // Each message line names its site, so an operator of several blogs knows whose mail it is.
    const messageLines = status.stdout.split('\n').filter((line) => /^\s+\d{4}-/.test(line));
    expect(messageLines).toHaveLength(8);
    for (const line of messageLines) expect(line).toMatch(/^\s+\S+\s+demo\s+(author-comment|reader-confirm|reader-reply)\s+sent/);
  });

  it('with SMTP_URL, sends the same mail through the SMTP server', async () => {
    const server = await start(tempDataDir(), { SMTP_URL: smtp.url, MAIL_FROM: 'comments@slow-blog.example' });
    await expect.poll(() => smtp.to('sonia@demo.rapport.invalid').length, { timeout: 15_000 }).toBe(5);
    const first = smtp.to('sonia@demo.rapport.invalid')[0]!;
    expect(first.parsed.from?.value[0]).toEqual({ name: 'The Slow Blog', address: 'comments@slow-blog.example' });
    expect(server.output.join('\n')).toContain(`mail: SMTP server 127.0.0.1:${new URL(smtp.url).port}, from comments@slow-blog.example`);
  });
});
