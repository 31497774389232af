/** What the components need from `shopify.i18n`, passed down so only the entry module touches the global. */
export interface Words {
  /** Translated text for a key of locales/*.json; `count` chooses the plural form. */
  t: (key: string, options?: Record<string, string | number>) => string;
  /** An amount in major units, in the buyer's locale. */
  money: (amount: number, currency: string) => string;
}
