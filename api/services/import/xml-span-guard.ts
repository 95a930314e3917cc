/**
 * Stands in front of the XML parser so that no run of characters longer than the cap reaches it:
 * saxes keeps a whole text, CDATA section, comment or tag in memory until it ends, so a 50 MB
 * comment would otherwise be held whole. A longer run is cut at the cap and ends with
 * OVERSIZE_MARK, which the record collector turns into "too long"; the rest of the run is dropped.
 */

/** Marks where the guard cut a run; a noncharacter, so no export legitimately holds it (it is replaced if one does). */
export const OVERSIZE_MARK = '\uFDD0';

type State = 'text' | 'tag' | 'cdata' | 'comment' | 'pi';

const ENDS: Record<Exclude<State, 'text'>, string> = { tag: '>', cdata: ']]>', comment: '-->', pi: '?>' };
const OPENERS: Array<[string, State]> = [['<![CDATA[', 'cdata'], ['<!--', 'comment'], ['<?', 'pi']];
const LONGEST_OPENER = 9;

export class XmlSpanGuard {
  private state: State = 'text';
  private run = 0;
  private cut = false;
  private carry = '';
  private text = '';
  /** Where the part of `text` not yet passed on starts. */
  private written = 0;
  /** Newlines dropped so far with cut runs: parser positions after a cut are this many lines early. */
  droppedLines = 0;

  constructor(
    private readonly cap: number,
    private readonly write: (piece: string) => void,
  ) {}

  /** Passes `chunk` on to `write` (whole, unless a run in it is over the cap). */
  feed(chunk: string): void {
    const text = this.carry + (chunk.includes(OVERSIZE_MARK) ? chunk.replaceAll(OVERSIZE_MARK, '\uFFFD') : chunk);
    this.text = text;
    this.written = 0;
    this.carry = '';
    let at = 0;
    while (at < text.length) {
      const end = this.state === 'text' ? text.indexOf('<', at) : text.indexOf(ENDS[this.state], at);
      if (end === -1) {
        // The end of a run may straddle chunks (`]]` then `>`): hold back what could be its start.
        const keep = this.state === 'text' ? 0 : ENDS[this.state].length - 1;
        return this.finish(Math.max(at, text.length - keep), at);
      }
      this.content(at, end);
      if (this.state !== 'text') {
        at = end + ENDS[this.state].length;
        this.begin('text');
        continue;
      }
      if (text.length - end < LONGEST_OPENER && !this.decided(end)) return this.finish(end, end);
      const next = text.charCodeAt(end + 1);
      // Most markup is a plain tag; only `<!` and `<?` can open anything else.
      const [opener, state] = (next === 0x21 || next === 0x3f ? OPENERS.find(([o]) => text.startsWith(o, end)) : undefined) ?? ['<', 'tag' as const];
      at = end + opener.length;
      this.begin(state);
    }
    this.finish(text.length, text.length);
  }

  /** Whatever was held back at the end of the input. */
  end(): void {
    if (this.carry) this.write(this.carry);
    this.carry = '';
  }

  /** Passes on the text up to `stop` and holds back the rest for the next chunk. */
  private finish(stop: number, contentFrom: number): void {
    this.content(contentFrom, stop);
    if (stop > this.written) this.write(this.text.slice(this.written, stop));
    this.carry = this.text.slice(stop);
    this.text = '';
  }

  /** Whether the markup starting at `at` is known to be a tag, CDATA, comment or PI with the text so far. */
  private decided(at: number): boolean {
    const rest = this.text.slice(at);
    return OPENERS.some(([opener]) => rest.startsWith(opener)) || !OPENERS.some(([opener]) => opener.startsWith(rest));
  }

  private begin(state: State): void {
    this.state = state;
    this.run = 0;
    this.cut = false;
  }

  /** The characters from `start` to `end` belong to the current run. */
  private content(start: number, end: number): void {
    if (end <= start) return;
    if (this.cut) return this.drop(start, end);
    const room = this.cap - this.run;
    this.run += end - start;
    if (end - start <= room) return;
    const cutAt = this.safeCut(start, start + room);
    this.write(this.text.slice(this.written, cutAt) + OVERSIZE_MARK);
    this.cut = true;
    this.drop(cutAt, end);
  }

  /** `end`, backed off so as not to split a surrogate pair or an entity reference. */
  private safeCut(start: number, end: number): number {
    let cutAt = end;
    const code = this.text.charCodeAt(cutAt - 1);
    if (code >= 0xd800 && code <= 0xdbff) cutAt -= 1;
    if (this.state === 'text') {
      const amp = this.text.lastIndexOf('&', cutAt - 1);
      if (amp >= start && this.text.indexOf(';', amp) >= cutAt) cutAt = amp;
    }
    return Math.max(start, cutAt);
  }

  private drop(start: number, end: number): void {
    for (let i = this.text.indexOf('\n', start); i !== -1 && i < end; i = this.text.indexOf('\n', i + 1)) this.droppedLines += 1;
    this.written = end;
  }
}
