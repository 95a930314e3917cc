import { html, nothing } from 'lit';
import type { ApiThread } from '../shared/api-client.js';
import type { Messages } from '../shared/messages.js';

/** What the thread's header shows, and what its two toggles do. */
export interface HeaderContext {
  messages: Messages;
  page?: ApiThread['page'];
  /** The author readers wait for ('' for the blog's authors as a whole), or undefined when the site hides waiting marks. */
  waitingFor?: string;
  waitingOnly: boolean;
  newestFirst: boolean;
  toggleWaitingOnly(): void;
  toggleNewestFirst(): void;
}

/** The count of comments and of readers waiting, and the filter and order toggles. */
export function renderHeader(h: HeaderContext) {
  const m = h.messages;
  const waiting = h.waitingFor != null ? h.page?.awaitingReply ?? 0 : 0;
  return html`
    <header class="head" part="header">
      <h2 part="heading">${m.comments(h.page?.commentCount ?? 0)}</h2>
      ${waiting > 0 ? html`<p class="waiting-count" part="waiting-count">${m.waitingCount(waiting, h.waitingFor!)}</p>` : nothing}
      <div class="tools">
        ${h.waitingFor != null ? html`<button part="button" aria-pressed=${String(h.waitingOnly)} @click=${h.toggleWaitingOnly}>${m.showWaitingOnly}</button>` : nothing}
        <button part="button" aria-pressed=${String(h.newestFirst)} @click=${h.toggleNewestFirst}>${m.newestFirst}</button>
      </div>
    </header>
  `;
}
