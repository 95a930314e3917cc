import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Akismet } from '../../api/services/comments/akismet.js';
import { createServices } from '../../api/services/services.js';
import { useTestContext } from '../support/test-context.js';
import { makeSite } from '../support/factories.js';

const ctx = useTestContext();

/**
 * Akismet cannot be reached from here; this in-process server answers its comment-check the
 * way Akismet documents it (`viagra-test-123` as the author is always spam), or misbehaves on
 * request, so every outcome can be exercised.
 */
let server: http.Server;
let url: string;
const received: URLSearchParams[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      received.push(form);
      const content = form.get('comment_content') ?? '';
      if (content.includes('[slow]')) return; // never answers
      if (content.includes('[broken]')) return void res.writeHead(500).end('oops');
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(form.get('comment_author') === 'viagra-test-123' ? 'true' : 'false');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/1.1/comment-check`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('Akismet, when AKISMET_KEY is set', () => {
  it('marks what it calls spam, publishes what it clears, and holds a comment when it is slow or failing', async () => {
    const site = await makeSite(ctx);
    const services = createServices(ctx.models, 'test-secret-test-secret-test-secret', {
      publicUrl: 'http://127.0.0.1:9',
      akismet: new Akismet({ key: 'test-key', url, timeoutMs: 300 }),
    });
    const post = async (name: string, body: string) =>
      (
        await services.commentWriter.postReaderComment(
          { siteId: site.siteId, pageKey: '/a/', name, body, client: { ip: '203.0.113.7', userAgent: 'Test/1.0' } },
          undefined,
          ctx.clock.now(),
        )
      ).comment;
    const stored = async (comment: { id: string }) => (await ctx.models.Comment.findById(comment.id).lean())?.status;

    // Spam answers its writer as a held comment does; only the stored status says spam.
    const spam = await post('viagra-test-123', 'Buy now');
    expect([spam.status, await stored(spam)]).toEqual(['pending', 'spam']);
    expect((await post('Ann', 'A thoughtful comment')).status).toBe('published');
    const started = Date.now();
    expect((await post('Bo', 'Slow check [slow]')).status).toBe('pending');
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await post('Cy', 'Failing check [broken]')).status).toBe('pending');

    const first = received[0]!;
    expect(first.get('api_key')).toBe('test-key');
    expect(first.get('user_ip')).toBe('203.0.113.7');
    expect(first.get('user_agent')).toBe('Test/1.0');
    expect(first.get('comment_type')).toBe('comment');
    // Nothing of the sender's address is kept.
    expect(JSON.stringify(await ctx.models.Comment.find({ siteId: site.siteId }).lean())).not.toContain('203.0.113.7');
  });
});
