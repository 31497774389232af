import { toValue } from 'liquidjs';
import { isHash } from './output.ts';

/**
 * What Ruby's loops iterate: arrays as they are, a non-empty string as one
 * item, a hash as [key, value] pairs, other iterables' items, anything else nothing.
 */
export function rubyCollection(input: unknown): unknown[] {
  const value = toValue(input);
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (isHash(value)) return Object.entries(value);
  if (value !== null && typeof value === 'object' && Symbol.iterator in value) return Array.from(value as Iterable<unknown>);
  // An object that only has Ruby's `each` (liquid-spec's LoaderDrop) is walked by it.
  if (hasEach(value)) return value.each();
  return [];
}

type Loader = { each(): unknown[]; loadSlice?(from: number, to: number | undefined): unknown[] };

function hasEach(value: unknown): value is Loader {
  return value !== null && typeof value === 'object' && typeof (value as Loader).each === 'function';
}

/**
 * Ruby Liquid's `Utils.slice_collection`, shared by `for` and `tablerow`: the
 * items whose index is at least `from` and below `to` (no end when undefined).
 * A negative `from` starts at the first item and a `to` at or below 0 leaves
 * nothing, because Ruby compares each index rather than slicing from the end.
 * A string stays its one item whatever the bounds.
 */
export function sliceCollection(source: unknown, from: number, to: number | undefined): unknown[] {
  // Given an offset or a limit, an object that can load a slice (`load_slice`) is asked for just that one.
  const value = toValue(source);
  if (hasEach(value) && typeof value.loadSlice === 'function' && (from !== 0 || to !== undefined)) return value.loadSlice(Math.max(from, 0), to);
  const items = rubyCollection(source);
  if (typeof toValue(source) === 'string') return items;
  return items.slice(Math.max(from, 0), to === undefined ? undefined : Math.max(to, 0));
}
