import { toValue } from 'liquidjs';
import { RubyLiquidError } from './errors.ts';

const INTEGER_PREFIX = /^\s*[+-]?\d+/;

/**
 * Ruby Liquid's Utils.to_integer for tag and filter arguments: integers pass,
 * floats truncate, strings read their leading digits (`to_i`: "xs" is 0), nil counts as `fallback` (tablerow
 * treats a nil limit as 0), anything else raises "invalid integer".
 */
export function toRubyInteger(input: unknown, fallback?: number): number {
  const value = toValue(input);
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string') return Number.parseInt(INTEGER_PREFIX.exec(value)?.[0] ?? '0', 10);
  if ((value === null || value === undefined) && fallback !== undefined) return fallback;
  throw new RubyLiquidError('invalid integer');
}
