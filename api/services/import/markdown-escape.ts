/**
 * Which characters of plain text must be backslash-escaped so that Markdown shows them as they
 * are (`*`, `_`, `\o/ ¯\_(ツ)_/¯`, a line starting with `1.` or `-`, an `&amp;` that is text).
 * The same rules serve the HTML converter (for its text nodes) and the plain-text fast paths,
 * so a text gives the same Markdown whichever path it takes.
 */
export const ESCAPE_RULES = {
  globalEscape: [/[\\`*_~[\]]|&(?=#?[a-z0-9]+;)/gim, '\\$&'] as [RegExp, string],
  lineStartEscape: [/^(\s*?)(?:([+=>-]|#{1,6}\s)|(\d+)([.)]\s))/gm, '$1$3\\$2$4'] as [RegExp, string],
};

/** Plain text as Markdown that renders to that same text. */
export function escapeMarkdown(text: string): string {
  return text.replace(...ESCAPE_RULES.globalEscape).replace(...ESCAPE_RULES.lineStartEscape);
}
