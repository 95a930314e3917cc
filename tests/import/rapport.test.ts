import { describe, expect, it } from 'vitest';
import { fixture, readError, readExport } from './read-export.js';

describe('reading a Rapport export back', () => {
  it('gives its authors, and its pages with their own keys and lock', async () => {
    const read = await readExport(fixture('rapport-export.json'));
    expect(read.format).toBe('rapport');
    expect(read.authors).toEqual([{ kind: 'author', sourceId: '665f00000000000000000001', login: null, email: 'sonia@example.com', name: 'Sonia' }]);
    expect(read.pages.map((p) => [p.sourceId, p.key, p.url, p.title, p.closed])).toEqual([
      ['665f00000000000000000101', '/2026/hello/', 'https://blog.example.com/2026/hello/', 'Hello', false],
      ['665f00000000000000000102', '/?p=4', 'https://blog.example.com/?p=4', 'Closed one', true],
    ]);
  });

  it('keeps authorship, parent links, statuses, types, "no reply needed" and the Markdown source', async () => {
    const read = await readExport(fixture('rapport-export.json'));
    const summary = read.comments.map((c) => [c.source.id.slice(-4), c.parentSourceId?.slice(-4) ?? null, c.byAuthor, c.author.userId?.slice(-4) ?? null, c.status, c.type, c.noReplyNeeded, c.body]);
    expect(summary).toEqual([
      ['1001', null, false, null, 'published', 'comment', false, 'Does it *work*?'],
      ['1002', '1001', true, '0001', 'published', 'comment', false, 'It does.'],
      ['1003', '1002', false, null, 'published', 'comment', true, 'Thanks!'],
      ['1004', null, false, null, 'pending', 'comment', false, 'Held back'],
      ['1005', null, false, null, 'deleted', 'comment', false, ''],
      ['1006', '1005', false, null, 'spam', 'comment', false, 'Cheap'],
      ['1007', null, false, null, 'published', 'pingback', false, 'Mentioned you'],
    ]);
    expect(read.comment('665f00000000000000001001')).toMatchObject({ author: { name: 'Reader', email: 'reader@example.com', website: 'https://reader.example/' } });
    expect(read.comment('665f00000000000000001001').createdAt.toISOString()).toBe('2026-02-01T10:00:00.000Z');
    expect(read.skipped).toEqual([]);
  });

  it('refuses an export of a format version it does not know', async () => {
    const error = await readError(JSON.stringify({ format: 'rapport-export-9', comments: [] }));
    expect(error.message).toBe('This Rapport export is format "rapport-export-9"; this version reads "rapport-export-1"');
  });
});
