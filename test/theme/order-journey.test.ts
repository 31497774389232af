import { describe, expect, it } from 'vitest';
import { orderJourney } from '../../extensions/core/src/journey.ts';
import { liquidVisibleOrder } from '../../extensions/core/src/liquid-visible.ts';
import { loadBundledStores } from '../../scripts/store/bundled.ts';
import { Storefront } from '../../scripts/storefront.ts';

/**
 * The theme cannot call the domain core, so snippets/order-journey.liquid
 * repeats its rules. For every order of every bundled store, the page's
 * journey must be the core's journey of what Liquid can see of the order.
 */
const cases = loadBundledStores().flatMap(({ name, store }) => {
  const storefront = new Storefront({ store });
  return store.customers.flatMap((customer) =>
    customer.orders.map((order) => ({ label: `${name} ${order.name}`, storefront, order, now: store.shop.now! })),
  );
});

interface PageJourney {
  headline: string | undefined;
  steps: string[];
  items: Record<string, Record<string, number>>;
}

function journeyOf(html: string): PageJourney {
  const headline = /data-headline="([a-z_]+)"/.exec(html)?.[1];
  const steps = [...html.matchAll(/data-journey-step="([a-z_]+)"\s+data-journey-state="([a-z]+)"/g)].map((match) => `${match[1]}:${match[2]}`);
  const items: PageJourney['items'] = {};
  const rows = /class="order-items__row"\s+data-line-item-id="(\d+)"\s+data-ordered="(\d+)"\s+data-shipped="(\d+)"\s+data-delivered="(\d+)"\s+data-cancelled="(\d+)"\s+data-refunded="(\d+)"/g;
  for (const [, id, ordered, shipped, delivered, cancelled, refunded] of html.matchAll(rows)) {
    items[id] = { ordered: Number(ordered), shipped: Number(shipped), delivered: Number(delivered), cancelled: Number(cancelled), refunded: Number(refunded) };
  }
  return { headline, steps, items };
}

describe('the Liquid journey equals the core journey of the Liquid-visible order', () => {
  it('covers every order of every bundled store', () => {
    expect(cases.length).toBeGreaterThan(60);
    expect(new Set(cases.map((entry) => entry.label.split(' ')[0])).size).toBe(6);
  });

  it.each(cases.map((entry) => [entry.label, entry] as const))('%s', async (_label, { storefront, order, now }) => {
    const { status, body } = await storefront.render({ template: 'customers/order', order: String(order.id) });
    expect(status).toBe(200);
    const core = orderJourney(liquidVisibleOrder(order), { now });
    const page = journeyOf(body);
    expect(page.headline).toBe(core.headline);
    expect(page.steps).toEqual(core.steps.map((step) => `${step.kind}:${step.state}`));
    expect(page.items).toEqual(
      Object.fromEntries(
        core.items.map((item) => [
          String(item.lineItemId),
          { ordered: item.ordered, shipped: item.shipped, delivered: item.delivered, cancelled: item.cancelled, refunded: item.refunded },
        ]),
      ),
    );
  });
});
