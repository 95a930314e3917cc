// npm run bench:import — how fast and how lean `rapport data import` is on a big blog: generates a
// Disqus export and a WordPress WXR of 100,000 comments on 2,000 posts (bench/generate-exports.mjs),
// then imports each with the built CLI into a fresh embedded database, each run its own process.
// Prints per format: comments imported, wall seconds of the import process (engine start included),
// comments/s and the peak RSS of the importing Node process, and beside it (not counted in the goal)
// that of the embedded MongoDB engine, which runs in a child process of its own. Peaks are VmHWM from
// /proc, read every 20 ms (`/usr/bin/time -f %M` would fold in the engine: Linux counts reaped children).
// Goal: >= 3,000 comments/s and <= 300 MB. Exits non-zero only when an import fails.
//   node bench/import-speed.mjs   (needs `npm run build` first: it runs dist/)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GOAL = { commentsPerSecond: 3000, peakRssMB: 300 };
const CLI = new URL('../dist/api/cli/rapport.js', import.meta.url).pathname;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-import-bench-'));
let failed = false;

/** VmHWM (peak resident set) of one process in MB, or undefined once it is gone. */
function peakMB(pid) {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb && Number(kb) / 1024;
  } catch {
    return undefined;
  }
}
const childrenOf = (pid) => {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

/** Runs the CLI in its own process (cwd = tmp, so no stray .env is read), sampling its and its children's peaks. */
function runCli(args, dataDir) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: tmp, env: { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:9' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const peaks = { importer: 0, engine: 0 };
    const sample = () => {
      peaks.importer = Math.max(peaks.importer, peakMB(child.pid) ?? 0);
      for (const pid of childrenOf(child.pid)) peaks.engine = Math.max(peaks.engine, peakMB(pid) ?? 0);
    };
    const timer = setInterval(sample, 20);
    child.on('close', (code, signal) => {
      clearInterval(timer);
      resolve({ code: code ?? signal, stdout, stderr, seconds: (performance.now() - started) / 1000, peaks });
    });
  });
}

try {
  const generated = spawnSync(process.execPath, [new URL('./generate-exports.mjs', import.meta.url).pathname, '--out', path.join(tmp, 'exports')], { encoding: 'utf8' });
  if (generated.status !== 0) throw new Error(`generate-exports.mjs failed: ${generated.stderr}`);
  const exports = JSON.parse(generated.stdout);
  console.log(`Generated ${exports.comments.toLocaleString('en-US')} comments on ${exports.threads.toLocaleString('en-US')} threads per format; ${os.cpus().length} cores, Node ${process.version}\n`);
  const rows = [];
  for (const format of ['disqus', 'wordpress']) {
    const file = exports[format];
    const dataDir = path.join(tmp, `data-${format}`);
    const site = await runCli(['site', 'add', '--id', 'bench', '--name', 'Bench', '--origin', 'https://example.org', '--author-name', 'A', '--author-email', 'a@example.org'], dataDir);
    if (site.code !== 0) throw new Error(`${format}: site add failed (${site.code}): ${site.stderr}`);
    const run = await runCli(['data', 'import', file, '--site', 'bench', '--json'], dataDir);
    let summary;
    try {
      summary = JSON.parse(run.stdout.trim().split('\n').at(-1));
    } catch { /* reported below */ }
    if (run.code !== 0 || !summary) {
      failed = true;
      console.log(`${format}: import FAILED (exit ${run.code})\n${run.stderr}${run.stdout}`);
      continue;
    }
    const other = run.stderr.split('\n').filter((line) => line && !/^rapport: (reading|writing) /.test(line));
    if (other.length) console.log(`${format} stderr:\n  ${other.join('\n  ')}`);
    const rate = summary.comments / run.seconds;
    rows.push([format, `${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB`, summary.comments, summary.pages, summary.skippedCount, run.seconds.toFixed(1), Math.round(rate),
      run.peaks.importer.toFixed(0), run.peaks.engine.toFixed(0),
      rate >= GOAL.commentsPerSecond ? 'met' : 'MISSED', run.peaks.importer <= GOAL.peakRssMB ? 'met' : 'MISSED']);
    const { skipped, authors, waitingSince, dryRun, ...figures } = summary;
    const reasons = new Map();
    for (const skip of skipped) reasons.set(skip.why, (reasons.get(skip.why) ?? 0) + 1);
    const why = [...reasons].map(([reason, count]) => `${count}× ${reason}`);
    console.log(`${format}: ${JSON.stringify(figures)}${why.length ? `\n  skipped (first ${skipped.length} listed): ${why.join('; ')}` : ''}`);
  }
  console.log(`\nGoal: >= ${GOAL.commentsPerSecond} comments/s and <= ${GOAL.peakRssMB} MB peak RSS of the importing process\n`);
  console.log('| format | file | comments | pages | skipped | seconds | comments/s | importer peak RSS MB | engine peak RSS MB (separate) | speed goal | memory goal |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} catch (error) {
  failed = true;
  console.error(error.message);
} finally {
  // The CLI stops its engine on exit; should one outlive it, stop it (only engines on our folders).
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`engine-child.mjs\0${tmp}`)) {
        console.error(`stopping a leftover engine, pid ${pid}`);
        process.kill(Number(pid), 'SIGTERM');
      }
    } catch { /* gone already */ }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
