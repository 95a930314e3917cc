import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../api/services/comments/markdown.js';
import { openExport } from '../../api/services/import/open-export.js';
import type { ImportRecord } from '../../api/services/import/records.js';
import { OVERSIZE_MARK, XmlSpanGuard } from '../../api/services/import/xml-span-guard.js';
import { readExport } from './read-export.js';

const HEAD = '<?xml version="1.0"?><disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="1"><link>https://b.example/</link></thread>';
const post = (id: string, message: string, name = 'P') => `<post dsq:id="${id}"><message><![CDATA[${message}]]></message><createdAt>2020-01-01T00:00:00Z</createdAt><author><name>${name}</name></author><thread dsq:id="1"/></post>`;

/** A file whose middle is `size` characters of `filler`, made as it is read (never whole in memory). */
function generated(start: string, filler: string, size: number, end: string): Readable {
  return Readable.from((function* chunks() {
    yield Buffer.from(start);
    const piece = Buffer.from(filler.repeat(64 * 1024 / filler.length));
    for (let sent = 0; sent < size; sent += piece.length) yield piece;
    yield Buffer.from(end);
  })());
}

async function all(input: Readable): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  for await (const record of (await openExport(input)).records) records.push(record);
  return records;
}

describe('hostile content in an export', () => {
  it('never becomes markup: scripts in bodies and names are text or gone, javascript: links lose their target', async () => {
    const read = await readExport(`${HEAD}${post('1', '<p onclick="x()">hi<script>alert(1)</script><img src=x onerror=alert(1)> <a href="javascript:alert(1)">me</a> &lt;b&gt;</p>', '&lt;script&gt;alert(1)&lt;/script&gt;')}</disqus>`);
    const [comment] = read.comments;
    expect(comment?.body).toBe('hi me <b>');
    expect(renderMarkdown(comment?.body ?? '')).toBe('<p>hi me &lt;b&gt;</p>');
    expect(comment?.author.name).toBe('<script>alert(1)</script>');
  });

  it('imports a long body under the cap and skips one over it, with the reason', async () => {
    const read = await readExport(`${HEAD}${post('1', `<p>${'long text '.repeat(4000)}</p>`)}${post('2', 'x'.repeat(100_001))}${post('3', 'after')}</disqus>`);
    expect(read.comments.map((c) => [c.source.id, c.body.length])).toEqual([['1', 39_999], ['3', 5]]);
    expect(read.skipped).toEqual([{ kind: 'skipped', source: 'disqus post 2', why: 'its message is longer than 100000 characters' }]);
  });

  it('skips a 50 MB body in XML without holding it, and reads on', async () => {
    const records = await all(generated(`${HEAD}<post dsq:id="1"><message><![CDATA[`, '<p>spam</p>', 50 * 1024 * 1024, `]]></message><createdAt>2020-01-01T00:00:00Z</createdAt><thread dsq:id="1"/></post>${post('2', 'fine')}</disqus>`));
    expect(records.filter((r) => r.kind !== 'page')).toEqual([
      { kind: 'skipped', source: 'disqus post 1', why: 'its message is longer than 100000 characters' },
      expect.objectContaining({ kind: 'comment', body: 'fine' }),
    ]);
  });

  it('skips a 50 MB body in JSON without holding it, and reads on', async () => {
    const comment = (id: string, markdown: string) => `{"commentHex":"${id}","url":"/p","commenterHex":"anonymous","markdown":"${markdown}","parentHex":"root","state":"approved","creationDate":"2021-01-01T00:00:00Z"}`;
    const records = await all(generated('{"version":1,"comments":[{"commentHex":"big","url":"/p","markdown":"', 'spam ', 50 * 1024 * 1024, `","creationDate":"2021-01-01T00:00:00Z"},${comment('ok', 'fine')}],"commenters":[]}`));
    expect(records.filter((r) => r.kind !== 'page')).toEqual([
      { kind: 'skipped', source: 'commento comment big', why: 'its markdown is longer than 100000 characters' },
      expect.objectContaining({ kind: 'comment', body: 'fine' }),
    ]);
  });

  it('skips a record nested 10,000 levels deep, in XML and in JSON', async () => {
    const deepXml = `<p>${'<b>'.repeat(10_000)}x${'</b>'.repeat(10_000)}</p>`;
    const xml = await readExport(`${HEAD}<post dsq:id="1"><message>${deepXml}</message><createdAt>2020-01-01T00:00:00Z</createdAt><thread dsq:id="1"/></post>${post('2', 'fine')}</disqus>`);
    expect(xml.skipped).toEqual([{ kind: 'skipped', source: 'disqus post 1', why: 'it is nested deeper than 32 levels' }]);
    expect(xml.comments.map((c) => c.source.id)).toEqual(['2']);
    const json = await readExport(`[{"objectId":"1","url":"/","comment":"x","createdAt":"2021-01-01T00:00:00Z","x":${'['.repeat(10_000)}${']'.repeat(10_000)}},{"objectId":"2","url":"/","comment":"fine","createdAt":"2021-01-01T00:00:00Z"}]`);
    expect(json.skipped).toEqual([{ kind: 'skipped', source: 'valine comment at entry 1', why: 'it is nested deeper than 32 levels' }]);
    expect(json.comments.map((c) => c.source.id)).toEqual(['2']);
  });

  it('keeps a __proto__ key as data', async () => {
    const read = await readExport('[{"objectId":"1","url":"/","comment":"x","createdAt":"2021-01-01T00:00:00Z","__proto__":{"nick":"injected"}}]');
    expect(read.comments[0]?.author.name).toBe('');
    expect(({} as Record<string, unknown>).nick).toBeUndefined();
  });
});

describe('XmlSpanGuard', () => {
  it('passes on no run longer than its cap, however long the run it is fed', () => {
    let longest = 0;
    let total = 0;
    const guard = new XmlSpanGuard(1000, (piece) => {
      total += piece.length;
      for (const run of piece.split(/[<>]/)) longest = Math.max(longest, run.length);
    });
    guard.feed('<a><![CDATA[');
    for (let i = 0; i < 800; i += 1) guard.feed('x'.repeat(64 * 1024));
    guard.feed(']]></a>');
    guard.end();
    expect(longest).toBeLessThanOrEqual(1000 + '![CDATA['.length + OVERSIZE_MARK.length);
    expect(total).toBeLessThan(2000);
  });
});
