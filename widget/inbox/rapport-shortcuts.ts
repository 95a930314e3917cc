import { LitElement, css, html } from 'lit';
import { defineOnce } from '../shared/define.js';
import { controlStyles } from '../shared/theme.styles.js';
import type { InboxMessages } from './inbox-messages.js';

/** The list of keyboard shortcuts, in a modal dialog (Escape closes it and focus returns). */
export class RapportShortcuts extends LitElement {
  static override styles = [
    controlStyles,
    css`
      dialog {
        color: inherit;
        background: var(--rapport-background, Canvas);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.3rem 1rem;
      }
      dt {
        font-family: ui-monospace, monospace;
        font-weight: 700;
      }
      dd {
        margin: 0;
      }
    `,
  ];
  static override properties = { messages: { attribute: false } };

  messages!: InboxMessages;

  show(): void {
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  override render() {
    const m = this.messages.shortcuts;
    return html`<dialog aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">${m.heading}</h2>
      <dl>${m.list.map(([keys, what]) => html`<dt>${keys}</dt><dd>${what}</dd>`)}</dl>
      <form method="dialog"><button class="primary">${m.close}</button></form>
    </dialog>`;
  }
}

defineOnce('rapport-shortcuts', RapportShortcuts);
