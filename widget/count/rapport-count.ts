import { LitElement, css, html, nothing } from 'lit';
import { defineOnce } from '../shared/define.js';
import { scriptOrigin } from '../shared/script-origin.js';
import { loadMessages, resolveLocale, type Messages } from '../shared/messages.js';
import { ApiClient, type Counts } from '../shared/api-client.js';
import { countFor } from './count-batcher.js';

/** Passed as a value: the template minifier would trim a literal leading space. */
const SEPARATOR = ' · ';

/** A page's comment count (and how many wait for the author), for blog index pages. */
export class RapportCount extends LitElement {
  static override styles = css`
    :host {
      display: inline;
    }
    .waiting {
      color: var(--rapport-waiting, #b45309);
    }
  `;
  static override properties = {
    site: {},
    page: {},
    api: {},
    client: { attribute: false },
    _counts: { state: true },
  };

  site = '';
  page = '';
  /** The server's origin; by default the one embed.js came from. */
  api = '';
  /** Data access; set one to talk to another server or a test double. */
  client?: ApiClient;
  private _counts?: { counts: Counts[string]; messages: Messages };

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.site || !this.page) return;
    const client = (this.client ??= new ApiClient(this.api || scriptOrigin));
    Promise.all([countFor(client, this.site, this.page), loadMessages(client.origin, resolveLocale(this))]).then(
      ([counts, messages]) => (this._counts = { counts, messages }),
      () => (this._counts = undefined),
    );
  }

  override render() {
    if (!this._counts) return nothing;
    const { counts, messages } = this._counts;
    return html`<span part="count">${messages.comments(counts.commentCount)}</span>${counts.awaitingReply > 0
      ? html`${SEPARATOR}<span class="waiting" part="waiting">${messages.waitingShort(counts.awaitingReply)}</span>`
      : nothing}`;
  }
}

defineOnce('rapport-count', RapportCount);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-count': RapportCount;
  }
}
