import { Types } from 'mongoose';

const ID_BYTES = 12;

/** What a comment of the plan is, one bit each. */
export const FLAG = {
  /** In the file or stored; a slot can also exist only because a reply names it as its parent. */
  present: 1,
  /** Already in the database from an earlier import: its place there is final. */
  stored: 2,
  isAuthor: 4,
  noReplyNeeded: 8,
  keep: 16,
  /** A stored comment placed higher than the one it answers: its last ancestor is that one (`inReplyTo`). */
  repliedAbove: 32,
} as const;

/**
 * The plan's comments as columns: one typed array per field, indexed by the comment's slot and
 * grown by doubling. A 100,000-comment blog costs a few MB here, where an object per comment
 * (with its ObjectId, strings and ancestor array) cost over a hundred.
 */
export class PlanColumns {
  count = 0;
  /** The parent's slot, or -1. */
  parent = new Int32Array(0);
  /** The export's page of a new comment, as a slot of the plan's page sources, or -1. */
  pageSource = new Int32Array(0);
  /** The page key, as an index into the plan's page keys, or -1 (none, or not settled yet). */
  pageKey = new Int32Array(0);
  createdAt = new Float64Array(0);
  answers = new Int32Array(0);
  /** Set while walking up from a comment, to find a file whose replies form a loop. */
  walk = new Int32Array(0);
  status = new Uint8Array(0);
  type = new Uint8Array(0);
  flags = new Uint8Array(0);
  /** A stored comment's ancestors: where they start in `paths`, and how many. */
  pathStart = new Int32Array(0);
  pathLength = new Int32Array(0);
  private ids = new Uint8Array(0);
  private paths = new Uint8Array(0);
  private pathBytes = 0;

  /** A new slot: no parent, no page, nothing set. */
  add(): number {
    if (this.count === this.parent.length) this.grow(Math.max(1024, this.count * 2));
    return this.count++;
  }

  has(slot: number, flag: number): boolean {
    return (this.flags[slot]! & flag) !== 0;
  }

  set(slot: number, flag: number, on = true): void {
    this.flags[slot] = on ? this.flags[slot]! | flag : this.flags[slot]! & ~flag;
  }

  setId(slot: number, id: Types.ObjectId): void {
    this.ids.set(id.id, slot * ID_BYTES);
  }

  id(slot: number): Types.ObjectId {
    return new Types.ObjectId(Buffer.from(this.ids.subarray(slot * ID_BYTES, (slot + 1) * ID_BYTES)));
  }

  setPath(slot: number, ancestors: Types.ObjectId[]): void {
    const needed = this.pathBytes + ancestors.length * ID_BYTES;
    if (needed > this.paths.length) this.paths = grown(this.paths, Math.max(needed, this.paths.length * 2, 4096));
    this.pathStart[slot] = this.pathBytes / ID_BYTES;
    this.pathLength[slot] = ancestors.length;
    for (const ancestor of ancestors) {
      this.paths.set(ancestor.id, this.pathBytes);
      this.pathBytes += ID_BYTES;
    }
  }

  /** A stored comment's ancestors, as stored. */
  path(slot: number): Types.ObjectId[] {
    const start = this.pathStart[slot]!;
    return Array.from({ length: this.pathLength[slot]! }, (_, i) => new Types.ObjectId(Buffer.from(this.paths.subarray((start + i) * ID_BYTES, (start + i + 1) * ID_BYTES))));
  }

  private grow(size: number): void {
    this.parent = grown(this.parent, size, -1);
    this.pageSource = grown(this.pageSource, size, -1);
    this.pageKey = grown(this.pageKey, size, -1);
    this.createdAt = grown(this.createdAt, size);
    this.answers = grown(this.answers, size);
    this.walk = grown(this.walk, size);
    this.status = grown(this.status, size);
    this.type = grown(this.type, size);
    this.flags = grown(this.flags, size);
    this.pathStart = grown(this.pathStart, size);
    this.pathLength = grown(this.pathLength, size);
    this.ids = grown(this.ids, size * ID_BYTES);
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(values: T, size: number, fill = 0): T {
  const next = new (values.constructor as new (size: number) => T)(size);
  if (fill !== 0) next.fill(fill, values.length);
  next.set(values);
  return next;
}
