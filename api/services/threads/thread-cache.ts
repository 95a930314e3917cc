import { performance } from 'node:perf_hooks';

interface Entry {
  json: Buffer;
  builtAt: number;
  generation: number;
}

/**
 * Serialized thread responses, kept for a moment. Reads are by far the commonest request and a
 * thread changes rarely, so each instance rebuilds a thread at most once per `freshForMs`, in
 * the background while readers get the previous copy, and at once after its own writes.
 * Another instance's write shows here within about `freshForMs`: no state another instance needs.
 */
export class ThreadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, Promise<Buffer>>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly freshForMs: number,
    private readonly maxEntries = 5_000,
  ) {}

  async get(siteId: string, key: string, build: () => Promise<Buffer>): Promise<Buffer> {
    const cacheKey = `${siteId}\u0000${key}`;
    const generation = this.generations.get(siteId) ?? 0;
    const entry = this.entries.get(cacheKey);
    if (entry && entry.generation === generation) {
      if (performance.now() - entry.builtAt >= this.freshForMs) {
        // A failed background rebuild only means the next reader tries again.
        this.rebuild(cacheKey, generation, build).catch(() => {});
      }
      return entry.json;
    }
    return this.rebuild(cacheKey, generation, build);
  }

  /** Something on the site changed here: its threads are rebuilt before they are served again. */
  invalidateSite(siteId: string): void {
    this.generations.set(siteId, (this.generations.get(siteId) ?? 0) + 1);
  }

  /** One build per thread and generation at a time; a read after a write never joins an older build. */
  private rebuild(cacheKey: string, generation: number, build: () => Promise<Buffer>): Promise<Buffer> {
    const buildKey = `${cacheKey}\u0000${generation}`;
    const inFlight = this.building.get(buildKey);
    if (inFlight) return inFlight;
    const promise = build()
      .then((json) => {
        this.store(cacheKey, { json, builtAt: performance.now(), generation });
        return json;
      })
      .finally(() => this.building.delete(buildKey));
    this.building.set(buildKey, promise);
    return promise;
  }

  private store(cacheKey: string, entry: Entry): void {
    // Oldest-inserted first out; a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.delete(cacheKey);
    this.entries.set(cacheKey, entry);
  }
}
