/** Small Disqus and WordPress exports written by the test that reads them, so each test shows its own input. */

export interface DisqusThread {
  id: string;
  link: string;
  title?: string;
  closed?: boolean;
  /** Who made the thread: Disqus names its author like a post's. */
  author?: { name?: string; email?: string; username?: string };
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
  const author = thread.author ? `<author>${disqusAuthor({ name: 'Reader', ...thread.author })}</author>` : '';
  return `<thread dsq:id="${thread.id}"><id>${thread.id}</id><link>${escape(thread.link)}</link><title>${escape(thread.title ?? `Post ${thread.id}`)}</title>
<isClosed>${thread.closed ?? false}</isClosed><isDeleted>false</isDeleted>${author}</thread>`;
}

function disqusAuthor(author: { name: string; email?: string; username?: string }): string {
  return [
    `<name>${escape(author.name)}</name>`,
    author.email ? `<email>${escape(author.email)}</email>` : '',
    author.username ? `<username>${escape(author.username)}</username>` : '',
    `<isAnonymous>${!author.username}</isAnonymous>`,
  ].join('');
}

function disqusPost(post: DisqusPost): string {
  const author = disqusAuthor({ name: post.name ?? 'Reader', email: post.email, username: post.username });
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

export interface WordPressPost {
  id: string;
  link: string;
  title: string;
  /** `dc:creator`: the login of the user who wrote it. */
  creator?: string;
  comments: WordPressComment[];
}

export interface WordPressUser {
  id: string;
  login: string;
  email: string;
  name: string;
}

/** A WXR 1.2 export of one post, with the old blog's users. */
export function wordpressExport(post: WordPressPost, users: WordPressUser[] = []): string {
  return wordpressBlogExport([post], users);
}

/** A WXR 1.2 export of posts, with the old blog's users first as WordPress writes them, or after the posts as a hand-edited file may. */
export function wordpressBlogExport(posts: WordPressPost[], users: WordPressUser[], usersAfterPosts = false): string {
  const authors = users
    .map((user) => `<wp:author><wp:author_id>${user.id}</wp:author_id><wp:author_login><![CDATA[${user.login}]]></wp:author_login><wp:author_email><![CDATA[${user.email}]]></wp:author_email><wp:author_display_name><![CDATA[${user.name}]]></wp:author_display_name></wp:author>`)
    .join('\n');
  const items = posts.map(wordpressItem).join('\n');
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Test blog</title>
${usersAfterPosts ? `${items}\n${authors}` : `${authors}\n${items}`}
</channel></rss>`;
}

function wordpressItem(post: WordPressPost): string {
  const creator = post.creator === undefined ? '' : `<dc:creator><![CDATA[${post.creator}]]></dc:creator>`;
  const comments = post.comments
    .map((comment) => `<wp:comment><wp:comment_id>${comment.id}</wp:comment_id><wp:comment_author><![CDATA[${comment.author ?? 'Reader'}]]></wp:comment_author>
<wp:comment_author_email><![CDATA[${comment.email ?? ''}]]></wp:comment_author_email><wp:comment_date_gmt><![CDATA[${comment.dateGmt}]]></wp:comment_date_gmt>
<wp:comment_content><![CDATA[${comment.content ?? `Comment ${comment.id}`}]]></wp:comment_content><wp:comment_approved><![CDATA[${comment.approved ?? '1'}]]></wp:comment_approved>
<wp:comment_type><![CDATA[${comment.type ?? 'comment'}]]></wp:comment_type><wp:comment_parent>${comment.parent ?? '0'}</wp:comment_parent><wp:comment_user_id>${comment.userId ?? '0'}</wp:comment_user_id></wp:comment>`)
    .join('\n');
  return `<item><title>${escape(post.title)}</title><link>${escape(post.link)}</link>${creator}<wp:post_id>${post.id}</wp:post_id><wp:status><![CDATA[publish]]></wp:status>
${comments}
</item>`;
}
