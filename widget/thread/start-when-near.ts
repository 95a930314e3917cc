/**
 * Calls `start` once, when the element comes within 600 px of the viewport (at once where the
 * browser has no IntersectionObserver): a thread far down a page fetches nothing until then.
 * Answers how to stop watching.
 */
export function startWhenNear(element: Element, start: () => void): () => void {
  if (!('IntersectionObserver' in window)) {
    start();
    return () => undefined;
  }
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      start();
    }
  }, { rootMargin: '600px 0px' });
  observer.observe(element);
  return () => observer.disconnect();
}
