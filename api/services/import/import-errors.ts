import type { ImportFormat } from './records.js';

const FORMAT_NAMES: Record<ImportFormat, string> = {
  disqus: 'Disqus XML',
  wordpress: 'WordPress WXR',
  isso: 'Isso JSON',
  remark42: 'Remark42 backup',
  commento: 'Commento JSON',
  comentario: 'Comentario JSON',
  rapport: 'Rapport export',
  twikoo: 'Twikoo JSON lines',
  valine: 'Valine JSON',
};

/** A format's name as people know it, for messages. */
export function formatName(format: ImportFormat): string {
  return FORMAT_NAMES[format];
}

/** Why an export cannot be read at all; nothing after it is yielded. */
export class ImportReadError extends Error {
  override name = 'ImportReadError';
}

/**
 * The file is not well-formed for its format (or not decodable in its encoding). `line` and
 * `column` (both from 1) point at where reading stopped; `expected` says what would have been valid.
 */
export class ImportFormatError extends ImportReadError {
  override name = 'ImportFormatError';

  constructor(
    readonly format: ImportFormat,
    readonly line: number,
    readonly column: number,
    readonly expected: string,
  ) {
    super(`${formatName(format)} is not well-formed at line ${line}, column ${column}: expected ${expected}`);
  }
}

/** The file holds nothing (after decompression), or only whitespace. */
export class EmptyExportError extends ImportReadError {
  override name = 'EmptyExportError';

  constructor() {
    super('The export file is empty');
  }
}

/** `--format auto` found no format it knows in the file's first bytes. */
export class UnknownFormatError extends ImportReadError {
  override name = 'UnknownFormatError';

  constructor(readonly found: string) {
    super(`The file is not an export this importer knows (Disqus, WordPress, Isso, Remark42, Commento, Comentario, Rapport): it starts with ${found}`);
  }
}
