import { describe, expect, it } from 'vitest';
import { fixture, readExport } from './read-export.js';

describe('reading a Disqus export', () => {
  it('gives its threads as pages keyed by the path and query of their link, or by a path <id> when the link is missing', async () => {
    const read = await readExport(fixture('disqus.xml'));
    expect(read.format).toBe('disqus');
    expect(read.pages).toEqual([
      {
        kind: 'page', sourceId: '10', key: '/2019/hello/?ref=feed', url: 'https://old.example.com/2019/hello/?ref=feed', title: 'Hello & welcome',
        creator: { name: 'Sonia', username: 'sonia', email: 'sonia@example.com' }, closed: true,
      },
      { kind: 'page', sourceId: '11', key: '/2019/no-link/', url: null, title: 'Only a path id', creator: null, closed: false },
    ]);
  });

  it('keeps parent links whatever the order, maps spam and deleted, and goes by <id> when a post has no dsq:id', async () => {
    const read = await readExport(fixture('disqus.xml'));
    expect(read.comment('103')).toMatchObject({ pageSourceId: '10', parentSourceId: '101', status: 'published', author: { name: 'Bo', username: null } });
    expect(read.comment('101')).toMatchObject({ parentSourceId: null, status: 'published' });
    expect(read.comment('102').status).toBe('spam');
    expect(read.comment('104')).toMatchObject({ status: 'deleted', body: '' });
    expect(read.comment('no-dsq-id-1')).toMatchObject({ pageSourceId: '11', body: 'Plain <text>' });
  });

  it('honours the time zone of each date', async () => {
    const read = await readExport(fixture('disqus.xml'));
    expect(read.comment('103').createdAt.toISOString()).toBe('2020-01-02T10:00:00.000Z');
    expect(read.comment('101').createdAt.toISOString()).toBe('2020-01-01T10:00:00.000Z');
  });

  it('decodes names as Disqus showed them and keeps emails in lower case, trimmed', async () => {
    const { author } = (await readExport(fixture('disqus.xml'))).comment('101');
    expect(author).toEqual({ name: 'Tom & Jerry <script>', email: 'tom@example.com', website: null, username: 'tomjerry', userId: null, moderator: false });
  });

  it('turns the HTML into Markdown: line breaks, escaped literals, safe links only, no script', async () => {
    const { body } = (await readExport(fixture('disqus.xml'))).comment('101');
    expect(body).toBe('First line\nsecond line with \\*stars\\* and \\\\o/\n\nA [link](https://example.org/x) and a trap.');
  });

  it('skips posts of deleted or unusable threads and broken posts, saying why', async () => {
    const read = await readExport(fixture('disqus.xml'));
    expect(read.skipped).toEqual([
      { kind: 'skipped', source: 'disqus thread 12', why: 'it has no usable link, nor a path as its <id>' },
      { kind: 'skipped', source: 'disqus thread 13', why: 'it is deleted in Disqus' },
      { kind: 'skipped', source: 'disqus post 105', why: 'its thread is deleted in Disqus' },
      { kind: 'skipped', source: 'disqus post 106', why: 'its date "2020-13-45T00:00:00Z" is not a date' },
      { kind: 'skipped', source: 'disqus post 107', why: 'its isSpam is "maybe", not true or false' },
      { kind: 'skipped', source: 'disqus post 108', why: 'its thread has no usable link' },
    ]);
    expect(read.comments.map((c) => c.source.id)).toEqual(['103', '101', '102', '104', 'no-dsq-id-1']);
  });

  it('reads the same whatever the chunk boundaries', async () => {
    const whole = await readExport(fixture('disqus.xml'));
    const bytewise = await readExport(fixture('disqus.xml'), {}, 7);
    expect(bytewise.records).toEqual(whole.records);
  });
});
