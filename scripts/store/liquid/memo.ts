/**
 * Per-drop cache for attributes that build arrays or other drops, so a
 * template reading `order.line_items` twice builds them once and gets the
 * same objects (equality in Liquid compares identity for drops).
 * Kept outside the drops: anything stored on a drop, even a method, is
 * readable from Liquid, and a cache must not be.
 */
const caches = new WeakMap<object, Map<string, unknown>>();

export function memo<T>(owner: object, key: string, make: () => T): T {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  if (cache.has(key)) return cache.get(key) as T;
  const value = make();
  cache.set(key, value);
  return value;
}
