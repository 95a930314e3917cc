import { describe, expect, it } from 'vitest';
import { ImportFormatError } from '../../api/services/import/import-errors.js';
import { openExport } from '../../api/services/import/open-export.js';
import type { ImportRecord } from '../../api/services/import/records.js';
import { readError, streamOf } from './read-export.js';

const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n';
const post = (id: number, extra = '') => `<post dsq:id="${id}"><message>Hello ${id}</message><createdAt>2020-01-01T00:00:00Z</createdAt><author><name>P${id}</name></author><thread dsq:id="1"/>${extra}</post>\n`;
const WXR = '<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>T</title>';

describe('a file that is not well-formed', () => {
  it.each([
    ['a stray byte before the XML declaration', `\`${HEAD}</disqus>`, {}, 1, 1, '"<" to begin the XML declaration or the root element, not "`"'],
    ['a stray byte after leading whitespace', `\n  x${HEAD}</disqus>`, { format: 'disqus' as const }, 2, 3, '"<" to begin the XML declaration or the root element, not "x"'],
    ['an unquoted attribute', `${HEAD}${post(1)}<post dsq:id=2/>\n</disqus>`, {}, 4, 14, 'an attribute value in quotes'],
    ['a file cut short', `${HEAD}${post(1)}<post dsq:id="2"><message>Hel`, {}, 4, 29, '</message> before the end of the file (the file looks cut short)'],
    ['an element left open', `${WXR}<wp:commentZ></item></channel></rss>`, {}, 2, 100, '</wp:commentZ> to close <wp:commentZ>'],
    ['an undeclared prefix', `${HEAD}<post><foo:bar/></post></disqus>`, {}, 3, 16, 'a declaration of the namespace prefix "foo" (xmlns:foo="…")'],
    ['an undefined entity', `${HEAD}<post>&nbsp;</post></disqus>`, {}, 3, 12, 'a defined entity (&amp; &lt; &gt; &quot; &apos; or a character reference)'],
    ['another root element', '<?xml version="1.0"?>\n<feed><disqus/></feed>', { format: 'disqus' as const }, 2, 6, 'the root element <disqus>, not <feed>'],
    ['a JSON syntax error', '{"version": 1,\n "comments": [\n  {"commentHex": "a",, "x": 1}]}', {}, 3, 22, 'an object key'],
    ['a JSON file cut short', '{"version": 1,\n "comments": [\n  {"commentHex": "a"', {}, 3, 21, "',' (the file looks cut short)"],
    ['a broken JSON line', '{"version":1,"users":[],"posts":[]}\n{"id":"x","locator":{"url":"/"}}\n{"id": y}\n', {}, 3, 8, 'a value'],
  ])('refuses %s with its line and column, and what was expected', async (_, text, options, line, column, expected) => {
    const error = await readError(text, options);
    expect(error).toBeInstanceOf(ImportFormatError);
    expect({ line: error.line, column: error.column, expected: error.expected }).toEqual({ line, column, expected });
    expect(error.message).toMatch(new RegExp(`is not well-formed at line ${line}, column ${column}: expected `));
  });

  it('yields only whole records before the break, never the one it breaks in', async () => {
    const text = `${HEAD}<thread dsq:id="1"><link>https://b.example/</link></thread>\n${post(1)}${post(2)}<post dsq:id="3"><message>Half</message></disqus>`;
    for (const size of [8, 64, 1 << 16]) {
      const seen: ImportRecord[] = [];
      const opened = await openExport(streamOf(text, size));
      const error = await (async () => {
        for await (const record of opened.records) seen.push(record);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFormatError);
      const comments = seen.filter((r) => r.kind === 'comment');
      expect(comments.every((c) => c.body.startsWith('Hello ') && c.author.name.startsWith('P'))).toBe(true);
      expect(comments.map((c) => c.source.id)).not.toContain('3');
    }
  });
});
