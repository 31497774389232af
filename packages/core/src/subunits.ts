/**
 * Amounts as Shopify's APIs carry them, back into the integer subunits the
 * domain model counts in (see money.ts): GraphQL `Decimal` strings ("53.86",
 * "1200" for JPY) and the checkout extension API's plain numbers (53.86) are
 * major units; the model keeps USD in cents and JPY ×100 as Shopify does, so
 * "1200" JPY is 120000 and "1.134" KWD is 1134.
 *
 * The inverse of tools/fixtures/src/adapters/money.ts `decimalAmount`.
 */
import { subunitDigits, subunitScale } from './money.ts';

/**
 * Integer subunits of a major-unit amount, rounded to the currency's own
 * decimals first (a float like 53.859999 is 5386 cents). NaN when the amount
 * is not a number, so a caller can tell garbage from zero.
 */
export function subunitsOf(amount: string | number, currency: string): number {
  const value = typeof amount === 'number' ? amount : typeof amount === 'string' && amount.trim() !== '' ? Number(amount) : Number.NaN;
  if (!Number.isFinite(value)) return Number.NaN;
  const digits = subunitDigits(currency);
  const units = Math.round(value * 10 ** digits);
  // Zero-decimal currencies keep two scale digits (JPY 1200 → 120000); `|| 0` turns -0 into 0.
  return units * 10 ** (subunitScale(currency) - digits) || 0;
}

/** The other way: major units of integer subunits, for formatters that take them (`formatCurrency`): 120000 JPY is 1200. */
export function majorUnitsOf(subunits: number, currency: string): number {
  return subunits / 10 ** subunitScale(currency);
}
