import crypto from 'node:crypto';
import { escapeHtml } from '../services/mail/mail-layout.js';

/**
 * The small pages mail links open (confirm, unsubscribe): plain HTML forms with no script, so a
 * link a mail scanner follows only shows the page; the change happens on the button's POST.
 */
const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;color:#1d1d24;background:#fafafc;margin:0;padding:48px 16px}' +
  'main{max-width:480px;margin:auto;background:#fff;border:1px solid #e2e2ea;border-radius:12px;padding:24px 28px}' +
  'h1{font-size:20px;margin:0 0 12px}button{font:inherit;padding:8px 16px;margin:8px 8px 0 0;border-radius:8px;' +
  'border:1px solid #3b49df;background:#3b49df;color:#fff;cursor:pointer}button.secondary{background:#fff;color:#3b49df}' +
  'button:focus-visible{outline:3px solid #9aa3f5;outline-offset:2px}';

/** The Content-Security-Policy source that allows the pages' one inline style and nothing else. */
export const MAIL_PAGE_STYLE_SOURCE = `'sha256-${crypto.createHash('sha256').update(STYLE).digest('base64')}'`;

export interface PageButton {
  label: string;
  /** Fields sent with the POST. */
  fields: Record<string, string>;
  secondary?: boolean;
}

export function mailPage(options: { lang: string; title: string; message?: string; action?: string; buttons?: PageButton[] }): string {
  const buttons = (options.buttons ?? [])
    .map((button) => {
      const hidden = Object.entries(button.fields)
        .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
        .join('');
      return `<form method="post" action="${escapeHtml(options.action ?? '')}">${hidden}<button${button.secondary ? ' class="secondary"' : ''}>${escapeHtml(button.label)}</button></form>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(options.title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(options.title)}</h1>${options.message ? `<p role="status">${escapeHtml(options.message)}</p>` : ''}
${buttons}</main></body></html>
`;
}
