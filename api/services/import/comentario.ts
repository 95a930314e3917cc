import { buildComment, describe } from './comment-builder.js';
import { parseTimestamp } from './dates.js';
import { HeldBack } from './held-back.js';
import { asObject, isTrue, oversizeProblem, stringOf, textOf, type JsonValue } from './json-values.js';
import { readJson, type JsonPath } from './json-source.js';
import { pageKeyFromUrl } from './page-key.js';
import { httpUrl, person } from './people.js';
import { IMPORT_LIMITS, type ImportedPerson, type ImportRecord, type ReadOptions } from './records.js';

const NO_USER = '00000000-0000-0000-0000-000000000000';
const LISTS = new Set(['pages', 'comments', 'commenters']);

/**
 * Comentario's v3 JSON export: `pages`, `comments`, then `commenters` (with UUIDs). Comments wait
 * (HeldBack) for the commenters; a comment neither approved nor pending was rejected: spam.
 */
export async function* readComentario(text: AsyncIterable<string>, options: ReadOptions): AsyncGenerator<ImportRecord> {
  const held = new HeldBack(options.holdBytes ?? IMPORT_LIMITS.holdBytes);
  const commenters = new Map<string, ImportedPerson>();
  const select = (path: JsonPath) => path.length === 2 && LISTS.has(path[0] as string);
  let index = 0;
  try {
    for await (const { path, value } of readJson(text, { format: 'comentario', select, lines: false, maxBodyChars: options.maxBodyChars })) {
      if (value === undefined) continue;
      if (path[0] === 'pages') yield page(value, path[1] as number);
      else if (path[0] === 'commenters') addCommenter(value);
      else if (commenters.size > 0) yield comment(value, index++);
      else await held.add(value);
    }
    for await (const value of held.replay()) yield comment(value, index++);
  } finally {
    await held.dispose();
  }

  function page(value: JsonValue, at: number): ImportRecord {
    const page = asObject(value);
    const id = textOf(page, 'id');
    const key = pageKeyFromUrl(textOf(page, 'path'), options.baseUrl);
    if (id === null || key === null) return { kind: 'skipped', source: describe('comentario', 'page', id, `pages[${at}]`), why: id === null ? 'it has no id' : 'its path is not a page path' };
    return { kind: 'page', sourceId: id, key, url: httpUrl(textOf(page, 'path'), options.baseUrl), title: textOf(page, 'title') ?? '', creator: null, closed: isTrue(page, 'isReadonly') };
  }

  function addCommenter(value: JsonValue): void {
    const commenter = asObject(value);
    const id = textOf(commenter, 'id');
    if (id === null) return;
    commenters.set(id, person({ name: textOf(commenter, 'name'), email: textOf(commenter, 'email'), website: textOf(commenter, 'websiteUrl'), userId: id, moderator: isTrue(commenter, 'isModerator') }));
  }

  function comment(value: JsonValue, at: number): ImportRecord {
    const comment = asObject(value);
    const user = textOf(comment, 'userCreated');
    const parent = textOf(comment, 'parentId');
    const dateText = textOf(comment, 'createdTime');
    return buildComment('comentario', 'comment', {
      where: `comments[${at}]`,
      id: textOf(comment, 'id'),
      pageSourceId: textOf(comment, 'pageId'),
      parentSourceId: parent === NO_USER ? null : parent,
      author: user === null || user === NO_USER ? person({ name: textOf(comment, 'authorName') }) : commenters.get(user) ?? person({ name: textOf(comment, 'authorName'), userId: user }),
      createdAt: parseTimestamp(dateText),
      dateText,
      status: isTrue(comment, 'isDeleted') ? 'deleted' : isTrue(comment, 'isApproved') ? 'published' : isTrue(comment, 'isPending') ? 'pending' : 'spam',
      body: stringOf(comment, 'markdown')?.trim() || stringOf(comment, 'html'),
      bodyFormat: stringOf(comment, 'markdown')?.trim() ? 'markdown' : 'html',
      oversize: oversizeProblem(value),
    });
  }
}
