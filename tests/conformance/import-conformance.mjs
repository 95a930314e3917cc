// The import conformance run: `npm run import:conformance -- DIR` imports every export file in
// DIR (peers' real exports, ../shared/import-fixtures) with the built CLI, each into its own
// fresh site on one fresh embedded database, and prints what was imported and skipped next to
// the raw counts DIR's facts.json lists. It fails when an import crashes (anything but exit 0 or
// a clear refusal with exit 1) or when what it wrote differs from expected-imports.json.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';

const ROOT = new URL('../..', import.meta.url).pathname;
const CLI = path.join(ROOT, 'dist/api/cli/rapport.js');
const EXPORT_FILE = /\.(xml|json|jsonl|ndjson|gz)$/;
const COUNTS = ['pages', 'comments', 'published', 'pending', 'spam', 'deleted', 'mentions'];

const dir = process.argv[2];
if (!dir || !fs.existsSync(dir)) {
  console.error('usage: npm run import:conformance -- DIR (a folder of export files, like ../shared/import-fixtures)');
  process.exit(2);
}
const expected = JSON.parse(fs.readFileSync(new URL('./expected-imports.json', import.meta.url), 'utf8'));
const facts = fs.existsSync(path.join(dir, 'facts.json')) ? JSON.parse(fs.readFileSync(path.join(dir, 'facts.json'), 'utf8')) : {};
const files = fs.readdirSync(dir).filter((name) => EXPORT_FILE.test(name) && !name.includes('.expected.') && name !== 'facts.json').sort();

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-conformance-'));
const env = { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:9', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
const run = (args) =>
  promisify(execFile)(process.execPath, [CLI, ...args], { env, maxBuffer: 64 * 1024 * 1024 })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error) => ({ code: error.code, signal: error.signal, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));

// The first command makes the database; one server keeps its engine up so each import reuses it.
const created = await run(['site', 'add', '--id', 'conformance-0', '--name', 'Conformance', '--origin', 'https://example.org', '--author-name', 'Author', '--author-email', 'author@example.org']);
if (created.code !== 0) throw new Error(`could not create a site:\n${created.stderr}`);
const server = await startServer();

let failures = 0;
try {
  for (const [index, name] of files.entries()) {
    const site = `conformance-${index + 1}`;
    const added = await run(['site', 'add', '--id', site, '--name', name.slice(0, 100), '--origin', 'https://example.org', '--author-name', 'Author', '--author-email', 'author@example.org']);
    if (added.code !== 0) throw new Error(`could not create site ${site}:\n${added.stderr}`);
    // A file with several writers gets them as the site's authors, so its posts and comments find theirs.
    for (const author of expected[name]?.siteAuthors ?? []) {
      const writer = await run(['author', 'add', site, '--name', author.name, '--email', author.email, '--password', 'conformance password']);
      if (writer.code !== 0) throw new Error(`could not add ${author.email} to ${site}:\n${writer.stderr}`);
    }
    const result = await run(['data', 'import', path.join(dir, name), '--site', site, '--json', '--waiting-since', '2000-01-01']);
    const problems = check(expected[name], result);
    failures += problems.length > 0 ? 1 : 0;
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name}\n     rapport: ${describe(result)}\n     facts:   ${describeFacts(facts[name])}`);
    for (const problem of problems) console.log(`     ✗ ${problem}`);
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(`\n${files.length} files, ${failures} failed.`);
process.exit(failures ? 1 : 0);

function check(want, result) {
  if (result.code !== 0 && result.code !== 1) return [`crashed: exit ${result.code ?? result.signal}\n${result.stderr}`];
  if (!want) return result.code === 0 ? [] : ['refused, and expected-imports.json does not list this file'];
  if (want.refused) {
    if (result.code !== 1) return ['imported, but it should have been refused'];
    const where = `line ${want.refused.line}, column ${want.refused.column}`;
    return result.stderr.includes(where) && result.stderr.toLowerCase().includes(want.format) ? [] : [`refused without naming ${want.format} and ${where}`];
  }
  if (result.code !== 0) return [`refused: ${result.stderr.trim()}`];
  const summary = JSON.parse(result.stdout);
  const problems = COUNTS.filter((count) => (summary[count] ?? 0) !== (want[count] ?? 0)).map((count) => `${count}: ${summary[count]}, expected ${want[count] ?? 0}`);
  if (summary.format !== want.format) problems.push(`format: ${summary.format}, expected ${want.format}`);
  if (summary.skippedCount !== want.skipped) problems.push(`skipped: ${summary.skippedCount}, expected ${want.skipped}`);
  // Listed only for files imported with their writers as site authors (siteAuthors).
  for (const count of ['pageAuthors', 'authorComments']) {
    if (want[count] !== undefined && summary[count] !== want[count]) problems.push(`${count}: ${summary[count]}, expected ${want[count]}`);
  }
  return problems;
}

function describe(result) {
  if (result.code !== 0) return `refused (exit ${result.code}): ${result.stderr.trim().split('\n').pop()}`;
  const s = JSON.parse(result.stdout);
  const skipped = s.skipped.map((skip) => `\n              skipped ${skip.source}: ${skip.why}`).join('');
  const authored = s.pageAuthors ? `, ${s.pageAuthors} pages given their author, ${s.authorComments} author comments` : '';
  return `${s.format}, ${s.pages} pages, ${s.comments} comments (${s.published} published, ${s.pending} pending, ${s.spam} spam, ${s.deleted} removed, ${s.mentions} mentions)${authored}, ${s.skippedCount} skipped${skipped}`;
}

/** The counts facts.json gives for a file, under whichever names its format uses. */
function describeFacts(fact) {
  if (!fact) return 'none listed';
  // A count is a number, or the list of what was counted.
  const count = (value) => (Array.isArray(value) ? value.length : value);
  const pick = (...keys) => keys.map((key) => count(fact[key])).find((value) => value !== undefined);
  const [pages, comments, replies] = [pick('threads', 'pages', 'page_urls', 'items_with_comments'), pick('posts', 'comments'), pick('replies')];
  const parts = [
    fact.strict && fact.strict !== 'well-formed' ? fact.strict : null,
    pages !== undefined ? `${pages} threads/pages` : null,
    comments !== undefined ? `${comments} posts/comments` : null,
    count(fact.posts_isSpam_true) ? `${count(fact.posts_isSpam_true)} spam` : null,
    count(fact.posts_isDeleted_true) ? `${count(fact.posts_isDeleted_true)} deleted` : null,
    replies !== undefined ? `${replies} replies` : null,
  ];
  return parts.filter(Boolean).join(', ');
}

/** A server on the conformance database, so the imports use its engine instead of starting one each. */
async function startServer() {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/api/main.js')], { env: { ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (/"port":\d+/.test(line)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
  child.stdout.resume();
  return child;
}
