import type { Types } from 'mongoose';
import type { ImportedCreator, ImportedPage } from './records.js';

/** What a page becomes; `needed` when a comment that is not spam is on it (spam makes no page). */
export interface PlannedPage {
  key: string;
  url: string | null;
  title: string;
  closed: boolean;
  /** The site author the export says wrote the post; null when it names none of them. */
  authorId: Types.ObjectId | null;
  needed: boolean;
  /** The earliest comment on it: when the page came to be, as far as Rapport can tell. */
  createdAt: number;
}

/** The site author who wrote a post the export credits to `creator`, or null. */
export type PostAuthorOf = (creator: ImportedCreator) => Types.ObjectId | null;

/** A kept comment, as far as its page is concerned. */
export interface CommentOnPage {
  pageSource: number;
  createdAt: number;
  spam: boolean;
}

type PageOfExport = Pick<ImportedPage, 'key' | 'url' | 'title' | 'closed' | 'creator'>;

/**
 * The import plan's pages: the export's posts by the slot of their source id (a comment may name
 * its page before the file describes it, or one it never describes), and the page keys comments
 * are placed under, each string held once.
 */
export class PlanPages {
  private readonly sourceSlots = new Map<string, number>();
  private readonly sources: string[] = [];
  private readonly exported: Array<PageOfExport | undefined> = [];
  private readonly keySlots = new Map<string, number>();
  private readonly keys: string[] = [];

  add(page: ImportedPage): void {
    const { key, url, title, closed, creator } = page;
    this.exported[this.sourceSlot(page.sourceId)] = { key, url, title, closed, creator };
  }

  sourceSlot(source: string): number {
    return interned(this.sourceSlots, this.sources, source);
  }

  /** The source id of a slot, as a comment named it. */
  sourceAt(sourceSlot: number): string | undefined {
    return this.sources[sourceSlot];
  }

  /** The post of a source slot; undefined when the file never described it, or it was skipped. */
  exportedAt(sourceSlot: number): PageOfExport | undefined {
    return this.exported[sourceSlot];
  }

  keySlot(key: string): number {
    return interned(this.keySlots, this.keys, key);
  }

  keyAt(keySlot: number): string {
    return this.keys[keySlot]!;
  }

  /**
   * What each page the kept comments are on becomes, by key. Posts' authors are resolved here, not
   * as the file is read: a post may come before the export's users it names.
   */
  planned(comments: Iterable<CommentOnPage>, authorOf: PostAuthorOf): Map<string, PlannedPage> {
    const byKey = new Map<string, PlannedPage>();
    for (const { pageSource, createdAt, spam } of comments) {
      const { creator, ...exported } = this.exported[pageSource]!;
      let page = byKey.get(exported.key);
      if (!page) {
        page = { ...exported, authorId: creator && authorOf(creator), needed: false, createdAt };
        byKey.set(exported.key, page);
      }
      page.needed ||= !spam;
      page.createdAt = Math.min(page.createdAt, createdAt);
    }
    return byKey;
  }
}

/** The index of a string in a list, added at the end the first time. */
function interned(indexes: Map<string, number>, list: string[], value: string): number {
  let index = indexes.get(value);
  if (index === undefined) {
    index = list.push(value) - 1;
    indexes.set(value, index);
  }
  return index;
}
