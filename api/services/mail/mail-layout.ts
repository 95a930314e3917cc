/**
 * Turning a mail's content into its plain-text and HTML parts. Everything a person typed is
 * escaped here and shown as text, never as markup: a reader's comment is quoted from its Markdown
 * source, so even the links a reader wrote are not links in the mail. The only links are the ones
 * the mail itself adds, and `link` refuses any outside the allowed origins.
 */

/** One piece of a mail, in reading order. */
export type MailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; label?: string; text: string }
  | { kind: 'link'; label: string; href: string }
  | { kind: 'item'; title: string; detail: string; href: string }
  | { kind: 'footer'; text: string; link?: { label: string; href: string } };

export interface MailBody {
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

// Line breaks and every other control or direction-changing character: none belongs in a header.
const UNSAFE_IN_HEADERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** Text that goes into a header (a subject, a display name): one line, bounded in length. */
export function headerSafe(value: string, maxLength = 80): string {
  const line = value.replace(UNSAFE_IN_HEADERS, ' ').replace(/\s+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1).trimEnd()}…` : line;
}

/** An absolute http(s) link on one of `origins`, or nothing: mail links go only where we know. */
export function allowedLink(href: string, origins: readonly string[]): string | undefined {
  try {
    const url = new URL(href);
    return (url.protocol === 'https:' || url.protocol === 'http:') && origins.includes(url.origin) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function renderMail(blocks: MailBlock[]): MailBody {
  return { text: `${blocks.map(asText).join('\n\n')}\n`, html: asHtmlDocument(blocks.map(asHtml).join('\n')) };
}

function asText(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'quote':
      return [...(block.label ? [`${block.label}:`] : []), ...block.text.split('\n').map((line) => `> ${line}`)].join('\n');
    case 'link':
      return `${block.label}:\n${block.href}`;
    case 'item':
      return `* ${block.title}\n  ${block.detail}\n  ${block.href}`;
    case 'footer':
      return ['--', block.text, ...(block.link ? [`${block.link.label}: ${block.link.href}`] : [])].join('\n');
  }
}

function asHtml(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'quote':
      return [
        block.label ? `<p style="margin-bottom:4px;color:#555">${escapeHtml(block.label)}</p>` : '',
        `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #c9c9d1;white-space:pre-wrap">${escapeHtml(block.text)}</blockquote>`,
      ].join('');
    case 'link':
      return `<p><a href="${escapeHtml(block.href)}" style="color:#3b49df;font-weight:600">${escapeHtml(block.label)}</a></p>`;
    case 'item':
      return `<p style="margin:0 0 12px"><a href="${escapeHtml(block.href)}" style="color:#3b49df">${escapeHtml(block.title)}</a><br><span style="color:#555">${escapeHtml(block.detail)}</span></p>`;
    case 'footer': {
      const link = block.link ? ` <a href="${escapeHtml(block.link.href)}" style="color:#666">${escapeHtml(block.link.label)}</a>` : '';
      return `<p style="margin-top:24px;font-size:13px;color:#666">${escapeHtml(block.text)}${link}</p>`;
    }
  }
}

function asHtmlDocument(content: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1d1d24;max-width:600px">\n${content}\n</body></html>\n`;
}
