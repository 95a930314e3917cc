import { css } from 'lit';

/** One queue item: its card, its chips, the comment it answers, its reply box. */
export const itemStyles = css`
  :host {
    display: block;
  }
  article {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.8rem 1rem;
    display: grid;
    gap: 0.5rem;
  }
  article:focus {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  :host([current]) article {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 0.8rem;
    align-items: center;
    font-size: 0.9em;
  }
  .chips {
    display: flex;
    gap: 0.3rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .chip {
    border-radius: 999px;
    padding: 0.05em 0.6em;
    font-size: 0.85em;
    font-weight: 600;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .chip.question,
  .chip.reply-to-author {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .chip.overdue {
    border-color: var(--_error);
    color: var(--_error);
  }
  .muted {
    color: var(--_muted);
  }
  .parent {
    margin: 0;
    padding: 0.1rem 0.8rem;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .body :is(p, ul, ol, blockquote, pre) {
    margin: 0.3em 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  textarea {
    min-height: 6em;
    width: 100%;
    box-sizing: border-box;
  }
  form {
    display: grid;
    gap: 0.4rem;
  }
`;
