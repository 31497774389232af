/**
 * Strings for the post-purchase page. @shopify/post-purchase-ui-extensions has no translate API (its
 * StandardApi carries only `locale`), so the extension bundles its own locales/*.json and looks keys up
 * the way Shopify's host does for UI extensions, through the core's lookup (@encore/core/translations.ts).
 */
import danish from '../locales/da.json';
import english from '../locales/en.default.json';
import norwegian from '../locales/nb.json';
import dutch from '../locales/nl.json';
import thai from '../locales/th.json';
import { shopMoneyText, type ShopMoneyFormat } from '@encore/core/money.ts';
import { subunitsOf } from '@encore/core/subunits.ts';
import { translationLookup, type TranslationTree } from '@encore/core/translations.ts';
import type { Translations } from '@encore/core/words.ts';

/** Bundled translations by language; English is the fallback for missing languages and keys. */
const LOCALES: Record<string, TranslationTree> = { en: english, da: danish, nb: norwegian, no: norwegian, nl: dutch, th: thai };

/**
 * The core's translations, and money as this page receives it: not the core's subunits (the other extensions'
 * `money`) but decimal strings, so it has its own name.
 */
export interface PostPurchaseWords extends Translations {
  /**
   * A decimal amount ("19.80", as the backend and Shopify's changesets send it): in the shop's money format
   * when it is in the shop currency, as the theme and the other extensions write it; otherwise in the buyer's locale.
   */
  decimalMoney: (amount: string, currencyCode: string) => string;
}

export function wordsFor(locale: string, moneyFormat: ShopMoneyFormat | null = null): PostPurchaseWords {
  const language = locale.split(/[-_]/)[0].toLowerCase();
  const own = LOCALES[locale] ?? LOCALES[language] ?? english;
  const tag = LOCALES[locale] || LOCALES[language] ? locale : 'en';
  const lookup = translationLookup(own, english, tag);
  const formats = new Map<string, Intl.NumberFormat>();

  // A missing string shows its key rather than crashing the page the buyer must get through.
  const t: PostPurchaseWords['t'] = (key, options) => lookup(key, options) ?? key;

  const decimalMoney: PostPurchaseWords['decimalMoney'] = (amount, currencyCode) => {
    const shops = shopMoneyText(subunitsOf(amount, currencyCode), currencyCode, moneyFormat);
    if (shops !== null) return shops;
    let format = formats.get(currencyCode);
    if (!format) {
      format = new Intl.NumberFormat(tag, { style: 'currency', currency: currencyCode });
      formats.set(currencyCode, format);
    }
    return format.format(Number(amount));
  };

  return { t, decimalMoney };
}
