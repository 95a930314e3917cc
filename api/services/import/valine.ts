import { buildComment } from './comment-builder.js';
import { parseTimestamp } from './dates.js';
import { ImpliedPages, selectEntries } from './implied-pages.js';
import { asObject, isTrue, oversizeProblem, stringOf, textOf, type JsonValue } from './json-values.js';
import { readJson } from './json-source.js';
import { person } from './people.js';
import type { ImportedStatus, ImportRecord, ReadOptions } from './records.js';

const STATUSES: Record<string, ImportedStatus> = { approved: 'published', waiting: 'pending', spam: 'spam' };

/**
 * Valine's export (LeanCloud, also what Waline reads): a JSON list of comments with `objectId`,
 * `url` (the page's path), `pid` for the parent, HTML text, and `createdAt` as a string or as
 * LeanCloud's `{"__type": "Date", "iso": …}`.
 */
export async function* readValine(text: AsyncIterable<string>, options: ReadOptions): AsyncGenerator<ImportRecord> {
  const pages = new ImpliedPages(options.baseUrl);
  let index = 0;
  for await (const { value } of readJson(text, { format: 'valine', select: selectEntries, lines: true, maxBodyChars: options.maxBodyChars })) {
    if (value !== undefined) yield* comment(value, index++);
  }

  function* comment(value: JsonValue, at: number): Generator<ImportRecord> {
    const comment = asObject(value);
    const path = textOf(comment, 'url');
    const page = pages.first(path);
    if (page) yield page;
    const dateText = textOf(comment, 'createdAt') ?? textOf(asObject(comment?.createdAt), 'iso') ?? textOf(comment, 'insertedAt');
    yield buildComment('valine', 'comment', {
      where: `at entry ${at + 1}`,
      id: textOf(comment, 'objectId'),
      pageSourceId: pages.keyOf(path),
      parentSourceId: textOf(comment, 'pid'),
      author: person({ name: textOf(comment, 'nick'), email: textOf(comment, 'mail'), website: textOf(comment, 'link') }),
      createdAt: parseTimestamp(dateText),
      dateText,
      status: isTrue(comment, 'isSpam') ? 'spam' : STATUSES[textOf(comment, 'status') ?? 'approved'] ?? 'pending',
      body: stringOf(comment, 'comment'),
      bodyFormat: 'html',
      oversize: oversizeProblem(value),
    });
  }
}
