import type { Token } from 'stream-json/core/parser.js';
import { IMPORT_LIMITS } from './records.js';
import { Oversized, type JsonObject, type JsonValue } from './json-values.js';

type Container = { value: JsonObject | JsonValue[]; key: string | null };

/**
 * Builds one JSON value from parser tokens (strings and keys arrive in chunks), within caps: a
 * string longer than `maxString` becomes Oversized (and stops growing), a value nested deeper than
 * IMPORT_LIMITS.maxRecordDepth or larger than IMPORT_LIMITS.maxRecordChars becomes Oversized as a whole.
 */
export class JsonAssembler {
  private readonly stack: Container[] = [];
  private depth = 0;
  private chars = 0;
  private broken: Oversized | null = null;
  private text: string[] = [];
  private textLength = 0;
  private key: string | null = null;
  /** The finished value, once `push` has returned true. */
  result: JsonValue = null;

  constructor(private readonly maxString: number) {}

  /** Takes the next token; true when the value is complete. */
  push(token: Token): boolean {
    switch (token.name) {
      case 'startObject':
      case 'startArray':
        return this.open(token.name === 'startObject' ? {} : []);
      case 'endObject':
      case 'endArray':
        return this.close();
      case 'startKey':
      case 'startString':
      case 'startNumber':
        this.text = [];
        this.textLength = 0;
        return false;
      case 'stringChunk':
      case 'numberChunk':
        this.textLength += token.value.length;
        if (this.textLength > this.maxString) return false;
        this.chars += token.value.length;
        this.text.push(token.value);
        return false;
      case 'endKey':
        this.key = this.text.join('');
        return false;
      case 'endString':
        return this.add(this.textLength > this.maxString ? new Oversized(`is longer than ${this.maxString} characters`) : this.text.join(''));
      case 'endNumber':
        return this.add(Number(this.text.join('')));
      case 'nullValue':
      case 'trueValue':
      case 'falseValue':
        return this.add(token.value);
      default:
        return false;
    }
  }

  private open(value: JsonObject | JsonValue[]): boolean {
    this.depth += 1;
    if (this.depth > IMPORT_LIMITS.maxRecordDepth) this.broken ??= new Oversized(`it is nested deeper than ${IMPORT_LIMITS.maxRecordDepth} levels`);
    if (this.broken) return false;
    this.stack.push({ value, key: this.key });
    return false;
  }

  private close(): boolean {
    this.depth -= 1;
    if (this.broken) return this.depth === 0 ? this.finish(this.broken) : false;
    const done = this.stack.pop() as Container;
    this.key = done.key;
    return this.add(done.value);
  }

  private add(value: JsonValue): boolean {
    if (this.chars > IMPORT_LIMITS.maxRecordChars) this.broken ??= new Oversized(`it is larger than ${IMPORT_LIMITS.maxRecordChars} characters`);
    if (this.broken) return this.depth === 0 ? this.finish(this.broken) : false;
    const parent = this.stack.at(-1);
    if (!parent) return this.finish(value);
    if (Array.isArray(parent.value)) parent.value.push(value);
    // A key like __proto__ is data here, never the object's prototype.
    else Object.defineProperty(parent.value, this.key ?? '', { value, enumerable: true, writable: true, configurable: true });
    this.chars += 8;
    return false;
  }

  private finish(value: JsonValue): boolean {
    this.result = value;
    return true;
  }
}
