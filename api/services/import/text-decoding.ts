import { ImportFormatError } from './import-errors.js';
import type { ImportFormat } from './records.js';
import { TextPosition } from './text-position.js';

// UTF-8, UTF-16 and the single-byte encodings: each byte position can be mapped back to a line
// and column exactly. Legacy multi-byte encodings (Shift_JIS, GBK…) are refused instead.
const SUPPORTED = /^(utf-8|utf-16le|utf-16be|ibm866|iso-8859-\d+|koi8-[ru]|macintosh|windows-\d+|x-mac-cyrillic)$/;

/** The WHATWG name of an encoding label this importer decodes, or null. */
export function supportedEncoding(label: string): string | null {
  try {
    const name = new TextDecoder(label.trim()).encoding;
    return SUPPORTED.test(name) ? name : null;
  } catch {
    return null;
  }
}

/** How an encoding is named in messages. */
function encodingName(encoding: string): string {
  return encoding.toUpperCase();
}

/**
 * The file's text, decoded chunk by chunk (a byte-order mark is dropped). A byte sequence that is
 * not valid in `encoding` throws an ImportFormatError at its exact line and column.
 */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>, encoding: string, format: ImportFormat): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const position = new TextPosition();
  let pending: Uint8Array = new Uint8Array(0);
  for await (const chunk of bytes) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw undecodable(concat(pending, chunk), encoding, position, format);
    }
    const joined = chunk.length < 4 ? concat(pending, chunk) : chunk;
    pending = joined.subarray(joined.length - pendingBytes(joined, encoding));
    position.advance(text);
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new ImportFormatError(format, position.line, position.column, `the rest of a ${encodingName(encoding)} character (the file ends inside one)`);
  }
}

/** The bytes at the end of `chunk` that the decoder holds back as the start of an unfinished character. */
function pendingBytes(chunk: Uint8Array, encoding: string): number {
  if (encoding === 'utf-8') {
    for (let back = 1; back <= Math.min(4, chunk.length); back += 1) {
      const byte = chunk[chunk.length - back] ?? 0;
      if ((byte & 0xc0) === 0x80) continue;
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return length > back ? back : 0;
    }
    return 0;
  }
  if (encoding.startsWith('utf-16')) {
    const odd = chunk.length % 2;
    const end = chunk.length - odd;
    const unit = encoding === 'utf-16le' ? (chunk[end - 1] ?? 0) : (chunk[end - 2] ?? 0);
    return odd + (end >= 2 && unit >= 0xd8 && unit <= 0xdb ? 2 : 0);
  }
  return 0;
}

/** Where in `piece` (which starts where the text decoded so far ends) decoding fails, as an error. */
function undecodable(piece: Uint8Array, encoding: string, position: TextPosition, format: ImportFormat): ImportFormatError {
  // Only the file's first bytes may be a byte-order mark, which the main decoder dropped too.
  const ignoreBOM = position.line !== 1 || position.column !== 1;
  const fails = (length: number) => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM }).decode(piece.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let low = 1;
  let high = piece.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (fails(middle)) high = middle;
    else low = middle + 1;
  }
  const valid = new TextDecoder(encoding, { ignoreBOM }).decode(piece.subarray(0, low - 1), { stream: true });
  position.advance(valid);
  const byte = (piece[low - 1] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return new ImportFormatError(format, position.line, position.column, `valid ${encodingName(encoding)} text (byte 0x${byte} does not belong here)`);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
