import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { defineOnce } from '../shared/define.js';
import { controlStyles, fieldStyles, themeTokens } from '../shared/theme.styles.js';
import type { Me } from '../../contract/author-api.js';
import type { InboxView, SnoozeChoice } from '../../contract/enums.js';
import { InboxApi } from './inbox-api.js';
import { VIEW_KEYS } from './inbox-actions.js';
import { InboxChanges } from './inbox-changes.js';
import type { InboxEvent, ItemAction } from './inbox-events.js';
import { inboxMessagesFor } from './inbox-messages.js';
import { InboxImport } from './inbox-import.js';
import { rememberScope, rememberSite, scopeOn, siteToOpen } from './inbox-memory.js';
import { InboxQueue } from './inbox-queue.js';
import { InboxSession } from './inbox-session.js';
import { inboxStyles } from './rapport-inbox.styles.js';
import type { RapportInboxItem } from './rapport-inbox-item.js';
import type { RapportShortcuts } from './rapport-shortcuts.js';
import { ShortcutsController } from './shortcuts-controller.js';
import './inbox-parts.js';

/**
 * The author's inbox: sign-in, then the queue (inbox-queue.ts), the figures, and answering from
 * the keyboard (shortcuts-controller.ts). This shell renders, and turns what its parts report
 * into the author's actions: replies, edits, moderation and undo (inbox-changes.ts), settings.
 */
export class RapportInbox extends LitElement {
  static override styles = [themeTokens, controlStyles, fieldStyles, inboxStyles];
  static override properties = {
    pollSeconds: { type: Number, attribute: 'poll-seconds' },
    _replyingTo: { state: true },
    _editing: { state: true },
    _busy: { state: true },
    _announcement: { state: true },
  };

  /** How often new comments are fetched while the inbox is open. */
  pollSeconds = 20;

  private readonly _api = new InboxApi();
  private readonly _messages = inboxMessagesFor(navigator.language);
  private readonly _queue = new InboxQueue(this, this._api, () => this._busy, () => this._replyingTo);
  private readonly _changes = new InboxChanges(this._api, this._queue);
  private readonly _import = new InboxImport(this, this._api, () => this._queue.reload());
  private readonly _session = new InboxSession(this, this._api, this._messages, (me) => this._open(me));
  private _replyingTo?: string;
  /** The open box edits the author's own comment rather than answering it. */
  private _editing = false;
  private _busy = false;
  private _announcement = '';

  constructor() {
    super();
    new ShortcutsController(this, () => this._keys());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The inbox is the whole page: it speaks the browser's language and follows its light or
    // dark setting.
    document.documentElement.lang = this._messages.locale;
    this.setAttribute('scheme', matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('pollSeconds')) this._queue.startPolling(this.pollSeconds);
  }

  /** Signed in: the queue of the site the author was last on (or a mail's link names), from its first comment. */
  private async _open(me: Me): Promise<void> {
    const queue = this._queue;
    queue.siteId = siteToOpen(me);
    queue.scope = scopeOn(this._site);
    await queue.reload();
    // A link from a mail names the comment too: /inbox?site=ID#comment-ID.
    const linked = /^#comment-([0-9a-f]{24})$/.exec(location.hash)?.[1];
    // Not waiting any more (answered, or held): look for it among all comments.
    if (linked && !queue.find(linked)) await queue.show({ view: 'all' });
    queue.moveTo(linked ?? '');
    await this.updateComplete;
    // Start on the linked or first comment, unless the author has already moved somewhere.
    if (document.activeElement === document.body) this._itemElement(queue.current)?.focus();
  }

  override render() {
    const m = this._messages;
    const q = this._queue;
    const session = this._session;
    if (session.signedOut) {
      return html`<rapport-sign-in .messages=${m} .error=${session.error} ?busy=${session.busy}
        @rapport-credentials-submitted=${(e: InboxEvent<'rapport-credentials-submitted'>) => session.signIn(e.detail.email, e.detail.password)}></rapport-sign-in>`;
    }
    if (!session.me) return html`<p class="notice" role="status">${m.loading}</p>`;
    const authors = this._site?.authors ?? [];
    const email = session.me.author.email;
    return html`
      <rapport-inbox-header .me=${session.me} .siteId=${q.siteId} .scope=${q.scope} .messages=${m} @rapport-scope-chosen=${this._changeScope}
        @rapport-site-chosen=${this._switchSite} @rapport-shortcuts-requested=${() => this._shortcuts.show()} @rapport-sign-out-chosen=${this._signOut}></rapport-inbox-header>
      <rapport-inbox-stats .stats=${q.stats} .messages=${m}></rapport-inbox-stats>
      <rapport-inbox-settings .state=${q.mail} .exportUrl=${this._api.exportUrl(q.siteId)} .messages=${m} ?busy=${this._busy} ?multi-author=${authors.length > 1}
        @rapport-mail-choice-made=${this._onMailChoice} @rapport-erase-requested=${this._onErase}>
        <rapport-inbox-import .state=${this._import.state} .messages=${m}
          @rapport-import-requested=${(e: InboxEvent<'rapport-import-requested'>) => this._import.start(q.siteId, email, e.detail)}></rapport-inbox-import>
      </rapport-inbox-settings>
      <rapport-inbox-views .counts=${q.stats?.queues} .view=${q.view} .page=${q.page} .pages=${q.stats?.perPage ?? []} .messages=${m}
        @rapport-view-chosen=${(e: InboxEvent<'rapport-view-chosen'>) => this._showView(e.detail.view)} @rapport-page-filter-chosen=${(e: InboxEvent<'rapport-page-filter-chosen'>) => q.show({ page: e.detail.page })}></rapport-inbox-views>
      <main>
        <h2 class="visually-hidden">${m.views[q.view]}</h2>
        ${q.selected.size > 0
          ? html`<rapport-inbox-bulk .count=${q.selected.size} ?busy=${this._busy} .messages=${m} @rapport-bulk-action-chosen=${(e: InboxEvent<'rapport-bulk-action-chosen'>) => this._bulk(e.detail.action)}></rapport-inbox-bulk>`
          : nothing}
        ${q.loading ? html`<p class="notice loading">${m.loading}</p>` : q.items.length === 0 ? html`<p class="notice" tabindex="-1" id="empty">${m.empty[q.view]}</p>` : nothing}
        <div class="list">
          ${repeat(q.items, (item) => item.comment.id, (item, index) => html`<rapport-inbox-item
            .item=${item} .messages=${m} .authors=${authors} .me=${email} .scope=${q.scope} ?current=${index === q.current} ?selected=${q.selected.has(item.comment.id)}
            ?replying=${this._replyingTo === item.comment.id} ?editing=${this._editing} ?busy=${this._busy}
            @focusin=${() => q.moveTo(item.comment.id)}
            @rapport-item-action-chosen=${this._onAction} @rapport-item-reply-sent=${this._onReply}
            @rapport-item-reply-opened=${(e: InboxEvent<'rapport-item-reply-opened'>) => this._openReply(e.detail.id, e.detail.edit)}
            @rapport-item-edit-saved=${this._onEdit}
            @rapport-item-reply-closed=${this._closeReply} @rapport-item-selection-changed=${(e: InboxEvent<'rapport-item-selection-changed'>) => q.select(e.detail.id, e.detail.selected)}
            @rapport-page-changed=${this._onPageChange} @rapport-item-snooze-chosen=${(e: InboxEvent<'rapport-item-snooze-chosen'>) => this._snooze(e.detail.id, e.detail.until)}></rapport-inbox-item>`)}
        </div>
        ${q.nextCursor ? html`<button type="button" @click=${() => q.more()}>${m.loadMore}</button>` : nothing}
      </main>
      <rapport-shortcuts .messages=${m}></rapport-shortcuts>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
    `;
  }

  /** The site being answered, as `me` describes it. */
  private get _site(): Me['sites'][number] | undefined {
    return this._session.me?.sites.find((s) => s.id === this._queue.siteId);
  }

  private get _shortcuts(): RapportShortcuts {
    return this.renderRoot.querySelector('rapport-shortcuts')!;
  }

  private _itemElement(index: number): RapportInboxItem | null {
    return this.renderRoot.querySelectorAll<RapportInboxItem>('rapport-inbox-item')[index] ?? null;
  }

  /** j k r e a s # u ?, and g a / g p / g s / g l — what each does, to the comment the author is on or the view. */
  private _keys(): Record<string, () => unknown> {
    const current = this._queue.items[this._queue.current];
    return {
      j: () => this._move(1),
      k: () => this._move(-1),
      r: () => current && !current.comment.author.isAuthor && this._openReply(current.comment.id),
      e: () => current?.comment.awaitingReply && this._act(current.comment.id, 'noReplyNeeded'),
      z: () => current?.comment.awaitingReply && this._snooze(current.comment.id, 'tomorrow'),
      a: () => current && current.comment.status !== 'published' && this._act(current.comment.id, 'approve'),
      s: () => current && this._act(current.comment.id, 'spam'),
      '#': () => current && this._act(current.comment.id, 'delete'),
      u: () => this._undoLast(),
      ...Object.fromEntries(Object.entries(VIEW_KEYS).map(([key, view]) => [key, () => this._showView(view)])),
      '?': () => this._shortcuts.show(),
    };
  }

  private async _move(by: number) {
    const q = this._queue;
    if (q.items.length === 0) return;
    // From outside the list (a view button, say), j and k go to the comment the author is on.
    const inList = this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement?.tagName === 'RAPPORT-INBOX-ITEM';
    if (inList) q.moveTo(q.items[Math.min(q.items.length - 1, Math.max(0, q.current + by))]!.comment.id);
    await this.updateComplete;
    this._itemElement(q.current)?.focus();
  }

  private async _openReply(id: string, edit = false) {
    this._replyingTo = id;
    this._editing = edit;
    this._queue.moveTo(id);
    await this.updateComplete;
    await this._itemElement(this._queue.current)?.focusReply();
  }

  private _closeReply = async () => {
    this._replyingTo = undefined;
    await this.updateComplete;
    this._itemElement(this._queue.current)?.focus();
  };

  private _onReply = (event: InboxEvent<'rapport-item-reply-sent'>) => this._answer(() => this._changes.reply(event.detail.id, event.detail.body), this._messages.done.reply);

  private _onEdit = (event: InboxEvent<'rapport-item-edit-saved'>) => this._answer(() => this._changes.edit(event.detail.id, event.detail.body), this._messages.done.edit);

  /** Sends what the open box holds; the box closes once it went. */
  private _answer(send: () => Promise<void>, done: string) {
    return this._run(async () => {
      await send();
      this._replyingTo = undefined;
      return done;
    });
  }

  private _onAction = (event: InboxEvent<'rapport-item-action-chosen'>) => void this._act(event.detail.id, event.detail.action);

  private _act(id: string, action: ItemAction) {
    return this._run(async () => (await this._changes.act([id], action), this._messages.done[action]));
  }

  private _bulk(action: ItemAction) {
    const ids = [...this._queue.selected];
    return this._run(async () => {
      await this._changes.act(ids, action);
      this._queue.clearSelection();
      return this._messages.bulkDone(ids.length);
    });
  }

  private _snooze(id: string, until: SnoozeChoice) {
    return this._run(async () => (await this._changes.snooze(id, until), this._messages.done.snooze));
  }

  private _undoLast() {
    if (this._changes.canUndo) return this._run(async () => (await this._changes.undoLast(), this._messages.done.undo));
  }

  /** Runs one author action on the queue: as `_settle`, then focus back in the queue. */
  private async _run(action: () => Promise<string>) {
    await this._settle(action);
    await this.updateComplete;
    if (this._queue.items.length > 0) this._itemElement(this._queue.current)?.focus();
    else this.renderRoot.querySelector<HTMLElement>('#empty')?.focus();
  }

  /** Busy while `action` runs; its result (or the failure) announced; the figures brought up to date. */
  private async _settle(action: () => Promise<string>) {
    this._busy = true;
    try {
      this._announcement = await action();
      await this._queue.refreshStats();
    } catch {
      this._announcement = this._messages.failed;
    } finally {
      this._busy = false;
    }
  }

  private _onMailChoice = (event: InboxEvent<'rapport-mail-choice-made'>) =>
    this._settle(async () => (await this._queue.setMail(event.detail), this._messages.settings.saved));

  private _onPageChange = (event: InboxEvent<'rapport-page-changed'>) =>
    this._settle(async () => (await this._queue.changePage(event.detail), this._messages.pageEditor.saved));

  private _onErase = (event: InboxEvent<'rapport-erase-requested'>) => this._settle(async () => this._messages.settings.erased(await this._queue.erase(event.detail.email)));

  /** Another view starts from its first item, with nothing to undo; a page filter keeps the undo. */
  private _showView(view: InboxView) {
    this._changes.forget();
    void this._queue.show({ view });
  }

  private _switchSite = (event: InboxEvent<'rapport-site-chosen'>) => {
    const siteId = event.detail.siteId;
    rememberSite(siteId);
    this._changes.forget();
    void this._queue.show({ siteId, page: '', scope: scopeOn(this._session.me?.sites.find((s) => s.id === siteId)) });
  };

  /**
   * Like the page filter, another scope keeps what `u` can undo: the comments are the same. It
   * shows all its pages, since the one filtered on may be another author's.
   */
  private _changeScope = (event: InboxEvent<'rapport-scope-chosen'>) => {
    rememberScope(this._queue.siteId, event.detail.scope);
    void this._queue.show({ scope: event.detail.scope, page: '' });
  };

  private _signOut = async () => {
    await this._session.signOut();
    this._queue.clear();
  };
}

defineOnce('rapport-inbox', RapportInbox);
