// npm run size — embed.js's weight as bloggers' readers download it, measured with `gzip -9`
// itself (Node's zlib packs this file ~1% larger), against the budget; exits non-zero past it,
// which fails the build. Also reports each locale module, which only pages in that language fetch.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

// 15 KiB. It was 15,000 bytes until posts had authors (the widget sends the post's author and
// says "Waiting for a reply from the blog") and the thread element's state changes, lazy start
// and color scheme moved to files of their own: 200 bytes more, 35 of them saved elsewhere.
// (Since then the post's own title and following a theme's dark-mode toggle took 120 of the rest.)
// The first-screen budget of the compression issue (12 KiB as served, composer loaded on use) is the one to reach next.
const BUDGET_BYTES = 15_360;
const widget = new URL('../dist/widget/', import.meta.url).pathname;
const gzippedSize = (file) => execFileSync('gzip', ['-9', '-n', '-c', file]).length;

const embed = `${widget}embed.js`;
const gzipped = gzippedSize(embed);
const verdict = gzipped <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`embed.js: ${fs.statSync(embed).size} bytes, ${gzipped} bytes with gzip -9 (${verdict} the ${BUDGET_BYTES}-byte budget)`);
for (const name of fs.readdirSync(`${widget}embed/locales`).sort()) {
  console.log(`  + embed/locales/${name}: ${gzippedSize(`${widget}embed/locales/${name}`)} bytes with gzip -9, for pages in that language`);
}
if (gzipped > BUDGET_BYTES) process.exit(1);
