import { css } from 'lit';

/** The inbox page's layout: header, queues, bulk bar, list. */
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
      header,
      nav,
      .filters,
      .bulk {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      header {
        justify-content: space-between;
        margin-bottom: 1rem;
      }
      h1 {
        font-size: 1.3em;
        margin: 0;
      }
      nav {
        margin: 1.25rem 0 0.75rem;
      }
      nav button[aria-current='true'] {
        border-color: var(--_accent);
        color: var(--_accent);
        font-weight: 700;
      }
      .list {
        display: grid;
        gap: 0.75rem;
        margin-top: 0.75rem;
      }
      .bulk {
        padding: 0.5rem 0.75rem;
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        margin-top: 0.5rem;
      }
      .notice {
        color: var(--_muted);
      }
    `;
