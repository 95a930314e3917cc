import type { UndoEntry } from './inbox-actions.js';

/** What `u` takes back, newest first; forgotten when the author moves to another view or site. */
export class UndoStack {
  private entries: UndoEntry[] = [];

  push(entry: UndoEntry): void {
    if (entry.length > 0) this.entries.push(entry);
  }

  pop(): UndoEntry | undefined {
    return this.entries.pop();
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }
}
