/**
 * The recommendation signals a theme's Liquid can compute on Shopify's servers from `customer.orders`,
 * `product.collections` and `collection.products`, as a `SignalSet` for the core's `recommendProducts`. The
 * account page's server-rendered picks (theme/snippets/encore-account-recommendations.liquid) equal
 * `recommendProducts({ …, signals: liquidSignals })`; the theme's parity tests prove it. This set is the
 * theme's, not a rule the shipped surfaces run, so it lives here beside liquid-visible.ts rather than in the
 * core's bundles.
 *
 * - history: the 50 newest orders by `created_at` (a Liquid `for` loop over `customer.orders` stops at 50
 *   outside `paginate`);
 * - interest: plain kept units, no recency half-life (Liquid has no exponent); Liquid sees no per-line
 *   refunds, so an order counts every unit unless it was cancelled or fully refunded (`financial_status`
 *   "refunded"), when it keeps none;
 * - signals: collection, type and tag; no vendor (in single-brand shops it is noise, and it keeps the Liquid
 *   short) and no bought-together (Liquid cannot read other shoppers' orders);
 * - candidates: only products listed in a collection that also lists a kept purchase, and the kept purchases
 *   themselves (all Liquid can reach);
 * - fill: the `popular` handles (a theme passes its fallback collection), then the catalog's first
 *   LIQUID_COLLECTION_LIMIT products (Liquid's `collections.all`); never best sellers.
 */
import type { CatalogIndex } from '@encore/core/catalog.ts';
import type { Order } from '@encore/core/model.ts';
import { financialStatus } from '@encore/core/order-status.ts';
import type { LineVisitor, SignalSet } from '@encore/core/recommendation-picks.ts';

/** Orders Liquid reads from `customer.orders` outside `paginate` (Shopify stops a `for` loop at 50). */
export const LIQUID_HISTORY_LIMIT = 50;
/** Products Liquid reads from a collection's `products` outside `paginate` (its first page of 50). */
export const LIQUID_COLLECTION_LIMIT = 50;

/** Kept units as Liquid can see them: no per-line refunds, so every unit counts, unless the order was cancelled or fully refunded. */
const forEachLiquidLine: LineVisitor = (order, visit) => {
  const keepsNothing = Boolean(order.cancelled_at) || financialStatus(order) === 'refunded';
  for (const line of order.line_items ?? []) {
    const quantity = Number.isFinite(line.quantity) ? Math.max(0, line.quantity) : 0;
    visit(line.product, line.variant_id, keepsNothing ? 0 : quantity);
  }
};

/** The orders `customer.orders` lists first: newest `created_at` first, then the higher id, at most LIQUID_HISTORY_LIMIT. */
function liquidHistory(history: Order[]): Order[] {
  const placed = (order: Order) => Date.parse(order.created_at);
  return [...history].sort((a, b) => placed(b) - placed(a) || b.id - a.id).slice(0, LIQUID_HISTORY_LIMIT);
}

/** What Liquid reaches: the kept purchases and, through the collections listing one, their collection mates. */
function liquidReach({ members, memberStart }: CatalogIndex, interest: Float64Array): Uint8Array {
  const reachable = new Uint8Array(interest.length);
  for (let i = 0; i < interest.length; i++) if (interest[i] > 0) reachable[i] = 1;
  for (let c = 0; c + 1 < memberStart.length; c++) {
    const listed = members.subarray(memberStart[c], memberStart[c + 1]);
    if (listed.some((i) => interest[i] > 0)) for (const i of listed) reachable[i] = 1;
  }
  return reachable;
}

/** What a theme's Liquid can compute; no `together` and no `bestSellers`, so other shoppers' orders never count. */
export const liquidSignals: SignalSet = {
  history: liquidHistory,
  lines: forEachLiquidLine,
  recency: false,
  vendor: false,
  reach: liquidReach,
  catalogLimit: LIQUID_COLLECTION_LIMIT,
};
