import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InboxItem, MailChoiceRequest, MailStateResponse, StatsResponse } from '../../contract/author-api.js';
import type { AuthorScope, InboxView } from '../../contract/enums.js';
import { belongs } from './inbox-actions.js';
import type { InboxApi } from './inbox-api.js';
import type { PageChange } from './inbox-events.js';

/**
 * The queue the inbox shows and what comes with it: one view of one site, on the posts of `scope`
 * (optionally one page), its items and where the author is in them, the selection, the figures
 * and the mail state.
 * It loads, polls while the inbox is open, and merges what arrives without disturbing a reply
 * being typed; the inbox shell only renders it and hands it the author's actions.
 */
export class InboxQueue implements ReactiveController {
  siteId = '';
  view: InboxView = 'awaiting';
  page = '';
  scope: AuthorScope = 'mine';
  items: InboxItem[] = [];
  nextCursor: string | null = null;
  /** The index of the item the author is on. */
  current = 0;
  selected = new Set<string>();
  stats?: StatsResponse;
  mail?: MailStateResponse;
  loading = true;
  /** How often new comments are fetched while the inbox is open. */
  pollSeconds = 20;

  private poll?: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: InboxApi,
    /** While this answers true (an action under way), polling waits. */
    private readonly busy: () => boolean,
    /** The item whose reply box is open: it stays in the list while its answer is typed. */
    private readonly replyingTo: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.startPolling(this.pollSeconds);
  }

  hostDisconnected(): void {
    clearInterval(this.poll);
  }

  startPolling(seconds: number): void {
    this.pollSeconds = seconds;
    clearInterval(this.poll);
    this.poll = setInterval(() => void this.refresh(), seconds * 1000);
  }

  /** The current view from its first item, the figures and the mail state. */
  async reload(): Promise<void> {
    if (!this.siteId) return;
    this.loading = true;
    this.host.requestUpdate();
    const site = this.siteId;
    const [list, stats, mail] = await Promise.all([this.list(), this.api.stats(site, this.scope), this.api.mail(site)]);
    [this.items, this.nextCursor, this.stats, this.mail] = [list.items, list.nextCursor, stats, mail];
    this.current = Math.min(this.current, Math.max(0, this.items.length - 1));
    this.selected = new Set();
    this.loading = false;
    this.host.requestUpdate();
  }

  /** New comments arrive while the inbox is open; a reply being typed keeps its place and its text. */
  async refresh(): Promise<void> {
    if (!this.siteId || this.busy() || document.hidden) return;
    const [list, stats] = await Promise.all([this.list(), this.api.stats(this.siteId, this.scope)]).catch(() => []);
    if (!list || !stats || this.busy()) return;
    const currentId = this.items[this.current]?.comment.id;
    const replying = this.replyingTo();
    const kept = this.items.filter((i) => i.comment.id === replying && !list.items.some((n) => n.comment.id === i.comment.id));
    this.items = [...list.items, ...kept];
    this.nextCursor = list.nextCursor;
    this.stats = stats;
    const index = this.items.findIndex((i) => i.comment.id === currentId);
    if (index >= 0) this.current = index;
    this.host.requestUpdate();
  }

  /** The next page of the current view. */
  async more(): Promise<void> {
    if (!this.nextCursor) return;
    const list = await this.list(this.nextCursor);
    this.items = [...this.items, ...list.items];
    this.nextCursor = list.nextCursor;
    this.host.requestUpdate();
  }

  async refreshStats(): Promise<void> {
    this.stats = await this.api.stats(this.siteId, this.scope);
    this.host.requestUpdate();
  }

  /** Shows another view, page, scope or site from its first item. */
  async show(change: { view?: InboxView; page?: string; scope?: AuthorScope; siteId?: string }): Promise<void> {
    Object.assign(this, change);
    this.current = 0;
    await this.reload();
  }

  find(id: string): InboxItem | undefined {
    return this.items.find((i) => i.comment.id === id);
  }

  moveTo(id: string): void {
    this.current = Math.max(0, this.items.findIndex((i) => i.comment.id === id));
    this.host.requestUpdate();
  }

  /** Updates an item after a change; it leaves the list when it no longer belongs in this view. */
  applied(id: string, change: (comment: InboxItem['comment']) => InboxItem['comment']): void {
    this.items = this.items.flatMap((item) => {
      if (item.comment.id !== id) return [item];
      const comment = change(item.comment);
      return belongs(this.view, comment) ? [{ ...item, comment }] : [];
    });
    this.current = Math.min(this.current, Math.max(0, this.items.length - 1));
    this.selected.delete(id);
    this.host.requestUpdate();
  }

  /** The author corrected a page: every item on it shows its new title, address and author. */
  async changePage(change: PageChange): Promise<void> {
    const page = await this.api.changePage(this.siteId, change);
    // A post given to another author may leave a `mine` queue: the server knows whose scope it is in.
    if (change.author !== undefined && this.scope === 'mine') return this.reload();
    this.items = this.items.map((item) => (item.page.key === page.key ? { ...item, page } : item));
    this.host.requestUpdate();
  }

  async setMail(change: MailChoiceRequest): Promise<void> {
    const choice = await this.api.setMail(this.siteId, change);
    this.mail = { ...this.mail!, choice };
    this.host.requestUpdate();
  }

  /** Erases a reader's data on the site; answers how many comments became placeholders. */
  async erase(email: string): Promise<number> {
    const erased = await this.api.erase(this.siteId, email);
    await this.reload();
    return erased;
  }

  select(id: string, selected: boolean): void {
    const next = new Set(this.selected);
    if (selected) next.add(id);
    else next.delete(id);
    this.selected = next;
    this.host.requestUpdate();
  }

  clearSelection(): void {
    this.selected = new Set();
    this.host.requestUpdate();
  }

  clear(): void {
    this.items = [];
    this.host.requestUpdate();
  }

  /** A slice of the current view: the first, or the one after `cursor`. */
  private list(cursor?: string) {
    return this.api.list(this.siteId, this.view, this.scope, this.page || undefined, cursor);
  }
}
