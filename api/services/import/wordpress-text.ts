import { htmlToMarkdown } from './html-to-markdown.js';
import { escapeMarkdown } from './markdown-escape.js';

const BLOCK = 'address|article|aside|blockquote|dd|div|dl|dt|figure|footer|h[1-6]|header|hr|li|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul';
const STARTS_WITH_BLOCK = new RegExp(`^</?(?:${BLOCK})[\\s/>]`, 'i');
const OPENS_BLOCK = new RegExp(`(<(?:${BLOCK})[\\s/>])`, 'gi');
const CLOSES_BLOCK = new RegExp(`(</(?:${BLOCK})>)`, 'gi');
// A newline next to a block tag is layout, not a line break (as in WordPress's wpautop).
const LINE_BREAK = new RegExp(`(?<!</?(?:${BLOCK})(?:\\s[^>]*)?>\\s*)\\n(?!\\s*</?(?:${BLOCK})[\\s/>])`, 'gi');
const PRE = /(<pre[\s>][\s\S]*?<\/pre>)/i;

/**
 * A WordPress comment's text (what the commenter typed: a blank line between paragraphs, a single
 * newline as a line break, some inline HTML) as Markdown, the way WordPress displayed it.
 */
export function wordpressTextToMarkdown(text: string): string {
  const unified = text.replace(/\r\n?/g, '\n');
  if (!unified.includes('<') && !unified.includes('&')) {
    const lines = unified.split('\n').map((line) => escapeMarkdown(line.trim()));
    return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  }
  return htmlToMarkdown(autop(unified));
}

/** WordPress's wpautop in short: paragraphs and line breaks as HTML, `<pre>` left alone. */
function autop(text: string): string {
  return text
    .split(PRE)
    .map((part, i) => (i % 2 === 1 ? part : paragraphs(part)))
    .join('');
}

function paragraphs(text: string): string {
  return text
    .replace(OPENS_BLOCK, '\n\n$1')
    .replace(CLOSES_BLOCK, '$1\n\n')
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => {
      const withBreaks = paragraph.replace(LINE_BREAK, '<br>\n');
      return STARTS_WITH_BLOCK.test(withBreaks) ? withBreaks : `<p>${withBreaks}</p>`;
    })
    .join('\n');
}
