/**
 * What the components need from `shopify.i18n`, passed in as a value so only the entry module
 * touches the `shopify` global (and tests hand the components the same thing).
 */
import { majorUnitsOf } from '@encore/core/subunits.ts';

export interface Words {
  /** `shopify.i18n.translate`: a key of locales/*.json, `count` choosing the plural form. */
  t(key: string, options?: Record<string, string | number>): string;
  /** Money in the currency's subunits (cents; yen × 100, as Shopify stores them), formatted for the customer. */
  money(subunits: number, currency: string): string;
  /** A date (ISO 8601) as the customer reads dates. */
  date(iso: string): string;
}

/** The part of `shopify.i18n` the block uses. */
export interface I18nLike {
  translate(key: string, options?: Record<string, string | number>): unknown;
  formatCurrency(number: number, options?: Intl.NumberFormatOptions): string;
  formatDate(date: Date, options?: Intl.DateTimeFormatOptions): string;
}

export function wordsOf(i18n: I18nLike): Words {
  return {
    t: (key, options) => String(i18n.translate(key, options)),
    // The core keeps money in subunits; formatCurrency takes whole units (1000 JPY arrives as 100000).
    money: (subunits, currency) => i18n.formatCurrency(majorUnitsOf(subunits, currency), { style: 'currency', currency }),
    date: (iso) => i18n.formatDate(new Date(iso), { dateStyle: 'long' }),
  };
}
