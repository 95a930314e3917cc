// The import readers alone (no database): reads each export given and prints records per kind,
// comments per second and the process's peak resident memory.
//   node bench/generate-exports.mjs --out /tmp/exports && node bench/import-read.mjs /tmp/exports/*.xml
// Needs `npm run build` first (it reads dist/).
import fs from 'node:fs';
import { openExport } from '../dist/api/services/import/open-export.js';

for (const file of process.argv.slice(2)) {
  const started = performance.now();
  const { format, records } = await openExport(fs.createReadStream(file));
  const counts = {};
  for await (const record of records) counts[record.kind] = (counts[record.kind] ?? 0) + 1;
  const seconds = (performance.now() - started) / 1000;
  const comments = counts.comment ?? 0;
  console.log(JSON.stringify({
    file, format, bytes: fs.statSync(file).size, ...counts, seconds: Number(seconds.toFixed(2)),
    commentsPerSecond: Math.round(comments / seconds), peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }));
}
