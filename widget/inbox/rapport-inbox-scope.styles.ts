import { css } from 'lit';

/** The scope switch: one segmented control of native radios, the chosen one filled with the accent. */
export const scopeStyles = css`
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
