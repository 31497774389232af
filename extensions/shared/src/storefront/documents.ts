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
 */

/** Metafields every product answer carries, in this order. */
export const ENCORE_METAFIELDS = [
  { namespace: 'encore', key: 'replenishable' },
  { namespace: 'encore', key: 'replenish_days' },
] as const;

const IMAGE = 'id url altText width height';

export const PRODUCT_FRAGMENT = `fragment EncoreProduct on Product {
  id handle title vendor productType tags descriptionHtml createdAt publishedAt isGiftCard availableForSale onlineStoreUrl
  options { name }
  featuredImage { ${IMAGE} }
  images(first: 10) { nodes { ${IMAGE} } }
  variants(first: 50) {
    nodes {
      id title sku barcode availableForSale currentlyNotInStock requiresShipping weight weightUnit
      price { amount currencyCode }
      compareAtPrice { amount currencyCode }
      selectedOptions { name value }
      image { ${IMAGE} }
    }
  }
  collections(first: 10) { nodes { id handle title } }
  metafields(identifiers: [{ namespace: "encore", key: "replenishable" }, { namespace: "encore", key: "replenish_days" }]) {
    namespace key type value
  }
}`;

/** Shopify's recommendations for one product: RELATED (auto-generated) or COMPLEMENTARY (set up in Search & Discovery). */
export const RECOMMENDATIONS_QUERY = `query EncoreRecommendations($productId: ID!, $intent: ProductRecommendationIntent, $country: CountryCode, $language: LanguageCode)
@inContext(country: $country, language: $language) {
  productRecommendations(productId: $productId, intent: $intent) { ...EncoreProduct }
}
${PRODUCT_FRAGMENT}`;

/** Known products by id (e.g. the ones just bought), so their collections, type and tags can seed the scoring. */
export const PRODUCTS_QUERY = `query EncoreProducts($ids: [ID!]!, $country: CountryCode, $language: LanguageCode)
@inContext(country: $country, language: $language) {
  nodes(ids: $ids) { __typename ... on Product { ...EncoreProduct } }
}
${PRODUCT_FRAGMENT}`;
