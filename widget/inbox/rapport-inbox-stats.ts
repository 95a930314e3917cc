import { LitElement, html, nothing, svg } from 'lit';
import { defineOnce } from '../shared/define.js';
import { controlStyles } from '../shared/theme.styles.js';
import { relativeTime } from '../shared/time.js';
import type { Stats } from './inbox-api.js';
import type { InboxMessages } from './inbox-messages.js';
import { panelStyles } from './rapport-inbox.styles.js';
import { statsStyles } from './rapport-inbox-stats.styles.js';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)} %`);

/** How responsive the author has been: the figures, a weekly reply-rate chart, a per-page table. */
export class RapportInboxStats extends LitElement {
  static override styles = [controlStyles, panelStyles, statsStyles];
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
          ${s.queues.pending > 0 ? html`<div class="held"><dt>${m.held}</dt><dd>${s.queues.pending}</dd></div>` : nothing}
          <div><dt>${m.replyRate}</dt><dd>${percent(s.replyRate)}</dd></div>
          <div><dt>${m.median}</dt><dd>${s.medianHoursToFirstReply === null ? m.none : m.hours(s.medianHoursToFirstReply)}</dd></div>
        </dl>
        ${this._chart(s)}
        ${s.perPage.length > 0 ? this._perPage(s) : nothing}
      </section>
    `;
  }

  /** One bar per week (a quiet week is an empty slot, not a gap), the weeks named below, 0 and 100 % beside. */
  private _chart(s: Stats) {
    const weeks = s.perWeek;
    if (weeks.length === 0) return nothing;
    const [slot, height, axis, below] = [40, 60, 36, 16];
    const day = new Intl.DateTimeFormat(this.messages.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const name = (week: Stats['perWeek'][number]) => day.format(new Date(week.weekOf));
    const label = `${this.messages.stats.chartLabel}: ${weeks.map((w) => `${name(w)} ${percent(w.replyRate)}`).join(', ')}`;
    const width = axis + weeks.length * slot;
    return html`<figure part="chart">
      <figcaption>${this.messages.stats.chartLabel}</figcaption>
      <svg role="img" aria-label=${label} width=${width} height=${height + below + 8} viewBox="0 0 ${width} ${height + below + 8}">
        <text class="axis" x=${axis - 6} y="10" text-anchor="end">100 %</text>
        <text class="axis" x=${axis - 6} y=${height} text-anchor="end">0 %</text>
        ${weeks.map((week, i) => {
          const h = week.replyRate === null ? 0 : Math.max(2, week.replyRate * height);
          const x = axis + i * slot;
          return svg`<rect x=${x + 6} y=${height - h} width=${slot - 12} height=${h}><title>${name(week)}: ${percent(week.replyRate)}</title></rect>
            <text class="axis" x=${x + slot / 2} y=${height + below} text-anchor="middle">${name(week)}</text>`;
        })}
        <line x1=${axis} x2=${width} y1=${height + 0.5} y2=${height + 0.5}></line>
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
