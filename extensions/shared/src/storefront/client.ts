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

function contextVariables(context: StorefrontContext): Record<string, string> {
  const variables: Record<string, string> = {};
  if (context.country) variables.country = context.country;
  // Storefront's LanguageCode is upper case, with a region only for a few (PT_BR, ZH_CN …).
  if (context.language) variables.language = context.language.replace('-', '_').toUpperCase();
  return variables;
}

async function run<Data>(query: StorefrontQuery, document: string, variables: Record<string, unknown>): Promise<Data | null> {
  const settled = await settleWithin(() => query(document, { variables }));
  // GraphQL may answer data beside errors (a field it could not resolve); data is used when it came.
  return settled.ok && settled.value && typeof settled.value.data === 'object' && settled.value.data !== null ? (settled.value.data as Data) : null;
}

/** Shopify's recommendations for one product; [] when the call fails, is slow or answers nothing. */
export async function recommendationsFor(
  query: StorefrontQuery,
  productId: string,
  intent: RecommendationIntent,
  context: StorefrontContext = {},
): Promise<StorefrontProduct[]> {
  const data = await run<RecommendationsData>(query, RECOMMENDATIONS_QUERY, { productId, intent, ...contextVariables(context) });
  return (data?.productRecommendations ?? []).filter((product) => product !== null && typeof product === 'object');
}

/** The products with these ids that the channel can see; [] when the call fails or is slow. */
export async function productsById(query: StorefrontQuery, ids: readonly string[], context: StorefrontContext = {}): Promise<StorefrontProduct[]> {
  if (ids.length === 0) return [];
  return productsOfNodes(await run<ProductsData>(query, PRODUCTS_QUERY, { ids: [...ids], ...contextVariables(context) }));
}
