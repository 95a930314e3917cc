import { buildComment, describe } from './comment-builder.js';
import { parseTimestamp } from './dates.js';
import { locatePage } from './page-key.js';
import { displayText, emailAddress, optional, person } from './people.js';
import type { ImportRecord, ImportSkip } from './records.js';
import type { XmlFormat } from './xml-source.js';
import { recordProblem, xmlFlag } from './xml-fields.js';
import type { XmlRecord } from './xml-record.js';

const NAMESPACES: Record<string, string> = { 'http://disqus.com': '', 'http://disqus.com/disqus-internals': 'dsq' };

/**
 * Disqus's XML export: `<thread>`s (pages) and `<post>`s (comments) side by side under
 * `<disqus>`, posts naming their thread and parent by `dsq:id`. Posts on a deleted thread, or on
 * a thread with no usable link, are skipped; a post without `dsq:id` goes by its `<id>`.
 */
export function disqusFormat(options: { baseUrl?: string; maxBodyChars: number }): XmlFormat {
  // Threads whose posts cannot be imported, and why (posts usually come after their thread).
  const unusable = new Map<string, string>();

  function thread(record: XmlRecord): ImportRecord[] {
    const id = record.value('@dsq:id');
    const skip = (why: string): ImportSkip[] => [{ kind: 'skipped', source: describe('disqus', 'thread', id, `at line ${record.line}`), why }];
    if (id === null) return skip('it has no dsq:id');
    if (xmlFlag(record, 'isDeleted') === true) {
      unusable.set(id, 'its thread is deleted in Disqus');
      return skip('it is deleted in Disqus');
    }
    const page = locatePage(record.value('link'), record.value('id'), options.baseUrl);
    if (page === null) {
      unusable.set(id, 'its thread has no usable link');
      return skip('it has no usable link, nor a path as its <id>');
    }
    const [name, username, email] = ['author/name', 'author/username', 'author/email'].map((path) => record.value(path));
    return [{
      kind: 'page',
      sourceId: id,
      ...page,
      title: displayText(record.text('title'), true),
      creator: name || username || email ? { name: displayText(name, true) || null, username: optional(username), email: emailAddress(email) } : null,
      closed: xmlFlag(record, 'isClosed') === true,
    }];
  }

  function post(record: XmlRecord): ImportRecord[] {
    const threadId = record.value('thread@dsq:id');
    const spam = xmlFlag(record, 'isSpam');
    const deleted = xmlFlag(record, 'isDeleted');
    const invalid = spam === undefined ? 'isSpam' : deleted === undefined ? 'isDeleted' : null;
    const dateText = record.text('createdAt');
    return [buildComment('disqus', 'post', {
      where: `at line ${record.line}`,
      id: record.value('@dsq:id') ?? record.value('id'),
      pageSourceId: threadId,
      parentSourceId: record.value('parent@dsq:id'),
      author: person({ name: record.text('author/name'), email: record.text('author/email'), username: record.text('author/username') }, true),
      createdAt: parseTimestamp(dateText),
      dateText,
      status: invalid !== null
        ? { skip: `its ${invalid} is "${record.text(invalid)}", not true or false` }
        : threadId !== null && unusable.has(threadId) ? { skip: unusable.get(threadId) as string }
        : deleted ? 'deleted' : spam ? 'spam' : 'published',
      body: record.text('message'),
      bodyFormat: 'html',
      oversize: recordProblem(record, options.maxBodyChars),
    })];
  }

  return {
    format: 'disqus',
    root: 'disqus',
    prefixOf: (uri) => NAMESPACES[uri] ?? null,
    records: new Set(['disqus/thread', 'disqus/post']),
    close: (record) => (record.name === 'thread' ? thread(record) : post(record)),
  };
}
