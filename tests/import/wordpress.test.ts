import { describe, expect, it } from 'vitest';
import { fixture, readExport } from './read-export.js';

describe('reading a WordPress WXR export', () => {
  it('gives the site users as authors, with their id when the export has one', async () => {
    const read = await readExport(fixture('wordpress.xml'));
    expect(read.format).toBe('wordpress');
    expect(read.authors).toEqual([
      { kind: 'author', sourceId: '2', login: 'sonia', email: 'sonia@example.com', name: 'Sonia & Co' },
      { kind: 'author', sourceId: null, login: 'guest', email: 'guest@example.com', name: 'guest' },
    ]);
  });

  it('gives a page for each post with comments (https namespace), keyed by path and query, before its comments', async () => {
    const read = await readExport(fixture('wordpress.xml'));
    expect(read.pages).toEqual([
      { kind: 'page', sourceId: '4', key: '/2014/hello/', url: 'http://example.tld/2014/hello/', title: 'Hello, World…', creator: { name: null, username: 'sonia', email: null }, closed: true },
      { kind: 'page', sourceId: '7', key: '/?p=7', url: 'http://example.tld/?p=7', title: 'Second', creator: null, closed: false },
    ]);
    const kinds = read.records.map((r) => (r.kind === 'page' ? `page ${r.sourceId}` : r.kind));
    expect(kinds.indexOf('page 4')).toBeLessThan(kinds.indexOf('comment'));
  });

  it('scopes comment ids by post, so the same id in two posts makes two comments, and keeps replies listed before their parent', async () => {
    const read = await readExport(fixture('wordpress.xml'));
    expect(read.comment('4#12')).toMatchObject({ pageSourceId: '4', parentSourceId: '4#11', author: { userId: '2', email: 'sonia@example.com' } });
    expect(read.comment('4#11').parentSourceId).toBeNull();
    expect(read.comment('7#11')).toMatchObject({ pageSourceId: '7', type: 'trackback' });
  });

  it('maps statuses and types, and skips trash with a reason', async () => {
    const read = await readExport(fixture('wordpress.xml'));
    expect(['4#14', '4#15', '4#13'].map((id) => [read.comment(id).status, read.comment(id).type])).toEqual([['pending', 'comment'], ['spam', 'comment'], ['published', 'pingback']]);
    expect(read.skipped).toEqual([
      { kind: 'skipped', source: 'wordpress comment 16', why: "it is in WordPress's trash" },
      { kind: 'skipped', source: 'wordpress comment 17', why: 'its date "yesterday" is not a date' },
      { kind: 'skipped', source: 'wordpress comment 20', why: "its post is in WordPress's trash" },
    ]);
  });

  it('takes comment_date_gmt, and the local date at the post\'s offset when GMT is 0000-00-00', async () => {
    const read = await readExport(fixture('wordpress.xml'));
    expect(read.comment('4#12').createdAt.toISOString()).toBe('2014-05-01T10:00:00.000Z');
    expect(read.comment('4#11').createdAt.toISOString()).toBe('2014-04-30T10:13:14.000Z');
  });

  it('decodes entities in names, trims them and their emails, and drops javascript: websites', async () => {
    const read = await readExport(fixture('wordpress.xml'));
    expect(read.comment('4#13').author).toMatchObject({ name: 'Wednesday Reading « Cynwise\'s Manual', website: 'http://cynwise.example.com/2010/07/21/reading/' });
    expect(read.comment('4#11').author).toEqual({ name: 'Reader One', email: 'reader@example.com', website: null, username: null, userId: null, moderator: false });
  });

  it('keeps typed text as WordPress showed it: paragraphs, line breaks and literal characters; no script', async () => {
    const read = await readExport(fixture('wordpress.xml'));
    expect(read.comment('4#11').body).toBe('First paragraph, \\\\o/ ¯\\\\\\_(ツ)\\_/¯ and a \\*star\\*.\nSecond line.\n\n1\\. Not a list');
    expect(read.comment('4#13').body).toBe('\\[...\\] I know I’m a bit loony \\[...\\]');
    expect(read.comment('7#11').body).toBe('Has *emphasis* & a [link](https://example.org/).\n\n> Quoted');
  });

  it('reads WXR 1.0, whose comment text is escaped HTML', async () => {
    const read = await readExport(fixture('wordpress-wxr10.xml'));
    expect(read.comments.map((c) => [c.source.id, c.body])).toEqual([['1#1', "Hi, this is a comment.\nIt's fine."]]);
  });
});
