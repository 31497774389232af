/**
 * In-memory guards for one process: a per-token request rate, and the record
 * of which offers each purchase has had signed. Both are bounded (old entries
 * go first) so a flood of distinct tokens cannot grow memory without end.
 *
 * On a serverless or edge runtime each instance keeps its own copy, so the
 * limits hold per instance; a deployment with many instances puts the sign
 * ledger in a shared store (KV, Redis) behind the same two methods.
 */

/** At most `limit` requests per key in each window of `windowMs`. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts the request; false when the key is over its limit. */
  allow(key: string, now: number): boolean {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.delete(key);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      evict(this.windows, this.maxKeys, (entry) => now - entry.start >= this.windowMs);
    }
    window.count++;
    return window.count <= this.limit;
  }
}

export type SignVerdict = 'ok' | 'replayed' | 'step_limit';

/** Which offers each purchase has had signed: each offer once, at most `maxSteps` offers. */
export class SignLedger {
  private readonly purchases = new Map<string, { offers: Set<string>; expires: number }>();

  constructor(
    private readonly maxSteps: number,
    private readonly keepMs: number,
    private readonly maxPurchases = 50_000,
  ) {}

  check(referenceId: string, offerId: string, now: number): SignVerdict {
    const entry = this.live(referenceId, now);
    if (!entry) return 'ok';
    if (entry.offers.has(offerId)) return 'replayed';
    return entry.offers.size >= this.maxSteps ? 'step_limit' : 'ok';
  }

  record(referenceId: string, offerId: string, now: number): void {
    let entry = this.live(referenceId, now);
    if (!entry) {
      entry = { offers: new Set(), expires: now + this.keepMs };
      this.purchases.set(referenceId, entry);
      evict(this.purchases, this.maxPurchases, (old) => old.expires <= now);
    }
    entry.offers.add(offerId);
  }

  private live(referenceId: string, now: number) {
    const entry = this.purchases.get(referenceId);
    if (entry && entry.expires <= now) this.purchases.delete(referenceId);
    return entry && entry.expires > now ? entry : undefined;
  }
}

/** Past `max` entries: drop stale ones, then the oldest (a Map iterates in insertion order). */
function evict<V>(map: Map<string, V>, max: number, stale: (value: V) => boolean): void {
  if (map.size <= max) return;
  for (const [key, value] of map) if (stale(value)) map.delete(key);
  for (const key of map.keys()) {
    if (map.size <= max) break;
    map.delete(key);
  }
}
