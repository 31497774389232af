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
  return [];
}
