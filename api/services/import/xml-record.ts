/**
 * One record element of an XML export (a Disqus `<post>`, a WordPress `<wp:comment>`…) with the
 * text of everything inside it, keyed by path relative to it: `author/name`, `wp:comment_id`,
 * `thread@dsq:id` (an attribute), `@dsq:id` (its own attribute). Prefixes are canonical (the
 * format's, whatever the file calls them). The first occurrence of a path wins.
 */
export class XmlRecord {
  readonly fields = new Map<string, string>();
  /** Paths whose text was longer than the cap (it was not kept whole). */
  readonly tooLong = new Set<string>();
  /** All fields together grew past the record cap; fields after that were not kept. */
  tooLarge = false;
  /** Elements nested deeper in it than the record cap allows; their text was not kept. */
  tooDeep = false;
  /** How deep the element being read sits in the record (the record element is 0). */
  depth = 0;
  chars = 0;

  constructor(
    /** Canonical element name, e.g. `wp:comment`. */
    readonly name: string,
    readonly line: number,
    /** The record it sits in (a WordPress comment's item), or null. */
    readonly parent: XmlRecord | null,
  ) {}

  /** A field's text, trimmed (exports pad values with whitespace); null when the element or attribute is absent. */
  text(path: string): string | null {
    const value = this.fields.get(path);
    return value === undefined ? null : value.trim();
  }

  /** Like text(), but null for an empty value too. */
  value(path: string): string | null {
    return this.text(path) || null;
  }
}
