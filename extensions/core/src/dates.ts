/**
 * Date helpers for the order rules. Timestamps arrive as ISO 8601 strings with
 * an offset; comparing them as text would be wrong across offsets, so every
 * comparison goes through epoch milliseconds.
 */

/** Epoch milliseconds of an ISO string or Date; NaN when it is missing or not a date. */
export function timeOf(value: string | Date | null | undefined): number {
  if (value === null || value === undefined) return Number.NaN;
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

/**
 * For picking "the latest" of several records: a time that cannot be read
 * loses to any real one, so one bad timestamp never hides the good records.
 */
export function comparableTime(value: string | null | undefined): number {
  const time = timeOf(value);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * Index of the latest item by `timeOf(item)`; on equal (or equally unreadable)
 * times the later position wins, as the record written last. -1 when empty.
 */
export function latestIndex<T>(items: readonly T[], timeOfItem: (item: T) => string | null | undefined): number {
  let best = -1;
  let bestTime = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < items.length; index++) {
    const time = comparableTime(timeOfItem(items[index]));
    if (best === -1 || time >= bestTime) {
      best = index;
      bestTime = time;
    }
  }
  return best;
}
