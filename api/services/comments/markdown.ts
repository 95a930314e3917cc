import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const SAFE_LINK = /^(https?:|mailto:)/i;
const LINK_REL = 'nofollow ugc noopener';

/**
 * Comment Markdown: no raw HTML, no images (a reader's image is a tracking pixel on someone
 * else's blog), no headings or tables (a comment is not a document).
 */
const markdown = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false })
  .disable(['image', 'heading', 'lheading', 'table']);

markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());

/**
 * The second line of defence: whatever markdown-it emits is cut to this allow-list, so a bug or
 * a future plugin there can never put a script, a style or an event handler on the blog.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { href: attribs.href ?? '', rel: LINK_REL } }),
  },
};

/** The only way comment text becomes HTML: Markdown source in, sanitized HTML out. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE).trim();
}

/** How many links a body will render to, for the per-comment link cap. */
export function countLinks(source: string): number {
  return (renderMarkdown(source).match(/<a\s/g) ?? []).length;
}
