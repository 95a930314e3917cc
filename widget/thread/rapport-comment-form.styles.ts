import { css } from 'lit';

export const formStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: 0.75rem;
  }
  .identity {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-size: 0.9em;
  }
  textarea {
    min-height: 7em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  .error {
    color: var(--_error);
    font-size: 0.85em;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.8em;
    margin: 0;
  }
  .preview {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 0 0.75em;
    min-height: 7em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .trap {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;
