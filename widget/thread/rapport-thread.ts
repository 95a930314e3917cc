import { LitElement, html, nothing } from 'lit';
import { ApiClient, type ApiComment, type ApiThread } from '../shared/api-client.js';
import { ApiError } from '../shared/api-error.js';
import { blogIsDark, followBlogScheme } from '../shared/color-scheme.js';
import { scriptOrigin } from '../shared/script-origin.js';
import { defineOnce } from '../shared/define.js';
import { forgetOwnComment, loadIdentity, loadOwnComments, rememberOwnComment, saveIdentity, type OwnComment } from '../shared/local-store.js';
import { en, loadMessages, resolveLocale, type Messages } from '../shared/messages.js';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';
import './rapport-comment-form.js';
import type { RapportCommentForm, FormValues } from './rapport-comment-form.js';
import { renderComment, type CommentContext } from './render-comment.js';
import { renderHeader } from './render-header.js';
import { revealLinkedComment } from './linked-comment.js';
import { threadStyles } from './rapport-thread.styles.js';
import { buildTree } from './thread-tree.js';
import { newCommentRequest } from './new-comment-request.js';
import { startWhenNear } from './start-when-near.js';
import { localizeFieldErrors } from './field-errors.js';
import { waitingAuthorOf, withEdited, withPosted, withRemoved, withSlice } from './thread-state.js';

/**
 * A page's comment thread: reading, the waiting marks, writing, replying, editing.
 * Nothing is fetched until the element comes near the viewport.
 */
export class RapportThread extends LitElement {
  static override styles = [themeTokens, controlStyles, threadStyles];
  static override properties = {
    site: {},
    page: {},
    api: {},
    author: {},
    pageTitle: { attribute: 'page-title' },
    theme: { reflect: true },
    client: { attribute: false },
    _thread: { state: true },
    _comments: { state: true },
    _status: { state: true },
    _texts: { state: true },
    _newestFirst: { state: true },
    _waitingOnly: { state: true },
    _openForm: { state: true },
    _busy: { state: true },
    _errors: { state: true },
    _alert: { state: true },
    _announcement: { state: true },
    _own: { state: true },
  };

  /** The site id, as in the embed snippet. */
  site = '';
  /** The page key; embed.js derives it from data-page, the canonical link or the path. */
  page = '';
  /** The server's origin; defaults to this page's. */
  api = '';
  /** The post's author as the blog names them; else the page's `<meta name="author">` is read. */
  author = '';
  /** The post's title as the blog names it; else `og:title`, the enclosing article's h1, or the tab's title. */
  pageTitle = '';
  /** `light`, `dark`, or `auto` (follow the blog's own background). */
  theme: 'auto' | 'light' | 'dark' = 'auto';
  /** Data access; set one to talk to another server or a test double. */
  client?: ApiClient;

  private _thread?: ApiThread;
  private _comments: ApiComment[] = [];
  private _status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** The texts in the reader's language, once known (other languages than English are fetched). */
  private _texts?: Messages;
  private _locale = 'en';
  private _newestFirst = false;
  private _waitingOnly = false;
  private _openForm?: { kind: 'reply' | 'edit'; id: string; trigger: HTMLElement };
  private _busy = false;
  private _errors: Record<string, string> = {};
  private _alert = '';
  private _announcement = '';
  private _own: Record<string, OwnComment> = {};

  private _abort?: AbortController;
  /** What stops the watching connectedCallback started. */
  private _stops: (() => void)[] = [];

  private get _client(): ApiClient {
    return (this.client ??= new ApiClient(this.api || scriptOrigin));
  }

  private get _messages(): Messages {
    return this._texts ?? en;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._own = loadOwnComments();
    this._stops = [followBlogScheme(() => this._applyScheme()), startWhenNear(this, () => void this._load())];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this._stops) stop();
    this._abort?.abort();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('theme')) this._applyScheme();
  }

  private _applyScheme(): void {
    const dark = this.theme === 'dark' || (this.theme !== 'light' && blogIsDark(this.parentElement ?? this));
    this.setAttribute('scheme', dark ? 'dark' : 'light');
  }

  private async _load(more = false): Promise<void> {
    if (!this.site || !this.page) return;
    this._abort?.abort();
    this._abort = new AbortController();
    this._status = more ? 'ready' : 'loading';
    try {
      const cursor = more ? this._thread?.nextCursor ?? undefined : undefined;
      // A page that declares its language gets its texts while the thread loads; else the site's.
      const declared = this.closest('[lang]') ? loadMessages(this._client.origin, resolveLocale(this)) : undefined;
      const [thread] = await Promise.all([this._client.thread(this.site, this.page, cursor, this._abort.signal), declared]);
      if (!more) await this._useLocale(resolveLocale(this, thread.site.locale));
      this._comments = withSlice(more ? this._comments : [], thread.comments, this._own, this.page);
      this._thread = thread;
      this._status = 'ready';
      if (!more) void this.updateComplete.then(() => revealLinkedComment(this.renderRoot));
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this._status = 'error';
    }
  }

  private async _useLocale(locale: string): Promise<void> {
    this._texts = await loadMessages(this._client.origin, locale);
    this._locale = locale;
  }

  override render() {
    const m = this._texts;
    // Nothing to say until the thread and its language are known.
    if (!m) return html`<section class="thread" part="thread" aria-busy="true"></section>`;
    return html`
      <section class="thread" part="thread" aria-label=${m.comments(this._thread?.page.commentCount ?? 0)} lang=${this._locale}>
        ${renderHeader({
          messages: m, page: this._thread?.page, waitingFor: waitingAuthorOf(this._thread), waitingOnly: this._waitingOnly, newestFirst: this._newestFirst,
          toggleWaitingOnly: () => (this._waitingOnly = !this._waitingOnly), toggleNewestFirst: () => (this._newestFirst = !this._newestFirst),
        })} ${this._renderBody()}
        <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
      </section>
    `;
  }

  private _renderBody() {
    const m = this._messages;
    if (this._status === 'idle' || this._status === 'loading') return html`<p class="notice">${m.loading}</p>`;
    if (this._status === 'error') {
      return html`<p class="alert" role="alert">${m.loadFailed} <button part="button" @click=${() => this._load()}>${m.retry}</button></p>`;
    }
    const comments = this._waitingOnly ? this._comments.filter((c) => c.awaitingReply) : this._comments;
    const tree = buildTree(comments, this._newestFirst);
    const context = this._commentContext();
    return html`
      ${tree.length === 0 ? html`<p class="notice">${this._waitingOnly ? m.noWaiting : m.noComments}</p>` : nothing}
      <div class="comments">${tree.map((node) => renderComment(node, context))}</div>
      ${this._thread?.nextCursor ? html`<button part="button load-more" @click=${() => this._load(true)}>${m.loadMore}</button>` : nothing}
      ${this._thread?.page.locked ? html`<p class="notice">${m.errors.page_locked}</p>` : html`
        <div class="new-comment">
          <h3>${m.formHeading}</h3>
          ${this._renderForm('new', '', !this._openForm)}
        </div>`}
    `;
  }

  private _renderForm(mode: 'new' | 'reply' | 'edit', heading: string, active = true) {
    const editing = mode === 'edit' && this._openForm ? this._own[this._openForm.id]?.body ?? '' : '';
    return html`<rapport-comment-form exportparts="form, input, textarea, checkbox, preview, button, submit" .messages=${this._messages} .identity=${loadIdentity()} .api=${this._client}
      mode=${mode} heading=${heading} .initialBody=${editing} ?busy=${this._busy && active}
      .errors=${active ? this._errors : {}} @rapport-form-submitted=${this._submitted}
      @rapport-form-cancelled=${this._closeForm}></rapport-comment-form>
      ${active && this._alert ? html`<p class="alert" role="alert">${this._alert}</p>` : nothing}`;
  }

  private _commentContext(): CommentContext {
    const open = this._openForm;
    return {
      messages: this._messages,
      locale: this._locale,
      waitingFor: waitingAuthorOf(this._thread),
      isOwn: (id) => id in this._own,
      formFor: (id) => (open?.id === id ? this._renderForm(open.kind, this._messages.replyTo(this._nameOf(id))) : nothing),
      onReply: (id, trigger) => this._openFormAt('reply', id, trigger),
      onEdit: (id, trigger) => this._openFormAt('edit', id, trigger),
      onDelete: (id) => void this._delete(id),
    };
  }

  private _nameOf(id: string): string {
    return this._comments.find((c) => c.id === id)?.author.name ?? '';
  }

  private async _openFormAt(kind: 'reply' | 'edit', id: string, trigger: HTMLElement) {
    this._openForm = { kind, id, trigger };
    this._errors = {};
    this._alert = '';
    await this.updateComplete;
    this.renderRoot.querySelector<RapportCommentForm>(`[id="comment-${id}"] > rapport-comment-form`)?.focus();
  }

  private _closeForm = () => {
    const trigger = this._openForm?.trigger;
    this._openForm = undefined;
    this._errors = {};
    this._alert = '';
    trigger?.focus();
  };

  private _submitted = async (event: CustomEvent<FormValues>) => {
    const form = event.target as RapportCommentForm;
    const values = event.detail;
    this._busy = true;
    this._errors = {};
    this._alert = '';
    try {
      const target = form.mode === 'new' ? undefined : this._openForm?.id;
      if (form.mode === 'edit' && target) await this._saveEdit(target, values.body);
      else await this._post(values, form, target);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('unknown', String(error));
      this._errors = localizeFieldErrors(apiError.fieldCodes, this._messages);
      this._alert = this._messages.errors[apiError.code] ?? this._messages.errors.unknown!;
      this._announcement = this._alert;
    } finally {
      this._busy = false;
    }
  };

  private async _post(values: FormValues, form: RapportCommentForm, parentId: string | undefined) {
    saveIdentity({ name: values.name, email: values.email, website: values.website });
    const posted = await this._client.post(newCommentRequest(this, values, parentId, this._locale, this._thread?.formToken));
    const pending = posted.comment.status === 'pending';
    const own: OwnComment = { token: posted.editToken, editableUntil: posted.editableUntil, body: values.body };
    if (pending) own.pending = { page: this.page, comment: posted.comment };
    rememberOwnComment(posted.comment.id, own);
    this._own = loadOwnComments();
    [this._comments, this._thread] = withPosted([this._comments, this._thread], posted);
    form.clear();
    this._announcement = pending ? this._messages.postedPending : this._messages.posted;
    this._dispatch('rapport-comment-posted', posted.comment);
    if (parentId) this._closeForm();
  }

  private async _saveEdit(id: string, body: string) {
    const own = this._own[id];
    if (!own) return;
    const { comment } = await this._client.edit(id, own.token, body);
    rememberOwnComment(id, { ...own, body });
    this._own = loadOwnComments();
    this._comments = withEdited(this._comments, comment);
    this._announcement = this._messages.saved;
    this._dispatch('rapport-comment-edited', comment);
    this._closeForm();
  }

  private async _delete(id: string) {
    const own = this._own[id];
    if (!own || !confirm(this._messages.confirmDelete)) return;
    try {
      await this._client.remove(id, own.token);
    } catch (error) {
      this._announcement = this._messages.errors[(error as ApiError).code] ?? this._messages.errors.unknown!;
      return;
    }
    forgetOwnComment(id);
    this._own = loadOwnComments();
    const removed = this._comments.find((c) => c.id === id)!;
    [this._comments, this._thread] = withRemoved([this._comments, this._thread], removed);
    this._announcement = this._messages.removed;
    this._dispatch('rapport-comment-deleted', removed);
  }

  private _dispatch(type: string, comment: ApiComment) {
    this.dispatchEvent(new CustomEvent(type, { detail: { comment }, bubbles: true, composed: true }));
  }
}

defineOnce('rapport-thread', RapportThread);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-thread': RapportThread;
  }
  /** What the thread tells the blog's page: the comment its reader posted, edited or deleted. */
  interface GlobalEventHandlersEventMap {
    'rapport-comment-posted': CustomEvent<{ comment: ApiComment }>;
    'rapport-comment-edited': CustomEvent<{ comment: ApiComment }>;
    'rapport-comment-deleted': CustomEvent<{ comment: ApiComment }>;
  }
}
