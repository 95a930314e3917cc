import { LitElement, html } from 'lit';
import { AUTHOR_SCOPES, type AuthorScope } from '../../contract/enums.js';
import { defineOnce } from '../shared/define.js';
import { emit } from '../shared/emit.js';
import type { InboxMessages } from './inbox-messages.js';
import { scopeStyles } from './rapport-inbox-scope.styles.js';

/**
 * Which posts' comments the inbox shows on a site with several authors: the author's own (and
 * those without an author), or every post. Native radio buttons in a fieldset, so Tab reaches the
 * group and the arrow keys choose; fires `rapport-scope-chosen` ({scope}) when the author picks one.
 */
export class RapportInboxScope extends LitElement {
  static override styles = scopeStyles;
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
