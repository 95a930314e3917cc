import { Types } from 'mongoose';
import type { CommentType } from '../../../contract/enums.js';
import { isAwaiting } from '../comments/awaiting-reply-keeper.js';
import { replyPlacement } from '../comments/reply-placement.js';
import type { ImportedComment, ImportedPage, ImportedStatus, ImportSkip } from './records.js';

type Placement = ReturnType<typeof replyPlacement>;

/** What the plan keeps of a comment: only what the tree, the counters and the waiting state need. */
interface Node {
  id: Types.ObjectId;
  source: string;
  /** How the skipped list names it: "disqus comment 6". */
  label: string;
  parentSource: string | null;
  /** The export's page id (new comments); resolved to `pageKey`. */
  pageSource: string | null;
  pageKey: string | null;
  status: ImportedStatus;
  type: CommentType;
  isAuthor: boolean;
  createdAt: number;
  noReplyNeeded: boolean;
  /** Already in the database from an earlier import: its place there is final. */
  stored: boolean;
  parent: Node | null;
  keep: boolean;
  placement: Placement | null;
  answers: number;
  /** Set while walking up from a comment, to find a file whose replies form a loop. */
  walk: number;
}

/** How a new comment goes in: where in the tree, and its derived state. */
export interface PlannedComment {
  id: Types.ObjectId;
  pageKey: string;
  placement: Placement;
  authorRepliesBelow: number;
  awaitingReply: boolean;
  noReplyNeeded: boolean;
}

/** What a page becomes; `needed` when a comment that is not spam is on it (spam makes no page). */
export interface PlannedPage {
  key: string;
  url: string | null;
  title: string;
  closed: boolean;
  needed: boolean;
  /** The earliest comment on it: when the page came to be, as far as Rapport can tell. */
  createdAt: number;
}

export interface PlanFigures {
  pages: number;
  comments: number;
  published: number;
  pending: number;
  spam: number;
  deleted: number;
  mentions: number;
  authorComments: number;
  waiting: number;
  /** Unanswered reader comments older than the cut-off: imported as no reply needed. */
  noReplyNeeded: number;
  /** Replies whose parent is not in the file, imported at the top of their page. */
  orphans: number;
  alreadyImported: number;
}

/**
 * Turns the comments of an export, in whatever order the file lists them, into the tree they
 * form: each one's page, parent, ancestors (bounded by the deepest level a thread may have), the
 * author answers beneath it and whether it still waits. Holds a few fields per comment, never
 * their text. Comments an earlier import stored take part as parents and answered comments.
 */
export class ImportPlan {
  private readonly bySource = new Map<string, Node>();
  private readonly byId = new Map<string, Node>();
  private readonly pages = new Map<string, Omit<PlannedPage, 'needed' | 'createdAt'>>();
  private readonly skipped: ImportSkip[] = [];
  private alreadyImported = 0;
  private walks = 0;

  constructor(
    private readonly maxDepth: number,
    /** Unanswered reader comments written before it are imported as no reply needed. */
    private readonly waitingSince: Date,
  ) {}

  addPage(page: ImportedPage): void {
    this.pages.set(page.sourceId, { key: page.key, url: page.url, title: page.title, closed: page.closed });
  }

  /** A comment an earlier import stored, with its place in its thread. */
  addStored(source: string, stored: { _id: Types.ObjectId; pageKey: string; ancestors: Types.ObjectId[]; inReplyTo: Types.ObjectId | null; status: ImportedStatus; isAuthor: boolean }): void {
    const node = this.node(source, { id: stored._id, pageKey: stored.pageKey, status: stored.status, isAuthor: stored.isAuthor, stored: true, keep: true });
    node.placement = { parentId: stored.ancestors.at(stored.inReplyTo ? -2 : -1) ?? null, ancestors: stored.ancestors, inReplyTo: stored.inReplyTo };
  }

  /** A comment of the file; false when an earlier import already stored it. */
  addComment(comment: ImportedComment, isAuthor: boolean): boolean {
    if (this.bySource.has(comment.source.id)) {
      this.alreadyImported++;
      return false;
    }
    this.node(comment.source.id, {
      id: new Types.ObjectId(),
      label: `${comment.source.system} comment ${comment.source.id}`,
      parentSource: comment.parentSourceId,
      pageSource: comment.pageSourceId,
      status: comment.status,
      type: comment.type,
      isAuthor,
      createdAt: comment.createdAt.getTime(),
      noReplyNeeded: comment.noReplyNeeded,
    });
    return true;
  }

  skip(skip: ImportSkip): void {
    this.skipped.push(skip);
  }

  /** Decides every comment's place, once the whole file has been read. */
  settle(): { figures: PlanFigures; skipped: ImportSkip[]; pages: Map<string, PlannedPage>; storedAnswered: Array<{ id: Types.ObjectId; pageKey: string; count: number }> } {
    const fresh = [...this.bySource.values()].filter((node) => !node.stored);
    let orphans = 0;
    for (const node of fresh) {
      node.pageKey = (node.pageSource !== null && this.pages.get(node.pageSource)?.key) || null;
      if (node.pageKey === null) this.skipped.push({ kind: 'skipped', source: node.label, why: `its page (${node.pageSource}) is missing from the file or was skipped` });
    }
    for (const node of fresh) {
      if (node.pageKey === null || node.parentSource === null) continue;
      const parent = this.bySource.get(node.parentSource);
      if (parent && parent.pageKey === node.pageKey) node.parent = parent;
      else orphans++;
    }
    for (const node of fresh) this.breakLoops(node);
    for (const node of fresh) if (node.pageKey !== null && node.status !== 'deleted') this.keepWithAncestors(node);
    const kept = fresh.filter((node) => node.keep);
    for (const node of kept) this.place(node);
    const storedAnswered = new Map<string, { id: Types.ObjectId; pageKey: string; count: number }>();
    for (const node of kept) {
      if (!node.isAuthor || node.status !== 'published') continue;
      for (const ancestor of node.placement!.ancestors) {
        const above = this.byId.get(ancestor.toHexString());
        if (!above) continue;
        if (!above.stored) above.answers++;
        else {
          const entry = storedAnswered.get(ancestor.toHexString()) ?? { id: ancestor, pageKey: above.pageKey!, count: 0 };
          entry.count++;
          storedAnswered.set(ancestor.toHexString(), entry);
        }
      }
    }
    // Ten years of comments must not all wait: those older than the cut-off need no reply (the inbox can bring them back).
    let cutOff = 0;
    for (const node of kept) {
      if (!this.awaits(node) || node.createdAt >= this.waitingSince.getTime()) continue;
      node.noReplyNeeded = true;
      cutOff++;
    }
    const pages = this.pagesOf(kept);
    const figures = { ...this.count(kept), noReplyNeeded: cutOff, orphans, pages: [...pages.values()].filter((page) => page.needed).length };
    return { figures, skipped: this.skipped, pages, storedAnswered: [...storedAnswered.values()] };
  }

  /** How a new comment goes in; null when it is not imported (no page, or a removed comment nobody answered). */
  planned(source: string): PlannedComment | null {
    const node = this.bySource.get(source);
    if (!node || node.stored || !node.keep) return null;
    return {
      id: node.id,
      pageKey: node.pageKey!,
      placement: node.placement!,
      authorRepliesBelow: node.answers,
      awaitingReply: this.awaits(node),
      noReplyNeeded: node.noReplyNeeded,
    };
  }

  /** Whether a comment of this import, or one an earlier import stored, is an author's. */
  isAuthorComment(id: Types.ObjectId): boolean {
    return this.byId.get(id.toHexString())?.isAuthor ?? false;
  }

  private node(source: string, fields: Partial<Node> & Pick<Node, 'id' | 'status' | 'isAuthor'>): Node {
    const node: Node = {
      source, label: source, parentSource: null, pageSource: null, pageKey: null, type: 'comment', createdAt: 0, noReplyNeeded: false, stored: false,
      parent: null, keep: false, placement: null, answers: 0, walk: 0, ...fields,
    };
    this.bySource.set(source, node);
    this.byId.set(node.id.toHexString(), node);
    return node;
  }

  /** A file whose replies form a loop (A answers B answers A) has one of them moved to the top of its page. */
  private breakLoops(start: Node): void {
    const walk = ++this.walks;
    let node: Node | null = start;
    while (node && !node.stored && node.walk !== -1) {
      node.walk = walk;
      const parent: Node | null = node.parent;
      if (parent?.walk === walk) node.parent = null;
      node = node.parent;
    }
    // Everything on this walk now leads to the top: later walks stop here.
    for (let done: Node | null = start; done && !done.stored && done.walk === walk; done = done.parent) done.walk = -1;
  }

  /** A comment is kept, and so is every removed comment above it: its placeholder holds its place. */
  private keepWithAncestors(node: Node): void {
    for (let at: Node | null = node; at && !at.keep; at = at.parent) at.keep = true;
  }

  /** Places a comment under its parent, placing the parents above it first (iteratively: a file may nest 10,000 deep). */
  private place(node: Node): void {
    const chain: Node[] = [];
    for (let at: Node | null = node; at && !at.placement; at = at.parent) chain.push(at);
    for (const at of chain.reverse()) {
      const parent = at.parent;
      at.placement = replyPlacement(parent && { _id: parent.id, ancestors: parent.placement!.ancestors, inReplyTo: parent.placement!.inReplyTo }, this.maxDepth);
    }
  }

  private awaits(node: Node): boolean {
    return isAwaiting({ status: node.status, isAuthor: node.isAuthor, noReplyNeeded: node.noReplyNeeded, authorRepliesBelow: node.answers, type: node.type });
  }

  private count(kept: Node[]): Omit<PlanFigures, 'pages' | 'noReplyNeeded' | 'orphans'> {
    const figures = { comments: kept.length, published: 0, pending: 0, spam: 0, deleted: 0, mentions: 0, authorComments: 0, waiting: 0, alreadyImported: this.alreadyImported };
    for (const node of kept) {
      figures[node.status]++;
      if (node.type !== 'comment') figures.mentions++;
      if (node.isAuthor) figures.authorComments++;
      if (this.awaits(node)) figures.waiting++;
    }
    return figures;
  }

  private pagesOf(kept: Node[]): Map<string, PlannedPage> {
    const byKey = new Map<string, PlannedPage>();
    for (const node of kept) {
      const key = node.pageKey!;
      const page = byKey.get(key) ?? { ...this.pageByKey(node), needed: false, createdAt: node.createdAt };
      page.needed ||= node.status !== 'spam';
      page.createdAt = Math.min(page.createdAt, node.createdAt);
      byKey.set(key, page);
    }
    return byKey;
  }

  private pageByKey(node: Node): Omit<PlannedPage, 'needed' | 'createdAt'> {
    return this.pages.get(node.pageSource!)!;
  }
}
