/**
 * What the components need from `shopify.i18n`, passed in as a value so only the entry module
 * touches the `shopify` global (and tests hand the components the same thing).
 */
import { majorUnitsOf } from '@encore/core/subunits.ts';
import type { Words as CoreWords } from '@encore/core/words.ts';

/** The core's Words (translations, money in subunits), and dates as the order index shows them. */
export interface Words extends CoreWords {
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
