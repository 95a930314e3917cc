import type { ImportProgress } from '../services/import/site-import.js';

/** A file that takes less than this shows no progress at all. */
const QUIET_MS = 1_000;
/** How often a line goes to a log (stderr not a terminal), and how often a bar is redrawn. */
const LOG_EVERY_MS = 5_000;
const DRAW_EVERY_MS = 100;
const BAR_WIDTH = 24;

/**
 * The import's progress on stderr, once it takes more than a moment: a bar redrawn in place on a
 * terminal, a line now and then in a log. The share is of the file's bytes read (compressed
 * bytes for a .gz), then of the comments written.
 */
export class ImportProgressLine {
  private readonly started = Date.now();
  private shownAt = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly totalBytes: number,
    private readonly bytesRead: () => number,
  ) {}

  update(progress: ImportProgress): void {
    const now = Date.now();
    if (now - this.started < QUIET_MS || now - this.shownAt < (this.stream.isTTY ? DRAW_EVERY_MS : LOG_EVERY_MS)) return;
    this.shownAt = now;
    const share = progress.phase === 'reading' ? this.bytesRead() / Math.max(1, this.totalBytes) : progress.written / Math.max(1, progress.comments);
    const percent = Math.min(100, Math.floor(share * 100));
    const words = `${progress.phase} ${progress.phase === 'reading' ? `${count(progress.comments)} comments on ${count(progress.pages)} pages` : `${count(progress.written)} comments written`}`;
    if (this.stream.isTTY) {
      const filled = Math.round((percent / 100) * BAR_WIDTH);
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}%  ${words}\u001b[K`);
      this.drawn = true;
    } else {
      this.stream.write(`rapport: ${words} (${percent}%)\n`);
    }
  }

  note(text: string): void {
    this.done();
    this.stream.write(`rapport: ${text}\n`);
  }

  /** Ends the bar's line, so what follows starts on its own. */
  done(): void {
    if (!this.drawn) return;
    this.stream.write('\n');
    this.drawn = false;
  }
}

const count = (n: number) => n.toLocaleString('en-US');
