import { loadStore, type Store } from '@encore/fixtures/load.ts';
import type { Order } from '@encore/fixtures/types.ts';

/**
 * The default store grown for benchmarks: customer `bench-customer` with
 * `orderCount` orders, the first of which (#9001) has `lineCount` line items
 * cycling through the catalog. Totals are recomputed so the order still adds up.
 * Like a real big order, each is part shipped: the first half of its lines went
 * out in one fulfillment (tracked like the template's), the rest is being prepared.
 */
export function scaledStore(lineCount: number, orderCount: number): Store {
  const store = structuredClone(loadStore());
  const template = store.customers.flatMap((c) => c.orders).find((o) => o.line_items.length > 0 && o.fulfillments.length > 0);
  if (!template) throw new Error('the default store has no fulfilled order to scale');
  const variants = store.products.flatMap((p) => p.variants.map((v) => ({ product: p.handle, variant: v })));
  const orders: Order[] = [];
  for (let n = 0; n < orderCount; n++) {
    const lines = n === 0 ? lineCount : template.line_items.length;
    const line_items = Array.from({ length: lines }, (_, i) => {
      const { product, variant } = variants[i % variants.length];
      return {
        id: 900_000 + n * 1000 + i,
        product,
        variant_id: variant.id,
        quantity: 1 + (i % 3),
        price: variant.price,
        properties: {},
        discount_allocations: [],
        requires_shipping: variant.requires_shipping,
      };
    });
    const subtotal = line_items.reduce((sum, l) => sum + l.price * l.quantity, 0);
    const shipping = template.shipping_lines.reduce((sum, s) => sum + s.price, 0);
    const tax = template.tax_lines.reduce((sum, t) => sum + t.price, 0);
    orders.push({
      ...structuredClone(template),
      id: 9_000_000 + n,
      name: `#${9001 + n}`,
      description: `benchmark order ${n + 1}`,
      line_items,
      discount_applications: [],
      fulfillments: [
        {
          ...structuredClone(template.fulfillments[0]),
          id: 9_100_000 + n,
          status: 'success',
          line_items: line_items.slice(0, Math.ceil(lines / 2)).map((line) => ({ line_item: line.id, quantity: line.quantity })),
        },
      ],
      refunds: [],
      transactions: template.transactions.filter((t) => t.kind === 'sale' || t.kind === 'capture').map((t) => ({ ...t, amount: subtotal + shipping + tax })),
      total_price: subtotal + shipping + tax,
    });
  }
  const base = store.customers.find((c) => c.orders.length > 0) ?? store.customers[0];
  store.customers.push({ ...structuredClone(base), id: 99_999, handle: 'bench-customer', description: 'benchmark customer', orders });
  return store;
}
