import type { ImportSummary } from '../../../contract/author-api.js';
import { Types } from 'mongoose';
import { COMMENT_STATUSES, COMMENT_TYPES } from '../../../contract/enums.js';
import { isAwaiting } from '../comments/awaiting-reply-keeper.js';
import { replyPlacement, type Placement } from '../comments/reply-placement.js';
import { FLAG, PlanColumns } from './plan-columns.js';
import { PlanPages, type CommentOnPage, type PlannedPage, type PostAuthorOf } from './plan-pages.js';
import type { ImportedComment, ImportedPage, ImportedStatus, ImportSkip } from './records.js';

/** How a new comment goes in: where in the tree, and its derived state. */
export interface PlannedComment {
  id: Types.ObjectId;
  pageKey: string;
  placement: Placement;
  authorRepliesBelow: number;
  awaitingReply: boolean;
  noReplyNeeded: boolean;
  /** The comment it answers is an author's. */
  repliesToAuthor: boolean;
}

/** The figures of the summary that the plan decides (the writer adds the rest). */
export type PlanFigures = Pick<
  ImportSummary,
  'pages' | 'comments' | 'published' | 'pending' | 'spam' | 'deleted' | 'mentions' | 'authorComments' | 'waiting' | 'noReplyNeeded' | 'orphans' | 'alreadyImported'
>;

/** A comment above another: a slot of the plan, or an ancestor of a stored comment known only by its id. */
type Ref = number | Types.ObjectId;

/**
 * Turns the comments of an export, in whatever order the file lists them, into the tree they
 * form: each one's page, parent, ancestors (bounded by the deepest level a thread may have), the
 * author answers beneath it and whether it still waits. Holds a few numbers per comment in
 * columns (PlanColumns), never their text, and works out a comment's ancestors when asked.
 * Comments an earlier import stored take part as parents and answered comments.
 */
export class ImportPlan {
  private readonly nodes = new PlanColumns();
  /** Slot of each source id: of a comment, or of a parent a reply names. */
  private readonly slots = new Map<string, number>();
  private readonly sources: string[] = [];
  private readonly pages = new PlanPages();
  private readonly skipped: ImportSkip[] = [];
  private system = '';
  private alreadyImported = 0;
  private walks = 0;

  constructor(
    private readonly maxDepth: number,
    /** Unanswered reader comments written before it are imported as no reply needed. */
    private readonly waitingSince: Date,
  ) {}

  addPage(page: ImportedPage): void {
    this.pages.add(page);
  }

  /** A comment an earlier import stored, with its place in its thread. */
  addStored(source: string, stored: { _id: Types.ObjectId; pageKey: string; ancestors: Types.ObjectId[]; inReplyTo: Types.ObjectId | null; status: ImportedStatus; isAuthor: boolean }): void {
    const slot = this.slot(source);
    const { nodes } = this;
    nodes.set(slot, FLAG.present | FLAG.stored | FLAG.keep | (stored.isAuthor ? FLAG.isAuthor : 0) | (stored.inReplyTo ? FLAG.repliedAbove : 0));
    nodes.setId(slot, stored._id);
    nodes.setPath(slot, stored.ancestors);
    nodes.status[slot] = COMMENT_STATUSES.indexOf(stored.status);
    nodes.pageKey[slot] = this.pages.keySlot(stored.pageKey);
  }

  /** A comment of the file; false when an earlier import already stored it (or the file lists it twice). */
  addComment(comment: ImportedComment, isAuthor: boolean): boolean {
    const slot = this.slot(comment.source.id);
    const { nodes } = this;
    if (nodes.has(slot, FLAG.present)) {
      this.alreadyImported++;
      return false;
    }
    this.system = comment.source.system;
    nodes.set(slot, FLAG.present | (isAuthor ? FLAG.isAuthor : 0) | (comment.noReplyNeeded ? FLAG.noReplyNeeded : 0));
    nodes.setId(slot, new Types.ObjectId());
    nodes.parent[slot] = comment.parentSourceId === null ? -1 : this.slot(comment.parentSourceId);
    nodes.pageSource[slot] = comment.pageSourceId === null ? -1 : this.pages.sourceSlot(comment.pageSourceId);
    nodes.status[slot] = COMMENT_STATUSES.indexOf(comment.status);
    nodes.type[slot] = COMMENT_TYPES.indexOf(comment.type);
    nodes.createdAt[slot] = comment.createdAt.getTime();
    return true;
  }

  skip(skip: ImportSkip): void {
    this.skipped.push(skip);
  }

  /** Decides every comment's place, and each page's author by `authorOf`, once the whole file has been read. */
  settle(authorOf: PostAuthorOf): { figures: PlanFigures; skipped: ImportSkip[]; pages: Map<string, PlannedPage>; storedAnswered: Array<{ id: Types.ObjectId; pageKey: string; count: number }> } {
    const { nodes } = this;
    const fresh: number[] = [];
    for (let slot = 0; slot < nodes.count; slot++) if (nodes.has(slot, FLAG.present) && !nodes.has(slot, FLAG.stored)) fresh.push(slot);
    for (const slot of fresh) {
      const page = this.pages.exportedAt(nodes.pageSource[slot]!);
      if (page) nodes.pageKey[slot] = this.pages.keySlot(page.key);
      else this.skipped.push({ kind: 'skipped', source: `${this.system} comment ${this.sources[slot]}`, why: `its page (${this.pages.sourceAt(nodes.pageSource[slot]!) ?? null}) is missing from the file or was skipped` });
    }
    let orphans = 0;
    for (const slot of fresh) {
      const parent = nodes.parent[slot]!;
      if (parent === -1) continue;
      const linked = nodes.pageKey[slot] !== -1 && nodes.has(parent, FLAG.present) && nodes.pageKey[parent] === nodes.pageKey[slot];
      if (!linked) nodes.parent[slot] = -1;
      if (!linked && nodes.pageKey[slot] !== -1) orphans++;
    }
    for (const slot of fresh) this.breakLoops(slot);
    for (const slot of fresh) if (nodes.pageKey[slot] !== -1 && this.status(slot) !== 'deleted') this.keepWithAncestors(slot);
    const kept = fresh.filter((slot) => nodes.has(slot, FLAG.keep));
    const storedAnswered = this.countAnswers(kept);
    // Ten years of comments must not all wait: those older than the cut-off need no reply (the inbox can bring them back).
    let cutOff = 0;
    for (const slot of kept) {
      if (!this.awaits(slot) || nodes.createdAt[slot]! >= this.waitingSince.getTime()) continue;
      nodes.set(slot, FLAG.noReplyNeeded);
      cutOff++;
    }
    const pages = this.pages.planned(this.onPages(kept), authorOf);
    const figures = { ...this.count(kept), noReplyNeeded: cutOff, orphans, pages: [...pages.values()].filter((page) => page.needed).length };
    return { figures, skipped: this.skipped, pages, storedAnswered };
  }

  /** How a new comment goes in; null when it is not imported (no page, or a removed comment nobody answered). */
  planned(source: string): PlannedComment | null {
    const slot = this.slots.get(source);
    const { nodes } = this;
    if (slot === undefined || nodes.has(slot, FLAG.stored) || !nodes.has(slot, FLAG.keep)) return null;
    const placement = this.placement(slot);
    const parent = nodes.parent[slot]!;
    return {
      id: nodes.id(slot),
      pageKey: this.pages.keyAt(nodes.pageKey[slot]!),
      placement: { parentId: this.idOf(placement.parentId), ancestors: placement.ancestors.map((ref) => this.idOf(ref)!), inReplyTo: this.idOf(placement.inReplyTo) },
      authorRepliesBelow: nodes.answers[slot]!,
      awaitingReply: this.awaits(slot),
      noReplyNeeded: nodes.has(slot, FLAG.noReplyNeeded),
      repliesToAuthor: parent !== -1 && nodes.has(parent, FLAG.isAuthor),
    };
  }

  private slot(source: string): number {
    let slot = this.slots.get(source);
    if (slot === undefined) {
      slot = this.nodes.add();
      this.slots.set(source, slot);
      this.sources[slot] = source;
    }
    return slot;
  }

  private idOf(ref: Ref | null): Types.ObjectId | null {
    return typeof ref === 'number' ? this.nodes.id(ref) : ref;
  }

  private status(slot: number): ImportedStatus {
    return COMMENT_STATUSES[this.nodes.status[slot]!]!;
  }

  /**
   * Where a comment goes, worked out from the chain above it (walked up iteratively: a file may
   * nest 10,000 deep). A comment's own ancestors are the first `maxDepth` of that chain: the
   * place replyPlacement gives it, applied level by level from the top.
   */
  private placement(slot: number): Placement<Ref> {
    const { nodes } = this;
    const parent = nodes.parent[slot]!;
    if (parent === -1) return replyPlacement<Ref>(null, this.maxDepth);
    if (nodes.has(parent, FLAG.stored)) return replyPlacement<Ref>({ _id: parent, ancestors: this.storedTreePath(parent), inReplyTo: null }, this.maxDepth);
    const above: number[] = [];
    let at = nodes.parent[parent]!;
    for (; at !== -1 && !nodes.has(at, FLAG.stored); at = nodes.parent[at]!) above.push(at);
    const chain: Ref[] = at === -1 ? [] : [...this.storedTreePath(at), at];
    for (let i = above.length - 1; i >= 0 && chain.length < this.maxDepth; i--) chain.push(above[i]!);
    return replyPlacement<Ref>({ _id: parent, ancestors: chain.slice(0, this.maxDepth), inReplyTo: null }, this.maxDepth);
  }

  /** A stored comment's place in the tree, without the comment it answers from higher up. */
  private storedTreePath(slot: number): Types.ObjectId[] {
    const path = this.nodes.path(slot);
    return this.nodes.has(slot, FLAG.repliedAbove) ? path.slice(0, -1) : path;
  }

  /** Each kept author answer counts on every comment above it: new ones here, stored ones in the database. */
  private countAnswers(kept: number[]): Array<{ id: Types.ObjectId; pageKey: string; count: number }> {
    const { nodes } = this;
    const storedAnswered = new Map<string, { id: Types.ObjectId; pageKey: string; count: number }>();
    for (const slot of kept) {
      if (!nodes.has(slot, FLAG.isAuthor) || this.status(slot) !== 'published') continue;
      for (const ref of this.placement(slot).ancestors) {
        if (typeof ref === 'number' && !nodes.has(ref, FLAG.stored)) {
          nodes.answers[ref]!++;
          continue;
        }
        const id = this.idOf(ref)!;
        const entry = storedAnswered.get(id.toHexString()) ?? { id, pageKey: this.pages.keyAt(nodes.pageKey[slot]!), count: 0 };
        entry.count++;
        storedAnswered.set(id.toHexString(), entry);
      }
    }
    return [...storedAnswered.values()];
  }

  /** A file whose replies form a loop (A answers B answers A) has one of them moved to the top of its page. */
  private breakLoops(start: number): void {
    const { nodes } = this;
    const walk = ++this.walks;
    let at = start;
    while (at !== -1 && !nodes.has(at, FLAG.stored) && nodes.walk[at] !== -1) {
      nodes.walk[at] = walk;
      const parent = nodes.parent[at]!;
      if (parent !== -1 && nodes.walk[parent] === walk) nodes.parent[at] = -1;
      at = nodes.parent[at]!;
    }
    // Everything on this walk now leads to the top: later walks stop here.
    for (let done = start; done !== -1 && !nodes.has(done, FLAG.stored) && nodes.walk[done] === walk; done = nodes.parent[done]!) nodes.walk[done] = -1;
  }

  /** A comment is kept, and so is every removed comment above it: its placeholder holds its place. */
  private keepWithAncestors(slot: number): void {
    for (let at = slot; at !== -1 && !this.nodes.has(at, FLAG.keep); at = this.nodes.parent[at]!) this.nodes.set(at, FLAG.keep);
  }

  private awaits(slot: number): boolean {
    const { nodes } = this;
    return isAwaiting({
      status: this.status(slot),
      isAuthor: nodes.has(slot, FLAG.isAuthor),
      noReplyNeeded: nodes.has(slot, FLAG.noReplyNeeded),
      authorRepliesBelow: nodes.answers[slot]!,
      type: COMMENT_TYPES[nodes.type[slot]!]!,
    });
  }

  private count(kept: number[]): Omit<PlanFigures, 'pages' | 'noReplyNeeded' | 'orphans'> {
    const figures = { comments: kept.length, published: 0, pending: 0, spam: 0, deleted: 0, mentions: 0, authorComments: 0, waiting: 0, alreadyImported: this.alreadyImported };
    for (const slot of kept) {
      figures[this.status(slot)]++;
      if (this.nodes.type[slot] !== 0) figures.mentions++;
      if (this.nodes.has(slot, FLAG.isAuthor)) figures.authorComments++;
      if (this.awaits(slot)) figures.waiting++;
    }
    return figures;
  }

  private *onPages(kept: number[]): Iterable<CommentOnPage> {
    for (const slot of kept) yield { pageSource: this.nodes.pageSource[slot]!, createdAt: this.nodes.createdAt[slot]!, spam: this.status(slot) === 'spam' };
  }
}
