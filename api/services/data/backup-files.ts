import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { mongo } from 'mongoose';

/** The file that makes a folder a complete backup; written last, so a cut-short backup has none. */
export const MANIFEST_FILE = 'rapport-backup.json';
export const BACKUP_FORMAT = 'rapport-backup-1';

/** One collection's file in a backup: what it holds and its checksum. */
export interface CollectionEntry {
  name: string;
  documents: number;
  bytes: number;
  sha256: string;
}

/** What a backup folder holds, in the order the collections were copied. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  database: string;
  startedAt: string;
  finishedAt: string;
  collections: CollectionEntry[];
}

const FLUSH_BYTES = 1 << 20;

/** The file a collection is kept in: its documents as BSON, one after another (mongodump's layout). */
export function collectionFile(dir: string, name: string): string {
  return path.join(dir, `${name}.bson`);
}

/** Writes BSON documents to a new file (readable by its owner only), synced to disk before it answers. */
export async function writeCollectionFile(file: string, documents: AsyncIterable<Buffer>): Promise<Omit<CollectionEntry, 'name'>> {
  const handle = await fs.promises.open(file, 'wx', 0o600);
  const hash = crypto.createHash('sha256');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let count = 0;
  let bytes = 0;
  const flush = async () => {
    const chunk = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await handle.write(chunk);
  };
  try {
    for await (const document of documents) {
      hash.update(document);
      pending.push(document);
      pendingBytes += document.length;
      bytes += document.length;
      count++;
      if (pendingBytes >= FLUSH_BYTES) await flush();
    }
    await flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { documents: count, bytes, sha256: hash.digest('hex') };
}

/** The documents of a collection file, each as its BSON bytes; throws on a cut-off document. */
export async function* readCollectionFile(file: string): AsyncGenerator<Buffer> {
  let buffered: Buffer = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(file)) {
    buffered = buffered.length === 0 ? (chunk as Buffer) : Buffer.concat([buffered, chunk as Buffer]);
    let offset = 0;
    while (buffered.length - offset >= 4) {
      const size = buffered.readInt32LE(offset);
      if (size < 5) throw new Error(`${path.basename(file)} is damaged: a document claims ${size} bytes`);
      if (buffered.length - offset < size) break;
      yield buffered.subarray(offset, offset + size);
      offset += size;
    }
    buffered = buffered.subarray(offset);
  }
  if (buffered.length > 0) throw new Error(`${path.basename(file)} is damaged: it ends inside a document`);
}

/**
 * Checks a collection file against its manifest entry without keeping it in memory: the byte
 * count, the checksum, and that every document parses.
 */
export async function verifyCollectionFile(file: string, entry: CollectionEntry): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`${path.basename(file)} is missing`);
  const hash = crypto.createHash('sha256');
  let documents = 0;
  let problem: string | undefined;
  try {
    for await (const document of readCollectionFile(file)) {
      hash.update(document);
      mongo.BSON.deserialize(document);
      documents++;
    }
  } catch (error) {
    problem = (error as Error).message;
  }
  if (problem || documents !== entry.documents || hash.digest('hex') !== entry.sha256) {
    throw new Error(`${path.basename(file)} does not match the backup's manifest (changed or damaged since the backup${problem ? `: ${problem}` : ''})`);
  }
}

/** Parses a document so that writing it back stores the very same types (int32 stays int32, double stays double). */
export function documentFrom(bytes: Buffer): mongo.Document {
  return mongo.BSON.deserialize(bytes, { promoteValues: false });
}

/** Writes the manifest atomically (a temporary file renamed into place): the backup's last step. */
export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  const temporary = path.join(dir, `.${MANIFEST_FILE}.partial`);
  await fs.promises.writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  await fs.promises.rename(temporary, path.join(dir, MANIFEST_FILE));
}

/** Reads a backup folder's manifest; throws saying why the folder is not a usable backup. */
export async function readManifest(dir: string): Promise<BackupManifest> {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new Error(`${dir} holds no ${MANIFEST_FILE}: not a backup, or one that did not finish`);
  const manifest = JSON.parse(await fs.promises.readFile(file, 'utf8')) as Partial<BackupManifest>;
  if (manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.collections)) {
    throw new Error(`${file} is not a ${BACKUP_FORMAT} manifest`);
  }
  for (const entry of manifest.collections) {
    if (!/^[A-Za-z0-9_.-]+$/.test(entry.name) || entry.name.startsWith('system.')) throw new Error(`${file} names a collection "${entry.name}" Rapport would not write`);
  }
  return manifest as BackupManifest;
}
