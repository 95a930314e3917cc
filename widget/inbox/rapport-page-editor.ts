import { LitElement, css, html } from 'lit';
import { defineOnce } from '../shared/define.js';
import { controlStyles, fieldStyles } from '../shared/theme.styles.js';
import { emit } from '../shared/emit.js';
import type { InboxItem } from './inbox-api.js';
import type { InboxMessages } from './inbox-messages.js';

/**
 * Corrects a page's title and address, which the first reader's comment named (a reader's
 * browser can get them wrong). A button that opens a small form; saving fires
 * `rapport-page-change` ({key, title, url}) and the inbox does the work.
 */
export class RapportPageEditor extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    css`
      :host {
        display: inline;
        margin-inline-start: 0.5em;
      }
      button.open {
        font-size: 0.85em;
        padding: 0.1em 0.5em;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: end;
        margin-top: 0.5rem;
      }
      input {
        min-width: 16rem;
      }
    `,
  ];
  static override properties = {
    page: { attribute: false },
    messages: { attribute: false },
    busy: { type: Boolean },
    _open: { state: true },
  };

  page!: InboxItem['page'];
  messages!: InboxMessages;
  busy = false;
  private _open = false;

  override render() {
    const m = this.messages.pageEditor;
    if (!this._open) {
      return html`<button type="button" class="open" part="button" aria-expanded="false" @click=${this._show}>${m.edit}</button>`;
    }
    return html`<form part="page-editor" aria-label=${m.heading(this.page.key)} @submit=${this._save} @keydown=${this._keydown}>
      <label>${m.title} <input part="input" name="title" maxlength="300" .value=${this.page.title} /></label>
      <label>${m.url} <input part="input" name="url" type="url" maxlength="2048" .value=${this.page.url} placeholder="https://" /></label>
      <button type="submit" class="primary" ?disabled=${this.busy}>${m.save}</button>
      <button type="button" @click=${this._hide}>${m.cancel}</button>
    </form>`;
  }

  private async _show() {
    this._open = true;
    await this.updateComplete;
    this.renderRoot.querySelector('input')?.focus();
  }

  private async _hide() {
    this._open = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.open')?.focus();
  }

  private _keydown(event: KeyboardEvent) {
    if (event.key === 'Escape') void this._hide();
    // Letters typed here are text, not the inbox's shortcuts.
    event.stopPropagation();
  }

  private _save(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    emit(this, 'rapport-page-change', { key: this.page.key, title: String(data.get('title') ?? '').trim(), url: String(data.get('url') ?? '').trim() });
    void this._hide();
  }
}

defineOnce('rapport-page-editor', RapportPageEditor);
