import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { defineOnce } from '../shared/define.js';
import { controlStyles, fieldStyles, themeTokens } from '../shared/theme.styles.js';
import { InboxApi, type InboxItem, type InboxView, type MailChoice, type MailState, type Me, type Stats } from './inbox-api.js';
import { ACTION_CHANGES, belongs, undoOf, type UndoEntry } from './inbox-actions.js';
import { inboxMessagesFor } from './inbox-messages.js';
import { inboxStyles } from './rapport-inbox.styles.js';
import type { InboxEvent, ItemAction } from './inbox-events.js';
import type { RapportInboxItem } from './rapport-inbox-item.js';
import type { RapportShortcuts } from './rapport-shortcuts.js';
import './rapport-inbox-bulk.js';
import './rapport-inbox-header.js';
import './rapport-inbox-item.js';
import './rapport-inbox-settings.js';
import './rapport-inbox-stats.js';
import './rapport-inbox-views.js';
import './rapport-shortcuts.js';
import './rapport-sign-in.js';

const SITE_KEY = 'rapport:inbox-site';

/**
 * The author's inbox: sign-in, the queues, the figures, and answering from the keyboard.
 * It owns the data; the items and the stats only show it and report what the author did.
 */
export class RapportInbox extends LitElement {
  static override styles = [themeTokens, controlStyles, fieldStyles, inboxStyles];
  static override properties = {
    pollSeconds: { type: Number, attribute: 'poll-seconds' },
    _me: { state: true },
    _signedOut: { state: true },
    _signInError: { state: true },
    _siteId: { state: true },
    _view: { state: true },
    _page: { state: true },
    _items: { state: true },
    _nextCursor: { state: true },
    _current: { state: true },
    _replyingTo: { state: true },
    _editing: { state: true },
    _selected: { state: true },
    _busy: { state: true },
    _stats: { state: true },
    _mail: { state: true },
    _announcement: { state: true },
    _loading: { state: true },
  };

  /** How often new comments are fetched while the inbox is open. */
  pollSeconds = 20;

  private readonly _api = new InboxApi();
  private readonly _messages = inboxMessagesFor(navigator.language);
  private _me?: Me;
  private _signedOut = false;
  private _signInError = '';
  private _siteId = '';
  private _view: InboxView = 'awaiting';
  private _page = '';
  private _items: InboxItem[] = [];
  private _nextCursor: string | null = null;
  private _current = 0;
  private _replyingTo?: string;
  /** The open box edits the author's own comment rather than answering it. */
  private _editing = false;
  private _selected = new Set<string>();
  private _busy = false;
  private _stats?: Stats;
  private _mail?: MailState;
  private _announcement = '';
  private _loading = true;
  private _undo: UndoEntry[] = [];
  private _poll?: ReturnType<typeof setInterval>;
  private _keys: Promise<unknown> = Promise.resolve();

  override connectedCallback(): void {
    super.connectedCallback();
    // The inbox is the whole page: it speaks the browser's language, follows its light or dark
    // setting, and its shortcuts work wherever focus is (except in fields).
    document.documentElement.lang = this._messages.locale;
    this.setAttribute('scheme', matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    document.addEventListener('keydown', this._shortcut);
    void this._start();
  }

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('pollSeconds')) return;
    clearInterval(this._poll);
    this._poll = setInterval(() => void this._refresh(), this.pollSeconds * 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this._shortcut);
    clearInterval(this._poll);
  }

  private async _start(): Promise<void> {
    this._me = await this._api.me();
    this._signedOut = !this._me;
    if (!this._me) return;
    // A link from a mail names the site and the comment: /inbox?site=ID#comment-ID.
    const wanted = [new URLSearchParams(location.search).get('site'), localStorage.getItem(SITE_KEY)];
    this._siteId = wanted.map((id) => this._me!.sites.find((s) => s.id === id)?.id).find(Boolean) ?? this._me.sites[0]?.id ?? '';
    await this._reload();
    const linked = /^#comment-([0-9a-f]{24})$/.exec(location.hash)?.[1];
    if (linked && !this._items.some((i) => i.comment.id === linked)) {
      // Not waiting any more (answered, or held): look for it among all comments.
      this._view = 'all';
      await this._reload();
    }
    this._current = Math.max(0, this._items.findIndex((i) => i.comment.id === linked));
    await this.updateComplete;
    // Start on the linked or first comment, unless the author has already moved somewhere.
    if (document.activeElement === document.body) this._itemElement(this._current)?.focus();
  }

  /** The current view from its first item, and the figures. */
  private async _reload(): Promise<void> {
    if (!this._siteId) return;
    this._loading = true;
    const site = this._siteId;
    const [list, stats, mail] = await Promise.all([this._api.list(site, this._view, this._page || undefined), this._api.stats(site), this._api.mail(site)]);
    [this._items, this._nextCursor, this._stats, this._mail] = [list.items, list.nextCursor, stats, mail];
    this._current = Math.min(this._current, Math.max(0, this._items.length - 1));
    this._selected = new Set();
    this._loading = false;
  }

  /** New comments arrive while the inbox is open; a reply being typed keeps its place and its text. */
  private async _refresh(): Promise<void> {
    if (!this._siteId || this._busy || document.hidden) return;
    const [list, stats] = await Promise.all([this._api.list(this._siteId, this._view, this._page || undefined), this._api.stats(this._siteId)]).catch(() => []);
    if (!list || !stats || this._busy) return;
    const currentId = this._items[this._current]?.comment.id;
    const kept = this._items.filter((i) => i.comment.id === this._replyingTo && !list.items.some((n) => n.comment.id === i.comment.id));
    this._items = [...list.items, ...kept];
    this._nextCursor = list.nextCursor;
    this._stats = stats;
    const index = this._items.findIndex((i) => i.comment.id === currentId);
    if (index >= 0) this._current = index;
  }

  override render() {
    const m = this._messages;
    if (this._signedOut) {
      return html`<rapport-sign-in .messages=${m} .error=${this._signInError} ?busy=${this._busy} @rapport-sign-in=${this._signIn}></rapport-sign-in>`;
    }
    if (!this._me) return html`<p class="notice" role="status">${m.loading}</p>`;
    return html`
      <rapport-inbox-header .me=${this._me} .siteId=${this._siteId} .messages=${m}
        @rapport-site-change=${this._switchSite} @rapport-show-shortcuts=${() => this._shortcuts.show()} @rapport-sign-out=${this._signOut}></rapport-inbox-header>
      <rapport-inbox-stats .stats=${this._stats} .messages=${m}></rapport-inbox-stats>
      <rapport-inbox-settings .state=${this._mail} .exportUrl=${this._api.exportUrl(this._siteId)} .messages=${m} ?busy=${this._busy}
        @rapport-mail-choice=${this._onMailChoice} @rapport-erase=${this._onErase}></rapport-inbox-settings>
      <rapport-inbox-views .view=${this._view} .page=${this._page} .pages=${this._stats?.perPage ?? []} .messages=${m}
        @rapport-view=${(e: CustomEvent<{ view: InboxView }>) => this._showView(e.detail.view)} @rapport-page-filter=${this._filterPage}></rapport-inbox-views>
      <main>
        <h2 class="visually-hidden">${m.views[this._view]}</h2>
        ${this._selected.size > 0
          ? html`<rapport-inbox-bulk .count=${this._selected.size} ?busy=${this._busy} .messages=${m} @rapport-bulk=${(e: CustomEvent<{ action: ItemAction }>) => this._bulk(e.detail.action)}></rapport-inbox-bulk>`
          : nothing}
        ${this._loading ? html`<p class="notice loading">${m.loading}</p>` : this._items.length === 0 ? html`<p class="notice" tabindex="-1" id="empty">${m.empty[this._view]}</p>` : nothing}
        <div class="list">
          ${repeat(this._items, (item) => item.comment.id, (item, index) => html`<rapport-inbox-item
            .item=${item} .messages=${m} ?current=${index === this._current} ?selected=${this._selected.has(item.comment.id)}
            ?replying=${this._replyingTo === item.comment.id} ?editing=${this._editing} ?busy=${this._busy}
            @focusin=${() => (this._current = index)}
            @rapport-item-action=${this._onAction} @rapport-item-reply=${this._onReply}
            @rapport-item-reply-open=${(e: CustomEvent<{ id: string; edit?: boolean }>) => this._openReply(e.detail.id, e.detail.edit)}
            @rapport-item-edit=${this._onEdit}
            @rapport-item-reply-close=${this._closeReply} @rapport-item-select=${this._onSelect} @rapport-page-change=${this._onPageChange}></rapport-inbox-item>`)}
        </div>
        ${this._nextCursor ? html`<button type="button" @click=${this._more}>${m.loadMore}</button>` : nothing}
      </main>
      <rapport-shortcuts .messages=${m}></rapport-shortcuts>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
    `;
  }

  private get _shortcuts(): RapportShortcuts {
    return this.renderRoot.querySelector('rapport-shortcuts')!;
  }

  private _itemElement(index: number): RapportInboxItem | null {
    return this.renderRoot.querySelectorAll<RapportInboxItem>('rapport-inbox-item')[index] ?? null;
  }

  /** j k r e a s # u ? — ignored while typing in a field (the reply box handles its own keys). */
  private readonly _shortcut = (event: KeyboardEvent) => {
    const target = event.composedPath()[0] as HTMLElement;
    if (event.ctrlKey || event.metaKey || event.altKey || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
    const current = this._items[this._current];
    const keys: Record<string, () => unknown> = {
      j: () => this._move(1),
      k: () => this._move(-1),
      r: () => current && !current.comment.author.isAuthor && this._openReply(current.comment.id),
      e: () => current?.comment.awaitingReply && this._act(current.comment.id, 'noReplyNeeded'),
      a: () => current && current.comment.status !== 'published' && this._act(current.comment.id, 'approve'),
      s: () => current && this._act(current.comment.id, 'spam'),
      '#': () => current && this._act(current.comment.id, 'delete'),
      u: () => this._undoLast(),
      '?': () => this._shortcuts.show(),
    };
    const run = keys[event.key];
    if (!run) return;
    event.preventDefault();
    // Keys pressed while an action is under way run after it, in order, rather than being lost.
    this._keys = this._keys.then(run).catch(() => undefined);
  };

  private async _move(by: number) {
    if (this._items.length === 0) return;
    this._current = Math.min(this._items.length - 1, Math.max(0, this._current + by));
    await this.updateComplete;
    this._itemElement(this._current)?.focus();
  }

  private async _openReply(id: string, edit = false) {
    this._replyingTo = id;
    this._editing = edit;
    this._current = Math.max(0, this._items.findIndex((i) => i.comment.id === id));
    await this.updateComplete;
    await this._itemElement(this._current)?.focusReply();
  }

  private _closeReply = async () => {
    this._replyingTo = undefined;
    await this.updateComplete;
    this._itemElement(this._current)?.focus();
  };

  private _onReply = async (event: CustomEvent<{ id: string; body: string }>) => {
    await this._run(async () => {
      const reply = await this._api.reply(event.detail.id, event.detail.body);
      this._replyingTo = undefined;
      this._undo.push([{ id: reply.id, change: { status: 'deleted' } }]);
      this._applied(event.detail.id, (c) => ({ ...c, awaitingReply: false, status: 'published' }));
      return this._messages.done.reply;
    });
  };

  private _onEdit = async (event: CustomEvent<{ id: string; body: string }>) => {
    await this._run(async () => {
      const before = this._items.find((i) => i.comment.id === event.detail.id)?.comment.body;
      const updated = await this._api.change(event.detail.id, { body: event.detail.body });
      this._replyingTo = undefined;
      if (before !== undefined) this._undo.push([{ id: event.detail.id, change: { body: before } }]);
      this._applied(event.detail.id, (c) => ({ ...c, ...updated, body: event.detail.body }));
      return this._messages.done.edit;
    });
  };

  private _onAction = (event: CustomEvent<{ id: string; action: ItemAction }>) => void this._act(event.detail.id, event.detail.action);

  private async _act(id: string, action: ItemAction) {
    await this._run(async () => {
      const before = this._items.find((i) => i.comment.id === id)?.comment;
      const updated = await this._api.change(id, ACTION_CHANGES[action]);
      if (before) this._undo.push([{ id, change: undoOf(action, before) }]);
      this._applied(id, () => updated);
      return this._messages.done[action];
    });
  }

  private async _bulk(action: ItemAction) {
    const ids = [...this._selected];
    await this._run(async () => {
      const entry: UndoEntry = [];
      for (const id of ids) {
        const before = this._items.find((i) => i.comment.id === id)?.comment;
        const updated = await this._api.change(id, ACTION_CHANGES[action]);
        if (before) entry.push({ id, change: undoOf(action, before) });
        this._applied(id, () => updated);
      }
      this._undo.push(entry);
      this._selected = new Set();
      return this._messages.bulkDone(ids.length);
    });
  }

  private async _undoLast() {
    const entry = this._undo.pop();
    if (!entry) return;
    await this._run(async () => {
      for (const { id, change } of entry) await this._api.change(id, change);
      await this._reload();
      return this._messages.done.undo;
    });
  }

  /** Runs one author action on the queue: as `_settle`, then focus back in the queue. */
  private async _run(action: () => Promise<string>) {
    await this._settle(action);
    await this.updateComplete;
    if (this._items.length > 0) this._itemElement(this._current)?.focus();
    else this.renderRoot.querySelector<HTMLElement>('#empty')?.focus();
  }

  /** Busy while `action` runs; its result (or the failure) announced; the figures brought up to date. */
  private async _settle(action: () => Promise<string>) {
    this._busy = true;
    try {
      this._announcement = await action();
      this._stats = await this._api.stats(this._siteId);
    } catch {
      this._announcement = this._messages.failed;
    } finally {
      this._busy = false;
    }
  }

  private _onMailChoice = (event: CustomEvent<Partial<MailChoice>>) =>
    this._settle(async () => {
      const choice = await this._api.setMail(this._siteId, event.detail);
      this._mail = { ...this._mail!, choice };
      return this._messages.settings.saved;
    });

  /** Every item on the corrected page shows its new title and address. */
  private _onPageChange = (event: InboxEvent<'rapport-page-change'>) =>
    this._settle(async () => {
      const page = await this._api.changePage(this._siteId, event.detail);
      this._items = this._items.map((item) => (item.page.key === page.key ? { ...item, page } : item));
      return this._messages.pageEditor.saved;
    });

  private _onErase = (event: CustomEvent<{ email: string }>) =>
    this._settle(async () => {
      const erased = await this._api.erase(this._siteId, event.detail.email);
      await this._reload();
      return this._messages.settings.erased(erased);
    });

  /** Updates an item after a change; it leaves the list when it no longer belongs in this view. */
  private _applied(id: string, change: (comment: InboxItem['comment']) => InboxItem['comment']) {
    const items = this._items.flatMap((item) => {
      if (item.comment.id !== id) return [item];
      const comment = change(item.comment);
      return belongs(this._view, comment) ? [{ ...item, comment }] : [];
    });
    this._items = items;
    this._current = Math.min(this._current, Math.max(0, items.length - 1));
    this._selected.delete(id);
  }

  private _onSelect = (event: CustomEvent<{ id: string; selected: boolean }>) => {
    const selected = new Set(this._selected);
    if (event.detail.selected) selected.add(event.detail.id);
    else selected.delete(event.detail.id);
    this._selected = selected;
  };

  private async _more() {
    if (!this._nextCursor) return;
    const list = await this._api.list(this._siteId, this._view, this._page || undefined, this._nextCursor);
    this._items = [...this._items, ...list.items];
    this._nextCursor = list.nextCursor;
  }

  private _showView(view: InboxView) {
    this._view = view;
    this._current = 0;
    this._undo = [];
    void this._reload();
  }

  private _filterPage = (event: CustomEvent<{ page: string }>) => {
    this._page = event.detail.page;
    this._current = 0;
    void this._reload();
  };

  private _switchSite = (event: CustomEvent<{ siteId: string }>) => {
    this._siteId = event.detail.siteId;
    localStorage.setItem(SITE_KEY, this._siteId);
    this._page = '';
    this._current = 0;
    this._undo = [];
    void this._reload();
  };

  private _signIn = async (event: CustomEvent<{ email: string; password: string }>) => {
    this._busy = true;
    const error = await this._api.signIn(event.detail.email, event.detail.password);
    this._busy = false;
    if (error) {
      this._signInError = error === 'too_many_attempts' ? this._messages.tooManyAttempts : this._messages.badCredentials;
      return;
    }
    this._signInError = '';
    await this._start();
  };

  private _signOut = async () => {
    await this._api.signOut();
    this._me = undefined;
    this._signedOut = true;
    this._items = [];
  };
}

defineOnce('rapport-inbox', RapportInbox);
