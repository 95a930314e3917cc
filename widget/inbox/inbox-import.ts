import type { ReactiveControllerHost } from 'lit';
import type { ImportSummary } from '../../contract/author-api.js';
import { ApiError } from '../shared/api-error.js';
import type { ImportChoice, InboxApi } from './inbox-api.js';

/** Where an upload is: sending its bytes, the server writing, done, or refused. */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'sending'; sent: number; total: number }
  | { phase: 'writing' }
  | { phase: 'done'; summary: ImportSummary }
  | { phase: 'failed'; code: string; message: string };

/** One import at a time from the inbox: its progress for the import panel, then the queue reloaded. */
export class InboxImport {
  state: ImportState = { phase: 'idle' };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: InboxApi,
    /** Told after an import wrote comments, so the queue and the figures show them. */
    private readonly imported: () => Promise<void>,
  ) {}

  get running(): boolean {
    return this.state.phase === 'sending' || this.state.phase === 'writing';
  }

  async start(siteId: string, authorEmail: string, choice: ImportChoice): Promise<void> {
    if (this.running) return;
    this.show({ phase: 'sending', sent: 0, total: choice.file.size });
    try {
      const summary = await this.api.importFile(siteId, authorEmail, choice, (sent, total) =>
        // The last byte sent, the server still reads and writes: that is the long part for big files.
        this.show(sent < total ? { phase: 'sending', sent, total } : { phase: 'writing' }),
      );
      this.show({ phase: 'done', summary });
      if (!summary.dryRun) await this.imported();
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('unknown', String(error));
      this.show({ phase: 'failed', code: failure.code, message: failure.message });
    }
  }

  private show(state: ImportState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
