/**
 * Fixture money (integers in Shopify's subunits) as the surfaces carry it.
 *
 * Shopify scales every currency by at least 100, even those without a minor
 * unit: 1200 JPY is stored as 120000 (see extensions/core/src/money.ts). The
 * GraphQL `Decimal` and the post-purchase `amount` strings are in major units
 * with as many decimals as the currency shows, so 120000 JPY is "1200",
 * 5386 USD is "53.86" and 1134 KWD is "1.134". The checkout extension API's
 * `Money.amount` is a plain number in major units (1200, 53.86).
 */
import { decimalAmount as coreDecimalAmount } from '../../../extensions/core/src/money.ts';

function checkedSubunits(subunits: number, currency: string): number {
  if (!Number.isFinite(subunits)) throw new Error(`money amount must be a finite number of ${currency} subunits, got ${String(subunits)}`);
  if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`currency must be an ISO 4217 code like "USD", got ${JSON.stringify(currency)}`);
  return Math.round(subunits);
}

/** The core's decimal amount of a checked amount: a fixture's bad value fails here, naming what was wrong. */
export function decimalAmount(subunits: number, currency: string): string {
  return coreDecimalAmount(checkedSubunits(subunits, currency), currency);
}

/** The amount as a number in major units: 5386 USD is 53.86, 120000 JPY is 1200. */
export function majorUnits(subunits: number, currency: string): number {
  return Number(decimalAmount(subunits, currency));
}

/** GraphQL `MoneyV2`: `{ amount: "53.86", currencyCode: "USD" }`. */
export interface MoneyV2 {
  amount: string;
  currencyCode: string;
}

export function moneyV2(subunits: number, currency: string): MoneyV2 {
  return { amount: decimalAmount(subunits, currency), currencyCode: currency };
}

/** `MoneyBag`: the same amount in shop and presentment currency. */
export interface MoneyBag {
  shopMoney: MoneyV2;
  presentmentMoney: MoneyV2;
}

/**
 * Fixtures record each order in one currency and no exchange rate, so both
 * sides of the bag are the order's own amount. A store selling in several
 * currencies would need the rate in its fixture before these could differ.
 */
export function moneyBag(subunits: number, currency: string): MoneyBag {
  return { shopMoney: moneyV2(subunits, currency), presentmentMoney: moneyV2(subunits, currency) };
}
