import { buildComment, describe } from './comment-builder.js';
import { parseTimestamp } from './dates.js';
import { HeldBack } from './held-back.js';
import { asObject, oversizeProblem, stringOf, textOf, type JsonValue } from './json-values.js';
import { readJson, type JsonPath } from './json-source.js';
import { locatePage } from './page-key.js';
import { person } from './people.js';
import { IMPORT_LIMITS, type ImportRecord, type ReadOptions } from './records.js';

/**
 * Isso's "generic" JSON: a list of threads `{id, title, comments}`, the id being the page's path.
 * A thread's comments may come before its id, so they wait (HeldBack) until the thread ends.
 * Comment ids count within their thread; times have no zone and are taken as UTC; text is Markdown.
 */
export async function* readIsso(text: AsyncIterable<string>, options: ReadOptions): AsyncGenerator<ImportRecord> {
  const select = (path: JsonPath) => (path.length === 2 && (path[1] === 'id' || path[1] === 'title')) || (path.length === 3 && path[1] === 'comments');
  let thread = { at: -1, id: null as string | null, title: null as string | null, held: new HeldBack(options.holdBytes ?? IMPORT_LIMITS.holdBytes) };
  try {
    for await (const { path, value } of readJson(text, { format: 'isso', select, lines: false, maxBodyChars: options.maxBodyChars })) {
      if (path.length === 1 && value === undefined) {
        yield* finish();
        thread = { at: -1, id: null, title: null, held: new HeldBack(options.holdBytes ?? IMPORT_LIMITS.holdBytes) };
      } else if (value !== undefined) {
        thread.at = path[0] as number;
        if (path[1] === 'id') thread.id = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
        else if (path[1] === 'title') thread.title = typeof value === 'string' ? value.trim() : null;
        else await thread.held.add(value);
      }
    }
  } finally {
    await thread.held.dispose();
  }

  async function* finish(): AsyncGenerator<ImportRecord> {
    const page = thread.id === null ? null : locatePage(null, thread.id, options.baseUrl);
    const unusable = thread.id === null ? 'has no id' : page === null ? 'has an id that is not a page path' : null;
    if (unusable !== null) yield { kind: 'skipped', source: describe('isso', 'thread', thread.id, `at threads[${thread.at}]`), why: `it ${unusable}` };
    else if (page !== null && thread.id !== null) yield { kind: 'page', sourceId: thread.id, ...page, title: thread.title ?? '', creator: null, closed: false };
    let index = 0;
    for await (const value of thread.held.replay()) yield comment(value, index++, unusable);
    await thread.held.dispose();
  }

  function comment(value: JsonValue, at: number, unusable: string | null): ImportRecord {
    const comment = asObject(value);
    const id = textOf(comment, 'id');
    const parent = textOf(comment, 'parent');
    const dateText = textOf(comment, 'created');
    return buildComment('isso', 'comment', {
      where: `threads[${thread.at}].comments[${at}]`,
      id: id === null ? null : `${thread.id}#${id}`,
      pageSourceId: thread.id,
      parentSourceId: parent === null ? null : `${thread.id}#${parent}`,
      author: person({ name: textOf(comment, 'author'), email: textOf(comment, 'email'), website: textOf(comment, 'website') }),
      createdAt: parseTimestamp(dateText),
      dateText,
      status: unusable === null ? 'published' : { skip: `its thread ${unusable}` },
      body: stringOf(comment, 'text'),
      bodyFormat: 'markdown',
      oversize: oversizeProblem(value),
    });
  }
}
