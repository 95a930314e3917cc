import { LitElement, css, html, nothing } from 'lit';
import { LIMITS } from '../../contract/limits.js';
import { defineOnce } from '../shared/define.js';
import { controlStyles, fieldStyles } from '../shared/theme.styles.js';
import { emit } from '../shared/emit.js';
import type { ImportState } from './inbox-import.js';
import type { InboxMessages } from './inbox-messages.js';
import { panelSectionStyles } from './rapport-inbox.styles.js';

/** Skipped records listed by name under the summary; the rest are counted. */
const LISTED_SKIPS = 20;

/**
 * An export file brought into the site from the inbox: the choices of `rapport data import`, the
 * upload's progress, then the import's summary. Fires `rapport-import-requested` (the file and choices);
 * the inbox uploads it and hands back `state`.
 */
export class RapportInboxImport extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    panelSectionStyles,
    css`
      :host {
        display: block;
      }
      .check {
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      progress {
        width: min(20rem, 100%);
      }
    `,
  ];
  static override properties = {
    state: { attribute: false },
    messages: { attribute: false },
    _tooLarge: { state: true },
  };

  state: ImportState = { phase: 'idle' };
  messages!: InboxMessages;
  private _tooLarge = false;

  override render() {
    const m = this.messages.importing;
    const running = this.state.phase === 'sending' || this.state.phase === 'writing';
    return html`<h3 id="import-heading">${m.heading}</h3>
      <form class="row" part="import-form" aria-labelledby="import-heading" @submit=${this._submit}>
        <label>${m.file} <input part="input" name="file" type="file" required accept=".xml,.gz,.json,.jsonl,.txt,application/xml,application/json,application/gzip" @change=${() => (this._tooLarge = false)} /></label>
        <label>${m.waitingSince} <input part="input" name="waitingSince" type="date" aria-describedby="waiting-hint" /></label>
        <label>${m.names} <input part="input" name="names" type="text" autocomplete="off" /></label>
        <label class="check"><input name="dryRun" type="checkbox" /> ${m.dryRun}</label>
        <button type="submit" part="button" ?disabled=${running}>${m.start}</button>
      </form>
      <p class="hint">${m.hint}</p>
      <p class="hint" id="waiting-hint">${m.waitingSinceHint}</p>
      <div aria-live="polite" part="import-status" class="status">${this._status()}</div>
      ${this._failure()}`;
  }

  private _status() {
    const m = this.messages.importing;
    const state = this.state;
    if (state.phase === 'sending') {
      const percent = state.total > 0 ? Math.floor((state.sent / state.total) * 100) : 0;
      return html`<p>${m.sending(percent)}</p><progress max="100" value=${percent}></progress>`;
    }
    if (state.phase === 'writing') return html`<p>${m.writing}</p><progress></progress>`;
    if (state.phase !== 'done') return nothing;
    const s = state.summary;
    return html`<p class="summary"><strong>${m.done(s)}</strong></p>
      <ul>
        <li>${m.statuses(s)}</li>
        <li>${m.authors(s)}</li>
        <li>${m.waiting(s)}</li>
        ${s.alreadyImported > 0 ? html`<li>${m.already(s.alreadyImported)}</li>` : nothing}
        ${s.skippedCount > 0
          ? html`<li>${m.skipped(s.skippedCount)}
              <ul>${s.skipped.slice(0, LISTED_SKIPS).map((skip) => html`<li>${skip.source}: ${skip.why}</li>`)}${s.skippedCount > LISTED_SKIPS ? html`<li>…</li>` : nothing}</ul>
            </li>`
          : nothing}
      </ul>`;
  }

  private _failure() {
    const m = this.messages.importing;
    if (this._tooLarge || (this.state.phase === 'failed' && this.state.code === 'too_large')) return html`<p class="failed" role="alert">${m.tooLarge}</p>`;
    if (this.state.phase !== 'failed') return nothing;
    return html`<p class="failed" role="alert">${m.failed(this.state.message)}</p>`;
  }

  private _submit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const file = data.get('file');
    if (!(file instanceof File) || file.name === '') return;
    // Refused here rather than after minutes of uploading.
    this._tooLarge = file.size > LIMITS.importBytes;
    if (this._tooLarge) return;
    const names = String(data.get('names') ?? '').split(',').map((name) => name.trim()).filter(Boolean);
    emit(this, 'rapport-import-requested', { file, waitingSince: String(data.get('waitingSince') ?? ''), names, dryRun: data.get('dryRun') === 'on' });
  }
}

defineOnce('rapport-inbox-import', RapportInboxImport);
