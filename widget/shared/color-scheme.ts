/**
 * Whether the blog around an element is dark: the luminance of the first opaque background up
 * its ancestors. This follows a blog's own dark mode, whatever mechanism it uses.
 */
export function blogIsDark(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const rgba = getComputedStyle(node).backgroundColor.match(/[\d.]+/g)?.map(Number);
    if (!rgba || rgba.length < 3 || (rgba.length === 4 && rgba[3]! < 0.5)) continue;
    const [r, g, b] = rgba.map((v) => v / 255) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45;
  }
  return matchMedia('(prefers-color-scheme: dark)').matches && getComputedStyle(document.documentElement).colorScheme.includes('dark');
}

/**
 * Calls `apply` now, whenever the system's color scheme changes, and whenever the page's `html`
 * or `body` changes its attributes (a blog theme's dark-mode toggle swaps a class, a data
 * attribute or a style there); answers how to stop.
 */
export function followBlogScheme(apply: () => void): () => void {
  const query = matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', apply);
  const toggles = new MutationObserver(apply);
  for (const element of [document.documentElement, document.body]) toggles.observe(element, { attributes: true });
  apply();
  return () => {
    query.removeEventListener('change', apply);
    toggles.disconnect();
  };
}
