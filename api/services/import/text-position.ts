/** A line and column (both from 1, columns in UTF-16 units) in a text that is read piece by piece. */
export class TextPosition {
  line = 1;
  column = 1;

  /** Moves past `text`. */
  advance(text: string): void {
    let last = -1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.line += 1;
      last = i;
    }
    this.column = last === -1 ? this.column + text.length : text.length - last;
  }
}
