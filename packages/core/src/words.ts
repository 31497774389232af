/**
 * What an extension's components write words with, passed down as a value so only the entry module touches
 * the host (`shopify.i18n`, or the post-purchase extension's own locales) and tests hand the components the
 * same thing. Each extension's Words extends these with what only it needs (dates, its own kind of amount).
 */

/** The text of a key of the extension's locales/*.json; `count` chooses the plural form, other options fill `{{ name }}`. */
export type Translate = (key: string, options?: Readonly<Record<string, string | number>>) => string;

/** Only the translations: for an extension whose amounts are not the core's subunits. */
export interface Translations {
  t: Translate;
}

/**
 * Translations and money as the core keeps it: in the currency's subunits (cents; yen × 100, as Shopify
 * stores them), written in the shop's money format where the amount is in the shop currency and in the
 * buyer's locale otherwise.
 */
export interface Words extends Translations {
  money: (subunits: number, currency: string) => string;
}
