/**
 * What this instance keeps of shops' Admin API answers: each answer (a promise, so requests that arrive together
 * ask once) for at most `ttlMs`, and at most `maxEntries` of them, the one used longest ago going first. Freshness across
 * instances comes from the keys: each carries the shop's catalog version (app/storage/shops.ts), which the
 * products, inventory and collections webhooks move, so a changed catalog is read again by every instance on its
 * next request. The time limit covers a webhook Shopify never delivered.
 */
export interface CatalogCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class CatalogCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: CatalogCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.maxEntries = options.maxEntries ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The kept answer for `key`, or `load`'s (kept unless it fails). */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const kept = this.entries.get(key);
    if (kept && now - kept.at < this.ttlMs) {
      // Used again: to the back of the line, so a catalog every request reads outlives any number of purchases.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.value as Promise<T>;
    }
    this.entries.delete(key);
    const value = load();
    this.entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    // Map keeps insertion order: the first keys are the ones used longest ago.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
