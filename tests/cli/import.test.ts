import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { disqusExport } from '../import/exports.js';
import { runCli, tempDataDir } from '../support/processes.js';

const env = { DATA_DIR: tempDataDir() };
const folder = tempDataDir();

async function exported() {
  const res = await runCli(['data', 'export', '--site', 'blog'], env);
  expect(res.code).toBe(0);
  return JSON.parse(res.stdout) as { pages: Array<{ key: string }>; comments: Array<{ name: string; awaitingReply: boolean; isAuthor: boolean }> };
}

function exportFile(name: string, text: string | Buffer): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return file;
}

const blog = disqusExport([
  { id: '1', link: 'https://old.example.com/hello/?utm_source=feed#comments', title: 'Hello' },
  { id: '11', thread: '1', name: 'Ann', email: 'ann@example.com', createdAt: '2019-04-01T10:00:00Z', message: '<p>Why?</p>' },
  { id: '12', thread: '1', parent: '11', name: 'Sonia', username: 'sonia_disqus', createdAt: '2019-04-01T11:00:00Z', message: '<p>Because.</p>' },
  { id: '13', thread: '1', name: 'Bob', createdAt: '2026-11-30T10:00:00Z', message: '<p>And now?</p>' },
  { id: '14', thread: '404', name: 'Lost', createdAt: '2026-11-30T10:00:00Z' },
]);

describe('rapport data import', () => {
  it('is ready: a site to import into', async () => {
    const res = await runCli(['site', 'add', '--id', 'blog', '--name', 'Blog', '--origin', 'https://blog.example.com', '--author-name', 'Sonia', '--author-email', 'sonia@example.com'], env);
    expect(res.code).toBe(0);
  });

  it('refuses wrong options with exit code 2 and names the option, before reading anything', async () => {
    const file = exportFile('blog.xml', blog);
    const format = await runCli(['data', 'import', file, '--site', 'blog', '--format', 'livefyre'], env);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format: "livefyre" is not one of auto, disqus');
    const author = await runCli(['data', 'import', file, '--site', 'blog', '--author', 'sonia_disqus'], env);
    expect(author.code).toBe(2);
    expect(author.stderr).toContain('--author:');
    const date = await runCli(['data', 'import', file, '--site', 'blog', '--waiting-since', 'last spring'], env);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--waiting-since: "last spring" is not a date like 2024-01-31');
    const missing = await runCli(['data', 'import', path.join(folder, 'none.xml'), '--site', 'blog'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('none.xml: no such file');
  });

  it('refuses a broken file with exit code 1, the line where it breaks, and writes nothing', async () => {
    const broken = exportFile('broken.xml', blog.replace('</disqus>', '<post dsq:id="15"><message>cut off'));
    const res = await runCli(['data', 'import', broken, '--site', 'blog'], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/line \d+/);
    expect(await exported()).toMatchObject({ pages: [], comments: [] });
  });

  it('counts everything in a dry run and writes nothing', async () => {
    const res = await runCli(['data', 'import', exportFile('blog.xml', blog), '--site', 'blog', '--dry-run', '--json'], env);
    expect(res.code).toBe(0);
    const summary = JSON.parse(res.stdout);
    expect(summary).toMatchObject({ dryRun: true, format: 'disqus', comments: 3, pages: 1, skippedCount: 1 });
    expect(await exported()).toMatchObject({ pages: [], comments: [] });
  });

  it('imports the .xml.gz Disqus sends, maps the author, and says what waits and what was skipped', async () => {
    const file = exportFile('blog-2026-12-01T00:00:00.xml.gz', zlib.gzipSync(blog));
    const res = await runCli(['data', 'import', file, '--site', 'blog', '--author', 'sonia_disqus=sonia@example.com', '--waiting-since', '2026-11-01'], env);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Imported from Disqus XML into blog: 3 comments on 1 page.');
    expect(res.stdout).toContain('1 by the blog’s authors (sonia@example.com: 1).');
    expect(res.stdout).toContain('1 waits for a reply; 0 unanswered from before 2026-11-01 marked no reply needed.');
    expect(res.stdout).toContain('disqus comment 14: its page (404) is missing from the file or was skipped');

    const { pages, comments } = await exported();
    expect(pages.map((page) => page.key)).toEqual(['/hello/']);
    expect(comments.map((c) => [c.name, c.isAuthor, c.awaitingReply])).toEqual([['Ann', false, false], ['Sonia', true, false], ['Bob', false, true]]);
  });

  it('leaves what it imported before as it is when the same file comes again', async () => {
    const res = await runCli(['data', 'import', path.join(folder, 'blog.xml'), '--site', 'blog', '--json'], env);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ comments: 0, alreadyImported: 3 });
  });
});
