import { LitElement, css, html, nothing } from 'lit';
import { defineOnce } from '../shared/define.js';
import { emit } from '../shared/emit.js';
import { controlStyles, fieldStyles } from '../shared/theme.styles.js';
import type { Me } from '../../contract/author-api.js';
import type { AuthorScope } from '../../contract/enums.js';
import type { InboxMessages } from './inbox-messages.js';
import './rapport-inbox-scope.js';

/**
 * The inbox's top bar: its title, the site being answered (a switcher when the author writes
 * several), whose posts it shows (a switch when the site has several authors), and the shortcuts
 * and sign-out buttons. Fires `rapport-site-chosen` ({siteId}), `rapport-scope-chosen` ({scope},
 * from rapport-inbox-scope), `rapport-shortcuts-requested` and `rapport-sign-out-chosen`.
 */
export class RapportInboxHeader extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
        margin-bottom: 1rem;
      }
      h1 {
        font-size: 1.3em;
        margin: 0;
      }
      /* A line of its own under the title: it decides what the figures and the queue below cover. */
      rapport-inbox-scope {
        flex: 1 0 100%;
      }
    `,
  ];
  static override properties = {
    me: { attribute: false },
    siteId: { attribute: false },
    scope: { attribute: false },
    messages: { attribute: false },
  };

  me!: Me;
  siteId = '';
  scope: AuthorScope = 'mine';
  messages!: InboxMessages;

  override render() {
    const m = this.messages;
    const sites = this.me.sites;
    const site = sites.find((s) => s.id === this.siteId);
    return html`<header part="header">
      <h1>${m.title}</h1>
      ${sites.length > 1
        ? html`<label>${m.site} <select part="select" @change=${this._switchSite}>
            ${sites.map((s) => html`<option value=${s.id} ?selected=${s.id === this.siteId}>${s.name}</option>`)}
          </select></label>`
        : html`<span>${sites[0]?.name ?? ''}</span>`}
      <span>
        <button type="button" @click=${() => emit(this, 'rapport-shortcuts-requested', {})}>${m.shortcuts.open}</button>
        <button type="button" @click=${() => emit(this, 'rapport-sign-out-chosen', {})}>${m.signOut}</button>
      </span>
      ${site && site.authors.length > 1 ? html`<rapport-inbox-scope .scope=${this.scope} .messages=${m}></rapport-inbox-scope>` : nothing}
    </header>`;
  }

  private _switchSite(event: Event): void {
    emit(this, 'rapport-site-chosen', { siteId: (event.target as HTMLSelectElement).value });
  }
}

defineOnce('rapport-inbox-header', RapportInboxHeader);
