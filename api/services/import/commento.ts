import { buildComment } from './comment-builder.js';
import { parseTimestamp } from './dates.js';
import { HeldBack } from './held-back.js';
import { ImpliedPages } from './implied-pages.js';
import { asObject, isTrue, oversizeProblem, stringOf, textOf, type JsonObject, type JsonValue } from './json-values.js';
import { readJson } from './json-source.js';
import { person } from './people.js';
import { IMPORT_LIMITS, type ImportedPerson, type ImportedStatus, type ImportRecord, type ReadOptions } from './records.js';

const ANONYMOUS = new Set(['anonymous', '0'.repeat(64)]);
const STATES: Record<string, ImportedStatus> = { approved: 'published', unapproved: 'pending', flagged: 'spam' };

/**
 * Commento's v1 JSON export (also Comentario's v1): `comments` then `commenters`. Comments wait
 * (HeldBack) until the commenters that name them are read. Pages are the comments' paths
 * (`url` in Commento, `path` in Comentario) on their `domain` (or `host`).
 */
export async function* readCommento(text: AsyncIterable<string>, options: ReadOptions): AsyncGenerator<ImportRecord> {
  const held = new HeldBack(options.holdBytes ?? IMPORT_LIMITS.holdBytes);
  const commenters = new Map<string, ImportedPerson>();
  const pages = new ImpliedPages(options.baseUrl);
  let index = 0;
  const select = (path: readonly (string | number)[]) => path.length === 2 && (path[0] === 'comments' || path[0] === 'commenters');
  try {
    for await (const event of readJson(text, { format: 'commento', select, lines: false, maxBodyChars: options.maxBodyChars })) {
      if (event.value === undefined) continue;
      if (event.path[0] === 'commenters') addCommenter(commenters, event.value);
      else if (commenters.size > 0) yield* mapComment(event.value, index++);
      else await held.add(event.value);
    }
    for await (const value of held.replay()) yield* mapComment(value, index++);
  } finally {
    await held.dispose();
  }

  function* mapComment(value: JsonValue, at: number): Generator<ImportRecord> {
    const comment = asObject(value);
    const path = stringOf(comment, 'path') || stringOf(comment, 'url') || '/';
    const address = path.startsWith('/') ? path : `/${path}`;
    const page = pages.first(address, { origin: textOf(comment, 'domain') ?? textOf(comment, 'host') });
    if (page) yield page;
    const markdown = stringOf(comment, 'markdown')?.trim() ?? '';
    const deleted = isTrue(comment, 'deleted') || markdown === '[deleted]';
    const commenter = textOf(comment, 'commenterHex');
    const parent = textOf(comment, 'parentHex');
    const dateText = textOf(comment, 'creationDate');
    yield buildComment('commento', 'comment', {
      where: `comments[${at}]`,
      id: textOf(comment, 'commentHex'),
      pageSourceId: pages.keyOf(address),
      parentSourceId: parent === null || parent === 'root' ? null : parent,
      author: commenter === null || ANONYMOUS.has(commenter) ? person({}) : commenters.get(commenter) ?? person({ userId: commenter }),
      createdAt: parseTimestamp(dateText),
      dateText,
      status: deleted ? 'deleted' : STATES[textOf(comment, 'state') ?? 'approved'] ?? 'pending',
      body: markdown ? markdown : stringOf(comment, 'html'),
      bodyFormat: markdown ? 'markdown' : 'html',
      oversize: oversizeProblem(value),
    });
  }
}

function addCommenter(commenters: Map<string, ImportedPerson>, value: JsonValue): void {
  const commenter: JsonObject | null = asObject(value);
  const hex = textOf(commenter, 'commenterHex');
  if (hex === null) return;
  commenters.set(hex, person({
    name: textOf(commenter, 'name'),
    email: textOf(commenter, 'email'),
    website: textOf(commenter, 'link') ?? textOf(commenter, 'websiteUrl'),
    userId: hex,
    moderator: isTrue(commenter, 'isModerator'),
  }));
}
