import { LitElement, css, html } from 'lit';
import { defineOnce } from '../shared/define.js';
import { controlStyles } from '../shared/theme.styles.js';
import type { InboxMessages } from './inbox-messages.js';
import { emit } from '../shared/emit.js';
import type { ItemAction } from './inbox-events.js';

/** The bar shown while comments are selected: what to do to all of them. Fires `rapport-bulk-action-chosen` ({action}). */
export class RapportInboxBulk extends LitElement {
  static override styles = [
    controlStyles,
    css`
      .bulk {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        padding: 0.5rem 0.75rem;
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        margin-top: 0.5rem;
      }
    `,
  ];
  static override properties = {
    count: { type: Number },
    busy: { type: Boolean },
    messages: { attribute: false },
  };

  count = 0;
  busy = false;
  messages!: InboxMessages;

  override render() {
    const m = this.messages;
    const button = (action: ItemAction, label: string) =>
      html`<button type="button" ?disabled=${this.busy} @click=${() => emit(this, 'rapport-bulk-action-chosen', { action })}>${label}</button>`;
    return html`<div class="bulk" part="bulk" role="group" aria-label=${m.bulkLabel(this.count)}>
      <span>${m.bulkLabel(this.count)}</span>
      ${button('approve', m.approve)} ${button('spam', m.spam)} ${button('noReplyNeeded', m.noReplyNeeded)}
    </div>`;
  }
}

defineOnce('rapport-inbox-bulk', RapportInboxBulk);
