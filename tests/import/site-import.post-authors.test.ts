import { describe, expect, it } from 'vitest';
import type { ImportOptions } from '../../api/services/import/site-import.js';
import { makeSite, readerComment, snapshot } from '../support/factories.js';
import { useTestContext, type TestContext } from '../support/test-context.js';
import { disqusExport, wordpressBlogExport, type WordPressPost } from './exports.js';
import { streamOf } from './read-export.js';

const ctx = useTestContext();

const importInto = (siteId: string, file: string, options: ImportOptions = {}) =>
  ctx.services.siteImport.run(siteId, streamOf(file, 97), options, ctx.clock.now());

/** A site with two authors: Sonia (makeSite's) and Maya. */
async function makeTwoAuthorSite(context: TestContext) {
  const site = await makeSite(context);
  const { author: maya } = await context.services.authors.create(
    { siteId: site.siteId, name: 'Maya', email: `maya-${site.siteId}@example.com`, password: 'correct horse battery' },
    context.clock.now(),
  );
  return { ...site, sonia: site.author, maya };
}

/** Each stored page's author, by key: the id in hex, or null. */
const pageAuthors = async (siteId: string) =>
  Object.fromEntries((await ctx.models.Page.find({ siteId }).lean()).map((page) => [page.key, page.authorId?.toHexString() ?? null]));

const RECENT = '2026-02-20T10:00:00Z';

const post = (id: string, creator: string): WordPressPost => ({
  id, link: `https://old.example.com/${id}/`, title: `Post ${id}`, creator, comments: [{ id: '1', dateGmt: '2026-02-20 10:00:00' }],
});

describe('importing posts with their authors', () => {
  describe('from a WordPress export', () => {
    it('gives each post the site author its dc:creator login leads to: by the wp:author email, or by --author on the login', async () => {
      const site = await makeTwoAuthorSite(ctx);
      const users = [
        { id: '2', login: 'sonia', email: site.sonia.email, name: 'Sonia S.' },
        { id: '3', login: 'bob', email: 'bob@old-blog.example', name: 'Bob' },
        { id: '4', login: 'carol', email: 'carol@old-blog.example', name: 'Carol' },
      ];
      const file = wordpressBlogExport([post('10', 'Sonia'), post('11', 'bob'), post('12', 'carol'), post('13', 'nobody-listed')], users);
      const summary = await importInto(site.siteId, file, { authors: [{ from: 'bob', to: site.maya.email }] });

      expect(summary).toMatchObject({ pages: 4, comments: 4, pageAuthors: 2 });
      expect(await pageAuthors(site.siteId)).toEqual({
        '/10/': site.sonia._id.toHexString(),
        '/11/': site.maya._id.toHexString(),
        '/12/': null,
        '/13/': null,
      });
    });

    it('finds the author of a post whose wp:author the file lists only after it', async () => {
      const site = await makeTwoAuthorSite(ctx);
      const file = wordpressBlogExport([post('20', 'maya')], [{ id: '5', login: 'maya', email: site.maya.email, name: 'Maya' }], true);
      expect(await importInto(site.siteId, file)).toMatchObject({ pageAuthors: 1 });
      expect(await pageAuthors(site.siteId)).toEqual({ '/20/': site.maya._id.toHexString() });
    });
  });

  describe('from a Disqus export', () => {
    it('gives a thread the site author its author is by email, or by --author on the Disqus username; a reader’s thread none', async () => {
      const site = await makeTwoAuthorSite(ctx);
      const file = disqusExport([
        { id: '30', link: 'https://old.example.com/by-email/', author: { name: 'S', email: site.sonia.email.toUpperCase() } },
        { id: '31', link: 'https://old.example.com/by-username/', author: { name: 'M', username: 'mayasold' } },
        { id: '32', link: 'https://old.example.com/by-reader/', author: { name: 'Ann', email: 'ann@example.com', username: 'ann' } },
        { id: '1', thread: '30', createdAt: RECENT },
        { id: '2', thread: '31', createdAt: RECENT },
        { id: '3', thread: '32', createdAt: RECENT },
      ]);
      const summary = await importInto(site.siteId, file, { authors: [{ from: 'MayasOld', to: site.maya.email }] });

      expect(summary).toMatchObject({ pages: 3, pageAuthors: 2 });
      expect(await pageAuthors(site.siteId)).toEqual({
        '/by-email/': site.sonia._id.toHexString(),
        '/by-username/': site.maya._id.toHexString(),
        '/by-reader/': null,
      });
    });
  });

  describe('into pages that are already there', () => {
    it('fills in the author of a page that had none, never changes one already set, and counts the same on a dry run without writing', async () => {
      const site = await makeTwoAuthorSite(ctx);
      const thread = (id: string, path: string) => ({ id, link: `https://old.example.com${path}`, author: { name: 'Old handle', username: 'oldhandle' } });
      await importInto(site.siteId, disqusExport([thread('40', '/set/'), { id: '1', thread: '40', createdAt: RECENT }]), { authors: [{ from: 'oldhandle', to: site.sonia.email }] });
      await readerComment(ctx, site, { pageKey: '/unset/' });
      expect(await pageAuthors(site.siteId)).toEqual({ '/set/': site.sonia._id.toHexString(), '/unset/': null });

      const later = disqusExport([
        thread('40', '/set/'), thread('41', '/unset/'),
        { id: '1', thread: '40', createdAt: RECENT }, { id: '2', thread: '40', createdAt: RECENT }, { id: '3', thread: '41', createdAt: RECENT },
      ]);
      const toMaya: ImportOptions = { authors: [{ from: 'oldhandle', to: site.maya.email }] };
      const before = await snapshot(ctx);
      const dry = await importInto(site.siteId, later, { ...toMaya, dryRun: true });
      expect(dry).toMatchObject({ dryRun: true, pages: 2, pageAuthors: 1 });
      expect(await snapshot(ctx)).toEqual(before);

      const summary = await importInto(site.siteId, later, toMaya);
      expect(summary).toMatchObject({ dryRun: false, pages: 2, comments: 2, pageAuthors: 1 });
      expect(await pageAuthors(site.siteId)).toEqual({ '/set/': site.sonia._id.toHexString(), '/unset/': site.maya._id.toHexString() });
    });
  });
});
