// npm run size — embed.js's weight as bloggers' readers download it, measured with `gzip -9`
// itself (Node's zlib packs this file ~1% larger), against the budget; exits non-zero past it,
// which fails the build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const BUDGET_BYTES = 15_000;
const file = new URL('../dist/widget/embed.js', import.meta.url).pathname;
const raw = fs.statSync(file).size;
const gzipped = execFileSync('gzip', ['-9', '-n', '-c', file]).length;
const verdict = gzipped <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`embed.js: ${raw} bytes, ${gzipped} bytes with gzip -9 (${verdict} the ${BUDGET_BYTES}-byte budget)`);
if (gzipped > BUDGET_BYTES) process.exit(1);
