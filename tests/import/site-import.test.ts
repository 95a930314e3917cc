import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { replyPlacement } from '../../api/services/comments/reply-placement.js';
import type { ImportOptions } from '../../api/services/import/site-import.js';
import { DEFAULT_MAX_REPLY_DEPTH } from '../../api/services/services.js';
import { differencesFromRecount } from '../support/awaiting-oracle.js';
import { makeSite, readerComment, snapshot } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';
import { disqusExport, wordpressExport, type DisqusPost } from './exports.js';
import { streamOf } from './read-export.js';

const ctx = useTestContext();

const importInto = (siteId: string, file: string, options: ImportOptions = {}) =>
  ctx.services.siteImport.run(siteId, streamOf(file, 97), options, ctx.clock.now());

const storedBySource = async (siteId: string) =>
  new Map((await ctx.models.Comment.find({ siteId }).lean()).map((comment) => [comment.importSource?.id ?? comment._id.toHexString(), comment]));

const thread = async (siteId: string, page: string) => (await request(ctx.app).get('/api/comments').query({ site: siteId, page })).body;

// The test clock says 2026-03-02: "recent" is inside the default 30 days, "old" long before.
const RECENT = '2026-02-20T10:00:00Z';
const LATER = '2026-02-21T10:00:00Z';
const OLD = '2019-05-01T10:00:00Z';

describe('importing a Disqus export into a site', () => {
  it('puts every reply under its parent whatever order the file lists them in, with counters the recount agrees with', async () => {
    const site = await makeSite(ctx);
    const summary = await importInto(site.siteId, disqusExport([
      { id: '3', thread: '10', parent: '2', createdAt: LATER },
      { id: '2', thread: '10', parent: '1', createdAt: RECENT },
      { id: '10', link: 'https://old.example.com/2020/hello/?utm_source=feed#disqus_thread', title: 'Hello' },
      { id: '1', thread: '10', createdAt: RECENT, message: '<p>Top question?</p>' },
      { id: '4', thread: '10', parent: '999', createdAt: RECENT },
    ]));
    expect(summary).toMatchObject({ format: 'disqus', pages: 1, comments: 4, published: 4, orphans: 1, skippedCount: 0, dryRun: false });

    const stored = await storedBySource(site.siteId);
    expect(stored.get('2')!.parentId).toEqual(stored.get('1')!._id);
    expect(stored.get('3')!.ancestors).toEqual([stored.get('1')!._id, stored.get('2')!._id]);
    // A reply whose parent the file lacks starts a thread of its own rather than vanishing.
    expect(stored.get('4')!.parentId ?? null).toBeNull();
    expect(await differencesFromRecount(ctx, site.siteId, '/2020/hello/')).toEqual([]);

    const page = await thread(site.siteId, '/2020/hello/');
    expect(page.page).toMatchObject({ title: 'Hello', url: 'https://old.example.com/2020/hello/', commentCount: 4 });
    expect(page.comments.map((c: { html: string }) => c.html)).toContain('<p>Top question?</p>');
  });

  it('keeps spam as spam, a removed comment only as a placeholder for its replies, and drops one nobody answered', async () => {
    const site = await makeSite(ctx);
    const summary = await importInto(site.siteId, disqusExport([
      { id: '20', link: 'https://old.example.com/status/' },
      { id: '1', thread: '20', createdAt: RECENT, deleted: true, message: '<p>I regret this</p>', name: 'Regretful' },
      { id: '2', thread: '20', parent: '1', createdAt: LATER },
      { id: '3', thread: '20', createdAt: RECENT, deleted: true },
      { id: '4', thread: '20', createdAt: RECENT, spam: true, message: '<p>Cheap pills</p>' },
    ]));
    expect(summary).toMatchObject({ comments: 3, published: 1, spam: 1, deleted: 1, waiting: 1 });
    const stored = await storedBySource(site.siteId);
    expect(stored.has('3')).toBe(false);
    expect(stored.get('1')).toMatchObject({ status: 'deleted', body: '', name: 'Deleted' });
    expect(stored.get('4')).toMatchObject({ status: 'spam' });
    const page = await thread(site.siteId, '/status/');
    expect(page.comments).toHaveLength(2);
    expect(page.comments[0]).toMatchObject({ removed: true, html: '' });
    expect(JSON.stringify(page)).not.toMatch(/regret|Regretful|pills/i);
    expect(page.page).toMatchObject({ commentCount: 1, awaitingReply: 1 });
  });

  it('knows the author by email, or by the username the import maps, and counts their answers on the threads above', async () => {
    const site = await makeSite(ctx);
    const file = disqusExport([
      { id: '30', link: 'https://old.example.com/authors/' },
      { id: '1', thread: '30', createdAt: RECENT, name: 'Ann' },
      { id: '2', thread: '30', parent: '1', createdAt: LATER, name: 'The Blogger', email: site.author.email.toUpperCase() },
      { id: '3', thread: '30', createdAt: RECENT, name: 'Bo' },
      { id: '4', thread: '30', parent: '3', createdAt: LATER, name: 'Old Handle', username: 'oldhandle' },
      { id: '5', thread: '30', createdAt: RECENT, name: 'Cy' },
    ]);
    await expect(importInto(site.siteId, file, { authors: [{ from: 'oldhandle', to: 'nobody@example.com' }] })).rejects.toMatchObject({ status: 400, fields: { author: { problem: 'choice' } } });
    expect(await ctx.models.Comment.countDocuments({ siteId: site.siteId })).toBe(0);

    const summary = await importInto(site.siteId, file, { authors: [{ from: 'OldHandle', to: site.author.email }] });
    expect(summary).toMatchObject({ authorComments: 2, waiting: 1, authors: [{ email: site.author.email, name: 'Sonia', comments: 2 }] });
    const stored = await storedBySource(site.siteId);
    for (const id of ['2', '4']) expect(stored.get(id)).toMatchObject({ isAuthor: true, authorId: site.author._id, name: 'Sonia', email: null });
    expect(stored.get('1')).toMatchObject({ awaitingReply: false, authorRepliesBelow: 1 });
    expect(stored.get('5')).toMatchObject({ awaitingReply: true });
    expect(await differencesFromRecount(ctx, site.siteId, '/authors/')).toEqual([]);
  });

  it('marks unanswered comments older than the cut-off as needing no reply, and lets recent ones wait', async () => {
    const site = await makeSite(ctx);
    const file = disqusExport([
      { id: '40', link: 'https://old.example.com/cut-off/' },
      { id: '1', thread: '40', createdAt: OLD },
      { id: '2', thread: '40', createdAt: RECENT },
    ]);
    const byDefault = await importInto(site.siteId, file, { dryRun: true });
    expect(byDefault).toMatchObject({ dryRun: true, waiting: 1, noReplyNeeded: 1, waitingSince: '2026-01-31T09:00:00.000Z' });
    const wider = await importInto(site.siteId, file, { waitingSince: new Date('2019-01-01T00:00:00Z') });
    expect(wider).toMatchObject({ waiting: 2, noReplyNeeded: 0 });
    expect((await thread(site.siteId, '/cut-off/')).page.awaitingReply).toBe(2);
  });

  it('writes nothing on a dry run', async () => {
    const site = await makeSite(ctx);
    const before = await snapshot(ctx);
    const summary = await importInto(site.siteId, disqusExport([{ id: '50', link: 'https://old.example.com/dry/' }, { id: '1', thread: '50', createdAt: RECENT }]), { dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, comments: 1, pages: 1 });
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('imports the same file twice as once, and a later export only adds what is new, answering what waited', async () => {
    const site = await makeSite(ctx);
    const posts: Array<DisqusPost | { id: string; link: string }> = [
      { id: '60', link: 'https://old.example.com/again/' },
      { id: '1', thread: '60', createdAt: RECENT },
      { id: '2', thread: '60', parent: '1', createdAt: LATER },
    ];
    await importInto(site.siteId, disqusExport(posts));
    const again = await importInto(site.siteId, disqusExport(posts));
    expect(again).toMatchObject({ comments: 0, alreadyImported: 2 });
    expect(await ctx.models.Comment.countDocuments({ siteId: site.siteId })).toBe(2);
    expect((await thread(site.siteId, '/again/')).page).toMatchObject({ commentCount: 2, awaitingReply: 2 });

    const later = await importInto(site.siteId, disqusExport([...posts, { id: '3', thread: '60', parent: '2', createdAt: LATER, email: site.author.email }]));
    expect(later).toMatchObject({ comments: 1, alreadyImported: 2, authorComments: 1 });
    const stored = await storedBySource(site.siteId);
    expect(stored.get('3')!.ancestors).toEqual([stored.get('1')!._id, stored.get('2')!._id]);
    expect((await thread(site.siteId, '/again/')).page).toMatchObject({ commentCount: 3, awaitingReply: 0 });
    expect(await differencesFromRecount(ctx, site.siteId, '/again/')).toEqual([]);
  });

  it('places replies deeper than a thread may go as the reply form would, across a re-import too, and counts the author answers on each', async () => {
    const site = await makeSite(ctx);
    const chain = (length: number, authorAt = 0) => [
      ...Array.from({ length }, (_, i) => ({ id: String(i + 1), thread: '80', parent: i ? String(i) : undefined, createdAt: RECENT, email: i + 1 === authorAt ? site.author.email : undefined })),
      { id: '80', link: 'https://old.example.com/deep/' },
    ].reverse();
    await importInto(site.siteId, disqusExport(chain(DEFAULT_MAX_REPLY_DEPTH + 3)));
    const later = await importInto(site.siteId, disqusExport(chain(DEFAULT_MAX_REPLY_DEPTH + 7, DEFAULT_MAX_REPLY_DEPTH + 7)));
    expect(later).toMatchObject({ comments: 4, alreadyImported: DEFAULT_MAX_REPLY_DEPTH + 3, authorComments: 1 });

    const stored = await storedBySource(site.siteId);
    const answersAbove = new Map<string, number>();
    for (const comment of stored.values()) {
      if (comment.isAuthor) for (const id of comment.ancestors) answersAbove.set(id.toHexString(), (answersAbove.get(id.toHexString()) ?? 0) + 1);
    }
    for (let i = 2; i <= DEFAULT_MAX_REPLY_DEPTH + 7; i++) {
      const comment = stored.get(String(i))!;
      const expected = replyPlacement(stored.get(String(i - 1))!, DEFAULT_MAX_REPLY_DEPTH);
      expect({ parentId: comment.parentId, ancestors: comment.ancestors, inReplyTo: comment.inReplyTo ?? null }, `comment ${i}`).toEqual(expected);
    }
    for (const comment of stored.values()) expect(comment.authorRepliesBelow, `comment ${comment.importSource!.id}`).toBe(answersAbove.get(comment._id.toHexString()) ?? 0);
    const waiting = [...stored.values()].filter((comment) => comment.awaitingReply).length;
    // The answer counts on the 30 levels above it and on the comment it answers: 31 to 35 still wait.
    expect(waiting).toBe(5);
    expect((await thread(site.siteId, '/deep/')).page).toMatchObject({ commentCount: DEFAULT_MAX_REPLY_DEPTH + 7, awaitingReply: waiting });
  });

  it('imports replies that answer each other in a loop, moving one of them to the top of the page', async () => {
    const site = await makeSite(ctx);
    const summary = await importInto(site.siteId, disqusExport([
      { id: '90', link: 'https://old.example.com/loop/' },
      { id: '1', thread: '90', parent: '2', createdAt: RECENT },
      { id: '2', thread: '90', parent: '1', createdAt: RECENT },
      { id: '3', thread: '90', parent: '2', createdAt: LATER, email: site.author.email },
    ]));
    expect(summary).toMatchObject({ comments: 3, orphans: 0 });
    const stored = await storedBySource(site.siteId);
    const tops = [...stored.values()].filter((comment) => !comment.parentId);
    expect(tops).toHaveLength(1);
    expect(stored.get('3')!.parentId).toEqual(stored.get('2')!._id);
    expect(await differencesFromRecount(ctx, site.siteId, '/loop/')).toEqual([]);
  });

  it('runs two imports of one file at once as one: the second waits for the first, then finds everything there', async () => {
    const site = await makeSite(ctx);
    const items: Array<DisqusPost | { id: string; link: string }> = [{ id: '70', link: 'https://old.example.com/twice/' }];
    for (let i = 1; i <= 1200; i++) items.push({ id: String(i), thread: '70', parent: i % 3 ? String(i - 1) : undefined, createdAt: RECENT });
    const file = disqusExport(items);
    let second: ReturnType<typeof importInto> | undefined;
    let waited = 0;
    // The second starts while the first is reading, holding the site's import lock.
    const first = await importInto(site.siteId, file, { onProgress: () => void (second ??= importInto(site.siteId, file, { onWait: () => waited++ })) });
    const then = await second!;
    expect(waited).toBe(1);
    expect([first.comments, first.alreadyImported]).toEqual([1200, 0]);
    expect([then.comments, then.alreadyImported]).toEqual([0, 1200]);
    expect(await ctx.models.Comment.countDocuments({ siteId: site.siteId })).toBe(1200);
    expect(await differencesFromRecount(ctx, site.siteId, '/twice/')).toEqual([]);
  });

  it('refuses a broken or cut-short file before writing anything', async () => {
    const site = await makeSite(ctx);
    await readerComment(ctx, site, { body: 'Already here.' });
    const before = await snapshot(ctx);
    const whole = disqusExport([{ id: '80', link: 'https://old.example.com/broken/' }, { id: '1', thread: '80', createdAt: RECENT }]);
    await expect(importInto(site.siteId, whole.slice(0, whole.length - 20))).rejects.toThrow(/not well-formed|cut short/);
    await expect(importInto(site.siteId, '{"this is": "no export"}')).rejects.toThrow();
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('renders whatever the file holds as safe text: no script, no handler, no javascript: link', async () => {
    const site = await makeSite(ctx);
    await importInto(site.siteId, disqusExport([
      { id: '90', link: 'https://old.example.com/hostile/', title: '<img src=x onerror=alert(1)>' },
      {
        id: '1', thread: '90', createdAt: RECENT, name: '<script>alert(1)</script>Eve',
        message: '<p onclick="alert(1)">Hi <a href="javascript:alert(1)">there</a><script>alert(2)</script><iframe src="https://evil.example"></iframe></p>',
      },
    ]));
    const page = await thread(site.siteId, '/hostile/');
    expect(page.comments[0].html).toBe('<p>Hi there</p>');
    // Names and titles are text: the API hands them over as typed, and the widget and inbox show them as text.
    expect(page.comments[0].author.name).toBe('<script>alert(1)</script>Eve');
    expect(page.page.title).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('importing a WordPress export', () => {
  it('knows the author through the old blog’s user id, keeps held comments held, and never makes a pingback wait', async () => {
    const site = await makeSite(ctx);
    const summary = await importInto(site.siteId, wordpressExport(
      {
        id: '7', link: 'https://old.example.com/?p=7', title: 'A post', comments: [
          { id: '1', dateGmt: '2026-02-20 10:00:00', content: 'A question?' },
          { id: '2', parent: '1', userId: '3', author: 'admin', dateGmt: '2026-02-21 10:00:00', content: 'An answer.' },
          { id: '3', dateGmt: '2026-02-22 10:00:00', type: 'pingback', author: 'Another blog', content: '[…] linked here […]' },
          { id: '4', dateGmt: '2026-02-22 11:00:00', approved: '0', content: 'Held for approval' },
          { id: '5', dateGmt: '2026-02-22 12:00:00', approved: 'trash' },
        ],
      },
      [{ id: '3', login: 'admin', email: site.author.email, name: 'Sonia S.' }],
    ));
    expect(summary).toMatchObject({ format: 'wordpress', comments: 4, published: 3, pending: 1, mentions: 1, authorComments: 1, waiting: 0, skippedCount: 1 });
    const stored = await storedBySource(site.siteId);
    expect(stored.get('7:2') ?? [...stored.values()].find((c) => c.isAuthor)).toMatchObject({ isAuthor: true, authorId: site.author._id });
    const pingback = [...stored.values()].find((c) => c.type === 'pingback')!;
    expect(pingback).toMatchObject({ awaitingReply: false, status: 'published' });

    const page = await thread(site.siteId, '/?p=7');
    const types = page.comments.map((c: { type: string }) => c.type).sort();
    expect(types).toEqual(['comment', 'comment', 'pingback']);
    expect(page.page).toMatchObject({ commentCount: 3, awaitingReply: 0 });
  });
});

describe('a Rapport export imported into another site', () => {
  it('brings the same threads, authors’ answers and waiting state', async () => {
    const from = await makeSite(ctx);
    await importInto(from.siteId, disqusExport([
      { id: '100', link: 'https://old.example.com/round-trip/' },
      { id: '1', thread: '100', createdAt: RECENT, message: '<p>Still waiting?</p>' },
      { id: '2', thread: '100', createdAt: RECENT },
      { id: '3', thread: '100', parent: '2', createdAt: LATER, email: from.author.email },
    ]));
    const exported = JSON.stringify(await ctx.services.siteData.exportSite(from.siteId, ctx.clock.now()));

    const to = await makeSite(ctx);
    await ctx.services.authors.create({ siteId: to.siteId, name: 'Sonia', email: from.author.email, password: 'correct horse battery' }, ctx.clock.now());
    const summary = await importInto(to.siteId, exported);
    expect(summary).toMatchObject({ format: 'rapport', comments: 3, authorComments: 1, waiting: 1 });
    const original = await thread(from.siteId, '/round-trip/');
    const copy = await thread(to.siteId, '/round-trip/');
    const shape = (body: { comments: Array<{ html: string; awaitingReply: boolean; author: { isAuthor: boolean } }> }) =>
      body.comments.map((c) => [c.html, c.awaitingReply, c.author.isAuthor]);
    expect(shape(copy)).toEqual(shape(original));
    expect(copy.page).toMatchObject({ commentCount: 3, awaitingReply: 1 });
  });
});
