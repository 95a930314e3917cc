import { describe, expect, it } from 'vitest';
import { fixture, readExport } from './read-export.js';

describe('reading a Twikoo export', () => {
  it('reads one comment a line, plain or MongoDB ids, epoch milliseconds, spam and the admin flag; a repeated id is skipped', async () => {
    const read = await readExport(fixture('twikoo.ndjson'));
    expect(read.format).toBe('twikoo');
    expect(read.pages.map((p) => [p.key, p.url])).toEqual([['/post/1', 'https://blog.example.cn/post/1']]);
    expect(read.comment('t1')).toMatchObject({ body: '欢迎加入', author: { name: 'Typecho', moderator: true, website: 'http://typecho.org/' } });
    expect(read.comment('t1').createdAt.toISOString()).toBe('2021-02-04T06:49:46.000Z');
    expect(read.comment('t2')).toMatchObject({ parentSourceId: 't1', status: 'spam', author: { email: null } });
    expect(read.skipped).toEqual([{ kind: 'skipped', source: 'twikoo comment t1', why: 'another comment in the file has the same id' }]);
  });
});

describe('reading a Valine export', () => {
  it('reads the list with parents, both date shapes and statuses; a relative mention link keeps its text', async () => {
    const read = await readExport(fixture('valine.json'));
    expect(read.format).toBe('valine');
    expect(read.comment('v1')).toMatchObject({ body: '测试！', status: 'published', author: { email: 'admin@admin.com' } });
    expect(read.comment('v2')).toMatchObject({ parentSourceId: 'v1', status: 'pending', body: '@admin , 好耶！' });
    expect(read.comment('v2').createdAt.toISOString()).toBe('2021-10-26T13:03:42.856Z');
  });
});
