import { LitElement, html, nothing } from 'lit';
import { defineOnce } from '../shared/define.js';
import { controlStyles, fieldStyles } from '../shared/theme.styles.js';
import { fullDate, longDay, relativeTime } from '../shared/time.js';
import type { InboxItem, SiteAuthorView } from '../../contract/author-api.js';
import { SNOOZE_CHOICES, type AuthorScope } from '../../contract/enums.js';
import { emit } from '../shared/emit.js';
import type { ItemAction } from './inbox-events.js';
import { inboxMessages, type InboxMessages } from './inbox-messages.js';
import { itemStyles } from './rapport-inbox-item.styles.js';
import './rapport-page-editor.js';

/**
 * One comment in the queue: why it matters, who wrote it, what it answers, and the buttons.
 * Properties in; events out: `rapport-item-action-chosen` {id, action}, `rapport-item-reply-sent` {id, body},
 * `rapport-item-selection-changed` {id, selected}, `rapport-item-reply-opened` / `-close` {id} (the box
 * edits instead of replying when `editing`), `rapport-item-edit-saved` {id, body}, and from its page
 * editor `rapport-page-changed`. Showing every post (`scope` all), it names whose post it is.
 */
export class RapportInboxItem extends LitElement {
  static override styles = [controlStyles, fieldStyles, itemStyles];
  static override properties = {
    _snoozing: { state: true },
    item: { attribute: false },
    messages: { attribute: false },
    authors: { attribute: false },
    me: { attribute: false },
    scope: { attribute: false },
    selected: { type: Boolean },
    replying: { type: Boolean },
    editing: { type: Boolean },
    current: { type: Boolean, reflect: true },
    busy: { type: Boolean },
  };

  item!: InboxItem;
  /** The inbox's texts in the author's language; English until the inbox sets them. */
  messages: InboxMessages = inboxMessages;
  /** The site's authors, to give the post to one of them. */
  authors: SiteAuthorView[] = [];
  /** The signed-in author's email. */
  me = '';
  scope: AuthorScope = 'mine';
  selected = false;
  replying = false;
  /** The open box edits this (author's own) comment instead of replying to it. */
  editing = false;
  current = false;
  busy = false;
  /** The three times to snooze until are shown. */
  private _snoozing = false;

  /** Puts keyboard focus on the item itself (j/k). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('article')?.focus();
  }

  /** Puts keyboard focus in the reply box, once it is open. */
  async focusReply(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector('textarea')?.focus();
  }

  override render() {
    const { comment, page, parent, reader, reasons } = this.item;
    const m = this.messages;
    const link = page.url ? `${page.url}#comment-${comment.id}` : '';
    return html`
      <article part="item" tabindex="-1" aria-labelledby="who" aria-describedby="why">
        <div class="top">
          <input type="checkbox" .checked=${this.selected} aria-label=${m.select(comment.author.name)} @change=${this._select} />
          <strong id="who">${comment.author.name}</strong>
          ${m.statusLabel[comment.status] ? html`<span class="chip">${m.statusLabel[comment.status]}</span>` : nothing}
          <ul class="chips" id="why" aria-label=${m.reasonsLabel}>
            ${reasons.map((reason) => html`<li class="chip ${reason}">${m.reasons[reason] ?? reason}</li>`)}
          </ul>
          ${this.item.waitingSince ? html`<span class="muted" title=${fullDate(this.item.waitingSince, m.locale)}>${m.waiting(relativeTime(this.item.waitingSince, m.locale))}</span>` : nothing}
        </div>
        <div class="muted">
          ${reader ? (reader.commentCount <= 1 ? m.firstComment : m.history(reader.commentCount, reader.answeredCount, longDay(reader.firstCommentAt, m.locale))) : nothing}
          · ${m.onPage} ${link ? html`<a href=${link} target="_blank" rel="noopener">${page.title || page.key}</a>` : page.title || page.key}
          ${this.scope === 'all' && page.author
            ? html`· <span part="post-author" class="post-author">${page.author.email === this.me ? m.postAuthor.mine : m.postAuthor.by(page.author.name)}</span>`
            : nothing}
          <rapport-page-editor .page=${page} .authors=${this.authors} .me=${this.me} .messages=${m} ?busy=${this.busy}></rapport-page-editor>
        </div>
        ${parent ? html`<blockquote class="parent"><span>${m.inReplyTo(parent.author.name || '…')}</span><div class="body" .innerHTML=${parent.html}></div></blockquote>` : nothing}
        <div class="body" part="body" .innerHTML=${comment.html}></div>
        ${this.replying ? this._renderReply() : this._renderActions()}
      </article>
    `;
  }

  private _renderActions() {
    const m = this.messages;
    const { comment } = this.item;
    const action = (name: ItemAction, label: string) =>
      html`<button type="button" ?disabled=${this.busy} @click=${() => emit(this, 'rapport-item-action-chosen', { id: this._id, action: name })}>${label}</button>`;
    return html`
      <div class="actions">
        ${comment.status !== 'spam' && comment.status !== 'deleted' && !comment.author.isAuthor
          ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => emit(this, 'rapport-item-reply-opened', { id: this._id })}>${m.reply}</button>`
          : nothing}
        ${comment.author.isAuthor && comment.status === 'published'
          ? html`<button type="button" ?disabled=${this.busy} @click=${() => emit(this, 'rapport-item-reply-opened', { id: this._id, edit: true })}>${m.edit}</button>`
          : nothing}
        ${comment.awaitingReply ? action('noReplyNeeded', m.noReplyNeeded) : nothing}
        ${comment.awaitingReply ? this._renderSnooze() : nothing}
        ${comment.noReplyNeeded && !comment.awaitingReply ? action('needsReply', m.needsReply) : nothing}
        ${comment.status !== 'published' ? action('approve', m.approve) : nothing}
        ${comment.status !== 'spam' ? action('spam', m.spam) : nothing}
        ${comment.status !== 'deleted' ? action('delete', m.delete) : nothing}
      </div>
    `;
  }

  /** "Snooze", then when: later today, tomorrow morning, next week (the author's time zone). */
  private _renderSnooze() {
    const m = this.messages;
    if (!this._snoozing) {
      return html`<button type="button" aria-expanded="false" ?disabled=${this.busy} @click=${this._openSnooze}>${m.snooze}</button>`;
    }
    return html`<span role="group" aria-label=${m.snooze} class="snooze" @keydown=${this._snoozeKeys}>
      ${SNOOZE_CHOICES.map((until) => html`<button type="button" ?disabled=${this.busy}
        @click=${() => ((this._snoozing = false), emit(this, 'rapport-item-snooze-chosen', { id: this._id, until }))}>${m.snoozeChoices[until]}</button>`)}
    </span>`;
  }

  private async _openSnooze() {
    this._snoozing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.snooze button')?.focus();
  }

  private _snoozeKeys(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    this._snoozing = false;
    event.stopPropagation();
  }

  private _renderReply() {
    const m = this.messages;
    return html`
      <form @submit=${this._send} @keydown=${this._keydown}>
        <label>
          <span class="muted">${this.editing ? m.edit : m.replyTo(this.item.comment.author.name)} (${m.sendHint})</span>
          <textarea name="body" required .value=${this.editing ? this.item.comment.body : ''}></textarea>
        </label>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.editing ? m.save : m.send}</button>
          <button type="button" @click=${() => emit(this, 'rapport-item-reply-closed', { id: this._id })}>${m.cancel}</button>
        </div>
      </form>
    `;
  }

  private _keydown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.currentTarget as HTMLFormElement).requestSubmit();
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      emit(this, 'rapport-item-reply-closed', { id: this._id });
    }
    // Letters typed here are text, not shortcuts.
    event.stopPropagation();
  }

  private _send(event: Event) {
    event.preventDefault();
    const body = this.renderRoot.querySelector('textarea')!.value.trim();
    if (body) emit(this, this.editing ? 'rapport-item-edit-saved' : 'rapport-item-reply-sent', { id: this._id, body });
  }

  private _select(event: Event) {
    emit(this, 'rapport-item-selection-changed', { id: this._id, selected: (event.target as HTMLInputElement).checked });
  }

  private get _id(): string {
    return this.item.comment.id;
  }
}

defineOnce('rapport-inbox-item', RapportInboxItem);
