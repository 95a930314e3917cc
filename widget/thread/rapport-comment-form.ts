import { LitElement, html, nothing } from 'lit';
import type { ApiClient } from '../shared/api-client.js';
import { defineOnce } from '../shared/define.js';
import type { Identity } from '../shared/local-store.js';
import type { Messages } from '../shared/messages.js';
import { controlStyles, fieldStyles } from '../shared/theme.styles.js';
import { formStyles } from './rapport-comment-form.styles.js';

/** What the reader filled in, as `rapport-form-submitted` carries it. */
export interface FormValues extends Identity {
  body: string;
  notifyReplies: boolean;
  honeypot: string;
  /** One id per submission, kept across retries so a double click or a retry posts once. */
  clientId: string;
}

const LIMITS = { name: 80, email: 254, website: 200, body: 10_000 };

/**
 * The comment form: new comments, inline replies and edits. It validates and reports; the
 * thread does the posting and hands back `busy` and `errors`.
 */
export class RapportCommentForm extends LitElement {
  static override styles = [controlStyles, fieldStyles, formStyles];
  static override properties = {
    messages: { attribute: false },
    identity: { attribute: false },
    api: { attribute: false },
    mode: {},
    heading: {},
    initialBody: { attribute: false },
    busy: { type: Boolean },
    errors: { attribute: false },
    _previewing: { state: true },
    _previewHtml: { state: true },
    _localErrors: { state: true },
  };

  messages!: Messages;
  identity: Identity = { name: '', email: '', website: '' };
  api?: ApiClient;
  mode: 'new' | 'reply' | 'edit' = 'new';
  heading = '';
  initialBody = '';
  busy = false;
  /** Field → message, from the thread (the server's answer) or from local checks. */
  errors: Record<string, string> = {};

  private _previewing = false;
  private _previewHtml = '';
  private _localErrors: Record<string, string> = {};
  private _clientId = '';

  private get _textarea(): HTMLTextAreaElement {
    return this.renderRoot.querySelector('textarea')!;
  }
  private get _form(): HTMLFormElement {
    return this.renderRoot.querySelector('form')!;
  }

  /** Moves focus into the comment box. */
  override focus(): void {
    this.updateComplete.then(() => this._textarea?.focus());
  }

  /** Empties the comment box after a successful post; the next post gets a new client id. */
  clear(): void {
    this._form.reset();
    this._clientId = '';
    this._previewing = false;
    this._localErrors = {};
  }

  override render() {
    const m = this.messages;
    return html`
      <form part="form" novalidate @submit=${this._submit} @keydown=${this._keydown} aria-label=${this.heading || m.formHeading}>
        ${this.mode === 'edit' ? nothing : this._renderIdentity()}
        <label>
          <span>${m.body}</span>
          <textarea name="body" part="textarea" required maxlength=${LIMITS.body} ?hidden=${this._previewing}
            .value=${this.initialBody} aria-invalid=${this._error('body') ? 'true' : 'false'}
            aria-describedby="hint body-error"></textarea>
        </label>
        ${this._previewing ? html`<div class="preview" part="preview" .innerHTML=${this._previewHtml}></div>` : nothing}
        <p class="hint" id="hint">${m.markdownHint}</p>
        ${this._renderError('body')}
        <div class="actions">
          <button class="primary" part="button submit" type="submit" ?disabled=${this.busy}>
            ${this.busy ? m.sending : this.mode === 'edit' ? m.save : m.send}
          </button>
          ${this.api ? html`<button type="button" part="button" aria-pressed=${this._previewing ? 'true' : 'false'} @click=${this._togglePreview}>
                ${this._previewing ? m.write : m.preview}</button>` : nothing}
          ${this.mode === 'new' ? nothing : html`<button type="button" part="button" @click=${this._cancel}>${m.cancel}</button>`}
        </div>
      </form>
    `;
  }

  private _renderIdentity() {
    const m = this.messages;
    const field = (name: 'name' | 'email' | 'website', label: string, type: string, autocomplete: string, required = false) => html`
      <label>
        <span>${label}</span>
        <input name=${name} part="input" type=${type} autocomplete=${autocomplete} maxlength=${LIMITS[name]} ?required=${required}
          .value=${this.identity[name]} aria-invalid=${this._error(name) ? 'true' : 'false'} aria-describedby="${name}-error" />
        ${this._renderError(name)}
      </label>`;
    return html`
      <div class="identity">
        ${field('name', m.name, 'text', 'name', true)} ${field('email', m.email, 'email', 'email')}
        ${field('website', m.website, 'url', 'url')}
      </div>
      <label class="check"><input type="checkbox" name="notifyReplies" part="checkbox" /> ${m.notifyReplies}</label>
      <label class="trap" aria-hidden="true">${m.honeypot}<input name="honeypot" tabindex="-1" autocomplete="off" /></label>
    `;
  }

  private _renderError(field: string) {
    const message = this._error(field);
    return html`<span class="error" id="${field}-error" ?hidden=${!message}>${message}</span>`;
  }

  private _error(field: string): string | undefined {
    return this._localErrors[field] ?? this.errors[field];
  }

  private _values(): Omit<FormValues, 'clientId'> {
    const data = new FormData(this._form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    return {
      name: this.mode === 'edit' ? '' : text('name'),
      email: text('email'),
      website: text('website'),
      body: this._textarea.value.trim(),
      notifyReplies: data.get('notifyReplies') === 'on',
      honeypot: text('honeypot'),
    };
  }

  /** Checks what the browser can check, in the reader's language, before anything is sent. */
  private _check(values: Omit<FormValues, 'clientId'>): Record<string, string> {
    const f = this.messages.fieldErrors;
    const problems: Record<string, string> = {};
    if (!values.body) problems.body = f.required;
    if (this.mode === 'edit') return problems;
    if (!values.name) problems.name = f.required;
    if (values.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) problems.email = f.email;
    if (values.notifyReplies && !values.email) problems.email = f.emailForReplies;
    if (values.website && !/^https?:\/\/\S+$/i.test(values.website)) problems.website = f.url;
    return problems;
  }

  private _submit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    const values = this._values();
    this._localErrors = this._check(values);
    const firstInvalid = Object.keys(this._localErrors)[0];
    if (firstInvalid) {
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[name=${firstInvalid}]`)?.focus());
      return;
    }
    this._clientId ||= crypto.randomUUID();
    const detail: FormValues = { ...values, clientId: this._clientId };
    this.dispatchEvent(new CustomEvent<FormValues>('rapport-form-submitted', { detail, bubbles: true, composed: true }));
  }

  private _keydown(event: KeyboardEvent) {
    if (event.key === 'Escape' && this.mode !== 'new') {
      event.preventDefault();
      this._cancel();
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this._form.requestSubmit();
    }
  }

  private _cancel() {
    this.dispatchEvent(new CustomEvent('rapport-form-cancelled', { bubbles: true, composed: true }));
  }

  private async _togglePreview() {
    if (!this._previewing && this.api) {
      this._previewHtml = (await this.api.preview(this._textarea.value).catch(() => ({ html: '' }))).html;
    }
    this._previewing = !this._previewing;
  }
}

defineOnce('rapport-comment-form', RapportCommentForm);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-comment-form': RapportCommentForm;
  }
  /** What the form tells its thread: the reader sent it (checked), or closed it. */
  interface GlobalEventHandlersEventMap {
    'rapport-form-submitted': CustomEvent<FormValues>;
    'rapport-form-cancelled': CustomEvent<Record<string, never>>;
  }
}
