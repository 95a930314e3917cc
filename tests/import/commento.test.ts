import { describe, expect, it } from 'vitest';
import { fixture, readExport } from './read-export.js';

describe('reading a Commento v1 export', () => {
  it('names each comment by its commenter, though the commenters come after the comments', async () => {
    const read = await readExport(fixture('commento.json'));
    expect(read.format).toBe('commento');
    expect(read.comment('c2').author).toEqual({ name: 'Saturnin Uf', email: 'saturnin@example.com', website: 'https://saturnin.example.com/', username: null, userId: 'p1', moderator: true });
    expect(read.comment('c1').author).toMatchObject({ name: '', email: null, userId: null });
  });

  it('drops the literal "undefined" Commento writes for a missing email or link', async () => {
    expect((await readExport(fixture('commento.json'))).comment('c3').author).toMatchObject({ name: 'blank', email: null, website: null });
  });

  it('keeps parent links in any order, maps states, and keeps Markdown as it is (HTML only when there is no Markdown)', async () => {
    const read = await readExport(fixture('commento.json'));
    expect(read.comment('c2')).toMatchObject({ parentSourceId: 'c1', body: 'Right, and *this* too', status: 'published' });
    expect(read.comment('c1')).toMatchObject({ parentSourceId: null, body: '# Heading\n\n```\ncode\n```' });
    expect(read.comment('c3')).toMatchObject({ status: 'pending', body: 'Only **HTML**' });
    expect(read.comment('c4').status).toBe('spam');
    expect(read.comment('c5')).toMatchObject({ status: 'deleted', body: '' });
    expect(read.comment('c3').createdAt.toISOString()).toBe('2021-03-31T23:00:00.000Z');
  });

  it('gives a page per path on the export\'s domain', async () => {
    const read = await readExport(fixture('commento.json'));
    expect(read.pages.map((p) => [p.sourceId, p.key, p.url])).toEqual([['/post/1', '/post/1', 'https://blog.example.com/post/1'], ['/post/2', '/post/2', 'https://blog.example.com/post/2']]);
    expect(read.records.findIndex((r) => r.kind === 'page')).toBe(0);
  });

  it('reads Comentario\'s v1 variant (host and path) too, an empty path being the home page', async () => {
    const read = await readExport(fixture('comentario-v1.json'), { format: 'comentario' });
    expect(read.format).toBe('commento');
    expect(read.pages.map((p) => [p.key, p.url])).toEqual([['/', 'https://example.com/']]);
    expect(read.comments.map((c) => [c.source, c.author.name, c.body])).toEqual([[{ system: 'commento', id: 'aa' }, 'Bugs Bunny', 'Yay, imported']]);
  });

  it('holds comments in a temporary file past its memory budget and gives the same records', async () => {
    const inMemory = await readExport(fixture('commento.json'));
    const spilled = await readExport(fixture('commento.json'), { holdBytes: 10 });
    expect(spilled.records).toEqual(inMemory.records);
  });
});

describe('reading a Comentario v3 export', () => {
  it('gives its pages with their paths and read-only flag, and comments with statuses and authors', async () => {
    const read = await readExport(fixture('comentario-v3.json'));
    expect(read.format).toBe('comentario');
    expect(read.pages.map((p) => [p.sourceId, p.key, p.title, p.closed])).toEqual([['p-1', '/blog/one/', 'One', true], ['p-2', '/blog/two/?lang=de', 'Two', false]]);
    expect(read.comment('k-2')).toMatchObject({ parentSourceId: 'k-1', pageSourceId: 'p-1', status: 'published', author: { name: 'Bugs Bunny', email: 'bugsy@bigsy.example', moderator: true } });
    expect(read.comment('k-1').author.name).toBe('Anon Ymous');
    expect(read.comment('k-3')).toMatchObject({ status: 'pending', body: 'waiting' });
    expect(read.comment('k-4').status).toBe('spam');
    expect(read.comment('k-5').status).toBe('deleted');
  });
});
