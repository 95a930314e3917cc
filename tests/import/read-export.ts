import fs from 'node:fs';
import { Readable } from 'node:stream';
import { openExport } from '../../api/services/import/open-export.js';
import type { ImportedAuthor, ImportedComment, ImportedPage, ImportFormat, ImportRecord, ImportSkip, ReadOptions } from '../../api/services/import/records.js';

/** A fixture of this folder, as bytes. */
export function fixture(name: string): Buffer {
  return fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}

/** A stream that hands `bytes` on in chunks of `size` (so chunk boundaries fall everywhere). */
export function streamOf(bytes: Buffer | string, size = 64 * 1024): Readable {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return Readable.from((function* chunks() {
    for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
  })());
}

export interface ReadResult {
  format: ImportFormat;
  records: ImportRecord[];
  pages: ImportedPage[];
  authors: ImportedAuthor[];
  comments: ImportedComment[];
  skipped: ImportSkip[];
  /** A comment by its source id. */
  comment(id: string): ImportedComment;
}

/** Every record of an export, sorted by kind. */
export async function readExport(bytes: Buffer | string, options: ReadOptions = {}, chunkSize?: number): Promise<ReadResult> {
  const opened = await openExport(streamOf(bytes, chunkSize), options);
  const records: ImportRecord[] = [];
  for await (const record of opened.records) records.push(record);
  const comments = records.filter((r): r is ImportedComment => r.kind === 'comment');
  return {
    format: opened.format,
    records,
    pages: records.filter((r): r is ImportedPage => r.kind === 'page'),
    authors: records.filter((r): r is ImportedAuthor => r.kind === 'author'),
    comments,
    skipped: records.filter((r): r is ImportSkip => r.kind === 'skipped'),
    comment(id) {
      const found = comments.find((c) => c.source.id === id);
      if (!found) throw new Error(`no comment ${id} among ${comments.map((c) => c.source.id).join(', ')}`);
      return found;
    },
  };
}

/** What reading gives up with. */
export async function readError(bytes: Buffer | string, options: ReadOptions = {}, chunkSize?: number): Promise<Error & Record<string, unknown>> {
  try {
    await readExport(bytes, options, chunkSize);
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('the export was read without an error');
}
