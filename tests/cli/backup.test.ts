import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectMongo } from '../../api/database/connect.js';
import { MANIFEST_FILE } from '../../api/services/data/backup-files.js';
import { runCli, startServer, tempDataDir, type ServerProcess } from '../support/processes.js';
import { startWriteLoad, type Acknowledged } from '../support/write-load.js';

const PUBLIC_URL = 'http://127.0.0.1:9';
const BLOG = 'https://blog.example.com';
const PASSWORD = 'a long enough password';
const HIGH_LIMITS = {
  LIMIT_COMMENTS_PER_MINUTE: '100000',
  LIMIT_COMMENTS_PER_HOUR: '100000',
  LIMIT_COMMENTS_PER_EMAIL_HOUR: '100000',
  LIMIT_SITE_COMMENTS_PER_10_MINUTES: '100000',
};
const running: ServerProcess[] = [];

interface Exported {
  pages: { _id: string; key: string; commentCount: number; awaitingReply: number }[];
  comments: { _id: string; pageId: string; parentId: string | null; status: string }[];
}

async function start(dataDir: string) {
  const server = await startServer(dataDir, { PUBLIC_URL, ...HIGH_LIMITS });
  running.push(server);
  return server;
}

async function cli(args: string[], dataDir: string) {
  return runCli(args, { DATA_DIR: dataDir, PUBLIC_URL });
}

/** The site's data as `rapport data export` gives it, without the time of the export. */
async function exported(dataDir: string): Promise<Exported> {
  const res = await cli(['data', 'export', '--site', 'blog'], dataDir);
  expect(res.stderr).toBe('');
  const { exportedAt: _, ...data } = JSON.parse(res.stdout) as Exported & { exportedAt: string };
  return data;
}

async function signIn(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
    body: JSON.stringify({ email: 'sonia@blog.example.com', password: PASSWORD }),
  });
  expect(res.status).toBe(204);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

afterAll(() => {
  for (const server of running) server.process.kill('SIGKILL');
});

describe('rapport data backup / restore', () => {
  const sourceDir = tempDataDir();
  const backupDir = path.join(tempDataDir(), 'backup');
  let source: ServerProcess;
  let acknowledged: Acknowledged[] = [];
  let backupStartedAt = 0;
  let backupEndedAt = 0;

  beforeAll(async () => {
    expect((await cli(['site', 'add', '--id', 'blog', '--name', 'Blog', '--origin', BLOG, '--author-name', 'Sonia', '--author-email', 'sonia@blog.example.com', '--author-password', PASSWORD], sourceDir)).code).toBe(0);
    // These posts come from no form; without this they would wait for approval.
    expect((await cli(['site', 'set', 'blog', '--min-form-seconds', '0'], sourceDir)).code).toBe(0);
    source = await start(sourceDir);
  }, 120_000);

  describe('while the server runs under write load', () => {
    it('copies a consistent database: restored into a fresh data directory, every comment acknowledged before it is there and the counters equal a recount', async () => {
      const load = startWriteLoad({ url: source.url, inboxOrigin: PUBLIC_URL, site: 'blog', origin: BLOG, authorCookie: await signIn(source), pages: ['/a/', '/b/', '/c/'], writers: 4 });
      await load.reached(40);
      backupStartedAt = Date.now();
      const backup = await cli(['data', 'backup', backupDir], sourceDir);
      backupEndedAt = Date.now();
      await load.stop();
      acknowledged = load.acknowledged;
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/Backed up the running server's embedded MongoDB on .* comments \d+, pages 3, authors 1, sites 1, app_settings 1\./);
      expect(load.failures).toEqual([]);
      // The copy was taken while comments were being written, not before or after.
      expect(acknowledged.filter((c) => c.at > backupStartedAt && c.at < backupEndedAt).length).toBeGreaterThan(0);

      const restoredDir = tempDataDir();
      const restore = await cli(['data', 'restore', backupDir], restoredDir);
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      expect(restore.stdout).toMatch(/Restored \d+ document\(s\) from .* into embedded MongoDB on /);
      expect(restore.stdout).toMatch(/blog: recounted; \d+ comment\(s\) and \d+ page\(s\) corrected\./);

      const restored = await exported(restoredDir);
      const all = await exported(sourceDir);
      const restoredIds = new Set(restored.comments.map((c) => c._id));
      const missing = acknowledged.filter((c) => c.at < backupStartedAt && !restoredIds.has(c.id));
      expect(missing).toEqual([]);
      // Nothing the source never stored; every comment's page and parent came along.
      const sourceIds = new Set(all.comments.map((c) => c._id));
      expect(restored.comments.filter((c) => !sourceIds.has(c._id))).toEqual([]);
      const pageIds = new Set(restored.pages.map((p) => p._id));
      expect(restored.comments.filter((c) => !pageIds.has(c.pageId) || (c.parentId !== null && !restoredIds.has(c.parentId)))).toEqual([]);
      for (const page of restored.pages) {
        const published = restored.comments.filter((c) => c.pageId === page._id && c.status === 'published');
        expect(page.commentCount, page.key).toBe(published.length);
      }
      const check = await cli(['data', 'check'], restoredDir);
      expect(check.stdout).toBe('blog: 0 comment(s) and 0 page(s) off the recount\n');
    }, 240_000);

    it('keeps what a running server needs: the author signs in with the same password, and a reader’s edit token still works', async () => {
      const restoredDir = tempDataDir();
      expect((await cli(['data', 'restore', backupDir], restoredDir)).code).toBe(0);
      const server = await start(restoredDir);
      await signIn(server);
      // A reader's early comment that nobody answered: an answered one can no longer be edited.
      const early = acknowledged.find((c) => c.at < backupStartedAt && c.editToken && !acknowledged.some((reply) => reply.parentId === c.id))!;
      const edit = await fetch(`${server.url}/api/comments/${early.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', origin: BLOG, authorization: `Bearer ${early.editToken}` },
        body: JSON.stringify({ body: 'Edited after the restore' }),
      });
      expect(edit.status).toBe(200);
      const thread = (await (await fetch(`${server.url}/api/comments?site=blog&page=${early.page}&limit=500`)).json()) as { comments: { id: string; html: string }[] };
      expect(thread.comments.find((c) => c.id === early.id)?.html).toBe('<p>Edited after the restore</p>');
    }, 120_000);
  });

  describe('into a MongoDB server named by MONGODB_URI', () => {
    it('fills an empty database, recounted, and refuses it once it holds the copy', async () => {
      const uri = inject('mongoUri').replace('/?', `/restored_${crypto.randomBytes(4).toString('hex')}?`);
      const env = { MONGODB_URI: uri, PUBLIC_URL };
      const restore = await runCli(['data', 'restore', backupDir], env);
      expect(restore.stderr).toBe('');
      expect(restore.stdout).toMatch(/into MongoDB at mongodb:/);
      const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, MANIFEST_FILE), 'utf8')) as { collections: { name: string; documents: number }[] };
      const connection = await connectMongo(uri, { timeoutMs: 5000 });
      try {
        for (const entry of manifest.collections) {
          expect(await connection.db!.collection(entry.name).countDocuments(), entry.name).toBe(entry.documents);
        }
        expect((await runCli(['data', 'check'], env)).stdout).toBe('blog: 0 comment(s) and 0 page(s) off the recount\n');
        const again = await runCli(['data', 'restore', backupDir], env);
        expect(again.code).toBe(1);
        expect(again.stderr).toContain('is not empty');
      } finally {
        await connection.dropDatabase();
        await connection.close();
      }
    }, 120_000);
  });

  describe('when the target or the backup is not fit', () => {
    it('refuses to restore into a data directory that holds data, and changes nothing there', async () => {
      const before = await exported(sourceDir);
      const res = await cli(['data', 'restore', backupDir], sourceDir);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/is not empty .*restore only into an empty data directory or database/);
      expect(await exported(sourceDir)).toEqual(before);
    }, 60_000);

    it('refuses a folder without a finished backup, and a backup changed since, writing nothing', async () => {
      const target = tempDataDir();
      const unfinished = path.join(tempDataDir(), 'unfinished');
      fs.cpSync(backupDir, unfinished, { recursive: true });
      fs.rmSync(path.join(unfinished, MANIFEST_FILE));
      const noManifest = await cli(['data', 'restore', unfinished], target);
      expect(noManifest.code).toBe(1);
      expect(noManifest.stderr).toContain(`holds no ${MANIFEST_FILE}: not a backup, or one that did not finish`);

      const tampered = path.join(tempDataDir(), 'tampered');
      fs.cpSync(backupDir, tampered, { recursive: true });
      const comments = path.join(tampered, 'comments.bson');
      const bytes = fs.readFileSync(comments);
      const inside = bytes.length - 2;
      bytes.writeUInt8(bytes.readUInt8(inside) ^ 1, inside);
      fs.writeFileSync(comments, bytes);
      const changed = await cli(['data', 'restore', tampered], target);
      expect(changed.code).toBe(1);
      expect(changed.stderr).toContain('comments.bson does not match the backup');

      // Both refusals left the target empty: the real backup still goes in.
      expect((await cli(['data', 'restore', backupDir], target)).code).toBe(0);
    }, 120_000);

    it('refuses to back up into a folder that is not empty, leaving its files alone', async () => {
      const res = await cli(['data', 'backup', backupDir], sourceDir);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('is not empty; back up into a new or empty folder');
      const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, MANIFEST_FILE), 'utf8')) as { finishedAt: string };
      expect(Date.parse(manifest.finishedAt)).toBeLessThanOrEqual(backupEndedAt);
    }, 60_000);
  });
});
