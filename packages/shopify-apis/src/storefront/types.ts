/**
 * What the Storefront API (GraphQL, 2026-10) answers to the documents in
 * documents.ts: only the fields those documents select, with Shopify's
 * nullability. Field names were checked against shopify.dev's Storefront API
 * reference (objects Product, ProductVariant, Image, Collection, Metafield,
 * MoneyV2; QueryRoot.productRecommendations and QueryRoot.nodes).
 */

/** GraphQL `MoneyV2`: a decimal string in major units ("53.86", "1200" for JPY). */
export interface StorefrontMoney {
  amount: string;
  currencyCode: string;
}

export interface StorefrontImage {
  /** `gid://shopify/ProductImage/…`; Shopify types it nullable. */
  id: string | null;
  url: string;
  altText: string | null;
  width: number | null;
  height: number | null;
}

export interface StorefrontVariant {
  id: string;
  title: string;
  /** In stock, or not tracked, or sold while out of stock. */
  availableForSale: boolean;
  /** Available only because the shop keeps selling when out of stock. */
  currentlyNotInStock: boolean;
  requiresShipping: boolean;
  price: StorefrontMoney;
  compareAtPrice: StorefrontMoney | null;
  selectedOptions: { name: string; value: string }[];
  image: StorefrontImage | null;
}

/** A metafield the merchant made visible to the Storefront API; `value` is always a string. */
export interface StorefrontMetafield {
  namespace: string;
  key: string;
  type: string;
  value: string;
}

export interface StorefrontCollectionRef {
  id: string;
  handle: string;
  title: string;
}

export interface StorefrontProduct {
  __typename?: 'Product';
  id: string;
  handle: string;
  title: string;
  vendor: string;
  productType: string;
  tags: string[];
  /** When it was published to the channel asking (a product the channel cannot see is never returned). */
  publishedAt: string;
  isGiftCard: boolean;
  availableForSale: boolean;
  /** null when the product is not on the Online Store channel. */
  onlineStoreUrl: string | null;
  options: { name: string }[];
  featuredImage: StorefrontImage | null;
  variants: { nodes: StorefrontVariant[] };
  collections: { nodes: StorefrontCollectionRef[] };
  /** One entry per identifier asked for, in that order; null where the product has none (or it is hidden). */
  metafields: (StorefrontMetafield | null)[];
}

/** `productRecommendations` answers a list, or null when the product is unknown to the channel. */
export interface RecommendationsData {
  productRecommendations: StorefrontProduct[] | null;
}

/** `nodes(ids:)` answers one entry per id, null for ids the channel cannot see. */
export interface ProductsData {
  nodes: (StorefrontProduct | { __typename: string } | null)[];
}

export type RecommendationIntent = 'RELATED' | 'COMPLEMENTARY';

export interface RecommendationsVariables {
  productId: string;
  intent: RecommendationIntent;
  country?: string;
  language?: string;
}

export interface ProductsVariables {
  ids: string[];
  country?: string;
  language?: string;
}
