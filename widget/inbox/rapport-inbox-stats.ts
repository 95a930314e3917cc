import { LitElement, html, nothing, svg } from 'lit';
import { defineOnce } from '../shared/define.js';
import { controlStyles } from '../shared/theme.styles.js';
import { relativeTime } from '../shared/time.js';
import type { StatsResponse } from '../../contract/author-api.js';
import type { InboxMessages } from './inbox-messages.js';
import { panelStyles } from './rapport-inbox.styles.js';
import { statsStyles } from './rapport-inbox-stats.styles.js';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)} %`);

/**
 * How responsive the author has been: the figures, a weekly reply-rate chart, a per-page table,
 * and on a site with several authors a per-author one (which always covers the whole site).
 */
export class RapportInboxStats extends LitElement {
  static override styles = [controlStyles, panelStyles, statsStyles];
  static override properties = { stats: { attribute: false }, messages: { attribute: false } };

  stats?: StatsResponse;
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
        ${s.perAuthor.filter((row) => row.author).length > 1 ? this._perAuthor(s) : nothing}
      </section>
    `;
  }

  /** One bar per week (a quiet week is an empty slot, not a gap), the weeks named below, 0 and 100 % beside. */
  private _chart(s: StatsResponse) {
    const weeks = s.perWeek;
    if (weeks.length === 0) return nothing;
    const [slot, height, axis, below] = [40, 60, 36, 16];
    const day = new Intl.DateTimeFormat(this.messages.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const name = (week: StatsResponse['perWeek'][number]) => day.format(new Date(week.weekOf));
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

  private _perPage(s: StatsResponse) {
    const m = this.messages.stats;
    const rows = s.perPage.map((row) => [row.page.title || row.page.key, row.received, row.answered, percent(row.replyRate), row.waitingNow]);
    return this._table('per-page', m.perPage, [m.page, m.received, m.answered, m.replyRate, m.waitingNow], rows);
  }

  /** Each author's posts by name (then those without an author), and how many comments each answered first, anywhere. */
  private _perAuthor(s: StatsResponse) {
    const m = this.messages.stats;
    const byName = [...s.perAuthor].sort((a, b) => (!a.author || !b.author ? Number(!a.author) - Number(!b.author) : a.author.name.localeCompare(b.author.name, this.messages.locale)));
    const rows = byName.map((row) => [
      row.author?.name ?? m.noAuthor,
      row.received,
      row.answered,
      percent(row.replyRate),
      row.medianHoursToFirstReply === null ? m.none : m.hours(row.medianHoursToFirstReply),
      row.firstReplies,
    ]);
    return this._table('per-author', m.perAuthor, [m.author, m.received, m.answered, m.replyRate, m.median, m.firstReplies], rows);
  }

  /** A table in a panel that opens: the first cell of each row names it, the others are figures. */
  private _table(part: string, summary: string, columns: string[], rows: (string | number)[][]) {
    return html`<details part=${part}>
      <summary>${summary}</summary>
      <table>
        <thead><tr>${columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
        <tbody>
          ${rows.map(([name, ...figures]) => html`<tr><th scope="row">${name}</th>${figures.map((figure) => html`<td class="number">${figure}</td>`)}</tr>`)}
        </tbody>
      </table>
    </details>`;
  }
}

defineOnce('rapport-inbox-stats', RapportInboxStats);
