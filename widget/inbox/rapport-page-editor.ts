import { LitElement, css, html, nothing } from 'lit';
import { defineOnce } from '../shared/define.js';
import { controlStyles, fieldStyles } from '../shared/theme.styles.js';
import { emit } from '../shared/emit.js';
import type { InboxItem, SiteAuthorView } from '../../contract/author-api.js';
import type { PageChange } from './inbox-events.js';
import type { InboxMessages } from './inbox-messages.js';

/**
 * Corrects a page's title and address, which the first reader's comment named (a reader's
 * browser can get them wrong), and, on a site with several authors, whose post it is: "This post
 * is mine" in one click on a post without an author (a colleague's post changes hands only
 * through the form, deliberately), or any author (or none) in the form. A button that opens a small form;
 * saving fires `rapport-page-changed` ({key, title, url, author if it changed}) and the inbox does the work.
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
      button.open,
      button.claim {
        font-size: 0.85em;
        padding: 0.1em 0.5em;
      }
      button.claim {
        margin-inline-start: 0.4em;
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
    authors: { attribute: false },
    me: { attribute: false },
    messages: { attribute: false },
    busy: { type: Boolean },
    _open: { state: true },
  };

  page!: InboxItem['page'];
  /** The site's authors; with one, whose post it is goes without saying, and nothing about it shows. */
  authors: SiteAuthorView[] = [];
  /** The signed-in author's email. */
  me = '';
  messages!: InboxMessages;
  busy = false;
  private _open = false;

  override render() {
    const m = this.messages.pageEditor;
    const shared = this.authors.length > 1;
    if (!this._open) {
      return html`<button type="button" class="open" part="button" aria-expanded="false" @click=${this._show}>${m.edit}</button>
        ${shared && !this.page.author
          ? html`<button type="button" class="claim" part="button claim" ?disabled=${this.busy} @click=${this._claim}>${m.mine}</button>`
          : nothing}`;
    }
    return html`<form part="page-editor" aria-label=${m.heading(this.page.key)} @submit=${this._save} @keydown=${this._keydown}>
      <label>${m.title} <input part="input" name="title" maxlength="300" .value=${this.page.title} /></label>
      <label>${m.url} <input part="input" name="url" type="url" maxlength="2048" .value=${this.page.url} placeholder="https://" /></label>
      ${shared ? this._renderAuthor() : nothing}
      <button type="submit" class="primary" ?disabled=${this.busy}>${m.save}</button>
      <button type="button" @click=${this._hide}>${m.cancel}</button>
    </form>`;
  }

  /** Every author of the site, the signed-in one marked, and nobody. */
  private _renderAuthor() {
    const m = this.messages.pageEditor;
    const current = this.page.author?.email ?? '';
    return html`<label>${m.author}
      <select part="select" name="author">
        ${this.authors.map((a) => html`<option value=${a.email} ?selected=${a.email === current}>${a.email === this.me ? m.you(a.name) : a.name}</option>`)}
        <option value="" ?selected=${current === ''}>${m.noAuthor}</option>
      </select>
    </label>`;
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
    const change: PageChange = { key: this.page.key, title: String(data.get('title') ?? '').trim(), url: String(data.get('url') ?? '').trim() };
    const author = data.get('author');
    if (author !== null && author !== (this.page.author?.email ?? '')) change.author = String(author) || null;
    emit(this, 'rapport-page-changed', change);
    void this._hide();
  }

  private _claim() {
    // The button goes once the post is the author's: focus waits on the editor's own button.
    this.renderRoot.querySelector<HTMLButtonElement>('button.open')?.focus();
    emit(this, 'rapport-page-changed', { key: this.page.key, author: this.me });
  }
}

defineOnce('rapport-page-editor', RapportPageEditor);
