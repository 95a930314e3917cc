import { LitElement, css, html } from 'lit';
import { defineOnce } from '../shared/define.js';
import { emit } from '../shared/emit.js';
import { controlStyles, fieldStyles } from '../shared/theme.styles.js';
import type { StatsResponse } from '../../contract/author-api.js';
import { INBOX_VIEWS, type InboxView } from '../../contract/enums.js';
import type { InboxMessages } from './inbox-messages.js';

/** The queues to switch between and the page filter. Fires `rapport-view-chosen` ({view}) and `rapport-page-filter-chosen` ({page}). */
export class RapportInboxViews extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    css`
      nav,
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      nav {
        margin: 1.25rem 0 0.75rem;
      }
      .count {
        display: inline-block;
        min-width: 1.4em;
        padding: 0 0.35em;
        border-radius: 999px;
        background: var(--_border);
        font-size: 0.85em;
        text-align: center;
      }
      nav button[aria-current='true'] {
        border-color: var(--_accent);
        color: var(--_accent);
        font-weight: 700;
      }
    `,
  ];
  static override properties = {
    counts: { attribute: false },
    view: { attribute: false },
    page: { attribute: false },
    pages: { attribute: false },
    messages: { attribute: false },
  };

  /** How many comments each queue holds, when known. */
  counts?: StatsResponse['queues'];
  view: InboxView = 'awaiting';
  page = '';
  pages: StatsResponse['perPage'] = [];
  messages!: InboxMessages;

  override render() {
    const m = this.messages;
    return html`<nav part="views" aria-label=${m.viewsLabel}>
      ${INBOX_VIEWS.map((view) => {
        const count = view === 'all' ? undefined : this.counts?.[view];
        // The space is a value, not template text, so that minifying keeps it: "Spam 2", not "Spam2".
        return html`<button type="button" data-view=${view} aria-current=${view === this.view ? 'true' : 'false'} @click=${() => emit(this, 'rapport-view-chosen', { view })}>
          ${m.views[view]}${count === undefined ? '' : [' ', html`<span class="count" part="count">${count}</span>`]}</button>`;
      })}
      <label class="filters">${m.pageFilter}
        <select part="select" @change=${(e: Event) => emit(this, 'rapport-page-filter-chosen', { page: (e.target as HTMLSelectElement).value })}>
          <option value="">${m.allPages}</option>
          ${this.pages.map((row) => html`<option value=${row.page.key} ?selected=${row.page.key === this.page}>${row.page.title || row.page.key}</option>`)}
        </select>
      </label>
    </nav>`;
  }
}

defineOnce('rapport-inbox-views', RapportInboxViews);
