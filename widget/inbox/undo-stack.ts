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

  clear(): void {
    this.entries = [];
  }
}
