/*
 * Filter caches: a page asks for the same few values again and again (order
 * dates, amounts, asset versions), so results are kept; a cache that fills up
 * means the inputs are not repeating, and starting over is the cheapest bound.
 */

/** Keeps `value` under `key`, emptying the cache first when it holds `limit` entries. */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit: number): V {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}

/** The inner cache under `key`, made (and kept, within `limit`) on first use. */
export function branch<K, K2, V>(cache: Map<K, Map<K2, V>>, key: K, limit: number): Map<K2, V> {
  return cache.get(key) ?? remember(cache, key, new Map<K2, V>(), limit);
}
