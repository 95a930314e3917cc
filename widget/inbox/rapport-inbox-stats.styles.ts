import { css } from 'lit';

/** The figures panel: its numbers and its chart. */
export const statsStyles = css`
  :host {
    display: block;
  }
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin: 0;
  }
  dl div {
    display: grid;
  }
  dt {
    font-size: 0.8em;
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-size: 1.3em;
    font-weight: 700;
  }
  .flood-hold {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 3px solid var(--_error);
  }
  /* The live region stays in place, so that a hold beginning is announced. */
  .flood-hold:empty {
    display: none;
  }
  .overdue dd {
    color: var(--_error);
  }
  svg {
    display: block;
    margin-top: 0.5rem;
  }
  rect {
    fill: var(--_accent);
  }
  line {
    stroke: var(--_border);
  }
  text.axis {
    fill: var(--_muted);
    font-size: 10px;
  }
  figure {
    margin: 0.75rem 0 0;
  }
  figcaption {
    font-size: 0.8em;
    color: var(--_muted);
  }
  table {
    border-collapse: collapse;
    margin-top: 0.5rem;
    font-size: 0.9em;
  }
  th,
  td {
    text-align: start;
    padding: 0.2em 0.8em 0.2em 0;
  }
  td.number,
  thead th:not(:first-child) {
    text-align: end;
  }
`;
