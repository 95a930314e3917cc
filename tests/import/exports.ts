/** Small Disqus and WordPress exports written by the test that reads them, so each test shows its own input. */

export interface DisqusThread {
  id: string;
  link: string;
  title?: string;
  closed?: boolean;
}

export interface DisqusPost {
  id: string;
  thread: string;
  parent?: string;
  name?: string;
  email?: string;
  username?: string;
  createdAt: string;
  message?: string;
  spam?: boolean;
  deleted?: boolean;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Disqus export in the order given (Disqus itself lists threads first, then posts, but files are edited by hand). */
export function disqusExport(items: Array<DisqusThread | DisqusPost>): string {
  const body = items.map((item) => ('link' in item ? disqusThread(item) : disqusPost(item))).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
<category dsq:id="1"><forum>blog</forum><title>General</title></category>
${body}
</disqus>`;
}

function disqusThread(thread: DisqusThread): string {
  return `<thread dsq:id="${thread.id}"><id>${thread.id}</id><link>${escape(thread.link)}</link><title>${escape(thread.title ?? `Post ${thread.id}`)}</title>
<isClosed>${thread.closed ?? false}</isClosed><isDeleted>false</isDeleted></thread>`;
}

function disqusPost(post: DisqusPost): string {
  const author = [
    `<name>${escape(post.name ?? 'Reader')}</name>`,
    post.email ? `<email>${escape(post.email)}</email>` : '',
    post.username ? `<username>${escape(post.username)}</username>` : '',
    `<isAnonymous>${!post.username}</isAnonymous>`,
  ].join('');
  return `<post dsq:id="${post.id}"><message><![CDATA[${post.message ?? `<p>Comment ${post.id}</p>`}]]></message>
<createdAt>${post.createdAt}</createdAt><isDeleted>${post.deleted ?? false}</isDeleted><isSpam>${post.spam ?? false}</isSpam>
<author>${author}</author><thread dsq:id="${post.thread}"/>${post.parent ? `<parent dsq:id="${post.parent}"/>` : ''}</post>`;
}

export interface WordPressComment {
  id: string;
  parent?: string;
  author?: string;
  email?: string;
  userId?: string;
  dateGmt: string;
  content?: string;
  approved?: '1' | '0' | 'spam' | 'trash';
  type?: '' | 'comment' | 'pingback' | 'trackback';
}

/** A WXR 1.2 export of one post, with the old blog's users. */
export function wordpressExport(
  post: { id: string; link: string; title: string; comments: WordPressComment[] },
  users: Array<{ id: string; login: string; email: string; name: string }> = [],
): string {
  const authors = users
    .map((user) => `<wp:author><wp:author_id>${user.id}</wp:author_id><wp:author_login><![CDATA[${user.login}]]></wp:author_login><wp:author_email><![CDATA[${user.email}]]></wp:author_email><wp:author_display_name><![CDATA[${user.name}]]></wp:author_display_name></wp:author>`)
    .join('\n');
  const comments = post.comments
    .map((comment) => `<wp:comment><wp:comment_id>${comment.id}</wp:comment_id><wp:comment_author><![CDATA[${comment.author ?? 'Reader'}]]></wp:comment_author>
<wp:comment_author_email><![CDATA[${comment.email ?? ''}]]></wp:comment_author_email><wp:comment_date_gmt><![CDATA[${comment.dateGmt}]]></wp:comment_date_gmt>
<wp:comment_content><![CDATA[${comment.content ?? `Comment ${comment.id}`}]]></wp:comment_content><wp:comment_approved><![CDATA[${comment.approved ?? '1'}]]></wp:comment_approved>
<wp:comment_type><![CDATA[${comment.type ?? 'comment'}]]></wp:comment_type><wp:comment_parent>${comment.parent ?? '0'}</wp:comment_parent><wp:comment_user_id>${comment.userId ?? '0'}</wp:comment_user_id></wp:comment>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Test blog</title>
${authors}
<item><title>${escape(post.title)}</title><link>${escape(post.link)}</link><wp:post_id>${post.id}</wp:post_id><wp:status><![CDATA[publish]]></wp:status>
${comments}
</item></channel></rss>`;
}
