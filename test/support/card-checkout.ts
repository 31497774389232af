import { findOrder } from '@encore/fixtures/names.ts';
import type { Store } from '@encore/fixtures/types.ts';

/**
 * The store with the named orders placed the way Shopify shows the post-purchase page for them: paid by card
 * at checkout, without duties. The fixture's #1012 paid import duties and #2004 is a pending bank transfer, so
 * Shopify would skip the page for both (packages/core/src/post-purchase-page.ts); tests of offers keep
 * their baskets and buyers and change only how they were paid.
 */
export function withCardCheckout(from: Store, ...names: string[]): Store {
  const copy = structuredClone(from);
  for (const name of names) {
    const order = findOrder(copy, name)?.order;
    if (!order) throw new Error(`no order ${name}`);
    const duties = (order.duties ?? []).reduce((sum, duty) => sum + duty.price, 0);
    order.duties = [];
    order.total_price -= duties;
    order.payment_terms = null;
    order.company = null;
    order.transactions = [
      {
        id: order.id * 10,
        kind: 'sale',
        status: 'success',
        gateway: 'shopify_payments',
        amount: order.total_price,
        created_at: order.processed_at,
        card: { brand: 'Visa', last_four: '4242' },
      },
    ];
  }
  return copy;
}
