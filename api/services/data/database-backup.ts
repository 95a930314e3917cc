import fs from 'node:fs';
import type { mongo } from 'mongoose';
import type { Clock } from '../core/clock.js';
import {
  BACKUP_FORMAT,
  collectionFile,
  documentFrom,
  readCollectionFile,
  readManifest,
  verifyCollectionFile,
  writeCollectionFile,
  writeManifest,
  type BackupManifest,
  type CollectionEntry,
} from './backup-files.js';

/**
 * Collections other documents point at, each after every collection that points at it (an
 * outbox message or a session at comments and authors, a comment at its page, everything at its
 * site). Without transactions the copy is taken one collection after another; in this order
 * whatever a copied document points at was written before it and is copied after it, so it is
 * in the backup too. Collections not named here (mail, sessions, rate-limit counters, any added
 * later) are copied first, as they may point at any of these.
 */
const REFERENCED_LAST = ['comments', 'pages', 'authors', 'sites', 'app_settings'];
const BATCH_DOCUMENTS = 500;

/** What a restore wrote. */
export interface RestoreResult {
  manifest: BackupManifest;
  documents: number;
}

/**
 * A copy of every collection of a database into a folder, and back into an empty database,
 * through the driver only (so it works on the embedded engine's socket while the server runs, and
 * on any MongoDB server). Page counters and awaiting-reply flags may be copied a moment apart from
 * the comments they count, so a restore is followed by a recount (CounterRepair), which is exact
 * on a database nobody else writes to yet.
 */
export class DatabaseBackup {
  constructor(
    private readonly db: mongo.Db,
    private readonly clock: Clock,
  ) {}

  /** Copies every collection into `dir` (which must be missing or empty); the manifest comes last. */
  async backup(dir: string): Promise<BackupManifest> {
    prepareEmptyFolder(dir);
    const startedAt = this.clock.now().toISOString();
    const collections: CollectionEntry[] = [];
    for (const name of await this.collectionsInCopyOrder()) {
      // raw: each document as the BSON bytes the server sent, copied without a parse (the driver's types do not say so).
      const cursor = this.db.collection(name).find({}, { raw: true, batchSize: 1000 }) as unknown as AsyncIterable<Buffer>;
      collections.push({ name, ...(await writeCollectionFile(collectionFile(dir, name), cursor)) });
    }
    const manifest: BackupManifest = { format: BACKUP_FORMAT, database: this.db.databaseName, startedAt, finishedAt: this.clock.now().toISOString(), collections };
    await writeManifest(dir, manifest);
    return manifest;
  }

  /**
   * Writes a backup into this database, which must hold no document at all: a restore never
   * mixes with data already there. Every file is checked against the manifest before anything
   * is written.
   */
  async restore(dir: string): Promise<RestoreResult> {
    const manifest = await readManifest(dir);
    for (const entry of manifest.collections) await verifyCollectionFile(collectionFile(dir, entry.name), entry);
    const occupied = await this.firstNonEmptyCollection();
    if (occupied) {
      throw new Error(`the database "${this.db.databaseName}" is not empty (its ${occupied} collection holds documents); restore only into an empty data directory or database`);
    }
    let documents = 0;
    for (const entry of manifest.collections) documents += await this.restoreCollection(dir, entry);
    return { manifest, documents };
  }

  private async restoreCollection(dir: string, entry: CollectionEntry): Promise<number> {
    const collection = this.db.collection(entry.name);
    let batch: mongo.Document[] = [];
    let written = 0;
    const flush = async () => {
      if (batch.length > 0) await collection.insertMany(batch, { ordered: true });
      written += batch.length;
      batch = [];
    };
    try {
      for await (const bytes of readCollectionFile(collectionFile(dir, entry.name))) {
        batch.push(documentFrom(bytes));
        if (batch.length >= BATCH_DOCUMENTS) await flush();
      }
      await flush();
    } catch (error) {
      throw new Error(
        `restoring ${entry.name} failed after ${written} document(s) (${(error as Error).message}); ` +
          'the database now holds part of the backup: empty it and restore again',
      );
    }
    return written;
  }

  private async collectionsInCopyOrder(): Promise<string[]> {
    const names = (await this.db.listCollections({ type: 'collection' }, { nameOnly: true }).toArray())
      .map((info) => info.name)
      .filter((name) => !name.startsWith('system.'));
    const rank = (name: string) => REFERENCED_LAST.indexOf(name);
    const others = names.filter((name) => rank(name) < 0).sort();
    const referenced = names.filter((name) => rank(name) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...others, ...referenced];
  }

  private async firstNonEmptyCollection(): Promise<string | undefined> {
    for (const name of await this.collectionsInCopyOrder()) {
      if (await this.db.collection(name).findOne({}, { projection: { _id: 1 } })) return name;
    }
    return undefined;
  }
}

/** A backup never overwrites or mixes with files already there. */
function prepareEmptyFolder(dir: string): void {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(`${dir} is not empty; back up into a new or empty folder`);
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}
