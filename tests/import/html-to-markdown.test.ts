import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../api/services/comments/markdown.js';
import { htmlToMarkdown } from '../../api/services/import/html-to-markdown.js';
import { wordpressTextToMarkdown } from '../../api/services/import/wordpress-text.js';

describe('htmlToMarkdown', () => {
  it('keeps links, emphasis, code, preformatted text, quotes and lists', () => {
    const html = '<p>A <a href="https://x.example/a_(b)">link</a>, <strong>bold</strong>, <em>it</em>, <code>x*y</code>.</p>'
      + '<pre>line 1\n  line 2</pre><blockquote><p>quoted</p></blockquote><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>';
    expect(htmlToMarkdown(html)).toBe('A [link](https://x.example/a%5F%28b%29), **bold**, *it*, `x*y`.\n\n```\nline 1\n  line 2\n```\n\n> quoted\n\n- one\n- two\n1. first');
  });

  it('drops scripts, styles, frames and form controls with their content, and links that are not http(s) or mailto', () => {
    const html = '<p>a<script>alert(1)</script><style>p{}</style></p><iframe src="https://evil.example">x</iframe><form><button>b</button></form>'
      + '<a href="javascript:alert(1)">click</a> <a href="#c5">@reply</a> <a href="mailto:a@b.example">mail</a>';
    expect(htmlToMarkdown(html)).toBe('a\n\nclick @reply [mail](mailto:a@b.example)');
  });

  it('makes images links named by their alt text (comments show no images), and alt text inside a link', () => {
    expect(htmlToMarkdown('<img src="https://i.example/a b.png" alt="A *cat*"> <img src="javascript:x" alt="bad"> <a href="https://l.example/"><img src="https://i.example/c.png" alt="in a link"></a>'))
      .toBe('[A \\*cat\\*](https://i.example/a%20b.png) bad [in a link](https://l.example/)');
  });

  it('makes headings bold paragraphs, as comments have no headings', () => {
    expect(htmlToMarkdown('<h2>Title</h2><p>text</p>')).toBe('**Title**\n\ntext');
  });

  it('escapes what would otherwise be Markdown, in the fast path and the full converter alike', () => {
    for (const text of ['1. not a list', '- not a bullet', '\\o/ ¯\\_(ツ)_/¯ *a* _b_ [c] `d` ~e~', 'Tom &amp;amp; Jerry', '# not a heading', '> not a quote']) {
      const fast = htmlToMarkdown(`<p>${text}</p>`);
      const full = htmlToMarkdown(`<div><p>${text}</p></div>`);
      expect(renderMarkdown(fast)).toBe(renderMarkdown(full));
      expect(renderMarkdown(fast)).toBe(`<p>${text.replace(/&amp;/g, '&').replace(/&/g, '&amp;').replace(/>/g, '&gt;')}</p>`);
    }
  });

  it('renders paragraphs and line breaks the same in the fast path as in the full converter', () => {
    for (const html of ['<p>one</p><p>two<br>three</p>', '<p>a <br/> b</p>\n<p>  spaced\n  out  </p>', 'no markup at all', '<p>x</p><p></p><p>y<br><br>z</p>']) {
      expect(renderMarkdown(htmlToMarkdown(html))).toBe(renderMarkdown(htmlToMarkdown(`<div>${html}</div>`)));
    }
  });
});

describe('wordpressTextToMarkdown', () => {
  it('makes a blank line a paragraph and a single newline a line break, with or without HTML in the text', () => {
    expect(wordpressTextToMarkdown('one\ntwo\n\nthree')).toBe('one\ntwo\n\nthree');
    expect(renderMarkdown(wordpressTextToMarkdown('one & <em>two</em>\nthree\n\nfour'))).toBe('<p>one &amp; <em>two</em><br />\nthree</p>\n<p>four</p>');
  });

  it('leaves block HTML and preformatted text alone', () => {
    expect(wordpressTextToMarkdown('Before\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\nafter\n<pre>x\n  y</pre>')).toBe('Before\n\n- a\n- b\n\nafter\n\n```\nx\n  y\n```');
  });
});
