// Writes a Disqus export and a WordPress WXR of the same blog: by default 100,000 comments on
// 2,000 posts, replies up to 4 deep, realistic HTML bodies. The same arguments give the same
// bytes (seeded random numbers), so measurements can be repeated.
//   node bench/generate-exports.mjs [--out DIR] [--comments N] [--threads N] [--gzip]
// prints {"disqus": PATH, "wordpress": PATH, "comments": N, "threads": N} on stdout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(os.tmpdir(), 'rapport-exports') },
    comments: { type: 'string', default: '100000' },
    threads: { type: 'string', default: '2000' },
    gzip: { type: 'boolean', default: false },
  },
});
const COMMENTS = Number(values.comments);
const THREADS = Number(values.threads);
const MAX_DEPTH = 4;
const START = Date.UTC(2012, 0, 1);

/** mulberry32: small, fast and good enough to vary test data deterministically. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('the a blog post comment reply answer question thanks great idea really think agree disagree point ' +
  'marketing customers readers relationship trust story years writing email list subscribe podcast ' +
  'example because however maybe always never sometimes little more less first last next week ' +
  'café naïve Zürich 東京 Москва ελληνικά').split(' ');
const FIRST = ['Anna', 'Ben', 'Chloé', 'Dmitri', 'Eva', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena'];
const LAST = ['Smith', 'Müller', "O'Brien", 'García', 'Nakamura', 'Kowalski', 'Dubois', 'Rossi', 'Ivanova', 'Okafor'];

/** One blog's threads and comments, the same for both formats. */
function makeBlog() {
  const next = random(20260101);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const sentence = () => {
    const words = Array.from({ length: 6 + Math.floor(next() * 14) }, () => pick(WORDS));
    const text = words.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}${next() < 0.25 ? '?' : '.'}`;
  };
  const paragraph = () => Array.from({ length: 1 + Math.floor(next() * 4) }, sentence).join(' ');
  const threads = Array.from({ length: THREADS }, (_, t) => ({
    id: 1000 + t,
    slug: `/${2012 + Math.floor(t / 400)}/${String((t % 12) + 1).padStart(2, '0')}/post-${t}/`,
    title: `Post ${t}: ${sentence()}`,
    comments: [],
  }));
  const comments = [];
  for (let c = 0; c < COMMENTS; c += 1) {
    const thread = threads[c % THREADS];
    const siblings = thread.comments;
    const parent = siblings.length > 0 && next() < 0.45 ? pick(siblings) : null;
    const depth = parent && parent.depth < MAX_DEPTH ? parent.depth + 1 : 0;
    const byAuthor = next() < 0.12;
    const first = pick(FIRST);
    const last = pick(LAST);
    const comment = {
      id: 500000 + c,
      thread,
      parent: depth > 0 ? parent : null,
      depth,
      byAuthor,
      name: byAuthor ? 'Sonia Blogger' : `${first} ${last}`,
      email: byAuthor ? 'sonia@example.com' : `${first}.${c}@example.net`.toLowerCase(),
      username: byAuthor ? 'sonia' : next() < 0.5 ? `${first.toLowerCase()}${c}` : null,
      website: next() < 0.3 ? `https://${first.toLowerCase()}.example.org/` : '',
      time: new Date(START + c * 60_000 * 7 + Math.floor(next() * 60_000)),
      paragraphs: Array.from({ length: 1 + Math.floor(next() * 3) }, paragraph),
      flavour: next(),
      status: next(),
    };
    siblings.push(comment);
    comments.push(comment);
  }
  return { threads, comments };
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (text) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** Disqus stores rendered HTML: paragraphs, links, emphasis, now and then code or a quote. */
function disqusHtml(comment) {
  const parts = comment.paragraphs.map((text, i) => {
    if (i === 0 && comment.flavour < 0.15) return `<p><a href="https://example.org/read/${comment.id}" rel="nofollow noopener" title="link">${text}</a></p>`;
    if (i === 1 && comment.flavour < 0.35) return `<blockquote>${text}</blockquote>`;
    if (comment.flavour > 0.9) return `<p>Try <code>npm run ${comment.id}</code> &amp; <b>${text}</b></p>`;
    return `<p>${comment.flavour > 0.6 ? text.replace(/ (\w+) /, ' <i>$1</i> ') : text}</p>`;
  });
  return parts.join('');
}

/** WordPress keeps what the commenter typed: blank lines between paragraphs, a few inline tags. */
function wordpressText(comment) {
  return comment.paragraphs.map((text, i) => {
    if (i === 0 && comment.flavour < 0.15) return `<a href="https://example.org/read/${comment.id}">${text}</a>`;
    if (comment.flavour > 0.85) return `${text.replace(/ (\w+) /, ' <em>$1</em> ')}\nSecond line & more.`;
    return text;
  }).join('\n\n');
}

function* disqusLines({ threads, comments }) {
  yield '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n';
  yield '<category dsq:id="1"><forum>bench</forum><title>General</title><isDefault>true</isDefault></category>\n';
  for (const t of threads) {
    yield `<thread dsq:id="${t.id}"><id>${t.slug}</id><forum>bench</forum><category dsq:id="1"/><link>https://blog.example.com${t.slug}</link>` +
      `<title>${escapeXml(t.title)}</title><message/><createdAt>2012-01-01T00:00:00Z</createdAt>` +
      '<author><email>sonia@example.com</email><name>Sonia Blogger</name><isAnonymous>false</isAnonymous><username>sonia</username></author>' +
      '<ipAddress>127.0.0.1</ipAddress><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>\n';
  }
  for (const c of comments) {
    const username = c.username ? `<username>${c.username}</username>` : '';
    yield `<post dsq:id="${c.id}"><id/><message>${cdata(disqusHtml(c))}</message><createdAt>${c.time.toISOString().replace(/\.\d+Z$/, 'Z')}</createdAt>` +
      `<isDeleted>${c.status > 0.99}</isDeleted><isSpam>${c.status < 0.02}</isSpam>` +
      `<author><email>${c.email}</email><name>${escapeXml(c.name)}</name><isAnonymous>${!c.username}</isAnonymous>${username}</author>` +
      `<ipAddress>10.0.0.1</ipAddress><thread dsq:id="${c.thread.id}"/>${c.parent ? `<parent dsq:id="${c.parent.id}"/>` : ''}</post>\n`;
  }
  yield '</disqus>\n';
}

const wpDate = (date) => date.toISOString().slice(0, 19).replace('T', ' ');

function* wordpressLines({ threads }) {
  yield '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" ' +
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n' +
    '<title>Bench blog</title><link>https://blog.example.com</link><wp:wxr_version>1.2</wp:wxr_version>\n' +
    `<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('sonia')}</wp:author_login><wp:author_email>${cdata('sonia@example.com')}</wp:author_email><wp:author_display_name>${cdata('Sonia Blogger')}</wp:author_display_name></wp:author>\n`;
  for (const t of threads) {
    yield `<item><title>${escapeXml(t.title)}</title><link>https://blog.example.com${t.slug}</link><dc:creator>${cdata('sonia')}</dc:creator>` +
      `<content:encoded>${cdata('<p>The post itself.</p>')}</content:encoded><wp:post_id>${t.id}</wp:post_id><wp:status>${cdata('publish')}</wp:status><wp:post_type>${cdata('post')}</wp:post_type>\n`;
    for (const c of t.comments) {
      const local = new Date(c.time.getTime() + 2 * 3600_000);
      const approved = c.status < 0.02 ? 'spam' : c.status > 0.99 ? 'trash' : c.status > 0.96 ? '0' : '1';
      const type = c.flavour > 0.995 ? 'pingback' : c.flavour > 0.99 ? 'trackback' : '';
      yield `<wp:comment><wp:comment_id>${c.id}</wp:comment_id><wp:comment_author>${cdata(c.name)}</wp:comment_author>` +
        `<wp:comment_author_email>${cdata(c.email)}</wp:comment_author_email><wp:comment_author_url>${c.website}</wp:comment_author_url>` +
        `<wp:comment_author_IP>${cdata('10.0.0.1')}</wp:comment_author_IP><wp:comment_date>${cdata(wpDate(local))}</wp:comment_date>` +
        `<wp:comment_date_gmt>${cdata(wpDate(c.time))}</wp:comment_date_gmt><wp:comment_content>${cdata(wordpressText(c))}</wp:comment_content>` +
        `<wp:comment_approved>${cdata(approved)}</wp:comment_approved><wp:comment_type>${cdata(type)}</wp:comment_type>` +
        `<wp:comment_parent>${c.parent ? c.parent.id : 0}</wp:comment_parent><wp:comment_user_id>${c.byAuthor ? 1 : 0}</wp:comment_user_id></wp:comment>\n`;
    }
    yield '</item>\n';
  }
  yield '</channel>\n</rss>\n';
}

async function write(file, lines) {
  const target = values.gzip ? `${file}.gz` : file;
  const sink = fs.createWriteStream(target);
  await pipeline(async function* batched() {
    let batch = '';
    for (const line of lines) {
      batch += line;
      if (batch.length > 1 << 16) { yield batch; batch = ''; }
    }
    yield batch;
  }, ...(values.gzip ? [zlib.createGzip()] : []), sink);
  return target;
}

fs.mkdirSync(values.out, { recursive: true });
const blog = makeBlog();
const disqus = await write(path.join(values.out, 'disqus.xml'), disqusLines(blog));
const wordpress = await write(path.join(values.out, 'wordpress.xml'), wordpressLines(blog));
console.log(JSON.stringify({ disqus, wordpress, comments: COMMENTS, threads: THREADS }));
