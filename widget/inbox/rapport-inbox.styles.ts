import { css } from 'lit';

/** The inbox page's layout: the page itself and the list. */
export const inboxStyles = css`
      :host {
        display: block;
        max-width: 60rem;
        margin: 0 auto;
        padding: 1rem 1.25rem 4rem;
        font: var(--rapport-font, 16px/1.5 system-ui, sans-serif);
        /* The page's own colours, stated: the inbox is the page (and contrast checks need them). */
        background: Canvas;
        color: CanvasText;
        min-height: 100vh;
        box-sizing: border-box;
      }
      .list {
        display: grid;
        gap: 0.75rem;
        margin-top: 0.75rem;
      }
      .notice {
        color: var(--_muted);
      }
    `;

/** A panel that opens (the per-page table, mail and data): a card with a heading, not a bare triangle. */
export const panelStyles = css`
  details {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.9rem;
    margin-top: 0.75rem;
  }
  details[open] {
    padding-bottom: 0.9rem;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;

/** Inside the mail and data panel: rows of fields, small headings, hints, failures. */
export const panelSectionStyles = css`
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
    margin-top: 0.75rem;
  }
  h3 {
    font-size: 1em;
    margin: 1rem 0 0.25rem;
  }
  ul {
    margin: 0.25rem 0 0;
    padding-left: 1.2rem;
    font-size: 0.9em;
  }
  .failed {
    color: var(--_error);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.85em;
    margin: 0.25rem 0 0;
  }
  a {
    color: var(--_accent);
  }
`;
