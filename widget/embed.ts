// embed.js: the one script a blogger adds. It defines <rapport-thread> and <rapport-count> and
// renders the thread where its script tag stands (or into data-target).
import { scriptOrigin } from './shared/script-origin.js';
import './count/rapport-count.js';
import './thread/rapport-thread.js';

const script = document.currentScript as HTMLScriptElement | null;

if (script?.dataset.site) {
  const site = script.dataset.site;
  const page = script.dataset.page || canonicalPath() || location.pathname;
  // A blog that pastes the snippet twice still shows the thread once.
  const shown = [...document.querySelectorAll('rapport-thread')].some((t) => t.site === site && t.page === page);
  if (!shown) mount(script, site, page);
}

function mount(script: HTMLScriptElement, site: string, page: string): void {
  const thread = document.createElement('rapport-thread');
  thread.site = site;
  thread.page = page;
  thread.api = scriptOrigin;
  if (script.dataset.theme) thread.setAttribute('theme', script.dataset.theme);
  if (script.dataset.lang) thread.setAttribute('lang', script.dataset.lang);
  if (script.dataset.author) thread.author = script.dataset.author;
  if (script.dataset.title) thread.pageTitle = script.dataset.title;
  const target = script.dataset.target ? document.querySelector(script.dataset.target) : null;
  if (target) target.append(thread);
  else script.after(thread);
}

/** The canonical link's path, when the page names one. */
function canonicalPath(): string | undefined {
  const href = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  try {
    return href ? new URL(href).pathname : undefined;
  } catch {
    return undefined;
  }
}
