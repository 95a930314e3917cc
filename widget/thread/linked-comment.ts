/** The page URL may point at a comment (#comment-ID), which lives in the thread's shadow root: it is scrolled to and focused. */
export function revealLinkedComment(root: ParentNode): void {
  if (!location.hash.startsWith('#comment-')) return;
  const target = root.querySelector<HTMLElement>(`[id="${CSS.escape(location.hash.slice(1))}"]`);
  target?.scrollIntoView({ block: 'center' });
  target?.focus({ preventScroll: true });
}
