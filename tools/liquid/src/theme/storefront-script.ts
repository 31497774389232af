// The values go through Shopify's `json` encoding, which escapes `<`, `>`, `&` and U+2028/9: safe inside <script>.
import { toShopifyJson as json } from '../filters/json.ts';

/**
 * The `Shopify` object a storefront page defines in `content_for_header` before any theme script runs. Themes
 * read it (Dawn's layout runs `if (Shopify.designMode)` inline, its `global.js` adds helpers to it), and Shopify's
 * page source shows its shape: `Shopify.shop` (the myshopify domain), `Shopify.locale`, `Shopify.currency`
 * (`{ active, rate }`), `Shopify.country`, `Shopify.theme` (name, id, schema name and version, role),
 * `Shopify.cdnHost` and `Shopify.routes.root` (the locale's root, `/` or `/da/`). Shopify documents
 * `Shopify.routes.root` for locale-aware URLs (shopify.dev/docs/storefronts/themes/architecture/locales/storefront-locale-urls);
 * the rest is read from storefront pages, and `designMode` stays unset as outside the theme editor.
 */
export interface StorefrontScriptValues {
  shop: string;
  locale: string;
  currency: string;
  country?: string;
  theme: { name: string; id: number; schemaName: string | null; schemaVersion: string | null };
  cdnHost: string;
  /** The locale's path prefix, "" or "/da". */
  localePath: string;
}

export function storefrontScript(values: StorefrontScriptValues): string {
  const lines = [
    'var Shopify = Shopify || {};',
    `Shopify.shop = ${json(values.shop)};`,
    `Shopify.locale = ${json(values.locale)};`,
    `Shopify.currency = ${json({ active: values.currency, rate: '1.0' })};`,
    `Shopify.country = ${json(values.country ?? null)};`,
    `Shopify.theme = ${json({
      name: values.theme.name,
      id: values.theme.id,
      schema_name: values.theme.schemaName,
      schema_version: values.theme.schemaVersion,
      theme_store_id: null,
      role: 'main',
    })};`,
    `Shopify.cdnHost = ${json(values.cdnHost)};`,
    'Shopify.routes = Shopify.routes || {};',
    `Shopify.routes.root = ${json(`${values.localePath}/`)};`,
  ];
  return `<script id="shopify-features">${lines.join('\n')}</script>`;
}
