import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ImportFormatError } from './import-errors.js';
import { IMPORT_LIMITS, type ImportFormat, type ImportRecord } from './records.js';
import { OVERSIZE_MARK, XmlSpanGuard } from './xml-span-guard.js';
import { XmlRecord } from './xml-record.js';

/** What an XML format reader tells the XML source: which elements are records, and what they become. */
export interface XmlFormat {
  format: ImportFormat;
  /** The root element's canonical name. */
  root: string;
  /** A namespace URI's canonical prefix ('' for the format's own unprefixed names); null for namespaces it ignores. */
  prefixOf(uri: string): string | null;
  /** Canonical paths from the root of the elements that are records, e.g. `disqus/post`. */
  records: ReadonlySet<string>;
  /** The import records a finished XML record gives. */
  close(record: XmlRecord): ImportRecord[];
}

interface Frame {
  name: string;
  /** Canonical path from the root; only kept as deep as record paths go. */
  path: string;
  /** The record this element is, or sits in; null outside records. */
  record: XmlRecord | null;
  /** Path relative to the record ('' for the record element itself, and below the depth cap). */
  field: string;
  opensRecord: boolean;
  parts: string[];
  length: number;
}

// saxes' messages, turned into what the file should have had there.
const EXPECTATIONS: Array<[RegExp, (match: RegExpExecArray, open: string) => string]> = [
  [/^unclosed tag: (.+)$/, (m) => `</${m[1]}> before the end of the file (the file looks cut short)`],
  [/^unexpected end\.$/, () => 'the rest of the markup (the file looks cut short)'],
  [/^unexpected close tag\.$/, (_, open) => `</${open}> to close <${open}>`],
  [/^unquoted attribute value\.$/, () => 'an attribute value in quotes'],
  [/^unbound namespace prefix: "(.+)"\.$/, (m) => `a declaration of the namespace prefix "${m[1]}" (xmlns:${m[1]}="…")`],
  [/^text data outside of root node\.$/, () => 'markup, not text, outside the root element'],
  [/^undefined entity\.$/, () => 'a defined entity (&amp; &lt; &gt; &quot; &apos; or a character reference)'],
];

/**
 * Reads an XML export as a stream of import records: strict XML (saxes), except that a byte-order
 * mark and whitespace before the XML declaration are allowed, as real exports have them. Anything
 * else not well-formed ends the stream with an ImportFormatError naming its line and column.
 */
export async function* readXml(text: AsyncIterable<string>, spec: XmlFormat, maxBodyChars: number = IMPORT_LIMITS.maxBodyChars): AsyncGenerator<ImportRecord> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const queue: ImportRecord[] = [];
  const stack: Frame[] = [];
  const lead = { lines: 0, columns: 0, done: false };
  const guard = new XmlSpanGuard(maxBodyChars, (piece) => parser.write(piece));
  const fail = (line: number, column: number, expected: string): never => {
    throw new ImportFormatError(spec.format, line + lead.lines + guard.droppedLines, Math.max(1, line === 1 ? column + lead.columns : column), expected);
  };

  // saxes pops the element a wrong close tag ends before it reports the error: that one was left open.
  let lastClosed = spec.root;
  parser.on('error', (error) => {
    const message = error.message.replace(/^\d+:\d+: /, '');
    const open = message.startsWith('unexpected close') ? lastClosed : (stack.at(-1)?.name ?? spec.root);
    const known = EXPECTATIONS.map(([pattern, say]) => [pattern.exec(message), say] as const).find(([match]) => match);
    fail(parser.line, parser.column, known?.[0] ? known[1](known[0], open) : `well-formed XML (${message.replace(/\.$/, '')})`);
  });
  parser.on('opentag', (tag) => {
    const frame = open(tag, stack.at(-1));
    if (stack.length === 0 && frame.path !== spec.root) fail(parser.line, parser.column, `the root element <${spec.root}>, not <${tag.name}>`);
    stack.push(frame);
  });
  parser.on('closetag', (tag) => {
    lastClosed = tag.name;
    const frame = stack.pop();
    if (!frame?.record) return;
    if (frame.opensRecord) return void queue.push(...spec.close(frame.record));
    frame.record.depth -= 1;
    if (frame.field !== '' && !frame.record.fields.has(frame.field) && !frame.record.tooLong.has(frame.field)) frame.record.fields.set(frame.field, frame.parts.join(''));
  });
  const append = (piece: string) => {
    const frame = stack.at(-1);
    if (frame?.record) collect(frame, piece);
  };
  parser.on('text', append);
  parser.on('cdata', append);

  const recordDepth = Math.max(...[...spec.records].map((path) => path.split('/').length));
  const names = new Map<string, Map<string, string>>();

  function open(tag: SaxesTagNS, parent: Frame | undefined): Frame {
    const name = canonical(tag.uri, tag.local);
    const path = !parent ? name : stack.length < recordDepth ? `${parent.path}/${name}` : '';
    const isRecord = path !== '' && spec.records.has(path);
    const record = isRecord ? new XmlRecord(name, parser.line, parent?.record ?? null) : (parent?.record ?? null);
    const deep = record !== null && !isRecord && (record.depth += 1) > IMPORT_LIMITS.maxRecordDepth;
    if (deep) (record as XmlRecord).tooDeep = true;
    const field = isRecord || !parent?.record || deep ? '' : parent.field ? `${parent.field}/${name}` : name;
    if (record && !deep) {
      for (const attribute of Object.values(tag.attributes)) {
        if (attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') record.fields.set(`${field}@${canonical(attribute.uri, attribute.local)}`, attribute.value);
      }
    }
    return { name, path, record, field, opensRecord: isRecord, parts: [], length: 0 };
  }

  function canonical(uri: string, local: string): string {
    let known = names.get(uri);
    if (!known) names.set(uri, (known = new Map()));
    let name = known.get(local);
    if (name === undefined) {
      const prefix = uri ? spec.prefixOf(uri) : '';
      name = prefix === null ? `?:${local}` : prefix ? `${prefix}:${local}` : local;
      known.set(local, name);
    }
    return name;
  }

  function collect(frame: Frame, piece: string): void {
    const record = frame.record as XmlRecord;
    if (frame.field === '' || record.tooLarge || record.tooLong.has(frame.field)) return;
    record.chars += piece.length;
    frame.length += piece.length;
    if (record.chars > IMPORT_LIMITS.maxRecordChars) record.tooLarge = true;
    else if (frame.length > maxBodyChars || piece.includes(OVERSIZE_MARK)) record.tooLong.add(frame.field);
    else frame.parts.push(piece);
  }

  // Records are handed on once their whole chunk has parsed: a wrong close tag makes saxes close
  // the elements it skips, which must not yield the records they were.
  const drain = function* () {
    const ready = queue.splice(0);
    yield* ready;
  };
  for await (const chunk of text) {
    const rest = lead.done ? chunk : skipLead(chunk);
    if (rest) guard.feed(rest);
    yield* drain();
  }
  guard.end();
  parser.close();
  yield* drain();

  /** Drops the whitespace before the first `<`, remembering how much for positions; anything else there is refused. */
  function skipLead(chunk: string): string {
    const start = chunk.search(/[^\s\uFEFF]/);
    const skipped = start === -1 ? chunk : chunk.slice(0, start);
    const newline = skipped.lastIndexOf('\n');
    lead.lines += skipped.split('\n').length - 1;
    lead.columns = newline === -1 ? lead.columns + skipped.length : skipped.length - newline - 1;
    if (start === -1) return '';
    lead.done = true;
    if (chunk[start] !== '<') fail(1, 1, `"<" to begin the XML declaration or the root element, not "${chunk[start]}"`);
    return chunk.slice(start);
  }
}
