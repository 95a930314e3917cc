import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { ImportReadError } from './import-errors.js';

/** The first bytes of a stream, and the whole stream again (those bytes included). */
export interface Peeked {
  head: Buffer;
  bytes: AsyncIterable<Buffer>;
  /** The head is the whole stream. */
  complete: boolean;
}

/** Reads at least `size` bytes (fewer only if the stream is shorter) without losing them. */
export async function peek(source: AsyncIterable<Buffer | Uint8Array | string>, size: number): Promise<Peeked> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let length = 0;
  let complete = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    seen.push(chunk);
    length += chunk.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      yield* seen;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { head: Buffer.concat(seen), bytes: replay(), complete };
}

/** The stream's bytes, inflated when they start with gzip's magic number (whatever the file is called). */
export async function gunzipIfCompressed(source: AsyncIterable<Buffer | Uint8Array | string>): Promise<AsyncIterable<Buffer>> {
  const { head, bytes } = await peek(source, 2);
  if (head[0] !== 0x1f || head[1] !== 0x8b) return bytes;
  const compressed = Readable.from(bytes);
  const inflate = zlib.createGunzip();
  compressed.on('error', (error) => inflate.destroy(error));
  return inflated(compressed.pipe(inflate));
}

async function* inflated(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* stream;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
      throw new ImportReadError(`The gzip data is broken: ${(error as Error).message}`);
    }
    throw error;
  }
}
