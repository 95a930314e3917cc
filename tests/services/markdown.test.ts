import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../api/services/comments/markdown.js';
import { cleanName } from '../../api/services/core/text.js';

describe('renderMarkdown', () => {
  describe('for ordinary comment Markdown', () => {
    it('renders emphasis, code, quotes, lists and autolinks', () => {
      expect(renderMarkdown('*a* **b** `c`\n\n> q\n\n- one\n- two\n\nsee https://ex.example')).toBe(
        '<p><em>a</em> <strong>b</strong> <code>c</code></p>\n<blockquote>\n<p>q</p>\n</blockquote>\n' +
          '<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>see <a href="https://ex.example" rel="nofollow ugc noopener">https://ex.example</a></p>',
      );
    });

    it('gives every link rel="nofollow ugc noopener" and allows mailto', () => {
      expect(renderMarkdown('[me](mailto:me@example.com)')).toBe(
        '<p><a href="mailto:me@example.com" rel="nofollow ugc noopener">me</a></p>',
      );
    });
  });

  describe('for hostile input', () => {
    it.each([
      ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
      ['[x](javascript:alert(1))', '<p>[x](javascript:alert(1))</p>'],
      ['[x](JaVaScRiPt:alert(1))', '<p>[x](JaVaScRiPt:alert(1))</p>'],
      ['[x](data:text/html;base64,PHNjcmlwdD4=)', '<p>[x](data:text/html;base64,PHNjcmlwdD4=)</p>'],
      ['![img](https://tracker.example/p.gif)', '<p>!<a href="https://tracker.example/p.gif" rel="nofollow ugc noopener">img</a></p>'],
      ['# Big heading', '<p># Big heading</p>'],
    ])('keeps %j inert', (source, html) => {
      expect(renderMarkdown(source)).toBe(html);
    });
  });

  describe('for raw HTML with attributes', () => {
    it('leaves no element but links it made itself, and no event handler attribute', () => {
      const html = renderMarkdown('<a href="https://x.example" onclick="alert(1)" style="x">x</a><img src=x onerror=alert(1)>');
      const tags = [...html.matchAll(/<([a-z]+)([^>]*)>/g)];
      expect(tags.map((t) => t[1])).toEqual(['p', 'a']);
      expect(tags.every((t) => !/\son\w+=|\sstyle=/.test(t[2]!))).toBe(true);
    });
  });
});

describe('cleanName', () => {
  it('normalizes to NFC and removes control characters and direction overrides', () => {
    expect(cleanName('  Cafe\u0301\r\nBcc:\u202Emoc.live\u0000  ')).toBe('Café Bcc:moc.live');
  });
});
