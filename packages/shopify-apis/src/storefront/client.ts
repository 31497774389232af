/**
 * Storefront calls as the extensions make them: through the `query` function
 * the surface hands over (`shopify.query`), each settled within the 1.5 s limit
 * (timeout.ts). A failed, slow or erroring call answers an empty list, so the
 * caller shows less, never an error and never a skeleton that does not end.
 */
import { settleWithin } from '../timeout.ts';
import { PRODUCTS_QUERY, RECOMMENDATIONS_QUERY } from './documents.ts';
import { productsOfNodes } from './product.ts';
import type { ProductsData, RecommendationIntent, RecommendationsData, StorefrontProduct } from './types.ts';

/** `shopify.query`'s shape, narrowed to what these calls use. */
export type StorefrontQuery = (query: string, options: { variables: Record<string, unknown> }) => Promise<{ data?: unknown; errors?: unknown }>;

/** The buyer's market, so prices and titles come in their currency and language (both optional). */
export interface StorefrontContext {
  country?: string;
  language?: string;
}

/**
 * Storefront's LanguageCode for a BCP-47 tag: an unknown value would fail the whole query. Only PT_BR, PT_PT,
 * ZH_CN and ZH_TW carry a region; any other tag ("en-US", "fr-CA") is sent as its language alone.
 */
export function languageCode(tag: string): string {
  const code = tag.replace('-', '_').toUpperCase();
  return /^(PT_BR|PT_PT|ZH_CN|ZH_TW)$/.test(code) ? code : code.split('_')[0];
}

/**
 * Absent values are left out. (Object.assign rather than object spread here and in the thank-you block:
 * Shopify's CLI builds extensions for ES6, where spread becomes helper code those bundles have no room for.)
 */
function contextVariables({ country, language }: StorefrontContext): Record<string, string | undefined> {
  return { country: country || undefined, language: language ? languageCode(language) : undefined };
}

function run<Data>(query: StorefrontQuery, document: string, variables: Record<string, unknown>): Promise<Data | null> {
  // GraphQL may answer data beside errors (a field it could not resolve); data is used when it came.
  return settleWithin(() => query(document, { variables })).then((settled) =>
    settled.ok && settled.value && settled.value.data ? (settled.value.data as Data) : null,
  );
}

/** Shopify's recommendations for one product; [] when the call fails, is slow or answers nothing. */
export function recommendationsFor(
  query: StorefrontQuery,
  productId: string,
  intent: RecommendationIntent,
  context: StorefrontContext = {},
): Promise<StorefrontProduct[]> {
  return run<RecommendationsData>(query, RECOMMENDATIONS_QUERY, Object.assign({ productId, intent }, contextVariables(context))).then((data) =>
    ((data && data.productRecommendations) || []).filter((product) => !!product),
  );
}

/** The products with these ids that the channel can see; [] when the call fails or is slow. */
export function productsById(query: StorefrontQuery, ids: readonly string[], context: StorefrontContext = {}): Promise<StorefrontProduct[]> {
  return ids.length === 0
    ? Promise.resolve([])
    : run<ProductsData>(query, PRODUCTS_QUERY, Object.assign({ ids: [...ids] }, contextVariables(context))).then(productsOfNodes);
}
