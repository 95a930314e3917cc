import { decodeHTML } from 'entities';
import { NodeHtmlMarkdown, PostProcessResult, type TranslatorConfig, type TranslatorConfigFactory } from 'node-html-markdown';
import { ESCAPE_RULES, escapeMarkdown } from './markdown-escape.js';

const SAFE_LINK = /^(https?:|mailto:)/i;
const SAFE_IMAGE = /^https?:/i;

// Nothing of these is text a reader wrote; everything else keeps at least its text.
const DROPPED = ['iframe', 'noscript', 'object', 'template', 'svg', 'math', 'canvas', 'audio', 'video', 'form', 'button', 'select', 'textarea', 'title'];

const defaults = new NodeHtmlMarkdown();
const link = defaults.translators.get('a') as TranslatorConfigFactory;

const attribute = (ctx: Parameters<TranslatorConfigFactory>[0], name: string) => (ctx.node.getAttribute(name) ?? '').trim();
const encodeUrl = (url: string) => url.replace(/[()\s*_]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** Links keep only http(s) and mailto targets; any other (javascript:, relative, #anchor) leaves its text. */
const safeLink: TranslatorConfigFactory = (ctx) => (SAFE_LINK.test(attribute(ctx, 'href')) ? link(ctx) : {});

/** Comments show no images (a tracking pixel on someone else's blog): an image becomes a link to it, named by its alt text. */
const imageAsLink: TranslatorConfigFactory = (ctx) => {
  const src = attribute(ctx, 'src');
  const alt = attribute(ctx, 'alt');
  if (SAFE_IMAGE.test(src)) return { content: `[${escapeMarkdown(alt || 'image')}](${encodeUrl(src)})`, recurse: false };
  return imageAsText(ctx);
};

/** Inside a link, where a link cannot go, an image is its alt text. */
const imageAsText: TranslatorConfigFactory = (ctx) => {
  const alt = attribute(ctx, 'alt');
  return alt ? { content: escapeMarkdown(alt), recurse: false } : { ignore: true };
};

/** Comments have no headings: a heading becomes a bold paragraph. */
const heading: TranslatorConfig = {
  surroundingNewlines: 2,
  postprocess: ({ content }) => (content.trim() ? `**${content.trim()}**` : PostProcessResult.RemoveNode),
};

/** Preformatted text without a `<code>` inside is a code block too (the converter only fences `<pre><code>`). */
const preformatted: TranslatorConfigFactory = (ctx) => {
  const children = [...ctx.node.childNodes].filter((child) => child.nodeType !== 3 || (child.textContent ?? '').trim());
  if (children.length === 1 && (children[0] as { tagName?: string }).tagName === 'CODE') return { noEscape: true, preserveWhitespace: true };
  return {
    noEscape: true,
    preserveWhitespace: true,
    surroundingNewlines: 2,
    childTranslators: ctx.visitor.instance.codeBlockTranslators,
    postprocess: ({ content }) => {
      const fence = '`'.repeat(Math.max(3, ...(content.match(/`+/g) ?? []).map((run) => run.length + 1)));
      return `${fence}\n${content.replace(/^\n+|\s+$/g, '')}\n${fence}`;
    },
  };
};

const converter = new NodeHtmlMarkdown(
  { bulletMarker: '-', emDelimiter: '*', maxConsecutiveNewlines: 2, ignore: DROPPED, ...ESCAPE_RULES },
  // A single newline is a line break in Rapport's Markdown (markdown-it with `breaks`), as in the fast path.
  { a: safeLink, img: imageAsLink, pre: preformatted, 'h1,h2,h3,h4,h5,h6': heading, br: { content: '\n', recurse: false } },
);
converter.aTagTranslators.set('img', imageAsText);
converter.tableCellTranslators.set('a', safeLink);
converter.tableCellTranslators.set('img', imageAsLink);

const PARAGRAPH_MARKUP = /<\/?p>|<br\s*\/?>/gi;

/**
 * HTML from an export (Disqus, WordPress, Remark42…) as the Markdown source Rapport stores:
 * paragraphs, line breaks, links, emphasis, code, quotes and lists kept; scripts, styles,
 * frames and form controls dropped with their content; images as links (see imageAsLink).
 * Text with no markup but paragraphs and line breaks (most comments) takes a fast path that
 * renders the same.
 */
export function htmlToMarkdown(html: string): string {
  return paragraphsOnly(html) ?? converter.translate(html);
}

function paragraphsOnly(html: string): string | null {
  if (html.includes('<') && html.replace(PARAGRAPH_MARKUP, '').includes('<')) return null;
  return html
    .split(/<\/?p>/i)
    .map((paragraph) => paragraph.split(/<br\s*\/?>/i).map((line) => escapeMarkdown(decodeHTML(line).replace(/\s+/g, ' ').trim())).join('\n').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n');
}
