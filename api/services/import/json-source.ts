import { none } from 'stream-chain/defs.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { jsonVerifier } from 'stream-json/core/utils/verifier.js';
import { ImportFormatError } from './import-errors.js';
import { JsonAssembler } from './json-assembler.js';
import type { JsonValue } from './json-values.js';
import { IMPORT_LIMITS, type ImportFormat } from './records.js';

/** Where a value sits in the document: keys and array indexes from the top. */
export type JsonPath = ReadonlyArray<string | number>;

/** A selected value, whole; or the end of a container the reader walked through (`value` undefined). */
export interface JsonEvent {
  path: JsonPath;
  value?: JsonValue;
}

export interface JsonReading {
  format: ImportFormat;
  /** Whether the value at `path` (a list when `isList`) is one the format wants whole (a comment, a page); others are walked through. */
  select(path: JsonPath, isList: boolean): boolean;
  /** JSON lines: several top-level values, one after another. */
  lines: boolean;
  maxBodyChars?: number;
}

type Walk = { key: string | number; isArray: boolean };

/**
 * Reads a JSON export as the values a format selects, one at a time, never holding more than one
 * of them (and each within the caps of JsonAssembler). The text is checked by stream-json's
 * verifier first, so a file that is not valid JSON ends the stream with an ImportFormatError at
 * the exact line and column, before anything from the broken part is yielded.
 */
export async function* readJson(text: AsyncIterable<string>, reading: JsonReading): AsyncGenerator<JsonEvent> {
  // stream-json's stages take `none` to flush at the end, which their types leave out.
  const verify = jsonVerifier({ jsonStreaming: reading.lines }) as (chunk: string | typeof none) => unknown;
  const parse = jsonParser({ packValues: false, streamValues: true, jsonStreaming: reading.lines }) as (chunk: string | typeof none) => { values: Token[] } | typeof none;
  const walk: Walk[] = [];
  const pendingKey: string[] = [];
  let assembling: { assembler: JsonAssembler; path: JsonPath } | null = null;
  let skippingScalar = false;
  const maxString = reading.maxBodyChars ?? IMPORT_LIMITS.maxBodyChars;

  function* take(tokens: Token[]): Generator<JsonEvent> {
    for (const token of tokens) {
      if (assembling) {
        if (assembling.assembler.push(token)) {
          yield { path: assembling.path, value: assembling.assembler.result };
          assembling = null;
          advance();
        }
        continue;
      }
      if (skippingScalar) {
        if (token.name === 'endString' || token.name === 'endNumber') {
          skippingScalar = false;
          advance();
        }
        continue;
      }
      if (token.name === 'startKey') pendingKey.length = 0;
      else if (token.name === 'stringChunk' && walk.at(-1)?.isArray === false && pendingKey.join('').length < 1024) pendingKey.push(token.value);
      else if (token.name === 'endKey') (walk.at(-1) as Walk).key = pendingKey.join('');
      else if (token.name === 'endObject' || token.name === 'endArray') {
        const path = walk.map((step) => step.key).slice(0, -1);
        walk.pop();
        yield { path };
        advance();
      } else {
        const path = walk.map((step) => step.key);
        if (reading.select(path, token.name === 'startArray')) {
          assembling = { assembler: new JsonAssembler(maxString), path };
          if (assembling.assembler.push(token)) {
            yield { path, value: assembling.assembler.result };
            assembling = null;
            advance();
          }
        } else if (token.name === 'startObject' || token.name === 'startArray') {
          walk.push({ key: token.name === 'startArray' ? 0 : '', isArray: token.name === 'startArray' });
        } else if (token.name === 'startString' || token.name === 'startNumber') {
          skippingScalar = true;
        } else {
          advance();
        }
      }
    }
  }

  /** After a value inside an array, the next one has the next index. */
  function advance(): void {
    const top = walk.at(-1);
    if (top?.isArray) top.key = (top.key as number) + 1;
  }

  const step = (chunk: string | typeof none): Token[] => {
    try {
      verify(chunk);
    } catch (error) {
      const { line, pos, message } = error as { line: number; pos: number; message: string };
      const said = message.replace(/^.*?\): (Verifier (cannot parse input: |has ))?/, '');
      const expected = said.startsWith('expected ') ? said.slice(9) : `valid JSON (${said})`;
      throw new ImportFormatError(reading.format, line, pos, chunk === none ? `${expected} (the file looks cut short)` : expected);
    }
    const output = parse(chunk);
    return typeof output === 'object' ? output.values : [];
  };
  for await (const chunk of text) yield* take(step(chunk));
  yield* take(step(none));
}
