import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startServer, tempDataDir, type ServerProcess } from '../support/processes.js';

describe('rapport (CLI)', () => {
  describe('with no server running', () => {
    const env = { DATA_DIR: tempDataDir() };

    it('adds a site with its first author and prints the snippet, the inbox and the generated password', async () => {
      const res = await runCli(
        ['site', 'add', '--id', 'my-blog', '--name', 'My blog', '--origin', 'https://blog.example.com', '--origin', 'https://www.blog.example.com/', '--author-name', 'Ann', '--author-email', 'Ann@Example.com'],
        env,
      );
      expect(res.code).toBe(0);
      expect(res.stdout).toContain('Created site my-blog.');
      expect(res.stdout).toContain('<script src="https://comments.example.com/embed.js" data-site="my-blog" async></script>');
      expect(res.stdout).toContain('Inbox: https://comments.example.com/inbox');
      expect(res.stdout).toMatch(/Generated password for ann@example.com: \S{18}/);

      const list = await runCli(['site', 'list'], env);
      expect(list.stdout).toContain('my-blog\tMy blog\thttps://blog.example.com https://www.blog.example.com\tmoderation=post');
    });

    it('reads DATA_DIR from .env in the working folder (the environment winning), through ./rapport', async () => {
      const folder = tempDataDir();
      fs.writeFileSync(path.join(folder, '.env'), `DATA_DIR=${env.DATA_DIR}\n`);
      const fromFile = await runCli(['site', 'list'], {}, { cwd: folder, viaScript: true });
      expect(fromFile.stderr).toBe('');
      expect(fromFile.stdout).toContain('my-blog\tMy blog');
      const elsewhere = await runCli(['site', 'list'], { DATA_DIR: path.join(folder, 'no-such-data') }, { cwd: folder });
      expect(elsewhere.code).toBe(1);
      expect(elsewhere.stderr).toContain(`no data directory at ${path.join(folder, 'no-such-data')}: set DATA_DIR`);
      expect(fs.existsSync(path.join(folder, 'no-such-data'))).toBe(false);
    });

    it('changes settings and adds authors', async () => {
      const set = await runCli(['site', 'set', 'my-blog', '--moderation', 'pre', '--edit-window', '30', '--highlight', 'off'], env);
      expect(set.code).toBe(0);
      expect(set.stdout).toContain('"moderation":"pre"');
      expect(set.stdout).toContain('"editWindowMinutes":30');
      const list = await runCli(['site', 'list'], env);
      expect(list.stdout).toContain('moderation=pre');

      const rules = await runCli(['site', 'set', 'my-blog', '--max-links', '2', '--block-word', 'Casino', '--block-link', 'spam.example', '--block-email', 'Bot@Bad.example'], env);
      expect(rules.code).toBe(0);
      expect(rules.stdout).toContain('"maxLinks":2');
      expect(rules.stdout).toContain('"blockedWords":["casino"]');
      expect(rules.stdout).toContain('"blockedLinks":["spam.example"]');
      expect(rules.stdout).toContain('"blockedEmails":["bot@bad.example"]');
      const bad = await runCli(['site', 'set', 'my-blog', '--block-link', 'not a domain'], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('must be a domain');

      const author = await runCli(['author', 'add', 'my-blog', '--name', 'Bob', '--email', 'bob@example.com', '--password', 'long enough pw'], env);
      expect(author.code).toBe(0);
      expect(author.stdout).toContain('Added bob@example.com as an author of my-blog.');
      expect(author.stdout).not.toContain('Generated password');
    });

    it('makes one person of one email on two sites: the second site prints no new password', async () => {
      const second = await runCli(['site', 'add', '--id', 'second-blog', '--name', 'Second', '--origin', 'https://second.example.com', '--author-name', 'Ann', '--author-email', 'ANN@example.com'], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('sign in as ANN@example.com, with the password they have for their other site');
      expect(second.stdout).not.toContain('Generated password');
      const again = await runCli(['author', 'add', 'second-blog', '--name', 'Bob', '--email', 'bob@example.com'], env);
      expect(again.stdout).toContain('bob@example.com writes another site here already');
      expect(again.stdout).not.toContain('Generated password');
      const passwd = await runCli(['author', 'passwd', 'second-blog', 'ann@example.com', '--password', 'one for both sites'], env);
      expect(passwd.stdout).toContain('New password set for ann@example.com, on every site they write');
    });

    it.each([
      ['a missing required option', ['site', 'add', '--id', 'x'], 2, /required option/],
      ['an origin that is not a URL', ['site', 'add', '--id', 'x', '--name', 'X', '--origin', 'blog', '--author-name', 'A', '--author-email', 'a@b.co'], 2, /--origin/],
      ['a bad moderation mode', ['site', 'set', 'my-blog', '--moderation', 'sometimes'], 2, /moderation/],
      ['an unknown command', ['frobnicate'], 2, /unknown command/],
      ['an unknown site', ['site', 'set', 'nope', '--moderation', 'pre'], 1, /Site "nope" not found/],
      ['a site id taken', ['site', 'add', '--id', 'my-blog', '--name', 'X', '--origin', 'https://x.example', '--author-name', 'A', '--author-email', 'a@b.co'], 1, /already exists/],
      ['an author already there', ['author', 'add', 'my-blog', '--name', 'Bob', '--email', 'BOB@example.com'], 1, /already an author/],
    ])('refuses %s with a clear message and exit code', async (_, args, code, message) => {
      const res = await runCli(args as string[], env);
      expect(res.code).toBe(code);
      expect(res.stderr).toMatch(message as RegExp);
    });
  });

  describe('while the server holds the embedded database', () => {
    let server: ServerProcess;
    const dataDir = tempDataDir();
    afterAll(() => server?.process.kill('SIGKILL'));

    it('works through the running server’s engine, and the server sees the change', async () => {
      server = await startServer(dataDir);
      const res = await runCli(
        ['site', 'add', '--id', 'live', '--name', 'Live', '--origin', 'https://live.example', '--author-name', 'A', '--author-email', 'a@live.example'],
        { DATA_DIR: dataDir },
      );
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      const thread = await fetch(`${server.url}/api/comments?site=live&page=/`);
      expect(thread.status).toBe(200);
    });

    it('resets an author’s password: the new one signs in, the old one and its sessions no longer work', async () => {
      const login = (password: string) =>
        fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'a@live.example', password }) });
      const set = await runCli(['author', 'passwd', 'live', 'a@live.example', '--password', 'first long password'], { DATA_DIR: dataDir });
      expect(set.code).toBe(0);
      const first = await login('first long password');
      expect(first.status).toBe(204);
      const cookie = first.headers.get('set-cookie')!.split(';')[0]!;

      const reset = await runCli(['author', 'passwd', 'live', 'a@live.example'], { DATA_DIR: dataDir });
      expect(reset.code).toBe(0);
      expect(reset.stdout).toContain('their sessions have ended');
      const generated = /Generated password: (\S+)/.exec(reset.stdout)![1]!;
      expect((await login('first long password')).status).toBe(401);
      expect((await fetch(`${server.url}/api/auth/me`, { headers: { Cookie: cookie } })).status).toBe(401);
      expect((await login(generated)).status).toBe(204);
      expect((await runCli(['author', 'passwd', 'live', 'nobody@live.example'], { DATA_DIR: dataDir })).code).toBe(1);
    });

    it('corrects a page’s title and URL, which the server then shows', async () => {
      const set = await runCli(['page', 'set', 'demo', '/demo', '--title', 'Why I answer', '--url', 'http://127.0.0.1:9/demo'], { DATA_DIR: dataDir });
      expect(set.stderr).toBe('');
      expect(set.stdout).toContain('Page /demo on demo: title "Why I answer", URL http://127.0.0.1:9/demo');
      const title = async () => ((await (await fetch(`${server.url}/api/comments?site=demo&page=/demo`)).json()) as { page: { title: string } }).page.title;
      await expect.poll(title).toBe('Why I answer');
      const elsewhere = await runCli(['page', 'set', 'demo', '/demo', '--url', 'https://elsewhere.example/demo'], { DATA_DIR: dataDir });
      expect(elsewhere.code).toBe(1);
      expect(elsewhere.stderr).toContain('must be on one of the site’s origins');
      expect((await runCli(['page', 'set', 'demo', '/demo', '--url', 'javascript:alert(1)'], { DATA_DIR: dataDir })).code).toBe(2);
      expect((await runCli(['page', 'set', 'demo', '/nowhere', '--title', 'x'], { DATA_DIR: dataDir })).code).toBe(1);
    });

    it('says whose post a page is, and how much of the site an author hears about', async () => {
      const dataEnv = { DATA_DIR: dataDir };
      const author = async () => ((await (await fetch(`${server.url}/api/comments?site=demo&page=/demo`)).json()) as { page: { author: unknown } }).page.author;
      const set = await runCli(['page', 'set', 'demo', '/demo', '--author', 'SONIA@demo.rapport.invalid'], dataEnv);
      expect(set.stderr).toBe('');
      expect(set.stdout).toContain('author Sonia <sonia@demo.rapport.invalid>');
      await expect.poll(author).toEqual({ name: 'Sonia' });
      const cleared = await runCli(['page', 'set', 'demo', '/demo', '--author', ''], dataEnv);
      expect(cleared.stdout).toContain('author (none)');
      await expect.poll(author).toBeNull();
      const stranger = await runCli(['page', 'set', 'demo', '/demo', '--author', 'nobody@demo.rapport.invalid'], dataEnv);
      expect(stranger.code).toBe(1);
      expect(stranger.stderr).toContain('is not an author of this site');

      const scope = await runCli(['author', 'mail', 'demo', 'sonia@demo.rapport.invalid', '--scope', 'all'], dataEnv);
      expect(scope.stdout).toContain('sonia@demo.rapport.invalid on demo: instant, every post');
      expect((await runCli(['author', 'mail', 'demo', 'sonia@demo.rapport.invalid', '--scope', 'theirs'], dataEnv)).code).toBe(2);
    });

    it('exports a site as JSON and erases a reader', async () => {
      const exported = await runCli(['data', 'export', '--site', 'live'], { DATA_DIR: dataDir });
      expect(exported.code).toBe(0);
      const data = JSON.parse(exported.stdout) as { site: { _id: string }; authors: { email: string }[] };
      expect(data.site._id).toBe('live');
      expect(data.authors.map((a) => a.email)).toEqual(['a@live.example']);
      expect(exported.stdout).not.toContain('passwordHash');
      const erased = await runCli(['data', 'erase', '--email', 'Nobody@Live.example'], { DATA_DIR: dataDir });
      expect(erased.code).toBe(0);
      expect(erased.stdout).toContain('Erased 0 comment(s) of nobody@live.example.');
      expect((await runCli(['data', 'erase', '--email', 'not-an-email'], { DATA_DIR: dataDir })).code).toBe(2);
    });
  });
});
