import { LitElement, css, html } from 'lit';
import { AUTHOR_SCOPES, type AuthorScope } from '../../contract/enums.js';
import { defineOnce } from '../shared/define.js';
import { emit } from '../shared/emit.js';
import type { InboxMessages } from './inbox-messages.js';

/**
 * Which posts' comments the inbox shows on a site with several authors: the author's own (and
 * those without an author), or every post. Native radio buttons in a fieldset, so Tab reaches the
 * group and the arrow keys choose; fires `rapport-scope-chosen` ({scope}) when the author picks one.
 */
export class RapportInboxScope extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    fieldset {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend {
      float: inline-start;
      margin-inline-end: 0.25rem;
      padding: 0;
    }
    .choices {
      display: inline-flex;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
    }
    label {
      position: relative;
      padding: 0.35em 0.8em;
      cursor: pointer;
    }
    label + label {
      border-inline-start: 1px solid var(--_border);
    }
    /* The radio stays in the page (focusable, announced), drawn as the whole segment instead. */
    input {
      position: absolute;
      inset: 0;
      margin: 0;
      opacity: 0;
      cursor: pointer;
    }
    label:has(input:checked) {
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    label:has(input:focus-visible) {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
    }
  `;
  static override properties = {
    scope: { attribute: false },
    messages: { attribute: false },
  };

  scope: AuthorScope = 'mine';
  messages!: InboxMessages;

  override render() {
    const m = this.messages.scope;
    return html`<fieldset part="scope">
      <legend>${m.label}</legend>
      <span class="choices">
        ${AUTHOR_SCOPES.map(
          (scope) => html`<label part="scope-choice">
            <input type="radio" name="scope" value=${scope} .checked=${scope === this.scope} @change=${() => emit(this, 'rapport-scope-chosen', { scope })} />${m.choices[scope]}
          </label>`,
        )}
      </span>
    </fieldset>`;
  }
}

defineOnce('rapport-inbox-scope', RapportInboxScope);
