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

/** Calls `apply` now and whenever the system's color scheme changes; answers how to stop. */
export function followSystemScheme(apply: () => void): () => void {
  const query = matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', apply);
  apply();
  return () => query.removeEventListener('change', apply);
}
