import { css } from 'lit';

export const threadStyles = css`
  .thread {
    display: grid;
    gap: var(--_gap);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: baseline;
    border-bottom: 1px solid var(--_border);
    padding-bottom: 0.5rem;
  }
  h2 {
    font-size: 1.25em;
    margin: 0;
  }
  .waiting-count {
    color: var(--_waiting);
    font-weight: 600;
    margin: 0;
  }
  .tools {
    margin-inline-start: auto;
    display: flex;
    gap: 0.5rem;
  }
  .tools button[aria-pressed='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .comment {
    padding: 0.75rem 0 0.25rem 0.9rem;
    border-inline-start: 3px solid transparent;
    /* A grid item grows to its widest content: a long code line must scroll inside its block instead. */
    min-width: 0;
  }
  .comment:focus {
    outline: none;
  }
  .comment:focus-visible,
  .comment:target {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .comment.waiting {
    border-inline-start-color: var(--_waiting);
    /* A solid, deliberate mark over the whole card: a fade that ends mid-card looks unfinished. */
    background: color-mix(in srgb, var(--_waiting) 4%, transparent);
  }
  .comment.by-author {
    border-inline-start-color: var(--_accent);
  }
  /* A gap keeps neighbouring waiting comments from merging into one highlighted block. */
  .comments,
  .replies {
    display: grid;
    gap: 0.5rem;
  }
  .replies {
    margin-inline-start: clamp(0.5rem, 3vw, 1.5rem);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.6rem;
    align-items: baseline;
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0;
  }
  .name {
    color: var(--rapport-text, inherit);
    font-weight: 700;
  }
  .badge {
    background: var(--_accent);
    color: var(--_on-accent);
    border-radius: 999px;
    padding: 0 0.55em;
    font-size: 0.8em;
    font-weight: 600;
  }
  .when {
    color: inherit;
  }
  .body {
    overflow-wrap: anywhere;
  }
  .body :is(p, ul, ol, blockquote, pre) {
    margin: 0.5em 0;
  }
  .body pre {
    overflow-x: auto;
    background: var(--_surface);
    padding: 0.5em;
    border-radius: var(--_radius);
  }
  .body blockquote {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 0.75em;
    color: var(--_muted);
  }
  .mark,
  .answered,
  .pending {
    margin: 0.25rem 0;
    font-size: 0.85em;
    font-weight: 600;
  }
  .mark {
    color: var(--_waiting);
  }
  .answered {
    color: var(--_accent);
  }
  .pending {
    color: var(--_muted);
    font-style: italic;
  }
  .actions {
    display: flex;
    gap: 0.25rem;
  }
  rapport-comment-form {
    margin: 0.5rem 0 1rem;
  }
  .new-comment {
    border-top: 1px solid var(--_border);
    padding-top: var(--_gap);
  }
  h3 {
    margin: 0 0 0.75rem;
    font-size: 1.1em;
  }
  .notice {
    color: var(--_muted);
  }
  .alert {
    color: var(--_error);
    font-weight: 600;
  }
`;
