/**
 * The Storefront API documents the extensions send through `shopify.query`
 * (thank-you offers, the order index's recommendations and buy again). One
 * product selection serves every query, so every answer maps through the same
 * `coreProduct` (product.ts).
 *
 * Choices:
 * - `quantityAvailable` is not selected: it needs the
 *   `unauthenticated_read_product_inventory` scope, which the app does not ask
 *   for (shopify.app.toml). Availability comes from `availableForSale` and
 *   `currentlyNotInStock` instead.
 * - Encore's metafields are read with `metafields(identifiers:)`, one field
 *   for both keys (`encore.replenishable`, `encore.replenish_days`); they are
 *   only returned when the merchant's metafield definitions give the
 *   Storefront API read access, and are null otherwise (tags still work).
 * - `@inContext(country:, language:)` asks for the buyer's market prices and
 *   translations; both variables may be left out.
 * - Only what the core's rules and the offer cards read is selected (bundle
 *   size and query cost): no description, creation date, SKU, barcode, weight
 *   or image gallery (the featured and variant images are enough to show).
 */

/** Metafields every product answer carries, in this order. */
export const ENCORE_METAFIELDS = [
  { namespace: 'encore', key: 'replenishable' },
  { namespace: 'encore', key: 'replenish_days' },
] as const;

const IMAGE = '{id url altText width height}';
const MONEY = '{amount currencyCode}';

export const PRODUCT_FRAGMENT = `fragment EncoreProduct on Product{id handle title vendor productType tags publishedAt isGiftCard availableForSale onlineStoreUrl options{name} featuredImage${IMAGE} variants(first:50){nodes{id title availableForSale currentlyNotInStock requiresShipping price${MONEY} compareAtPrice${MONEY} selectedOptions{name value} image${IMAGE}}} collections(first:10){nodes{id handle title}} metafields(identifiers:[{namespace:"encore",key:"replenishable"},{namespace:"encore",key:"replenish_days"}]){namespace key type value}}`;

/** Shopify's recommendations for one product: RELATED (auto-generated) or COMPLEMENTARY (set up in Search & Discovery). */
const CONTEXT = '$country:CountryCode,$language:LanguageCode)@inContext(country:$country,language:$language)';

export const RECOMMENDATIONS_QUERY = `query EncoreRecommendations($productId:ID!,$intent:ProductRecommendationIntent,${CONTEXT}{productRecommendations(productId:$productId,intent:$intent){...EncoreProduct}}${PRODUCT_FRAGMENT}`;

/** Known products by id (e.g. the ones just bought), so their collections, type and tags can seed the scoring. */
export const PRODUCTS_QUERY = `query EncoreProducts($ids:[ID!]!,${CONTEXT}{nodes(ids:$ids){__typename ...on Product{...EncoreProduct}}}${PRODUCT_FRAGMENT}`;
