import type { Liquid } from 'liquidjs';
import { branch, remember } from './bounded-cache.ts';
import { toValue } from 'liquidjs';
import { formatMoney, formatMoneyAmount, formatMoneyWithoutCurrency, formatMoneyWithoutTrailingZeros } from '@encore/core/money.ts';
import { renderState, type ShopSettings } from '../state.ts';
import type { FilterThis } from './html.ts';

/**
 * The integer subunits a money filter was given, or undefined when there is
 * nothing to format: nil, an empty string, or text that is not a number (these
 * render as an empty string rather than "$0.00"). Numeric strings are accepted,
 * fractions of a subunit are rounded half-up.
 */
export function moneyInput(input: unknown): number | undefined {
  const v = toValue(input);
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') {
    const s = v.trim();
    if (!s || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
    return Number(s);
  }
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/** Texts by currency and format, then by amount. */
const formatted = new Map<string, Map<number, string>>();
const MAX_FORMATTED = 10_000;

/**
 * A page prints the same few amounts in the same format again and again (prices,
 * line totals), so results are kept: formatting walks the format with a regex.
 */
export function formatMoneyOnce(subunits: number, format: string, currency: string): string {
  const byAmount = branch(formatted, `${currency} ${format}`, MAX_FORMATTED);
  return byAmount.get(subunits) ?? remember(byAmount, subunits, formatMoney(subunits, format, currency), MAX_FORMATTED);
}

type MoneyFormatter = (subunits: number, shop: ShopSettings) => string;

/** A money filter: nil, blank or non-numeric input prints nothing; the rest goes through `format` with the shop's settings. */
function moneyFilter(format: MoneyFormatter) {
  return function (this: FilterThis, input: unknown): string {
    const n = moneyInput(input);
    return n === undefined ? '' : format(n, renderState(this.context).shop);
  };
}

/** `{{ 1000 | money }}` with the shop's "HTML without currency" format, e.g. `$10.00`. */
export const money = moneyFilter((n, shop) => formatMoneyOnce(n, shop.moneyFormat, shop.currency));

/** With the shop's "HTML with currency" format, e.g. `$10.00 USD`. */
export const money_with_currency = moneyFilter((n, shop) => formatMoneyOnce(n, shop.moneyWithCurrencyFormat, shop.currency));

/** The number of the "HTML without currency" format alone, e.g. `10.00`. */
export const money_without_currency = moneyFilter((n, shop) => formatMoneyWithoutCurrency(n, shop.moneyFormat, shop.currency));

/** `$10` for 1000, `$10.50` for 1050. */
export const money_without_trailing_zeros = moneyFilter((n, shop) => formatMoneyWithoutTrailingZeros(n, shop.moneyFormat, shop.currency));

/** A plain decimal: `10.0` for 1000. */
export const money_amount = moneyFilter((n, shop) => formatMoneyAmount(n, shop.currency));

export function registerMoneyFilters(liquid: Liquid): void {
  liquid.registerFilter('money', money);
  liquid.registerFilter('money_with_currency', money_with_currency);
  liquid.registerFilter('money_without_currency', money_without_currency);
  liquid.registerFilter('money_without_trailing_zeros', money_without_trailing_zeros);
  liquid.registerFilter('money_amount', money_amount);
}
