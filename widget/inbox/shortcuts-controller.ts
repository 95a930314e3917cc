import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The inbox's shortcuts (single keys, and `g` followed by a key), on the whole page while the inbox is there: it adds its
 * listener when connected and removes it when not. Keys typed in fields, or with Ctrl, Meta or
 * Alt, are left alone. Keys pressed while an action is under way run after it, in order,
 * rather than being lost.
 */
export class ShortcutsController implements ReactiveController {
  private queue: Promise<unknown> = Promise.resolve();
  /** `g` was pressed: the next key names where to go (`g a`, `g p` …). */
  private prefix = '';

  constructor(
    host: ReactiveControllerHost,
    /** What each key does now (the map is asked for at each press). */
    private readonly keys: () => Record<string, () => unknown>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.pressed);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.pressed);
  }

  private readonly pressed = (event: KeyboardEvent) => {
    const target = event.composedPath()[0] as HTMLElement;
    if (event.ctrlKey || event.metaKey || event.altKey || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
    const key = this.prefix ? `${this.prefix} ${event.key}` : event.key;
    this.prefix = '';
    if (key === 'g') {
      this.prefix = 'g';
      event.preventDefault();
      return;
    }
    const run = this.keys()[key];
    if (!run) return;
    event.preventDefault();
    this.queue = this.queue.then(run).catch(() => undefined);
  };
}
