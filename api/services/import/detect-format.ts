import { jsonParser } from 'stream-json/core/parser.js';
import type { Token } from 'stream-json/core/parser.js';
import { EmptyExportError, ImportFormatError, UnknownFormatError } from './import-errors.js';
import type { ImportFormat } from './records.js';
import { supportedEncoding } from './text-decoding.js';

/** What the first bytes say: the format, and the encoding to decode the whole file with. */
export interface Detected {
  format: ImportFormat;
  encoding: string;
}

/** How many (decompressed) bytes detection looks at. */
export const DETECTION_BYTES = 64 * 1024;

const BOMS: Array<[number[], string]> = [[[0xef, 0xbb, 0xbf], 'utf-8'], [[0xff, 0xfe], 'utf-16le'], [[0xfe, 0xff], 'utf-16be']];
// A few stray characters before the XML still make an XML export (one that is then refused for them).
const XML_START = /^[^<{[]{0,16}(<\?xml|<disqus|<rss|<!--)/;
const XML_PROLOGUE = /\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)/y;
const ENCODING_ATTRIBUTE = /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/;

/**
 * Recognizes the format (when `wanted` is `auto`) and the encoding from the file's first bytes.
 * `complete` says that `head` is the whole file.
 */
export function detectFormat(head: Buffer, wanted: ImportFormat | 'auto', complete: boolean): Detected {
  const bom = BOMS.find(([bytes]) => bytes.every((byte, i) => head[i] === byte))?.[1];
  const text = new TextDecoder(bom ?? 'latin1').decode(head).trimStart();
  if (text === '' && complete) throw new EmptyExportError();
  const xml = XML_START.test(text);
  const format = wanted === 'auto' ? recognize(text, xml) : refine(wanted, text);
  const declared = xml && !bom ? ENCODING_ATTRIBUTE.exec(text)?.[1] : undefined;
  if (declared === undefined) return { format, encoding: bom ?? 'utf-8' };
  const encoding = supportedEncoding(declared);
  if (encoding) return { format, encoding };
  const column = text.indexOf(declared) + 1;
  throw new ImportFormatError(format, 1, column, `an encoding this importer reads: UTF-8, UTF-16 or a single-byte one such as ISO-8859-1 or windows-1252, not "${declared}" (convert the file to UTF-8 first, for example with iconv)`);
}

/** Commento's v1 and Comentario's v3 are told apart by their version, whichever of the two was asked for. */
function refine(wanted: ImportFormat, text: string): ImportFormat {
  if ((wanted !== 'commento' && wanted !== 'comentario') || !text.startsWith('{')) return wanted;
  const version = jsonShape(text).scalars.get('version');
  return version === '3' ? 'comentario' : version === '1' ? 'commento' : wanted;
}

function recognize(text: string, xml: boolean): ImportFormat {
  if (xml) return recognizeXml(text);
  if (text.startsWith('{') || text.startsWith('[')) return recognizeJson(text);
  throw new UnknownFormatError(JSON.stringify(text.slice(0, 24)));
}

function recognizeXml(text: string): ImportFormat {
  const start = text.indexOf('<');
  XML_PROLOGUE.lastIndex = start;
  let at = start;
  while (XML_PROLOGUE.test(text)) at = XML_PROLOGUE.lastIndex;
  const root = /^\s*<([\w.-]+:)?([\w.-]+)/.exec(text.slice(at))?.[2];
  if (root === 'disqus') return 'disqus';
  // A WXR fragment without its <rss> is still meant as one (and is refused by the WordPress reader).
  if (root === 'rss' || root === 'channel' || text.includes('<wp:')) return 'wordpress';
  throw new UnknownFormatError(root ? `the XML element <${root}>` : 'XML without a root element');
}

/** The top-level keys of the first JSON value (or of the first element when it is an array), and a few values. */
function recognizeJson(text: string): ImportFormat {
  const shape = jsonShape(text);
  const has = (key: string) => shape.keys.has(key);
  if (shape.root === 'object') {
    if (shape.scalars.get('format')?.startsWith('rapport-export')) return 'rapport';
    if (has('users') || has('posts') || has('locator')) return 'remark42';
    if (shape.scalars.get('version') === '3' || has('pages')) return 'comentario';
    if (has('commenters') || (has('version') && has('comments'))) return 'commento';
    if (has('_id') && has('nick')) return 'twikoo';
  }
  if (shape.root === 'array') {
    if (has('comments') && (has('id') || has('title'))) return 'isso';
    if (has('objectId')) return 'valine';
    if (has('_id') && has('nick')) return 'twikoo';
  }
  const keys = [...shape.keys].slice(0, 6).join(', ');
  throw new UnknownFormatError(`a JSON ${shape.root ?? 'value'}${keys ? ` with the keys ${keys}` : ''}`);
}

interface JsonShape {
  root: 'object' | 'array' | null;
  keys: Set<string>;
  scalars: Map<string, string>;
}

function jsonShape(text: string): JsonShape {
  const shape: JsonShape = { root: null, keys: new Set(), scalars: new Map() };
  const tokens = tokensBeforeAnyError(text);
  let depth = 0;
  let key: string | null = null;
  for (const token of tokens) {
    if (token.name === 'startObject' || token.name === 'startArray') {
      if (depth === 0) shape.root ??= token.name === 'startObject' ? 'object' : 'array';
      depth += 1;
    } else if (token.name === 'endObject' || token.name === 'endArray') {
      depth -= 1;
      if (depth <= (shape.root === 'array' ? 1 : 0)) break;
    } else if (token.name === 'keyValue' && depth === (shape.root === 'array' ? 2 : 1)) {
      key = token.value;
      shape.keys.add(key);
    } else if ((token.name === 'stringValue' || token.name === 'numberValue') && key !== null && depth === 1) {
      shape.scalars.set(key, String(token.value));
    }
  }
  return shape;
}

/** The tokens of `text`, or of its longest start that parses when it has a syntax error (the reader refuses the error later). */
function tokensBeforeAnyError(text: string): Token[] {
  const tokens = (prefix: string): Token[] | null => {
    try {
      const output = jsonParser({ jsonStreaming: true })(prefix);
      return typeof output === 'object' ? output.values : [];
    } catch {
      return null;
    }
  };
  const whole = tokens(text);
  if (whole) return whole;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (tokens(text.slice(0, middle))) low = middle;
    else high = middle - 1;
  }
  return tokens(text.slice(0, low)) ?? [];
}
