/**
 * Registers an element unless the tag is taken: a blog may load embed.js twice, and a second
 * `define` would throw and stop the second copy from doing anything useful.
 */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
