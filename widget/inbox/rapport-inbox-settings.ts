import { LitElement, css, html, nothing } from 'lit';
import { defineOnce } from '../shared/define.js';
import { emit } from '../shared/emit.js';
import { controlStyles, fieldStyles } from '../shared/theme.styles.js';
import { relativeTime } from '../shared/time.js';
import type { MailChoice, MailStateResponse } from '../../contract/author-api.js';
import { AUTHOR_SCOPES } from '../../contract/enums.js';
import type { InboxMessages } from './inbox-messages.js';
import { panelSectionStyles, panelStyles } from './rapport-inbox.styles.js';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/**
 * The author's mail and data: how they hear about readers (and, on a site with several authors,
 * about which posts' comments), what became of the site's mail, the
 * site's data as a download, and erasing one reader; what the inbox puts inside (the import)
 * comes last. Fires `rapport-mail-choice-made` (the changed fields) and `rapport-erase-requested` ({email}); the
 * inbox does the work and reports back.
 */
export class RapportInboxSettings extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    panelStyles,
    panelSectionStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];
  static override properties = {
    state: { attribute: false },
    exportUrl: { attribute: false },
    messages: { attribute: false },
    busy: { type: Boolean },
    multiAuthor: { type: Boolean, attribute: 'multi-author' },
  };

  state?: MailStateResponse;
  exportUrl = '';
  messages!: InboxMessages;
  busy = false;
  /** The site has several authors: the author chooses whose posts' comments they hear about. */
  multiAuthor = false;

  override render() {
    const m = this.messages.settings;
    const state = this.state;
    if (!state) return nothing;
    const { choice, delivery } = state;
    return html`<aside aria-label=${m.heading}><details part="settings">
      <summary>${m.heading}</summary>
      <div class="row">
        <label>${m.notify}
          <select part="select" ?disabled=${this.busy} @change=${(e: Event) => this._choose({ notify: (e.target as HTMLSelectElement).value as MailChoice['notify'] })}>
            ${Object.entries(m.modes).map(([mode, label]) => html`<option value=${mode} ?selected=${mode === choice.notify}>${label}</option>`)}
          </select>
        </label>
        ${this.multiAuthor && choice.notify !== 'off'
          ? html`<label>${m.scope}
              <select part="select" ?disabled=${this.busy} @change=${(e: Event) => this._choose({ scope: (e.target as HTMLSelectElement).value as MailChoice['scope'] })}>
                ${AUTHOR_SCOPES.map((scope) => html`<option value=${scope} ?selected=${scope === choice.scope}>${m.scopes[scope]}</option>`)}
              </select>
            </label>`
          : nothing}
        ${choice.notify === 'digest'
          ? html`<label>${m.digestHour}
                <select part="select" ?disabled=${this.busy} @change=${(e: Event) => this._choose({ digestHour: Number((e.target as HTMLSelectElement).value) })}>
                  ${HOURS.map((hour) => html`<option value=${hour} ?selected=${hour === choice.digestHour}>${String(hour).padStart(2, '0')}:00</option>`)}
                </select>
              </label>
              <label>${m.timeZone}
                <select part="select" ?disabled=${this.busy} @change=${(e: Event) => this._choose({ timeZone: (e.target as HTMLSelectElement).value })}>
                  ${timeZones(choice.timeZone).map((zone) => html`<option value=${zone} ?selected=${zone === choice.timeZone}>${zone}</option>`)}
                </select>
              </label>`
          : nothing}
      </div>
      <h3>${m.delivery}</h3>
      <p class="hint">${m.counts(delivery.counts)}</p>
      <ul>
        ${delivery.recent.slice(0, 8).map(
          (mail) => html`<li class=${mail.status === 'failed' ? 'failed' : ''}>
            ${m.kinds[mail.kind] ?? mail.kind}, ${relativeTime(mail.sentAt ?? mail.createdAt, this.messages.locale)}: ${m.states[mail.status] ?? mail.status}${mail.lastError ? ` (${mail.lastError})` : ''}
          </li>`,
        )}
      </ul>
      <h3>${m.eraseHeading}</h3>
      <form class="row" @submit=${this._erase}>
        <label>${m.eraseEmail} <input part="input" name="email" type="email" required autocomplete="off" /></label>
        <button type="submit" ?disabled=${this.busy}>${m.erase}</button>
      </form>
      <p class="hint">${m.eraseHint}</p>
      <p><a href=${this.exportUrl} download>${m.exportData}</a></p>
      <slot></slot>
    </details></aside>`;
  }

  private _choose(change: Partial<MailChoice>): void {
    emit(this, 'rapport-mail-choice-made', change);
  }

  private _erase(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const email = String(new FormData(form).get('email') ?? '').trim();
    if (!email || !confirm(this.messages.settings.eraseConfirm(email))) return;
    emit(this, 'rapport-erase-requested', { email });
    form.reset();
  }
}

/** The runtime's time zones, with the chosen one present even if the list lacks it (UTC). */
function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

defineOnce('rapport-inbox-settings', RapportInboxSettings);
