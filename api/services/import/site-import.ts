import { Types } from 'mongoose';
import type { ImportSummary } from '../../../contract/author-api.js';
import type { Models } from '../../models/models.js';
import type { AwaitingReplyKeeper } from '../comments/awaiting-reply-keeper.js';
import { priorityOf } from '../comments/reader-signals.js';
import { isOnlyDuplicateKeys } from '../core/duplicate-key.js';
import type { Signer } from '../core/secrets.js';
import type { Sites } from '../sites/sites.js';
import { AuthorMatcher, type AuthorMapping, type SiteAuthor } from './author-matcher.js';
import { HeldBack } from './held-back.js';
import { importedCommentDocument, type DocumentContext, type HeldComment, type ImportedCommentDocument } from './imported-comment-document.js';
import { countPagesToAuthor, openImportedPages } from './import-pages.js';
import { ImportPlan } from './import-plan.js';
import { withImportLock } from './import-lock.js';
import type { JsonValue } from './json-values.js';
import { openExport, type OpenedExport } from './open-export.js';
import type { ImportFormat } from './records.js';

export interface ImportOptions {
  format?: ImportFormat | 'auto';
  /** Unanswered reader comments written before it need no reply; default: 30 days before the import. */
  waitingSince?: Date;
  authors?: AuthorMapping;
  baseUrl?: string;
  /** Read, plan and count everything; write nothing. */
  dryRun?: boolean;
  /** Told every thousand comments read, then every batch written. */
  onProgress?: (progress: ImportProgress) => void;
  /** Told once when another import of the site runs and this one waits for it. */
  onWait?: () => void;
}

export interface ImportProgress {
  phase: 'reading' | 'writing';
  pages: number;
  comments: number;
  written: number;
}

/** Before this, a reader's unanswered comment is history, not a question the author owes. */
export const DEFAULT_WAITING_DAYS = 30;
/** Comments written in one database round trip. */
const BATCH = 1_000;
/** Batches written at once: the engine inserts them on threads of its own (2 → 25% faster than 1 on 2 cores). */
const WRITES_IN_FLIGHT = 2;
/**
 * Comments held in memory while the file is read, before they go to a temporary file. Small:
 * the heap grows to a few times what is live, so each MB held here costs several of RSS.
 */
const HOLD_BYTES = 2 * 1024 * 1024;
/** The skips the summary lists by name (it counts them all). */
const LISTED_SKIPS = 1_000;

/**
 * Brings an export's pages and comments into a site: reads the whole file first (a broken file
 * writes nothing), settles the tree and the waiting state, then writes in batches. Idempotent by
 * each comment's source id; one import of a site at a time.
 */
export class SiteImport {
  constructor(
    private readonly models: Models,
    private readonly keeper: AwaitingReplyKeeper,
    private readonly sites: Sites,
    private readonly signer: Signer,
    private readonly siteChanged: (siteId: string) => void,
    private readonly maxReplyDepth: number,
  ) {}

  async run(siteId: string, input: AsyncIterable<Buffer | Uint8Array | string>, options: ImportOptions, now: Date): Promise<ImportSummary> {
    const site = await this.sites.get(siteId);
    const siteAuthors: SiteAuthor[] = await this.models.Author.find({ siteId: site._id }, { name: 1, email: 1 }).sort({ createdAt: 1 }).lean();
    const matcher = new AuthorMatcher(siteAuthors, options.authors ?? []);
    const opened = await openExport(input, { format: options.format, baseUrl: options.baseUrl });
    const waitingSince = options.waitingSince ?? new Date(now.getTime() - DEFAULT_WAITING_DAYS * 86_400_000);
    const work = () => this.importInto(site._id, opened, { matcher, siteAuthors, waitingSince, options });
    return options.dryRun ? work() : withImportLock(this.models, site._id, work, options.onWait);
  }

  private async importInto(
    siteId: string,
    opened: OpenedExport,
    { matcher, siteAuthors, waitingSince, options }: { matcher: AuthorMatcher; siteAuthors: SiteAuthor[]; waitingSince: Date; options: ImportOptions },
  ): Promise<ImportSummary> {
    const plan = new ImportPlan(this.maxReplyDepth, waitingSince);
    await this.loadStored(siteId, opened.format, plan);
    const held = new HeldBack(HOLD_BYTES);
    try {
      const progress: ImportProgress = { phase: 'reading', pages: 0, comments: 0, written: 0 };
      for await (const record of opened.records) {
        if (record.kind === 'author') matcher.rememberExportUser(record);
        else if (record.kind === 'page') {
          plan.addPage(record);
          progress.pages++;
        } else if (record.kind === 'skipped') plan.skip(record);
        else {
          const author = matcher.match(record);
          if (plan.addComment(record, author !== null)) {
            const kept: HeldComment = { ...record, createdAt: record.createdAt.toISOString(), authorId: author?._id.toHexString() ?? null };
            await held.add(kept as unknown as JsonValue);
          }
          if (++progress.comments % BATCH === 0) options.onProgress?.(progress);
        }
      }
      const settled = plan.settle((creator) => matcher.matchCreator(creator)?._id ?? null);
      const pageAuthors = await countPagesToAuthor(this.models, siteId, settled.pages);
      const pageIds = options.dryRun ? new Map<string, Types.ObjectId>() : await openImportedPages(this.models, siteId, settled.pages);
      const context: DocumentContext = {
        siteId,
        system: opened.format,
        signer: this.signer,
        authors: new Map(siteAuthors.map((author) => [author._id.toHexString(), author])),
        authorNames: siteAuthors.map((author) => author.name),
        pageIds,
        pages: settled.pages,
      };
      const perAuthor = new Map<string, number>();
      const waiting: ImportedCommentDocument[] = [];
      let batch: ImportedCommentDocument[] = [];
      let raced = 0;
      // Batches are written while the next is prepared: the database and this process work at once.
      const inFlight: Array<Promise<number>> = [];
      const send = async (documents: ImportedCommentDocument[]) => {
        if (inFlight.length === WRITES_IN_FLIGHT) raced += await inFlight.shift()!;
        const written = this.write(documents);
        // Awaited later (here or at the end); handled now so that a failure waits for that await.
        written.catch(() => undefined);
        inFlight.push(written);
      };
      progress.phase = 'writing';
      for await (const value of held.replay()) {
        const comment = value as unknown as HeldComment;
        const planned = plan.planned(comment.source.id);
        if (!planned) continue;
        const document = importedCommentDocument(comment, planned, context);
        if (document.authorId) perAuthor.set(document.authorId.toHexString(), (perAuthor.get(document.authorId.toHexString()) ?? 0) + 1);
        if (document.awaitingReply) waiting.push(document);
        if (options.dryRun) continue;
        batch.push(document);
        if (batch.length >= BATCH) {
          await send(batch);
          progress.written += batch.length;
          options.onProgress?.(progress);
          batch = [];
        }
      }
      if (!options.dryRun) {
        await send(batch);
        for (const written of inFlight.splice(0)) raced += await written;
        await this.keeper.answeredByImport(
          new Map(settled.storedAnswered.map((answered) => [answered.id.toHexString(), { id: answered.id, pageId: pageIds.get(answered.pageKey)!, count: answered.count }])),
        );
        await this.welcomeFirstTimers(waiting);
        this.siteChanged(siteId);
      }
      const { figures } = settled;
      return {
        pages: figures.pages,
        comments: figures.comments - raced,
        published: figures.published,
        pending: figures.pending,
        spam: figures.spam,
        deleted: figures.deleted,
        mentions: figures.mentions,
        authorComments: figures.authorComments,
        waiting: figures.waiting,
        alreadyImported: figures.alreadyImported + raced,
        skipped: settled.skipped.slice(0, LISTED_SKIPS).map(({ source, why }) => ({ source, why })),
        skippedCount: settled.skipped.length,
        format: opened.format,
        dryRun: Boolean(options.dryRun),
        noReplyNeeded: figures.noReplyNeeded,
        waitingSince: waitingSince.toISOString(),
        orphans: figures.orphans,
        pageAuthors,
        authors: siteAuthors.filter((a) => perAuthor.has(a._id.toHexString())).map((a) => ({ email: a.email, name: a.name, comments: perAuthor.get(a._id.toHexString())! })),
      };
    } finally {
      await held.dispose();
    }
  }

  /** The comments an earlier import of this system brought in: new ones may answer them, or be them. */
  private async loadStored(siteId: string, system: ImportFormat, plan: ImportPlan): Promise<void> {
    const pageKeys = new Map<string, string>();
    for (const page of await this.models.Page.find({ siteId }, { key: 1 }).lean()) pageKeys.set(page._id.toHexString(), page.key);
    const stored = this.models.Comment.find(
      { siteId, 'importSource.system': system },
      { importSource: 1, pageId: 1, ancestors: 1, inReplyTo: 1, status: 1, isAuthor: 1, spamPage: 1 },
    )
      .lean()
      .cursor();
    for await (const comment of stored) {
      const pageKey = pageKeys.get(comment.pageId.toHexString()) ?? comment.spamPage?.key ?? '';
      plan.addStored(comment.importSource!.id, { ...comment, inReplyTo: comment.inReplyTo ?? null, pageKey });
    }
  }

  /**
   * Inserts a batch and counts it on its pages. Answers how many were not inserted because the
   * same source id was already there (only when the import lock was lost to a stalled importer).
   */
  private async write(batch: ImportedCommentDocument[]): Promise<number> {
    if (batch.length === 0) return 0;
    let inserted = batch;
    try {
      await this.models.Comment.insertMany(batch, { ordered: false, lean: true });
    } catch (error) {
      if (!isOnlyDuplicateKeys(error)) throw error;
      const there = new Set((await this.models.Comment.find({ _id: { $in: batch.map((c) => c._id) } }, { _id: 1 }).lean()).map((c) => c._id.toHexString()));
      inserted = batch.filter((c) => there.has(c._id.toHexString()));
    }
    const perPage = new Map<string, { pageId: Types.ObjectId; commentCount: number; awaitingReply: number }>();
    for (const comment of inserted) {
      if (comment.spamPage) continue;
      const counts = perPage.get(comment.pageId.toHexString()) ?? { pageId: comment.pageId, commentCount: 0, awaitingReply: 0 };
      counts.commentCount += Number(comment.status === 'published');
      counts.awaitingReply += Number(comment.awaitingReply);
      perPage.set(comment.pageId.toHexString(), counts);
    }
    if (perPage.size > 0) {
      await this.models.Page.bulkWrite(
        [...perPage.values()].map(({ pageId, commentCount, awaitingReply }) => ({ updateOne: { filter: { _id: pageId }, update: { $inc: { commentCount, awaitingReply } } } })),
      );
    }
    return batch.length - inserted.length;
  }

  /**
   * A waiting comment that is its reader's first on the site is welcomed first in the inbox, as a
   * new reader's comment is. Known only once every imported comment is in.
   */
  private async welcomeFirstTimers(waiting: ImportedCommentDocument[]): Promise<void> {
    for (const comment of waiting) {
      const earlier = await this.models.Comment.exists({ siteId: comment.siteId, readerKey: comment.readerKey, createdAt: { $lt: comment.createdAt } });
      if (earlier || !comment.signals) continue;
      const signals = { ...comment.signals, firstTime: true };
      await this.models.Comment.updateOne({ _id: comment._id }, { $set: { signals, priority: priorityOf(signals) } });
    }
  }
}
