/**
 * Requests per verified purchase in fixed windows. The key is always something the backend verified (the shop and
 * the purchase of a token whose signature held), never text a client sent, so garbage neither counts nor pushes a
 * real key out. Each request costs O(1): in memory a window's counts are one Map, dropped whole when the window
 * ends; in Redis (app/node/redis-rate.ts) one INCR on a key that expires with its window, shared by every instance.
 */
export interface RateCounter {
  readonly kind: 'memory' | 'redis';
  /** Counts one request for `key` in the window holding `now`; returns the window's count so far. */
  hit(key: string, now: number): Promise<number>;
  close(): Promise<void>;
}

/** One process's counts; the limit then holds per instance. */
export function memoryRateCounter(windowMs: number): RateCounter {
  let window = -1;
  let counts = new Map<string, number>();
  return {
    kind: 'memory',
    async hit(key, now) {
      const current = Math.floor(now / windowMs);
      if (current !== window) {
        window = current;
        counts = new Map();
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return count;
    },
    async close() {},
  };
}
