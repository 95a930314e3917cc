import { performance } from 'node:perf_hooks';
import { LRUCache } from 'lru-cache';

interface Entry {
  json: Buffer;
  builtAt: number;
  generation: number;
}

/** What a reader asked for: whether its answer may be kept for the next reader. */
type KeepDecision = () => Promise<boolean>;

/** Bytes one entry costs besides its body: its key, its bookkeeping. */
const ENTRY_OVERHEAD = 200;

/**
 * Serialized thread responses, kept for a moment. Reads are by far the commonest request and a
 * thread changes rarely, so each instance rebuilds a thread at most once per `freshForMs`, in
 * the background while readers get the previous copy, and at once after its own writes.
 * Another instance's write shows here within about `freshForMs`: no state another instance needs.
 *
 * Bounded by bytes, not entries (one thread's answer can be megabytes), least recently read
 * out first; a site's entries leave as soon as the site changes, so no stale copy holds memory.
 */
export class ThreadCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly building = new Map<string, Promise<Buffer>>();
  private readonly generations = new Map<string, number>();
  private readonly keysBySite = new Map<string, Set<string>>();

  constructor(
    private readonly freshForMs: number,
    maxBytes: number,
  ) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      sizeCalculation: (entry, key) => entry.json.length + key.length * 2 + ENTRY_OVERHEAD,
      dispose: (_entry, key) => this.forgetKey(key),
    });
  }

  /** The bytes the kept answers take, by the same count as the bound. */
  get size(): number {
    return this.entries.calculatedSize;
  }

  /**
   * The answer for `key` on the site: the kept one while it is of the site's current state,
   * else built. A built answer is kept only if `keep` says so (asked only then), so answers
   * nobody else will ask for (an odd `limit`, a cursor this server never gave) are not kept.
   */
  async get(siteId: string, key: string, build: () => Promise<Buffer>, keep: KeepDecision = async () => true): Promise<Buffer> {
    const cacheKey = `${siteId}\u0000${key}`;
    const generation = this.generations.get(siteId) ?? 0;
    const entry = this.entries.get(cacheKey);
    if (entry && entry.generation === generation) {
      if (performance.now() - entry.builtAt >= this.freshForMs) {
        // A failed background rebuild only means the next reader tries again.
        this.rebuild(siteId, cacheKey, generation, build).catch(() => {});
      }
      return entry.json;
    }
    if (!(await keep())) return build();
    return this.rebuild(siteId, cacheKey, generation, build);
  }

  /** Something on the site changed here: its kept answers go, and are rebuilt when next read. */
  invalidateSite(siteId: string): void {
    this.generations.set(siteId, (this.generations.get(siteId) ?? 0) + 1);
    for (const key of [...(this.keysBySite.get(siteId) ?? [])]) this.entries.delete(key);
  }

  /** One build per thread and generation at a time; a read after a write never joins an older build. */
  private rebuild(siteId: string, cacheKey: string, generation: number, build: () => Promise<Buffer>): Promise<Buffer> {
    const buildKey = `${cacheKey}\u0000${generation}`;
    const inFlight = this.building.get(buildKey);
    if (inFlight) return inFlight;
    const promise = build()
      .then((json) => {
        // A build that a write overtook is served to its readers but not kept.
        if (generation === (this.generations.get(siteId) ?? 0)) this.store(siteId, cacheKey, { json, builtAt: performance.now(), generation });
        return json;
      })
      .finally(() => this.building.delete(buildKey));
    this.building.set(buildKey, promise);
    return promise;
  }

  private store(siteId: string, cacheKey: string, entry: Entry): void {
    this.entries.set(cacheKey, entry);
    // An answer larger than the whole bound is not kept at all.
    if (!this.entries.has(cacheKey)) return;
    let keys = this.keysBySite.get(siteId);
    if (!keys) this.keysBySite.set(siteId, (keys = new Set()));
    keys.add(cacheKey);
  }

  private forgetKey(cacheKey: string): void {
    const siteId = cacheKey.slice(0, cacheKey.indexOf('\u0000'));
    const keys = this.keysBySite.get(siteId);
    if (!keys) return;
    keys.delete(cacheKey);
    if (keys.size === 0) this.keysBySite.delete(siteId);
  }
}
