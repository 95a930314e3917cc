import fs from 'node:fs';
import path from 'node:path';
import { listen } from './browser.js';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

/** A static file server on a free 127.0.0.1 port, as a blog's host serves a generated site. */
export function serveFolder(root: string) {
  return listen((req, res) => {
    const wanted = decodeURIComponent(new URL(req.url ?? '/', 'http://blog').pathname);
    let file = path.join(root, path.normalize(wanted));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
}

/** One platform in README's "Platform snippets": its fenced code blocks, and all its text. */
export interface PlatformSnippets {
  blocks: string[];
  text: string;
}

/** README's "Platform snippets", by heading. */
export function readmeSnippets(): Map<string, PlatformSnippets> {
  const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('### Platform snippets');
  const section = readme.slice(start, readme.indexOf('\n## ', start));
  const platforms = new Map<string, PlatformSnippets>();
  for (const part of section.split(/^#### /m).slice(1)) {
    const heading = part.slice(0, part.indexOf('\n'));
    platforms.set(heading, { blocks: [...part.matchAll(/^```[a-z-]*\n([\s\S]*?)^```$/gm)].map((match) => match[1]!), text: part });
  }
  return platforms;
}
