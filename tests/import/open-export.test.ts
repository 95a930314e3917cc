import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EmptyExportError, ImportFormatError, ImportReadError, UnknownFormatError } from '../../api/services/import/import-errors.js';
import { fixture, readError, readExport } from './read-export.js';

const DISQUS = '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="1"><link>https://b.example/é/</link><title>Café</title></thread></disqus>';

describe('openExport', () => {
  describe('when the file is gzip-compressed', () => {
    it('inflates it by its magic bytes, whatever it is called', async () => {
      const plain = await readExport(fixture('disqus.xml'));
      const gzipped = await readExport(zlib.gzipSync(fixture('disqus.xml')), {}, 100);
      expect(gzipped.records).toEqual(plain.records);
    });

    it('refuses broken gzip data', async () => {
      const error = await readError(zlib.gzipSync(fixture('disqus.xml')).subarray(0, 200));
      expect(error).toBeInstanceOf(ImportReadError);
      expect(error.message).toMatch(/^The gzip data is broken/);
    });
  });

  describe('with --format auto', () => {
    it.each([
      ['disqus.xml', 'disqus'], ['wordpress.xml', 'wordpress'], ['wordpress-wxr10.xml', 'wordpress'], ['isso.json', 'isso'], ['remark42.jsonl', 'remark42'],
      ['commento.json', 'commento'], ['comentario-v1.json', 'commento'], ['comentario-v3.json', 'comentario'], ['rapport-export.json', 'rapport'],
      ['twikoo.ndjson', 'twikoo'], ['valine.json', 'valine'],
    ])('recognizes %s as %s from its first bytes', async (name, format) => {
      expect((await readExport(fixture(name))).format).toBe(format);
    });

    it('says what it found when it knows no such format', async () => {
      const xml = await readError('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>');
      expect(xml).toBeInstanceOf(UnknownFormatError);
      expect(xml.message).toMatch(/it starts with the XML element <feed>$/);
      expect((await readError('{"hello": 1, "world": 2}')).message).toMatch(/a JSON object with the keys hello, world$/);
      expect((await readError('name,email\nBo,bo@example.com')).message).toMatch(/it starts with "name,email/);
    });
  });

  it('refuses an empty file, or one with only whitespace, with its own error', async () => {
    expect(await readError('')).toBeInstanceOf(EmptyExportError);
    expect(await readError(' \n\t\n')).toBeInstanceOf(EmptyExportError);
    expect(await readError(zlib.gzipSync(''))).toBeInstanceOf(EmptyExportError);
  });

  it('allows a byte-order mark and whitespace before the XML declaration, as real exports have them', async () => {
    const read = await readExport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`\n    <?xml version="1.0"?>\n${DISQUS}`)]));
    expect(read.pages.map((p) => p.title)).toEqual(['Café']);
  });

  it('decodes an XML file declared in ISO-8859-1 or windows-1252', async () => {
    for (const encoding of ['ISO-8859-1', 'windows-1252']) {
      const bytes = Buffer.from(`<?xml version="1.0" encoding="${encoding}"?>${DISQUS}`, 'latin1');
      expect((await readExport(bytes)).pages.map((p) => [p.title, p.key])).toEqual([['Café', '/%C3%A9/']]);
    }
  });

  it('refuses an encoding it cannot decode, at the declaration', async () => {
    const error = await readError(`<?xml version="1.0" encoding="Shift_JIS"?>${DISQUS}`);
    expect(error).toBeInstanceOf(ImportFormatError);
    expect(error).toMatchObject({ format: 'disqus', line: 1, column: 31 });
    expect(error.message).toMatch(/not "Shift_JIS" \(convert the file to UTF-8 first/);
  });

  it('refuses invalid UTF-8 at its line and column, however the chunks fall', async () => {
    const bytes = Buffer.concat([Buffer.from(`<?xml version="1.0"?>\n<disqus>\n  <title>caf`), Buffer.from([0xc3, 0x28]), Buffer.from('</title></disqus>')]);
    for (const chunk of [3, 64 * 1024]) {
      const error = await readError(bytes, { format: 'disqus' }, chunk);
      expect(error, `chunks of ${chunk}`).toMatchObject({ name: 'ImportFormatError', format: 'disqus', line: 3, column: 13 });
    }
    expect((await readError(bytes)).message).toBe('Disqus XML is not well-formed at line 3, column 13: expected valid UTF-8 text (byte 0x28 does not belong here)');
  });

  it('refuses a base URL that is not an absolute http(s) address', async () => {
    expect((await readError(fixture('isso.json'), { baseUrl: 'blog.example.com' })).message).toMatch(/^The base URL must be an absolute http\(s\) address/);
  });
});
