import { buildComment } from './comment-builder.js';
import { parseTimestamp } from './dates.js';
import { ImpliedPages } from './implied-pages.js';
import { asObject, isTrue, oversizeProblem, stringOf, textOf, type JsonValue } from './json-values.js';
import { readJson } from './json-source.js';
import { person } from './people.js';
import type { ImportRecord, ReadOptions } from './records.js';

/**
 * Remark42's backup: JSON lines, the first one metadata (users, and posts with their read-only
 * flag), then one comment a line. Pages are the comments' `locator.url`; text is HTML.
 */
export async function* readRemark42(text: AsyncIterable<string>, options: ReadOptions): AsyncGenerator<ImportRecord> {
  const pages = new ImpliedPages(options.baseUrl);
  const readOnly = new Set<string>();
  let line = 0;
  for await (const { value } of readJson(text, { format: 'remark42', select: (path) => path.length === 0, lines: true, maxBodyChars: options.maxBodyChars })) {
    if (value === undefined) continue;
    line += 1;
    const record = asObject(value);
    if (record && 'version' in record && !('locator' in record)) {
      for (const post of Array.isArray(record.posts) ? record.posts : []) {
        const url = textOf(asObject(post), 'url');
        if (url && isTrue(asObject(post), 'read_only')) readOnly.add(url);
      }
      continue;
    }
    yield* comment(value, line);
  }

  function* comment(value: JsonValue, at: number): Generator<ImportRecord> {
    const comment = asObject(value);
    const user = asObject(comment?.user);
    const url = textOf(asObject(comment?.locator), 'url');
    const page = pages.first(url, { title: textOf(comment, 'title'), closed: url !== null && readOnly.has(url) });
    if (page) yield page;
    const dateText = textOf(comment, 'time');
    yield buildComment('remark42', 'comment', {
      where: `on line ${at}`,
      id: textOf(comment, 'id'),
      pageSourceId: pages.keyOf(url),
      parentSourceId: textOf(comment, 'pid'),
      author: person({ name: textOf(user, 'name'), username: textOf(user, 'id'), userId: textOf(user, 'id'), moderator: isTrue(user, 'admin') }),
      createdAt: parseTimestamp(dateText),
      dateText,
      status: isTrue(comment, 'delete') ? 'deleted' : 'published',
      body: stringOf(comment, 'text'),
      bodyFormat: 'html',
      oversize: oversizeProblem(value),
    });
  }
}
