import fs from 'node:fs';

const ROOT = new URL('../..', import.meta.url).pathname;

/** The environment variables api/config/config.ts reads (its schema's keys). */
export function configKeys(): Set<string> {
  const source = fs.readFileSync(`${ROOT}api/config/config.ts`, 'utf8');
  const schema = source.slice(source.indexOf('const envSchema = z.object({'), source.indexOf('});', source.indexOf('const envSchema')));
  return new Set([...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]!));
}

/** The variables README's Configuration table documents. */
export function readmeKeys(): Set<string> {
  const readme = fs.readFileSync(`${ROOT}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
  return new Set([...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((match) => match[1]!));
}
