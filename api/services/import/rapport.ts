import { buildComment, describe } from './comment-builder.js';
import { parseTimestamp } from './dates.js';
import { ImportReadError } from './import-errors.js';
import { asObject, isTrue, oversizeProblem, stringOf, textOf, type JsonValue } from './json-values.js';
import { readJson, type JsonPath } from './json-source.js';
import { LIMITS } from '../../../contract/limits.js';
import { emailAddress, httpUrl, person } from './people.js';
import type { ImportedCommentType, ImportedStatus, ImportRecord, ReadOptions } from './records.js';

const FORMAT = 'rapport-export-1';
const STATUSES = new Set<string>(['published', 'pending', 'spam', 'deleted']);
const TYPES = new Set<string>(['comment', 'pingback', 'trackback', 'webmention']);
const LISTS = new Set(['authors', 'pages', 'comments']);

/**
 * Rapport's own export (`rapport data export`, format rapport-export-1): authors, pages with
 * their keys, and comments that say themselves which are by an author (`byAuthor`, `author.userId`
 * = the author's id), whether an author marked them "no reply needed", and their status.
 * Subscriptions (mail consents) are not imported: they were given to the old site.
 */
export async function* readRapport(text: AsyncIterable<string>, options: ReadOptions): AsyncGenerator<ImportRecord> {
  const select = (path: JsonPath) => (path.length === 1 && path[0] === 'format') || (path.length === 2 && LISTS.has(path[0] as string));
  for await (const { path, value } of readJson(text, { format: 'rapport', select, lines: false, maxBodyChars: options.maxBodyChars })) {
    if (value === undefined) continue;
    if (path[0] === 'format' && value !== FORMAT) throw new ImportReadError(`This Rapport export is format "${String(value)}"; this version reads "${FORMAT}"`);
    if (path[0] === 'authors') yield author(value);
    if (path[0] === 'pages') yield page(value, path[1] as number);
    if (path[0] === 'comments') yield comment(value, path[1] as number);
  }
}

function author(value: JsonValue): ImportRecord {
  const author = asObject(value);
  return { kind: 'author', sourceId: textOf(author, '_id'), login: null, email: emailAddress(textOf(author, 'email')), name: textOf(author, 'name') ?? '' };
}

function page(value: JsonValue, at: number): ImportRecord {
  const page = asObject(value);
  const id = textOf(page, '_id');
  const key = textOf(page, 'key');
  if (id === null || key === null || key.length > LIMITS.pageKey) {
    return { kind: 'skipped', source: describe('rapport', 'page', id, `pages[${at}]`), why: id === null ? 'it has no id' : 'it has no usable key' };
  }
  const creator = textOf(asObject(page?.author), 'name');
  return { kind: 'page', sourceId: id, key, url: httpUrl(textOf(page, 'url')), title: textOf(page, 'title') ?? '', creator: creator ? { name: creator, username: null, email: null } : null, closed: isTrue(page, 'locked') };
}

function comment(value: JsonValue, at: number): ImportRecord {
  const comment = asObject(value);
  const status = textOf(comment, 'status') ?? '';
  const type = textOf(comment, 'type') ?? 'comment';
  const dateText = textOf(comment, 'createdAt');
  return buildComment('rapport', 'comment', {
    where: `comments[${at}]`,
    id: textOf(comment, '_id'),
    pageSourceId: textOf(comment, 'pageId'),
    parentSourceId: textOf(comment, 'parentId'),
    author: person({ name: textOf(comment, 'name'), email: textOf(comment, 'email'), website: textOf(comment, 'website'), userId: textOf(comment, 'authorId') }),
    byAuthor: isTrue(comment, 'isAuthor'),
    createdAt: parseTimestamp(dateText),
    dateText,
    status: STATUSES.has(status) ? (status as ImportedStatus) : { skip: `its status "${status}" is not one Rapport has` },
    type: TYPES.has(type) ? (type as ImportedCommentType) : { skip: `its type "${type}" is not one Rapport has` },
    body: stringOf(comment, 'body'),
    bodyFormat: 'markdown',
    oversize: oversizeProblem(value),
    noReplyNeeded: isTrue(comment, 'noReplyNeeded'),
  });
}
