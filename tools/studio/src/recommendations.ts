/**
 * Shopify's Product Recommendations route as the account section's script calls it:
 * `/recommendations/products?product_id=ID&limit=N&section_id=ID&intent=related` renders that section with the
 * `recommendations` object filled, through the Section Rendering API.
 *
 * Stand-in for Shopify's model: the domain core's `recommendProducts` over the fixture catalog, with a history
 * of one unit of the seed product (so the picks are what relates to that product: shared collections, type, tags,
 * vendor, bought together across the store's orders), the seed itself left out. `intent=complementary` answers no
 * products: on Shopify those are set by hand in Search & Discovery, which a fixture does not have.
 * The logged-in customer is the one the page asking names (`?customer=` of the Referer), as elsewhere in the studio.
 */
import type { IncomingMessage } from 'node:http';
import { recommendProducts } from '@encore/core/recommendations.ts';
import { renderPage, type PageResponse } from '@encore/liquid/theme/page.ts';
import type { Storefront } from './storefront.ts';
import { liquidGlobals, shopSettingsOf } from '@encore/fixtures/liquid/index.ts';
import { StoreView } from '@encore/fixtures/liquid/view.ts';
import type { Order } from '@encore/fixtures/types.ts';

/** Shopify's limit for `limit`. */
const MAX_RECOMMENDATIONS = 10;

export class BadRecommendationsRequest extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

/** The related products' handles for a seed product id, best first. */
export function relatedHandles(storefront: Storefront, productId: number, limit: number, intent: string): string[] {
  const { store } = storefront;
  const seed = store.products.find((product) => product.id === productId);
  if (!seed) throw new BadRecommendationsRequest(404, `no product with id ${productId} in the store`);
  if (intent === 'complementary') return [];
  const storeOrders = store.customers.flatMap((customer) => customer.orders);
  const source = storeOrders.find((order) => order.line_items.some((line) => line.product === seed.handle));
  const line = source?.line_items.find((candidate) => candidate.product === seed.handle);
  const variant = seed.variants[0];
  if (!variant) return [];
  // One kept unit of the seed: the core then scores every product by its affinity to it.
  const history: Order[] = [
    {
      ...(source ?? storeOrders[0]),
      id: -1,
      cancelled_at: null,
      refunds: [],
      line_items: [
        { ...(line ?? source?.line_items[0] ?? storeOrders[0].line_items[0]), product: seed.handle, variant_id: line?.variant_id ?? variant.id, quantity: 1 },
      ],
    } as Order,
  ];
  if (!history[0].line_items[0]) return [];
  const now = store.shop.now ?? new Date().toISOString();
  return recommendProducts({ products: store.products, collections: store.collections, history, storeOrders, now, limit, exclude: [seed.handle] }).map(
    (pick) => pick.product.handle,
  );
}

/** A recommendations request, checked: what the section is rendered for. */
export interface RecommendationsRequest {
  productId: number;
  sectionId: string;
  limit: number;
  intent: string;
  /** The logged-in customer (the asking page's), if any. */
  customer?: string;
}

/** The request's parameters, checked here (400 or 404, before anything renders). */
export function recommendationsRequest(storefront: Storefront, request: IncomingMessage, query: URLSearchParams): RecommendationsRequest {
  const productId = Number(query.get('product_id'));
  if (!Number.isInteger(productId) || productId <= 0) throw new BadRecommendationsRequest(400, 'product_id must be a product id');
  const sectionId = query.get('section_id');
  if (!sectionId) throw new BadRecommendationsRequest(400, 'section_id is required (the studio answers the HTML route only)');
  if (!storefront.store.products.some((product) => product.id === productId))
    throw new BadRecommendationsRequest(404, `no product with id ${productId} in the store`);
  const limit = Math.min(MAX_RECOMMENDATIONS, Math.max(1, Number(query.get('limit')) || MAX_RECOMMENDATIONS));
  return { productId, sectionId, limit, intent: query.get('intent') ?? 'related', customer: customerOfReferer(request, storefront) };
}

/** The section with `recommendations` filled, as Shopify's route renders it. */
export async function recommendationsSection(storefront: Storefront, asked: RecommendationsRequest, locale: string, host: string): Promise<PageResponse> {
  const handles = relatedHandles(storefront, asked.productId, asked.limit, asked.intent);
  const { store, theme } = storefront;
  const view = new StoreView(store, locale, host);
  const products = handles.map((handle) => view.productDrop(handle)).filter((drop) => drop !== undefined);
  const recommendations = { 'performed?': true, products, products_count: products.length, intent: asked.intent };
  return renderPage(theme, {
    template: 'customers/account',
    globals: { ...liquidGlobals(store, { customerHandle: asked.customer, locale, cdnHost: host }), recommendations },
    shop: { ...shopSettingsOf(store), domain: host },
    locale,
    query: new URLSearchParams({ section_id: asked.sectionId }),
    path: view.url('/recommendations/products'),
    now: store.shop.now ? new Date(store.shop.now) : new Date(),
  });
}

/** The customer the asking page shows (`/account?customer=HANDLE`), when it is one of the store's. */
function customerOfReferer(request: IncomingMessage, storefront: Storefront): string | undefined {
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const handle = new URL(referer).searchParams.get('customer');
    return storefront.store.customers.some((customer) => customer.handle === handle) ? handle! : undefined;
  } catch {
    return undefined;
  }
}
