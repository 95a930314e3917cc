import { LitElement, css, html, nothing } from 'lit';
import { defineOnce } from '../shared/define.js';
import { scriptOrigin } from '../shared/script-origin.js';
import { messagesFor, resolveLocale } from '../shared/messages.js';
import { countFor } from './count-batcher.js';

/** A page's comment count (and how many wait for the author), for blog index pages. */
export class RapportCount extends LitElement {
  static override styles = css`
    :host {
      display: inline;
  static override properties = {
    site: {},
    page: {},
    api: {},
    _counts: { state: true },
  };
    }
    .waiting {
      color: var(--rapport-waiting, #b45309);
    }
  `;

  site = '';
  page = '';
  /** The server's origin; by default the one embed.js came from. */
  api = '';
  private _counts?: { commentCount: number; awaitingReply: number };

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.site || !this.page) return;
    countFor(this.api || scriptOrigin, this.site, this.page).then(
      (counts) => (this._counts = counts),
      () => (this._counts = undefined),
    );
  }

  override render() {
    if (!this._counts) return nothing;
    const m = messagesFor(resolveLocale(this));
    const waiting = this._counts.awaitingReply;
    return html`<span part="count">${m.comments(this._counts.commentCount)}</span>${waiting > 0
      ? html` · <span class="waiting" part="waiting">${m.waitingShort(waiting)}</span>`
      : nothing}`;
  }
}

defineOnce('rapport-count', RapportCount);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-count': RapportCount;
  }
}
