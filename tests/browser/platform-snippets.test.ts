import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, readerComment } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';
import { clockToNow, collectErrors, listen, shadowText, useBrowser } from '../support/browser.js';
import { readmeSnippets, serveFolder } from '../support/static-site.js';

const ctx = useTestContext();
const chromium = useBrowser();
const snippets = readmeSnippets();
const README_SERVER = 'https://comments.example.com';
const README_SITE = 'my-blog';
const PATH = '/posts/first/';

/**
 * What each platform's template expressions become on the page it builds for PATH: the page's
 * own path (relative permalinks everywhere), Astro's directives gone.
 */
const RENDERED: Record<string, [string | RegExp, string][]> = {
  'Plain HTML': [['/2024/hello/', PATH]],
  'Eleventy (Nunjucks)': [['{{ page.url }}', PATH], ['{{ post.url }}', PATH]],
  Hugo: [['{{ .RelPermalink }}', PATH]],
  Jekyll: [['{{ page.url }}', PATH], ['{{ post.url }}', PATH]],
  Hexo: [['<%= url_for(page.path) %>', PATH], ['<%= url_for(post.path) %>', PATH]],
  Ghost: [['{{url}}', PATH]],
  WordPress: [[/<\?php echo esc_attr\( wp_make_link_relative\( get_permalink\(\) \) \); \?>/g, PATH], [/\n\s+/g, ' ']],
  Astro: [['is:inline ', ''], ['data-page={Astro.url.pathname}', `data-page="${PATH}"`], ['page={`/posts/${post.id}/`}', `page="${PATH}"`]],
};

function render(platform: string, text: string): string {
  return RENDERED[platform]!.reduce((out, [from, to]) => out.replaceAll(from, to), text);
}

describe('README platform snippets', () => {
  it.each(Object.keys(RENDERED))('%s: the post snippet and the index count render to the same page key', (platform) => {
    const text = render(platform, snippets.get(platform)?.text ?? '');
    expect(text.match(/<script[^>]*data-site=[^>]*><\/script>/)?.[0]).toBe(
      `<script src="${README_SERVER}/embed.js" data-site="${README_SITE}" data-page="${PATH}" async></script>`,
    );
    expect(text.match(/<rapport-count[^>]*><\/rapport-count>/)?.[0]).toBe(`<rapport-count site="${README_SITE}" page="${PATH}"></rapport-count>`);
  });

  it('covers every platform the README promises, and no other', () => {
    expect([...snippets.keys()].sort()).toEqual(Object.keys(RENDERED).sort());
  });
});

describe('a two-post blog built with Eleventy, the README snippets in its templates', () => {
  let api: Awaited<ReturnType<typeof listen>>;
  let blog: Awaited<ReturnType<typeof serveFolder>>;
  let site: Awaited<ReturnType<typeof makeSite>>;

  beforeAll(async () => {
    clockToNow(ctx.clock);
    api = await listen(ctx.app);
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-eleventy-'));
    const output = path.join(project, '_site');
    blog = await serveFolder(output);
    site = await makeSite(ctx, { origins: [blog.url] });
    await readerComment(ctx, site, { pageKey: PATH, name: 'Lena', body: 'The first comment.' });
    await buildBlog(project, output, (snippet) => snippet.replaceAll(README_SERVER, api.url).replaceAll(README_SITE, site.siteId));
  });
  afterAll(async () => {
    await blog.close();
    await api.close();
  });

  it('shows the thread on a post from another origin, and a comment posts', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${blog.url}${PATH}`);
    const thread = page.locator('rapport-thread');
    await thread.locator('article').filter({ hasText: 'The first comment.' }).waitFor();
    expect(await page.locator('h1').textContent()).toBe('First post');

    await thread.locator('input[name=name]').fill('Mara');
    await thread.locator('.new-comment textarea').fill('Posted from an Eleventy page.');
    await thread.locator('.new-comment button[type=submit]').click();
    await thread.locator('article').filter({ hasText: 'Posted from an Eleventy page.' }).waitFor();
    const stored = await ctx.models.Comment.findOne({ siteId: site.siteId, name: 'Mara' }).lean();
    expect(stored).toMatchObject({ body: 'Posted from an Eleventy page.', status: 'published' });
    const storedPage = await ctx.models.Page.findById(stored!.pageId).lean();
    expect(storedPage).toMatchObject({ key: PATH, url: `${blog.url}${PATH}`, commentCount: 2 });
    expect(errors).toEqual([]);
  });

  it('counts each post’s comments on the index', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${blog.url}/`);
    const counts = page.locator('rapport-count');
    await expect.poll(() => Promise.all([0, 1].map((i) => shadowText(counts.nth(i))))).toEqual(['2 comments · 2 waiting for a reply', '0 comments']);
    expect(await counts.evaluateAll((all) => all.map((el) => el.getAttribute('page')))).toEqual([PATH, '/posts/second/']);
    expect(errors).toEqual([]);
  });
});

/** A blog as Eleventy users write one: a post layout, two Markdown posts, an index over them. */
async function buildBlog(project: string, output: string, adapt: (snippet: string) => string): Promise<void> {
  const [postSnippet, indexSnippet] = snippets.get('Eleventy (Nunjucks)')!.blocks.map(adapt);
  const files: Record<string, string> = {
    '_includes/post.njk': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title><link rel="icon" href="data:,"></head>
<body><main><h1>{{ title }}</h1>{{ content | safe }}
${postSnippet}</main></body></html>`,
    'posts/first.md': '---\ntitle: First post\nlayout: post.njk\ntags: posts\ndate: 2026-01-01\n---\nHello *first*.\n',
    'posts/second.md': '---\ntitle: Second post\nlayout: post.njk\ntags: posts\ndate: 2026-01-02\n---\nHello second.\n',
    'index.njk': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog</title><link rel="icon" href="data:,"></head>
<body><main><h1>Blog</h1>
${indexSnippet}</main></body></html>`,
  };
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
    fs.writeFileSync(path.join(project, name), content);
  }
  const { default: Eleventy } = await import('@11ty/eleventy');
  await new Eleventy(project, output, { quietMode: true, config: () => {} }).write();
}
