/** The demo blog post at /demo: a realistic page that embeds Rapport exactly as a blogger would. */
export function demoPage(publicUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Why I answer every comment — The Slow Blog</title>
<link rel="canonical" href="${publicUrl}/demo">
<link rel="icon" href="data:,">
<style>
  :root { color-scheme: light dark; --ink: #1f2328; --paper: #fdfcf8; --accent: #9a3412; }
  @media (prefers-color-scheme: dark) { :root { --ink: #e6e1d8; --paper: #17181b; --accent: #fdba74; } }
  body { margin: 0; background: var(--paper); color: var(--ink); font: 18px/1.65 Georgia, 'Times New Roman', serif; }
  header, main { max-width: 42rem; margin: 0 auto; padding: 0 1.25rem; }
  header { padding-top: 2.5rem; }
  header a { color: inherit; text-decoration: none; font: 600 0.95rem system-ui, sans-serif; letter-spacing: .08em; text-transform: uppercase; }
  h1 { font-size: 2.3rem; line-height: 1.2; margin: 1.5rem 0 .25rem; }
  .byline { color: color-mix(in srgb, var(--ink) 65%, transparent); font: 0.95rem system-ui, sans-serif; margin: 0 0 2rem; }
  a { color: var(--accent); }
  blockquote { border-left: 3px solid var(--accent); margin: 1.5rem 0; padding: 0 1.25rem; font-style: italic; }
  #comments { margin: 3rem 0 4rem; --rapport-accent: var(--accent); --rapport-font: 16px/1.55 system-ui, sans-serif; }
</style>
</head>
<body>
<header><a href="/demo">The Slow Blog</a></header>
<main>
<article>
  <h1>Why I answer every comment</h1>
  <p class="byline">By Sonia · 6 min read</p>
  <p>For years I treated comments as applause: nice to have, not something to act on. Then I went
  back through three years of posts and counted. Two hundred and twelve readers had asked me a
  question. I had answered forty-one of them.</p>
  <p>The other hundred and seventy-one took the trouble to read to the end, think, and write — and
  heard nothing back. I would not treat a letter that way, or a friend at a dinner table. On the
  blog I did it every week without noticing.</p>
  <blockquote>A comment is the start of a relationship, not the end of a page view.</blockquote>
  <p>So I changed one rule: <strong>nobody waits more than a day</strong>. Questions come first,
  then people commenting for the first time, then everyone else. It takes me about ten minutes
  each morning. The readers who got an answer came back, and many of them now answer each other.</p>
  <p>If you have a question about any of this, ask it below — I will see it highlighted until I
  have answered.</p>
</article>
<section id="comments" aria-label="Comments">
  <script src="/embed.js" data-site="demo" async></script>
</section>
</main>
</body>
</html>
`;
}
