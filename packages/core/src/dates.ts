/**
 * Date helpers for the order rules. Timestamps arrive as ISO 8601 strings with
 * an offset; comparing them as text would be wrong across offsets, so every
 * comparison goes through epoch milliseconds.
 */

/** Epoch milliseconds of an ISO string or Date; NaN when it is missing or not a date. */
export function timeOf(value: string | Date | null | undefined): number {
  if (value === null || value === undefined) return Number.NaN;
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return Number.NaN;
  return isoTime(value) ?? Date.parse(value);
}

/** Value of the two digits at `at`, or -1 when either is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * The shape Shopify and the fixtures always use, `2026-03-09T10:00:00-05:00`
 * or `…Z`, read without Date.parse, which costs several times more and
 * dominated the journey of a large order. Anything else (fractions, odd
 * ranges, other shapes) returns undefined and goes to Date.parse, so the
 * result is always what Date.parse would say.
 */
function isoTime(text: string): number | undefined {
  const length = text.length;
  if (length !== 20 && length !== 25) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return undefined;
  const century = twoDigits(text, 0);
  const yearInCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  // Date.UTC reads years below 100 as 19xx; leave those, and every out-of-range field, to Date.parse.
  if (century < 1 || yearInCentury < 0 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const utc = Date.UTC(century * 100 + yearInCentury, month - 1, day, hour, minute, second);
  if (length === 20) return text[19] === 'Z' ? utc : undefined;
  const sign = text[19];
  const offsetHours = twoDigits(text, 20);
  const offsetMinutes = twoDigits(text, 23);
  if ((sign !== '+' && sign !== '-') || text[22] !== ':' || offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return undefined;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return sign === '-' ? utc + offset : utc - offset;
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
