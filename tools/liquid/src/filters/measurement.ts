import type { Context, Liquid } from 'liquidjs';
import { renderState } from '../state.ts';
import { formatMoneyOnce, moneyInput } from './money.ts';
import { filterError, isBlank, num, plain, prop, str, type FilterThis } from './html.ts';

/**
 * `unit_price_with_measurement` and `weight_with_unit`, as documented on shopify.dev:
 *
 *   {{ variant.unit_price | unit_price_with_measurement: variant.unit_price_measurement }}  → $50.00/kg, $17.60/100ml
 *   {{ variant.unit_price | money_with_currency | unit_price_with_measurement: … }}         → $50.00 CAD/kg
 *   {{ variant.weight | weight_with_unit }}            (200 g, shop unit kg) → 0.2 kg
 *   {{ variant.weight | weight_with_unit: 'g' }}       → 200 g
 */

/** Grams per unit of Shopify's weight units. */
const GRAMS_PER_UNIT: Readonly<Record<string, number>> = { g: 1, kg: 1000, lb: 453.59237, oz: 28.349523125 };

/** Rounds to two decimals and drops trailing zeros: 0.2, 200, 0.44. */
function formatQuantity(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function weightWithUnit(ctx: Context, grams: unknown, unit?: unknown): string {
  const g = num(grams);
  if (g === undefined) return '';
  const target = (isBlank(unit) ? (renderState(ctx).shop.weightUnit ?? 'kg') : str(unit)).trim().toLowerCase();
  const factor = GRAMS_PER_UNIT[target];
  if (!factor) throw filterError('weight_with_unit', `unknown weight unit "${target}"; use g, kg, lb or oz`);
  return `${formatQuantity(g / factor)} ${target}`;
}

export function unitPriceWithMeasurement(ctx: Context, price: unknown, measurement: unknown): string {
  let formatted: string;
  const cents = moneyInput(price);
  if (cents !== undefined) {
    const { shop } = renderState(ctx);
    formatted = formatMoneyOnce(cents, shop.moneyFormat, shop.currency);
  } else {
    const v = plain(price);
    if (v === null || v === undefined || v === '') return '';
    formatted = str(v); // already formatted by a money filter
  }
  if (isBlank(measurement)) return formatted;
  const unit = str(prop(measurement, 'reference_unit', ctx));
  if (!unit) return formatted;
  const value = num(prop(measurement, 'reference_value', ctx));
  const reference = value === undefined || value === 1 ? '' : formatQuantity(value);
  return `${formatted}/${reference}${unit}`;
}

export function registerMeasurementFilters(liquid: Liquid): void {
  liquid.registerFilter('weight_with_unit', function (this: FilterThis, grams: unknown, unit?: unknown) {
    return weightWithUnit(this.context, grams, unit);
  });
  liquid.registerFilter('unit_price_with_measurement', function (this: FilterThis, price: unknown, measurement: unknown) {
    return unitPriceWithMeasurement(this.context, price, measurement);
  });
}
