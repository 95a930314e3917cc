import { LitElement, css, html } from 'lit';
import { defineOnce } from '../shared/define.js';
import { emit } from '../shared/emit.js';
import { controlStyles, fieldStyles } from '../shared/theme.styles.js';
import type { InboxMessages } from './inbox-messages.js';

/** The sign-in form. Fires `rapport-credentials-submitted` with {email, password}; the inbox answers with `error`. */
export class RapportSignIn extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    css`
      :host {
        display: block;
        max-width: 24rem;
        margin: 10vh auto;
      }
      form {
        display: grid;
        gap: 0.9rem;
      }
      label {
        display: grid;
        gap: 0.3rem;
      }
      .error {
        color: var(--_error);
        margin: 0;
      }
    `,
  ];
  static override properties = {
    messages: { attribute: false },
    error: {},
    busy: { type: Boolean },
  };

  messages!: InboxMessages;
  error = '';
  busy = false;

  override render() {
    const m = this.messages;
    return html`
      <main>
      <form part="form" @submit=${this._submit} aria-labelledby="heading">
        <h1 id="heading">${m.signInHeading}</h1>
        <label>${m.email}<input name="email" type="email" autocomplete="username" required /></label>
        <label>${m.password}<input name="password" type="password" autocomplete="current-password" required /></label>
        <p class="error" role="alert">${this.error}</p>
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? m.signingIn : m.signIn}</button>
      </form>
      </main>
    `;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  private _submit(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const detail = { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') };
    emit(this, 'rapport-credentials-submitted', detail);
  }
}

defineOnce('rapport-sign-in', RapportSignIn);
