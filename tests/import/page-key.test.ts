import { describe, expect, it } from 'vitest';
import { locatePage, pageKeyFromUrl } from '../../api/services/import/page-key.js';

describe('pageKeyFromUrl', () => {
  it('drops the origin and the fragment, so a blog that moved domains lines up', () => {
    expect(pageKeyFromUrl('https://older.wrong.blog.address.com/2019/a-post.html#comments')).toBe('/2019/a-post.html');
    expect(pageKeyFromUrl('http://example.tld')).toBe('/');
  });

  it('keeps the query string, so ?p=4 and ?p=6 stay two pages', () => {
    expect(pageKeyFromUrl('http://example.tld/?p=4')).toBe('/?p=4');
    expect(pageKeyFromUrl('http://example.tld/?p=6')).not.toBe(pageKeyFromUrl('http://example.tld/?p=4'));
  });

  it('drops the trackers feeds and shares add, and keeps every other parameter as written', () => {
    expect(pageKeyFromUrl('https://b.example/post/?utm_source=feed&p=4&fbclid=x1#c')).toBe('/post/?p=4');
    expect(pageKeyFromUrl('https://b.example/post/?utm_medium=rss')).toBe('/post/');
    expect(pageKeyFromUrl('https://b.example/post/?q=a%20b')).toBe('/post/?q=a%20b');
  });

  it('writes the path as browsers do (percent-encoded), trimmed', () => {
    expect(pageKeyFromUrl('  https://radio-t.com/p/радио t/  ')).toBe('/p/%D1%80%D0%B0%D0%B4%D0%B8%D0%BE%20t/');
  });

  it('resolves relative links against the base URL', () => {
    expect(pageKeyFromUrl('/2020/post/')).toBe('/2020/post/');
    expect(pageKeyFromUrl('post/?x=1', 'https://blog.example.com/2020/')).toBe('/2020/post/?x=1');
  });

  it('gives no key for what is not a web address, nor for a key longer than page keys may be', () => {
    expect(pageKeyFromUrl('javascript:alert(1)')).toBeNull();
    expect(pageKeyFromUrl('mailto:a@b.c')).toBeNull();
    expect(pageKeyFromUrl('')).toBeNull();
    expect(pageKeyFromUrl(`https://x.example/${'a'.repeat(600)}`)).toBeNull();
  });
});

describe('locatePage', () => {
  it('prefers the link, falls back to an id that is a path or a URL, and makes the URL absolute only when it can', () => {
    expect(locatePage('https://b.example/x/', '/y/')).toEqual({ key: '/x/', url: 'https://b.example/x/' });
    expect(locatePage(null, '/posts/0001/')).toEqual({ key: '/posts/0001/', url: null });
    expect(locatePage(null, '/posts/0001/', 'https://old.example')).toEqual({ key: '/posts/0001/', url: 'https://old.example/posts/0001/' });
    expect(locatePage(null, 'node/2 With Spaces.')).toBeNull();
  });
});
