import { buildComment } from './comment-builder.js';
import { fromEpochMillis, parseTimestamp } from './dates.js';
import { asObject, isTrue, oversizeProblem, stringOf, textOf, type JsonValue } from './json-values.js';
import { readJson } from './json-source.js';
import { person } from './people.js';
import type { ImportRecord, ReadOptions } from './records.js';
import { ImpliedPages, selectEntries } from './implied-pages.js';

/**
 * Twikoo's export: one comment a line (or a JSON list of them), `_id` plain or MongoDB's
 * `{"$oid": …}`, `created` in milliseconds, `url` the page's path and `href` its address, HTML text.
 */
export async function* readTwikoo(text: AsyncIterable<string>, options: ReadOptions): AsyncGenerator<ImportRecord> {
  const pages = new ImpliedPages(options.baseUrl);
  let index = 0;
  for await (const { value } of readJson(text, { format: 'twikoo', select: selectEntries, lines: true, maxBodyChars: options.maxBodyChars })) {
    if (value !== undefined) yield* comment(value, index++);
  }

  function* comment(value: JsonValue, at: number): Generator<ImportRecord> {
    const comment = asObject(value);
    const path = textOf(comment, 'url');
    const page = pages.first(path, { url: textOf(comment, 'href') });
    if (page) yield page;
    const created = comment?.created;
    yield buildComment('twikoo', 'comment', {
      where: `at entry ${at + 1}`,
      id: textOf(comment, '_id') ?? textOf(asObject(comment?._id), '$oid'),
      pageSourceId: pages.keyOf(path),
      parentSourceId: textOf(comment, 'pid'),
      author: person({ name: textOf(comment, 'nick'), email: textOf(comment, 'mail'), website: textOf(comment, 'link'), moderator: isTrue(comment, 'master') }),
      createdAt: fromEpochMillis(created) ?? parseTimestamp(textOf(comment, 'created')),
      dateText: textOf(comment, 'created'),
      status: isTrue(comment, 'isSpam') ? 'spam' : 'published',
      body: stringOf(comment, 'comment'),
      bodyFormat: 'html',
      oversize: oversizeProblem(value),
    });
  }
}
