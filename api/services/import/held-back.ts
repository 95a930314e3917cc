import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Oversized, type JsonValue } from './json-values.js';

const reviver = (_key: string, value: unknown) =>
  value !== null && typeof value === 'object' && typeof (value as { $oversized?: unknown }).$oversized === 'string'
    ? new Oversized((value as { $oversized: string }).$oversized)
    : value;
/** A reviver slows parsing several times over: only lines that hold an Oversized need it. */
const parse = (line: string) => (line.includes('"$oversized"') ? JSON.parse(line, reviver) : JSON.parse(line)) as JsonValue;

/**
 * JSON values kept until the reader can use them (Commento lists commenters after the comments
 * that need their names): in memory up to `budget` characters, then in a temporary file, so a
 * large export never has to fit in memory. Call dispose() when done; it removes the file.
 */
export class HeldBack {
  private readonly lines: string[] = [];
  private size = 0;
  private file: { dir: string; name: string; handle: fs.FileHandle } | null = null;

  constructor(private readonly budget: number) {}

  /** Keeps a value. */
  async add(value: JsonValue): Promise<void> {
    const line = JSON.stringify(value);
    this.size += line.length;
    this.lines.push(line);
    if (this.size > this.budget) await this.spill();
  }

  /** The values kept, in the order they came, each once. */
  async *replay(): AsyncGenerator<JsonValue> {
    if (this.file) {
      await this.spill();
      await this.file.handle.close();
      const input = readline.createInterface({ input: createReadStream(this.file.name), crlfDelay: Infinity });
      for await (const line of input) yield parse(line);
      return;
    }
    for (const line of this.lines.splice(0)) yield parse(line);
  }

  /** Forgets everything and removes the temporary file, if there was one. */
  async dispose(): Promise<void> {
    this.lines.length = 0;
    if (!this.file) return;
    const { dir, handle } = this.file;
    this.file = null;
    await handle.close().catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  }

  private async spill(): Promise<void> {
    if (!this.file) {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rapport-import-'));
      const name = path.join(dir, 'held.jsonl');
      this.file = { dir, name, handle: await fs.open(name, 'w', 0o600) };
    }
    if (this.lines.length === 0) return;
    await this.file.handle.write(`${this.lines.join('\n')}\n`);
    this.lines.length = 0;
    this.size = 0;
  }
}
