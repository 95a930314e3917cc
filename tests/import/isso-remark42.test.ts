import { describe, expect, it } from 'vitest';
import { fixture, readExport } from './read-export.js';

describe('reading an Isso generic export', () => {
  it('gives each thread as a page keyed by its id, title kept as Isso stored it, and its comments after it', async () => {
    const read = await readExport(fixture('isso.json'));
    expect(read.format).toBe('isso');
    const order = read.records.map((r) => (r.kind === 'comment' ? r.source.id : r.kind === 'page' ? `page ${r.key}` : r.kind === 'skipped' ? `skipped ${r.source}` : r.kind));
    expect(order).toEqual([
      'page /posts/0001/', '/posts/0001/#2', '/posts/0001/#1', 'page /posts/0007/', '/posts/0007/#1', 'skipped isso thread not-a-path', 'skipped isso comment not-a-path#1',
    ]);
    expect(read.pages[1]?.title).toBe('Nat+%26+Miguel');
  });

  it('scopes comment ids by thread, keeps parents, takes times as UTC and Markdown as it is', async () => {
    const read = await readExport(fixture('isso.json'));
    expect(read.comment('/posts/0001/#2')).toMatchObject({ parentSourceId: '/posts/0001/#1', body: 'A reply *listed* first', author: { website: null } });
    expect(read.comment('/posts/0001/#1')).toMatchObject({ author: { name: 'First', email: 'first@example.com' } });
    expect(read.comment('/posts/0001/#1').createdAt.toISOString()).toBe('2005-02-24T04:03:37.000Z');
    expect(read.skipped).toEqual([
      { kind: 'skipped', source: 'isso thread not-a-path', why: 'it has an id that is not a page path' },
      { kind: 'skipped', source: 'isso comment not-a-path#1', why: 'its thread has an id that is not a page path' },
    ]);
  });
});

describe('reading a Remark42 backup', () => {
  it('gives pages from the comments\' URLs with their read-only flag, and comments with admins flagged', async () => {
    const read = await readExport(fixture('remark42.jsonl'));
    expect(read.format).toBe('remark42');
    expect(read.pages.map((p) => [p.key, p.url, p.title, p.closed])).toEqual([['/p/1/', 'https://radio-t.com/p/1/', 'Episode 1', true], ['/p/2/', 'https://radio-t.com/p/2/', '', false]]);
    expect(read.comment('r2')).toMatchObject({ parentSourceId: 'r1', author: { name: 'Admin Person', username: 'github_admin', moderator: true } });
    expect(read.comment('r1')).toMatchObject({ parentSourceId: null, body: 'some text, [link](http://radio-t.com)' });
    expect(read.comment('r1').createdAt.toISOString()).toBe('2017-12-20T21:18:22.000Z');
    expect(read.comment('r3')).toMatchObject({ status: 'deleted', body: '' });
  });
});
