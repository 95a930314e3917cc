import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { authorComment, BLOG_ORIGIN, INBOX_ORIGIN, makeSite, readerComment, signIn, snapshot } from '../support/factories.js';
import { HOSTILE_CORPUS, HOSTILE_QUERIES, type HostileEntry } from './hostile-corpus.js';

const ctx = useTestContext();
const ALLOWED_TAGS = ['p', 'br', 'em', 'strong', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr'];

interface WriteEndpoint {
  name: string;
  method: 'post' | 'patch';
  path: () => string;
  base: () => Record<string, unknown>;
  headers: () => Record<string, string>;
}

let site: Awaited<ReturnType<typeof makeSite>>;
let readerOwn: { id: string; editToken: string };
let authorOwn: { id: string };
let cookie: string;

beforeAll(async () => {
  site = await makeSite(ctx);
  readerOwn = await readerComment(ctx, site, { pageKey: '/p/', body: 'Mine' });
  authorOwn = await authorComment(ctx, site, { pageKey: '/p/', parentId: readerOwn.id, body: 'Answer' });
  cookie = await signIn(ctx, site.author.email);
});

const endpoints: WriteEndpoint[] = [
  {
    name: 'POST /api/comments',
    method: 'post',
    path: () => '/api/comments',
    base: () => ({ site: site.siteId, page: '/p/', name: 'Ann', body: 'Hello' }),
    headers: () => ({ Origin: BLOG_ORIGIN }),
  },
  {
    name: 'PATCH /api/comments/:id (reader)',
    method: 'patch',
    path: () => `/api/comments/${readerOwn.id}`,
    base: () => ({ body: 'Edited' }),
    headers: () => ({ Origin: BLOG_ORIGIN, Authorization: `Bearer ${readerOwn.editToken}` }),
  },
  { name: 'POST /api/preview', method: 'post', path: () => '/api/preview', base: () => ({ body: 'Preview' }), headers: () => ({}) },
  {
    name: 'POST /api/auth/login',
    method: 'post',
    path: () => '/api/auth/login',
    base: () => ({ email: site.author.email, password: 'not the password' }),
    headers: () => ({ Origin: INBOX_ORIGIN }),
  },
  {
    name: 'POST /api/comments/:id/replies',
    method: 'post',
    path: () => `/api/comments/${readerOwn.id}/replies`,
    base: () => ({ body: 'Reply' }),
    headers: () => ({ Origin: INBOX_ORIGIN, Cookie: cookie }),
  },
  {
    name: 'PATCH /api/comments/:id (author)',
    method: 'patch',
    path: () => `/api/comments/${authorOwn.id}`,
    base: () => ({ body: 'Author edit' }),
    headers: () => ({ Origin: INBOX_ORIGIN, Cookie: cookie }),
  },
  {
    name: 'PATCH /api/author/mail',
    method: 'patch',
    path: () => `/api/author/mail?site=${site.siteId}`,
    base: () => ({ notify: 'digest' }),
    headers: () => ({ Origin: INBOX_ORIGIN, Cookie: cookie }),
  },
  {
    name: 'POST /api/author/erase',
    method: 'post',
    path: () => `/api/author/erase?site=${site.siteId}`,
    base: () => ({ email: 'nobody@example.com' }),
    headers: () => ({ Origin: INBOX_ORIGIN, Cookie: cookie }),
  },
];

function send(endpoint: WriteEndpoint, entry: HostileEntry) {
  let req = request(ctx.app)[endpoint.method](endpoint.path()).set(endpoint.headers());
  if (entry.raw !== undefined) {
    const raw = typeof entry.raw === 'string' ? entry.raw.replaceAll('SITE', site.siteId) : entry.raw;
    return req.set('Content-Type', 'application/json').send(raw);
  }
  req = req.set('Content-Type', 'application/json');
  return req.send(JSON.stringify({ ...endpoint.base(), ...entry.fields }));
}

function expectErrorShape(res: request.Response, label: string) {
  expect(res.status, label).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers['content-type'], label).toMatch(/^application\/json/);
    expect(typeof res.body.error?.code, label).toBe('string');
    expect(typeof res.body.error?.message, label).toBe('string');
    expect(JSON.stringify(res.body), label).not.toMatch(/at .*\.(js|ts):\d+/);
  }
}

describe('the hostile-input corpus', () => {
  it('has at least 80 entries', () => {
    expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(80);
  });

  // One test per endpoint: each is a few hundred requests, short enough for a busy machine.
  it.each(endpoints.map((endpoint) => [endpoint.name, endpoint] as const))(
    'sent to %s: never a 5xx, every refusal a 4xx in the error shape that changes nothing',
    async (_, endpoint) => {
      for (const entry of HOSTILE_CORPUS) {
        const label = `${endpoint.name} ← ${entry.name}`;
        const before = await snapshot(ctx);
        const res = await send(endpoint, entry);
        expectErrorShape(res, label);
        if (res.status >= 400) {
          expect(await snapshot(ctx), `${label} changed the database`).toBe(before);
        }
      }
    },
  );

  it('leaves only safe HTML, clean names and http(s) websites in what was stored', async () => {
    const comments = await ctx.models.Comment.find({ siteId: site.siteId }).lean();
    expect(comments.length).toBeGreaterThan(10);
    for (const comment of comments) {
      const label = `comment ${comment._id.toHexString()}: ${comment.html.slice(0, 80)}`;
      // Every real tag (text shows as &lt;…&gt;) is an allowed one, with no attribute but a link's.
      for (const [, tag, attributes] of comment.html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)) {
        expect(ALLOWED_TAGS, label).toContain(tag!.toLowerCase());
        const names = [...attributes!.matchAll(/\s([^\s=]+)\s*=/g)].map((m) => m[1]!.toLowerCase());
        for (const name of names) expect(['href', 'rel'], label).toContain(name);
        const href = /\shref="([^"]*)"/.exec(attributes!)?.[1];
        if (href !== undefined) expect(href, label).toMatch(/^(https?:|mailto:)/);
      }
      expect(comment.name, label).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
      expect(comment.name, label).toBe(comment.name.normalize('NFC'));
      expect(comment.name.length, label).toBeLessThanOrEqual(80);
      if (comment.website) expect(comment.website, label).toMatch(/^https?:\/\/[^\s"<>]+$/);
      if (comment.email) expect(comment.email, label).not.toMatch(/[\r\n\u0000]/);
    }
  });

  it('as query strings to every read endpoint: never a 5xx, refusals in the error shape', async () => {
    for (const path of ['/api/comments', '/api/counts', '/api/inbox', '/api/stats', '/api/author/mail', '/api/author/export']) {
      for (const query of HOSTILE_QUERIES) {
        const url = `${path}?${query.replaceAll('SITE', site.siteId)}`;
        const res = await request(ctx.app).get(url).set('Cookie', cookie);
        expectErrorShape(res, url);
      }
    }
  });

  it('as query strings to the pages mail links open: a page saying the link is not valid, never a 5xx', async () => {
    for (const path of ['/mail/confirm', '/mail/unsubscribe']) {
      for (const query of HOSTILE_QUERIES) {
        const url = `${path}?${query.replaceAll('SITE', site.siteId)}`;
        for (const method of ['get', 'post'] as const) {
          const res = await request(ctx.app)[method](url);
          expect(res.status, `${method} ${url}`).toBe(400);
          expect(res.text, `${method} ${url}`).toContain('This link is not valid.');
        }
      }
    }
  });

  it('pollutes no prototype, and the server still answers', async () => {
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect((await request(ctx.app).get('/healthz')).status).toBe(200);
    const thread = await request(ctx.app).get('/api/comments').query({ site: site.siteId, page: '/p/' });
    expect(thread.status).toBe(200);
  });
});
