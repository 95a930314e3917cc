import { css } from 'lit';

/**
 * The design tokens, set on the outermost Rapport element only: elements inside it (the comment
 * form) inherit them, light or dark. Defaults inherit the blog's font and text colour; a blog
 * overrides them with CSS custom properties on the element (see README).
 */
export const themeTokens = css`
  :host {
    display: block;
    font: var(--rapport-font, inherit);
    color: var(--rapport-text, inherit);
    --_accent: var(--rapport-accent, #2563eb);
    --_waiting: var(--rapport-waiting, #b45309);
    --_muted: var(--rapport-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_border: var(--rapport-border, color-mix(in srgb, currentColor 18%, transparent));
    --_surface: var(--rapport-surface, color-mix(in srgb, currentColor 4%, transparent));
    --_field: var(--rapport-field-background, color-mix(in srgb, currentColor 3%, transparent));
    --_on-accent: var(--rapport-on-accent, #fff);
    --_radius: var(--rapport-radius, 8px);
    --_gap: var(--rapport-spacing, 1rem);
    --_error: var(--rapport-error, #b91c1c);
  }
  /* scheme is set by the element from its theme attribute, or from the blog's own background. */
  :host([scheme='dark']) {
    --_accent: var(--rapport-accent, #8ab4ff);
    --_waiting: var(--rapport-waiting, #fbbf24);
    --_on-accent: var(--rapport-on-accent, #0b1020);
    --_error: var(--rapport-error, #fca5a5);
  }
`;

/** Buttons, links and focus rings, shared by every element that has them. */
export const controlStyles = css`
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: transparent;
    color: inherit;
    padding: 0.35em 0.8em;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  button.link {
    border: 0;
    padding: 0.2em 0.3em;
    color: var(--_muted);
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  :is(button, a, input, textarea, summary):focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** Text fields and menus, alike in every element. */
export const fieldStyles = css`
  input:not([type='checkbox']),
  textarea,
  select {
    font: inherit;
    color: inherit;
    background: var(--_field);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.65em;
  }
`;
