/**
 * What this instance keeps of shops' Admin API answers: each answer (a promise, so requests that arrive together
 * ask once) for at most `ttlMs`, and at most `maxEntries` of them. Freshness across instances comes from the keys:
 * each carries the shop's catalog version (app/storage/shops.ts), which the products, inventory and collections
 * webhooks move, so a changed catalog is read again by every instance on its next request. The time limit covers
 * a webhook Shopify never delivered.
 *
 * Kept in two generations of at most half the entries each: new answers go into the young one; when it is full,
 * the old one is dropped whole and the young one becomes old. An answer used while old is copied into the young
 * generation, so what every request reads (a shop's catalog) outlives any number of purchases, and a purchase's
 * facts stay for at least half the entries' worth of purchases after it was last read. Every step is O(1): no
 * entry is deleted one by one, which V8 makes slow on large maps (tens of µs a delete-and-reinsert at 40,000
 * entries, where a read costs well under 1 µs).
 */
export interface CatalogCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  at: number;
  value: Promise<unknown>;
}

export class CatalogCache {
  private young = new Map<string, Entry>();
  private old = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly generation: number;
  private readonly now: () => number;

  constructor(options: CatalogCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.generation = Math.max(1, Math.floor((options.maxEntries ?? 50_000) / 2));
    this.now = options.now ?? Date.now;
  }

  /** Answers kept, counting one copied into the young generation once. */
  get size(): number {
    let size = this.young.size;
    for (const key of this.old.keys()) if (!this.young.has(key)) size++;
    return size;
  }

  /** The kept answer for `key`, or `load`'s (kept unless it fails). */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const young = this.young.get(key);
    if (young && now - young.at < this.ttlMs) return young.value as Promise<T>;
    const old = young ? undefined : this.old.get(key);
    if (old && now - old.at < this.ttlMs) {
      this.keep(key, old);
      return old.value as Promise<T>;
    }
    const entry: Entry = { at: now, value: load() };
    this.keep(key, entry);
    entry.value.catch(() => {
      // A failed answer is forgotten at once (both generations may hold it), so the next request asks again.
      if (this.young.get(key) === entry) this.young.delete(key);
      if (this.old.get(key) === entry) this.old.delete(key);
    });
    return entry.value as Promise<T>;
  }

  private keep(key: string, entry: Entry): void {
    if (this.young.size >= this.generation && !this.young.has(key)) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, entry);
  }
}
