import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Models } from '../../models/models.js';
import { isDuplicateKey } from '../core/duplicate-key.js';

/** How long a lock outlives its holder's last sign of life. */
const LEASE_MS = 60_000;
const RENEW_MS = 15_000;
/** How often a waiting import looks whether the other one has finished. */
const POLL_MS = 500;

/**
 * Holds a site's import lock while `work` runs, waiting first while another import of that site
 * runs (`onWait` is told once). Two imports of one file at once thus run one after the other,
 * and the second finds every comment already imported.
 */
export async function withImportLock<T>(models: Models, siteId: string, work: () => Promise<T>, onWait?: () => void): Promise<T> {
  const holder = crypto.randomUUID();
  let told = false;
  while (!(await take(models, siteId, holder))) {
    if (!told) onWait?.();
    told = true;
    await sleep(POLL_MS);
  }
  const renewal = setInterval(() => {
    void models.ImportLock.updateOne({ _id: siteId, holder }, { $set: { expiresAt: new Date(Date.now() + LEASE_MS) } }).catch(() => undefined);
  }, RENEW_MS);
  renewal.unref();
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await models.ImportLock.deleteOne({ _id: siteId, holder });
  }
}

async function take(models: Models, siteId: string, holder: string): Promise<boolean> {
  const expiresAt = new Date(Date.now() + LEASE_MS);
  try {
    // Free, or left behind by an importer that stopped renewing it.
    const taken = await models.ImportLock.findOneAndUpdate({ _id: siteId, expiresAt: { $lt: new Date() } }, { $set: { holder, expiresAt } }, { upsert: true, returnDocument: 'after', lean: true });
    return taken?.holder === holder;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
