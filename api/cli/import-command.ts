import fs from 'node:fs';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import type { ImportSummary } from '../../contract/author-api.js';
import { siteId } from '../http/schemas.js';
import { parseAuthorMapping } from '../services/import/author-matcher.js';
import { formatName } from '../services/import/import-errors.js';
import { IMPORT_FORMATS, type ImportFormat } from '../services/import/records.js';
import type { ImportProgress } from '../services/import/site-import.js';
import { ImportProgressLine } from './import-progress.js';
import { checked, collect, print, UsageError } from './output.js';
import { growHeapSparingly } from './lean-heap.js';
import { withServices } from './with-services.js';

interface ImportCommandOptions {
  site: string;
  format: string;
  waitingSince?: string;
  author: string[];
  baseUrl?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** `rapport data import`: a blog's past comments in, from the server's side (works while it runs). */
export function addImportCommand(data: Command): void {
  data
    .command('import')
    .description('bring in the comments of a Disqus, WordPress, Isso, Remark42, Commento, Comentario or Rapport export (.gz too)')
    .argument('<file>', 'the export file')
    .requiredOption('--site <id>', 'the site to import into')
    .option('--format <format>', `auto, or one of ${IMPORT_FORMATS.join(', ')}`, 'auto')
    .option('--waiting-since <date>', 'unanswered reader comments written on or after this date wait for a reply (default: 30 days ago)')
    .option('--author <name=email>', 'comments and posts by this username, login, name or email are the author’s with this email (repeatable)', collect, [])
    .option('--base-url <url>', 'the blog’s old address, for exports whose links are relative')
    .option('--dry-run', 'read and count everything, write nothing')
    .option('--json', 'print the summary as one JSON object')
    .action(async (file: string, options: ImportCommandOptions) => {
      const site = checked(siteId, options.site, '--site');
      const format = formatOption(options.format);
      const waitingSince = options.waitingSince === undefined ? undefined : dateOption(options.waitingSince);
      const authors = authorOption(options.author);
      const size = fs.statSync(file, { throwIfNoEntry: false });
      if (!size?.isFile()) throw new Error(`${file}: no such file`);
      growHeapSparingly();
      await withServices(async (services) => {
        const input = fs.createReadStream(file);
        const line = new ImportProgressLine(process.stderr, size.size, () => input.bytesRead);
        try {
          const summary = await services.siteImport.run(
            site,
            input,
            {
              format, waitingSince, authors, baseUrl: options.baseUrl, dryRun: options.dryRun,
              onProgress: (progress: ImportProgress) => line.update(progress),
              onWait: () => line.note('another import of this site is running: waiting for it to finish'),
            },
            new Date(),
          );
          line.done();
          if (options.json) print(JSON.stringify(summary));
          else printSummary(site, summary);
        } finally {
          line.done();
          input.destroy();
        }
      });
    });
}

function formatOption(value: string): ImportFormat | 'auto' {
  if (value === 'auto' || (IMPORT_FORMATS as readonly string[]).includes(value)) return value as ImportFormat | 'auto';
  throw new UsageError(`--format: "${value}" is not one of auto, ${IMPORT_FORMATS.join(', ')}`);
}

/** A day (midnight UTC) or a moment, as ISO 8601 writes them. */
function dateOption(value: string): Date {
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!parsed.isValid) throw new UsageError(`--waiting-since: "${value}" is not a date like 2024-01-31`);
  return parsed.toJSDate();
}

function authorOption(values: string[]) {
  try {
    return parseAuthorMapping(values);
  } catch (error) {
    throw new UsageError(`--author: ${(error as Error).message}`);
  }
}

const n = (count: number) => count.toLocaleString('en-US');
const of = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

function printSummary(site: string, summary: ImportSummary): void {
  const verb = summary.dryRun ? 'Would import' : 'Imported';
  print(`${summary.dryRun ? 'Dry run, nothing written. ' : ''}${verb} from ${formatName(summary.format as ImportFormat)} into ${site}: ${of(summary.comments, 'comment')} on ${of(summary.pages, 'page')}.`);
  print(`  ${n(summary.published)} published, ${n(summary.pending)} waiting for approval, ${n(summary.spam)} spam, ${n(summary.deleted)} removed (kept for their replies); ${of(summary.mentions, 'pingback or trackback', 'pingbacks and trackbacks')}.`);
  const who = summary.authors.map((author) => `${author.email}: ${n(author.comments)}`).join(', ');
  print(`  ${n(summary.authorComments)} by the blog’s authors${who ? ` (${who})` : ' (none matched: map names or usernames with --author NAME=EMAIL)'}.`);
  print(`  ${n(summary.waiting)} ${summary.waiting === 1 ? 'waits' : 'wait'} for a reply; ${n(summary.noReplyNeeded)} unanswered from before ${summary.waitingSince.slice(0, 10)} marked no reply needed.`);
  if (summary.pageAuthors > 0) print(`  Author set on ${of(summary.pageAuthors, 'page')}: the post’s author in the export is one of the site’s.`);
  if (summary.orphans > 0) print(`  ${of(summary.orphans, 'reply', 'replies')} whose parent is not in the file put at the top of their page.`);
  if (summary.alreadyImported > 0) print(`  ${n(summary.alreadyImported)} already imported before: left as they are.`);
  if (summary.skippedCount > 0) {
    print(`  ${n(summary.skippedCount)} skipped:`);
    for (const skip of summary.skipped) print(`    ${skip.source}: ${skip.why}`);
    if (summary.skippedCount > summary.skipped.length) print(`    … and ${n(summary.skippedCount - summary.skipped.length)} more (--json lists the first ${summary.skipped.length})`);
  }
}
