import { gunzipIfCompressed, peek } from './byte-input.js';
import { readComentario } from './comentario.js';
import { readCommento } from './commento.js';
import { DETECTION_BYTES, detectFormat } from './detect-format.js';
import { disqusFormat } from './disqus.js';
import { ImportReadError } from './import-errors.js';
import { readIsso } from './isso.js';
import { readRapport } from './rapport.js';
import { IMPORT_LIMITS, type ImportFormat, type ImportRecord, type ReadOptions } from './records.js';
import { readRemark42 } from './remark42.js';
import { decodeText } from './text-decoding.js';
import { readTwikoo } from './twikoo.js';
import { readValine } from './valine.js';
import { wordpressFormat } from './wordpress.js';
import { readXml } from './xml-source.js';

/** An export being read: its format (recognized or as asked), and its records, read as they are pulled. */
export interface OpenedExport {
  format: ImportFormat;
  records: AsyncIterable<ImportRecord>;
}

type Reader = (text: AsyncIterable<string>, options: ReadOptions & { maxBodyChars: number }) => AsyncIterable<ImportRecord>;

const READERS: Record<ImportFormat, Reader> = {
  disqus: (text, options) => readXml(text, disqusFormat(options), options.maxBodyChars),
  wordpress: (text, options) => readXml(text, wordpressFormat(options), options.maxBodyChars),
  isso: readIsso,
  remark42: readRemark42,
  commento: readCommento,
  comentario: readComentario,
  rapport: readRapport,
  twikoo: readTwikoo,
  valine: readValine,
};

/**
 * Opens an export file or upload (a Node Readable, or any stream of bytes): gunzips it when its
 * bytes say gzip, recognizes the format and encoding from its first 64 KB, and gives its records
 * as a stream that holds only the record being read (memory stays flat however big the file).
 * Throws EmptyExportError, UnknownFormatError or ImportFormatError (a declared encoding it cannot
 * decode) here; anything broken further in ends the records with an ImportReadError.
 * Each comment's source id appears once: a repeated one is a skip.
 */
export async function openExport(input: AsyncIterable<Buffer | Uint8Array | string>, options: ReadOptions = {}): Promise<OpenedExport> {
  if (options.baseUrl !== undefined && !/^https?:\/\/[^/]/i.test(options.baseUrl)) {
    throw new ImportReadError(`The base URL must be an absolute http(s) address, like https://blog.example.com (got "${options.baseUrl}")`);
  }
  const bytes = await gunzipIfCompressed(input);
  const { head, bytes: all, complete } = await peek(bytes, DETECTION_BYTES);
  const { format, encoding } = detectFormat(head, options.format ?? 'auto', complete);
  const text = decodeText(all, encoding, format);
  const records = READERS[format](text, { ...options, maxBodyChars: options.maxBodyChars ?? IMPORT_LIMITS.maxBodyChars });
  return { format, records: onceEach(records) };
}

async function* onceEach(records: AsyncIterable<ImportRecord>): AsyncGenerator<ImportRecord> {
  const seen = new Set<string>();
  for await (const record of records) {
    if (record.kind === 'comment') {
      if (seen.has(record.source.id)) {
        yield { kind: 'skipped', source: `${record.source.system} comment ${record.source.id}`, why: 'another comment in the file has the same id' };
        continue;
      }
      seen.add(record.source.id);
    }
    yield record;
  }
}
