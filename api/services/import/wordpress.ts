import { buildComment, type CommentDraft } from './comment-builder.js';
import { parseTimestamp } from './dates.js';
import { locatePage } from './page-key.js';
import { displayText, emailAddress, optional, person } from './people.js';
import type { ImportedCommentType, ImportedPage, ImportedStatus, ImportRecord } from './records.js';
import { recordProblem } from './xml-fields.js';
import type { XmlRecord } from './xml-record.js';
import type { XmlFormat } from './xml-source.js';

// WXR 1.0, 1.1 and 1.2, over http or https (wordpress.com writes https).
const WP_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/;
const DC_NAMESPACE = 'http://purl.org/dc/elements/1.1/';

const STATUSES: Record<string, ImportedStatus | { skip: string }> = {
  '1': 'published',
  '0': 'pending',
  spam: 'spam',
  trash: { skip: "it is in WordPress's trash" },
  'post-trashed': { skip: 'its post was moved to the trash' },
};
const TYPES: Record<string, ImportedCommentType> = { '': 'comment', comment: 'comment', review: 'comment', pingback: 'pingback', trackback: 'trackback', webmention: 'webmention' };

/** The item whose comments are being read: its page (emitted before its first comment), or why its comments cannot be imported. */
interface Post {
  item: XmlRecord;
  page: ImportedPage | { skip: string };
  emitted: boolean;
  /** post_date − post_date_gmt: the blog's offset from UTC then, for comments that only have a local time. */
  offsetMinutes: number;
}

/**
 * WordPress's WXR export: `<item>`s (posts, pages, attachments) holding their `<wp:comment>`s,
 * and the site's `<wp:author>`s first. A page record is made for an item when its first comment
 * comes; comment ids go with their post's id, since replies always sit in their parent's post.
 */
export function wordpressFormat(options: { baseUrl?: string; maxBodyChars: number }): XmlFormat {
  let post: Post | null = null;

  function author(record: XmlRecord): ImportRecord[] {
    const login = record.value('wp:author_login');
    return [{
      kind: 'author',
      sourceId: record.value('wp:author_id'),
      login,
      email: emailAddress(record.text('wp:author_email')),
      name: displayText(record.text('wp:author_display_name') || login, true),
    }];
  }

  function postOf(item: XmlRecord): Post {
    if (post?.item === item) return post;
    const link = item.value('link') ?? item.value('guid');
    const sourceId = item.value('wp:post_id') ?? link;
    const location = locatePage(link, null, options.baseUrl);
    const local = parseTimestamp(item.text('wp:post_date'));
    const gmt = parseTimestamp(item.text('wp:post_date_gmt'));
    const page: Post['page'] = item.text('wp:status') === 'trash' ? { skip: "its post is in WordPress's trash" }
      : sourceId === null || location === null ? { skip: 'its post has no usable link' }
      : {
        kind: 'page',
        sourceId,
        ...location,
        title: displayText(item.text('title'), true),
        creator: item.value('dc:creator') === null ? null : { name: null, username: optional(item.text('dc:creator')), email: null },
        closed: item.text('wp:comment_status') === 'closed',
      };
    post = { item, page, emitted: false, offsetMinutes: local && gmt ? Math.round((local.getTime() - gmt.getTime()) / 60_000) : 0 };
    return post;
  }

  function comment(record: XmlRecord): ImportRecord[] {
    const current = postOf(record.parent as XmlRecord);
    const out: ImportRecord[] = [];
    if (!current.emitted && !('skip' in current.page)) out.push(current.page);
    current.emitted = true;
    const id = record.value('wp:comment_id');
    const scope = 'skip' in current.page ? null : current.page.sourceId;
    const parent = record.value('wp:comment_parent');
    const userId = record.value('wp:comment_user_id');
    const gmtText = record.text('wp:comment_date_gmt');
    const dateText = record.text('wp:comment_date');
    const draft: CommentDraft = {
      where: `at line ${record.line}`,
      id,
      sourceId: `${scope}#${id}`,
      pageSourceId: scope,
      parentSourceId: parent && parent !== '0' ? `${scope}#${parent}` : null,
      author: person({ name: record.text('wp:comment_author'), email: record.text('wp:comment_author_email'), website: record.text('wp:comment_author_url'), userId: userId === '0' ? null : userId }, true),
      createdAt: parseTimestamp(gmtText) ?? parseTimestamp(dateText, current.offsetMinutes),
      dateText: gmtText || dateText,
      status: 'skip' in current.page ? current.page : STATUSES[record.text('wp:comment_approved') ?? '1'] ?? { skip: `its status "${record.text('wp:comment_approved')}" is not one WordPress uses` },
      type: TYPES[record.text('wp:comment_type') ?? ''] ?? { skip: `it is a "${record.text('wp:comment_type')}", not a comment` },
      body: record.text('wp:comment_content'),
      bodyFormat: 'wordpress',
      oversize: recordProblem(record, options.maxBodyChars),
    };
    out.push(buildComment('wordpress', 'comment', draft));
    return out;
  }

  return {
    format: 'wordpress',
    root: 'rss',
    prefixOf: (uri) => (WP_NAMESPACE.test(uri) ? 'wp' : uri === DC_NAMESPACE ? 'dc' : null),
    records: new Set(['rss/channel/wp:author', 'rss/channel/item', 'rss/channel/item/wp:comment']),
    close: (record) => (record.name === 'wp:author' ? author(record) : record.name === 'wp:comment' ? comment(record) : []),
  };
}
