import { LitElement, css, html, nothing, svg } from 'lit';
import { defineOnce } from '../shared/define.js';
import { controlStyles } from '../shared/theme.styles.js';
import { relativeTime } from '../shared/time.js';
import type { Stats } from './inbox-api.js';
import type { InboxMessages } from './inbox-messages.js';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)} %`);

/** How responsive the author has been: the figures, a weekly reply-rate chart, a per-page table. */
export class RapportInboxStats extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      dl {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        margin: 0;
      }
      dl div {
        display: grid;
      }
      dt {
        font-size: 0.8em;
        color: var(--_muted);
      }
      dd {
        margin: 0;
        font-size: 1.3em;
        font-weight: 700;
      }
      .flood-hold {
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.75rem;
        border-inline-start: 3px solid var(--_error);
      }
      /* The live region stays in place, so that a hold beginning is announced. */
      .flood-hold:empty {
        display: none;
      }
      .overdue dd {
        color: var(--_error);
      }
      svg {
        display: block;
        margin-top: 0.5rem;
      }
      rect {
        fill: var(--_accent);
      }
      line {
        stroke: var(--_border);
      }
      figure {
        margin: 0.75rem 0 0;
      }
      figcaption {
        font-size: 0.8em;
        color: var(--_muted);
      }
      table {
        border-collapse: collapse;
        margin-top: 0.5rem;
        font-size: 0.9em;
      }
      th,
      td {
        text-align: start;
        padding: 0.2em 0.8em 0.2em 0;
      }
      td.number {
        text-align: end;
      }
    `,
  ];
  static override properties = { stats: { attribute: false }, messages: { attribute: false } };

  stats?: Stats;
  messages!: InboxMessages;

  override render() {
    const s = this.stats;
    if (!s) return nothing;
    const m = this.messages.stats;
    return html`
      <section aria-labelledby="stats-heading" part="stats">
        <h2 id="stats-heading" class="visually-hidden">${m.heading}</h2>
        <p class="flood-hold" part="flood-hold" aria-live="polite">${s.floodHold ? m.floodHold(s.floodHold.held, relativeTime(s.floodHold.since, this.messages.locale)) : nothing}</p>
        <dl>
          <div><dt>${m.waitingNow}</dt><dd>${s.waitingNow}</dd></div>
          <div><dt>${m.oldest}</dt><dd>${s.oldestWaitingSince ? relativeTime(s.oldestWaitingSince, this.messages.locale) : m.none}</dd></div>
          <div class="overdue"><dt>${m.overdue}</dt><dd>${s.overdue}</dd></div>
          <div><dt>${m.replyRate}</dt><dd>${percent(s.replyRate)}</dd></div>
          <div><dt>${m.median}</dt><dd>${s.medianHoursToFirstReply === null ? m.none : m.hours(s.medianHoursToFirstReply)}</dd></div>
        </dl>
        ${this._chart(s)}
        ${s.perPage.length > 0 ? this._perPage(s) : nothing}
      </section>
    `;
  }

  private _chart(s: Stats) {
    const weeks = s.perWeek;
    if (weeks.length === 0) return nothing;
    const width = 24;
    const height = 48;
    const label = `${this.messages.stats.chartLabel}: ${weeks.map((w) => `${w.weekOf} ${percent(w.replyRate)}`).join(', ')}`;
    return html`<figure>
      <figcaption>${this.messages.stats.chartLabel}</figcaption>
      <svg role="img" aria-label=${label} width=${weeks.length * width} height=${height + 1} viewBox="0 0 ${weeks.length * width} ${height + 1}">
        ${weeks.map((week, i) => {
          const h = Math.max(2, (week.replyRate ?? 0) * height);
          return svg`<rect x=${i * width + 4} y=${height - h} width=${width - 8} height=${h}><title>${week.weekOf}: ${percent(week.replyRate)}</title></rect>`;
        })}
        <line x1="0" x2=${weeks.length * width} y1=${height + 0.5} y2=${height + 0.5}></line>
      </svg>
    </figure>`;
  }

  private _perPage(s: Stats) {
    const m = this.messages.stats;
    return html`<details>
      <summary>${m.perPage}</summary>
      <table>
        <thead><tr><th scope="col">${m.page}</th><th scope="col">${m.received}</th><th scope="col">${m.answered}</th><th scope="col">${m.replyRate}</th><th scope="col">${m.waitingNow}</th></tr></thead>
        <tbody>
          ${s.perPage.map((row) => html`<tr>
            <th scope="row">${row.page.title || row.page.key}</th>
            <td class="number">${row.received}</td><td class="number">${row.answered}</td>
            <td class="number">${percent(row.replyRate)}</td><td class="number">${row.waitingNow}</td>
          </tr>`)}
        </tbody>
      </table>
    </details>`;
  }
}

defineOnce('rapport-inbox-stats', RapportInboxStats);
