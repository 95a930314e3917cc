import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportFormatError } from '../../api/services/import/import-errors.js';
import type { ImportFormat } from '../../api/services/import/records.js';
import { readError, readExport, type ReadResult } from './read-export.js';

// Peers' real export files, with the facts their README lists: beside the clone (CI), or beside
// the folder of work trees on a developer's machine. Read in place, never copied.
const root = path.resolve(new URL('../..', import.meta.url).pathname);
const folder = [process.env.IMPORT_FIXTURES, path.join(root, '../shared/import-fixtures'), path.join(root, '../../shared/import-fixtures')]
  .find((candidate): candidate is string => candidate !== undefined && fs.existsSync(path.join(candidate, 'README.md')));

interface Facts {
  format: ImportFormat;
  pages?: number;
  comments?: number;
  /** Reply → parent, by the export's own comment ids. */
  replies?: Array<[string, string]>;
  statuses?: Record<string, number>;
  skipped?: string[];
  refused?: { line: number; column?: number; expected: RegExp };
  also?: (read: ReadResult) => void;
}

const ownId = (id: string) => id.slice(id.lastIndexOf('#') + 1);
const FACTS: Record<string, Facts> = {
  'artransfer-disqus.xml': {
    format: 'disqus', pages: 1, comments: 4, replies: [['5585802959', '5585802847'], ['5822089611', '5585802959']],
    also: (read) => expect(read.comments.map((c) => [c.author.name, c.author.email])).toEqual([['qwqcode', null], ['qwqcode', null], ['what？', null], ['qwqcode', null]]),
  },
  'artransfer-twikoo.ndjson': { format: 'twikoo', pages: 1, comments: 6, skipped: ['twikoo comment 219f3d980a64d8bf3b052149d8b85919: another comment in the file has the same id'] },
  'artransfer-valine.json': { format: 'valine', pages: 1, comments: 2, replies: [['6177fcae5285185c60ac813c', '6177fbf9b406a312d3a6ddcf']] },
  'artransfer-wordpress.xml': {
    format: 'wordpress', pages: 1, comments: 5, replies: [['3', '2'], ['5', '3']],
    also: (read) => expect(read.comment('1#1').createdAt.toISOString()).toBe('2022-04-09T09:28:47.000Z'),
  },
  'comentario-commento-v1-single.json': { format: 'commento', pages: 1, comments: 1, also: (read) => expect(read.comments[0]).toMatchObject({ author: { name: 'Bugs Bunny' }, body: 'Yay, imported' }) },
  'comentario-disqus-bad-format.xml': { format: 'disqus', refused: { line: 2, expected: /^<\/disqus> before the end of the file/ } },
  'comentario-disqus-ok-empty.xml': { format: 'disqus', pages: 0, comments: 0 },
  'comentario-disqus-ok-single.xml': { format: 'disqus', pages: 1, comments: 1, also: (read) => expect(read.comments[0]).toMatchObject({ author: { name: 'Bugs Bunny' }, body: 'Yay, imported' }) },
  'comentario-disqus-ok-single.xml.gz': { format: 'disqus', pages: 1, comments: 1 },
  'comentario-v3-single.json': { format: 'comentario', pages: 1, comments: 1, also: (read) => expect(read.comments[0]?.author.name).toBe('Bugs Bunny') },
  'comentario-wordpress-bad-format.xml': { format: 'wordpress', refused: { line: 1, expected: /^<\/wp:commentZ> to close <wp:commentZ>$/ } },
  'comentario-wordpress-ok-empty.xml': { format: 'wordpress', pages: 0, comments: 0 },
  'comentario-wordpress-ok-long.xml': { format: 'wordpress', pages: 1, comments: 1, also: (read) => expect(read.comments[0]?.body.length).toBeGreaterThan(32_000) },
  'comentario-wordpress-ok-single.xml': {
    format: 'wordpress', pages: 1, comments: 1,
    also: (read) => expect(read.comments[0]).toMatchObject({ author: { name: 'Luke Skywalker' }, createdAt: new Date('2000-01-02T02:16:00Z') }),
  },
  'commento-import-test.json': { format: 'commento', pages: 1, comments: 3, also: (read) => expect(read.comments.filter((c) => c.parentSourceId?.startsWith('7ed60b12')).map((c) => c.source.id.slice(0, 8))).toEqual(['5a349182']) },
  'isso-disqus.xml': {
    format: 'disqus', pages: 2, comments: 6, replies: [['5', '4'], ['11', '9']], statuses: { published: 5, deleted: 1 },
    skipped: ['disqus thread 3: it has no usable link, nor a path as its <id>'],
    also: (read) => expect(read.comment('6').pageSourceId).toBe('1337'),
  },
  'isso-generic.json': { format: 'isso', pages: 2, comments: 2, also: (read) => expect(read.pages.map((p) => p.title)).toEqual(['Test+post', 'Nat+%26+Miguel']) },
  'isso-wordpress.xml': {
    format: 'wordpress', pages: 2, comments: 8, replies: [['7', '6'], ['8', '7'], ['9', '7']],
    also: (read) => {
      expect(read.pages.map((p) => p.key)).toEqual(['/2014/test/', '/?p=4']);
      expect(read.comments.every((c) => c.author.email === null || !/\s/.test(c.author.email))).toBe(true);
    },
  },
  'remark42-commento-api.json': { format: 'commento', pages: 1, comments: 7, replies: [['6d3bb64f', '46baf364'], ['098960fd', '23fcfcd0']], also: (read) => expect(read.comments[0]?.author.email).toBeNull() },
  'remark42-commento.json': { format: 'commento', pages: 2, comments: 3, replies: [['ea5f7bcd', '7d77e39f']] },
  'remark42-disqus-deleted-post.xml': { format: 'disqus', refused: { line: 1, column: 1, expected: /not "`"$/ } },
  'remark42-disqus-deleted-thread.xml': { format: 'disqus', refused: { line: 1, column: 1, expected: /not "`"$/ } },
  'remark42-disqus.xml': { format: 'disqus', refused: { line: 1, column: 1, expected: /not "`"$/ } },
  'remark42-native-backup.jsonl': { format: 'remark42', pages: 2, comments: 2, also: (read) => expect(read.pages.map((p) => p.closed)).toEqual([true, false]) },
  'remark42-wordpress-md.xml': { format: 'wordpress', refused: { line: 3, expected: /^the root element <rss>, not <channel>$/ } },
  'remark42-wordpress.xml': {
    format: 'wordpress', pages: 1, comments: 4, replies: [['14', '13']], statuses: { published: 3, pending: 1 },
    also: (read) => expect(read.comment('100#13')).toMatchObject({ type: 'pingback', author: { name: "Wednesday Reading « Cynwise's Battlefield Manual" } }),
  },
  'schnack-disqus.xml': { format: 'disqus', pages: 2, comments: 5, replies: [['1664831530', '1664694813'], ['1690922142', '1664831530'], ['1690992879', '1690922142']] },
  'talkyard-disqus.xml': {
    format: 'disqus', pages: 2, comments: 7, replies: [['100003', '100002']], statuses: { published: 5, deleted: 1, spam: 1 },
    also: (read) => expect(read.pages.map((p) => p.key)).toEqual(['/four-replies.html', '/2019/a-blog-post-one-reply.html']),
  },
  'talkyard-disqus-extra.xml': { format: 'disqus', pages: 3, comments: 9, statuses: { published: 7, deleted: 1, spam: 1 } },
  'wpimporter-slashes.xml': { format: 'wordpress', pages: 1, comments: 1, also: (read) => expect(read.comments[0]?.body).toBe('\\\\o/ ¯\\\\\\_(ツ)\\_/¯') },
  'wpimporter-theme-unit-test-data.xml': {
    format: 'wordpress', pages: 7, comments: 33, statuses: { published: 30, pending: 3 },
    also: (read) => {
      expect(read.comments.filter((c) => c.parentSourceId !== null)).toHaveLength(10);
      expect(read.comments.filter((c) => c.type !== 'comment').map((c) => c.type).sort()).toEqual(['pingback', 'pingback', 'trackback', 'trackback']);
      expect(read.authors.map((a) => [a.login, a.sourceId])).toEqual([['themedemos', null], ['themereviewteam', null]]);
      expect(read.comments.every((c) => c.author.name === c.author.name.trim() && !c.author.name.includes('&'))).toBe(true);
    },
  },
  'wpimporter-valid-wxr-1.0.xml': { format: 'wordpress', pages: 1, comments: 1 },
};

describe.skipIf(folder === undefined)('the peers\' export files in shared/import-fixtures', () => {
  it('lists facts for every export file there', () => {
    const files = fs.readdirSync(folder as string).filter((name) => /\.(xml|json|jsonl|ndjson|gz)$/.test(name) && !name.includes('.expected.') && name !== 'facts.json');
    expect(files.sort()).toEqual(Object.keys(FACTS).sort());
  });

  it.each(Object.entries(FACTS))('%s', async (name, facts) => {
    const bytes = fs.readFileSync(path.join(folder as string, name));
    if (facts.refused) {
      const error = await readError(bytes);
      expect(error).toBeInstanceOf(ImportFormatError);
      expect(error).toMatchObject({ format: facts.format, line: facts.refused.line, ...(facts.refused.column ? { column: facts.refused.column } : {}) });
      expect(error.expected).toMatch(facts.refused.expected);
      return;
    }
    const read = await readExport(bytes);
    expect(read.format).toBe(facts.format);
    expect({ pages: read.pages.length, comments: read.comments.length }).toEqual({ pages: facts.pages, comments: facts.comments });
    expect(read.skipped.map((s) => `${s.source}: ${s.why}`)).toEqual(facts.skipped ?? []);
    if (facts.replies) {
      const replies = read.comments.filter((c) => c.parentSourceId !== null).map((c) => [ownId(c.source.id), ownId(c.parentSourceId as string)]);
      expect(replies.map(([child, parent]) => [child?.slice(0, 8), parent?.slice(0, 8)])).toEqual(facts.replies.map(([c, p]) => [c.slice(0, 8), p.slice(0, 8)]));
    }
    if (facts.statuses) {
      const statuses: Record<string, number> = {};
      for (const comment of read.comments) statuses[comment.status] = (statuses[comment.status] ?? 0) + 1;
      expect(statuses).toEqual(facts.statuses);
    }
    facts.also?.(read);
  });
});
