/**
 * The shop's money format for the checkout and customer account extensions. Their hosts format money in the
 * buyer's locale (`i18n.formatCurrency`: "€ 42,90" in Dutch), while the theme writes the shop's own format
 * ("€42,90"); Encore writes the shop's on every surface. The extensions read it from an app-owned shop
 * metafield (`$app` / `money_format`, type json: `{ "currency": "EUR", "format": "€{{amount_with_comma_separator}}" }`,
 * declared in each shopify.extension.toml), which the app copies from the Admin API's
 * `shop.currencyFormats.moneyFormat`; the studio fills it from the store fixture.
 */
import type { ShopMoneyFormat } from '@encore/core/money.ts';

export const MONEY_FORMAT_KEY = 'money_format';

interface AppMetafieldEntryLike {
  target: { type: string };
  metafield: { namespace: string; key: string; value: unknown };
}

/** The shop's money format among the extension's app metafields; null when absent or unreadable. */
export function shopMoneyFormat(entries: readonly AppMetafieldEntryLike[] | null | undefined): ShopMoneyFormat | null {
  // `$app` reaches the extension under the app's resolved namespace (`app--…`).
  const entry = entries?.find(
    (candidate) => candidate.target.type === 'shop' && candidate.metafield.key === MONEY_FORMAT_KEY && /^(\$app|app--)/.test(candidate.metafield.namespace),
  );
  if (!entry) return null;
  try {
    const value = typeof entry.metafield.value === 'string' ? (JSON.parse(entry.metafield.value) as unknown) : entry.metafield.value;
    const { currency, format } = (value ?? {}) as Partial<ShopMoneyFormat>;
    return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) && typeof format === 'string' && format !== '' ? { currency, format } : null;
  } catch {
    return null;
  }
}
