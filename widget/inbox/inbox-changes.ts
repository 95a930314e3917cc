import type { SnoozeChoice } from '../../contract/enums.js';
import { ACTION_CHANGES, undoOf, type UndoEntry } from './inbox-actions.js';
import type { InboxApi } from './inbox-api.js';
import type { ItemAction } from './inbox-events.js';
import type { InboxQueue } from './inbox-queue.js';
import { UndoStack } from './undo-stack.js';

/**
 * What the author does to comments from the queue: each change sent, kept for `u`, and applied to
 * the queue. The inbox shell runs them (busy, focus, what to announce, failures).
 */
export class InboxChanges {
  private readonly undo = new UndoStack();

  constructor(
    private readonly api: InboxApi,
    private readonly queue: InboxQueue,
  ) {}

  /** Publishes the author's answer; `u` deletes it again. */
  async reply(id: string, body: string): Promise<void> {
    const reply = await this.api.reply(id, body);
    this.undo.push([{ id: reply.id, change: { status: 'deleted' } }]);
    this.queue.applied(id, (c) => ({ ...c, awaitingReply: false, status: 'published' }));
  }

  /** Changes the text of the author's own comment; `u` puts the old text back. */
  async edit(id: string, body: string): Promise<void> {
    const before = this.queue.find(id)?.comment.body;
    const updated = await this.api.change(id, { body });
    if (before !== undefined) this.undo.push([{ id, change: { body: before } }]);
    this.queue.applied(id, (c) => ({ ...c, ...updated, body }));
  }

  /** One action on some comments, one after the other, taken back together by `u`. */
  async act(ids: string[], action: ItemAction): Promise<void> {
    const entry: UndoEntry = [];
    try {
      for (const id of ids) {
        const before = this.queue.find(id)?.comment;
        const updated = await this.api.change(id, ACTION_CHANGES[action]);
        if (before) entry.push({ id, change: undoOf(action, before) });
        this.queue.applied(id, () => updated);
      }
    } finally {
      // What did change before a failure can still be taken back.
      this.undo.push(entry);
    }
  }

  /** Out of the queue until then; `u` brings it back at once. */
  async snooze(id: string, until: SnoozeChoice): Promise<void> {
    const updated = await this.api.change(id, { snooze: until });
    this.undo.push([{ id, change: { snooze: null } }]);
    this.queue.applied(id, () => updated);
  }

  get canUndo(): boolean {
    return this.undo.size > 0;
  }

  /** Takes back the last change (or bulk change), then shows the queue as the server has it. */
  async undoLast(): Promise<void> {
    const entry = this.undo.pop() ?? [];
    for (const { id, change } of entry) await this.api.change(id, change);
    await this.queue.reload();
  }

  /** Another view or site: nothing there to undo. */
  forget(): void {
    this.undo.clear();
  }
}
