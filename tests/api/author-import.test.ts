import http from 'node:http';
import zlib from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/limits.js';
import { disqusExport } from '../import/exports.js';
import { listen } from '../support/browser.js';
import { INBOX_ORIGIN, makeSite, signIn, snapshot } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';

// POST /api/author/import: the importer behind the inbox's upload, as an author's browser calls it.
const ctx = useTestContext();
const RECENT = '2026-02-20T10:00:00Z';

const smallExport = (author: string) =>
  disqusExport([
    { id: '10', link: 'https://old.example.com/2020/hello/', title: 'Hello' },
    { id: '1', thread: '10', createdAt: RECENT, name: 'Ann', message: '<p>A question?</p>' },
    { id: '2', thread: '10', parent: '1', createdAt: RECENT, name: 'Sonia', username: 'sonia-old', email: author },
    { id: '3', thread: '10', createdAt: RECENT, name: 'Bo' },
  ]);

async function signedInSite() {
  const site = await makeSite(ctx);
  return { ...site, cookie: await signIn(ctx, site.author.email) };
}

const upload = (site: { siteId: string; cookie: string }, body: string | Buffer, query: Record<string, string | string[]> = {}) =>
  request(ctx.app)
    .post('/api/author/import')
    .query({ site: site.siteId, ...query })
    .set({ Origin: INBOX_ORIGIN, Cookie: site.cookie, 'Content-Type': 'application/octet-stream' })
    .send(body);

describe('POST /api/author/import', () => {
  it('imports an uploaded export, gzip or not, and answers the summary; the same file again adds nothing', async () => {
    const site = await signedInSite();
    const file = smallExport(site.author.email);
    const res = await upload(site, zlib.gzipSync(file));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'disqus', pages: 1, comments: 3, authorComments: 1, waiting: 1, alreadyImported: 0, dryRun: false });
    expect(res.body.authors).toEqual([{ email: site.author.email, name: 'Sonia', comments: 1 }]);
    const thread = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/2020/hello/' });
    expect(thread.body.comments.map((c: { author: { name: string } }) => c.author.name)).toEqual(['Ann', 'Sonia', 'Bo']);

    const again = await upload(site, file);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ comments: 0, alreadyImported: 3 });
  });

  it('takes the options the CLI takes, in the query: a dry run writes nothing, --author maps a username', async () => {
    const site = await signedInSite();
    const before = await snapshot(ctx);
    const file = smallExport('sonia@old-address.example');
    const res = await upload(site, file, { dryRun: 'true', author: `sonia-old=${site.author.email}`, waitingSince: '2026-02-25' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, comments: 3, authorComments: 1, waiting: 0, noReplyNeeded: 1, waitingSince: '2026-02-25T00:00:00.000Z' });
    expect(await snapshot(ctx)).toBe(before);
  });

  it('reads a JSON export as a stream whatever its content type says, past the 64 KB the JSON API takes', async () => {
    const site = await signedInSite();
    const comments = Array.from({ length: 300 }, (_, i) => ({
      id: i + 1, parent: null, created: '2026-02-20 10:00:00', text: `Comment ${i} ${'words '.repeat(40)}`, author: `Reader ${i}`, email: null, website: null,
    }));
    const isso = JSON.stringify([{ id: '/post/', title: 'A post', comments }]);
    expect(isso.length).toBeGreaterThan(64 * 1024);
    const res = await upload(site, isso).set('Content-Type', 'application/json');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ format: 'isso', comments: 300, pages: 1 });
    // A JSON file of another shape is refused by the importer, not by the JSON body parser.
    const flat = await upload(site, JSON.stringify(comments)).set('Content-Type', 'application/json');
    expect(flat.status).toBe(422);
    expect(flat.body.error.message).toMatch(/^The file is not an export this importer knows/);
  });

  it('refuses a broken file with 422 naming the line and column, and writes nothing', async () => {
    const site = await signedInSite();
    const before = await snapshot(ctx);
    const broken = smallExport(site.author.email).replace('</thread>', '</thraed>');
    const res = await upload(site, broken);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('bad_export');
    expect(res.body.error.message).toMatch(/^Disqus XML is not well-formed at line \d+, column \d+: expected /);
    expect(await snapshot(ctx)).toBe(before);
    const empty = await upload(site, '');
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toBe('The export file is empty');
  });

  it('names the option that is wrong, with 400, before reading the file', async () => {
    const site = await signedInSite();
    const before = await snapshot(ctx);
    const cases: Array<[Record<string, string | string[]>, string, string]> = [
      [{ format: 'csv' }, 'format', 'choice'],
      [{ waitingSince: 'last spring' }, 'waitingSince', 'invalid'],
      [{ author: 'nobody' }, 'author', 'format'],
      [{ author: ['a=b@example.com', 'sonia-old=stranger@example.com'] }, 'author', 'choice'],
      [{ baseUrl: 'javascript:alert(1)' }, 'baseUrl', 'url'],
      [{ dryRun: 'perhaps' }, 'dryRun', 'choice'],
    ];
    for (const [query, field, problem] of cases) {
      const res = await upload(site, smallExport(site.author.email), query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.fieldCodes, JSON.stringify(query)).toEqual({ [field]: problem });
    }
    expect(await snapshot(ctx)).toBe(before);
  });

  it('is for the site’s own authors only, from the inbox’s origin', async () => {
    const site = await signedInSite();
    const other = await signedInSite();
    const before = await snapshot(ctx);
    const file = smallExport(site.author.email);
    expect((await request(ctx.app).post('/api/author/import').query({ site: site.siteId }).set('Origin', INBOX_ORIGIN).send(file)).status).toBe(401);
    const elsewhere = await upload({ siteId: site.siteId, cookie: other.cookie }, file);
    expect(elsewhere.status).toBe(404);
    const foreign = await upload(site, file).set('Origin', 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await snapshot(ctx)).toBe(before);
  });

  it('answers 413 at once to an upload that says it is over 200 MB, without waiting for its bytes', async () => {
    const site = await signedInSite();
    const server = await listen(ctx.app);
    try {
      const url = new URL(`/api/author/import?site=${site.siteId}`, server.url);
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(url, {
          method: 'POST',
          headers: { Origin: INBOX_ORIGIN, Cookie: site.cookie, 'Content-Length': String(LIMITS.importBytes + 1) },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        // Only the first bytes are ever sent: the answer must not depend on the rest.
        req.write('<?xml version="1.0"?><disqus>');
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).error.code).toBe('too_large');
    } finally {
      await server.close();
    }
  });
});
