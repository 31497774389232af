/**
 * The store's globals inside the engine's own liquidjs (Shopify tags and
 * filters, ownPropertyOnly): the `paginate` tag must page `customer.orders`
 * and the money filter must read the drops' subunit integers.
 */
import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState } from '@encore/liquid/state.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { liquidGlobals, shopSettingsOf } from '@encore/fixtures/liquid/index.ts';

const store = loadStore();
const liquid = createLiquid();

function render(template: string, options: Parameters<typeof liquidGlobals>[1], page?: number): string {
  const state = defaultRenderState({ shop: shopSettingsOf(store), query: new URLSearchParams(page ? { page: String(page) } : {}), requestPath: '/account' });
  // The render state travels in liquidjs globals (not the scope), as the engine passes it.
  return liquid.parseAndRenderSync(template, {}, { globals: globalsWithState(liquidGlobals(store, options), state) });
}

describe('store globals in the engine', () => {
  const paged =
    '{% paginate customer.orders by 20 %}{{ paginate.pages }}:{{ customer.orders.size }}:{{ customer.orders.first.name }}-{{ customer.orders.last.name }}{% endpaginate %}';

  it('paginate serves loyal-customer 45 orders as pages of 20, 20 and 5', () => {
    expect(render(paged, { customerHandle: 'loyal-customer' }, 1)).toBe('3:20:#1145-#1126');
    expect(render(paged, { customerHandle: 'loyal-customer' }, 2)).toBe('3:20:#1125-#1106');
    expect(render(paged, { customerHandle: 'loyal-customer' }, 3)).toBe('3:5:#1105-#1101');
  });

  it('customer attributes stay readable inside paginate', () => {
    expect(
      render('{% paginate customer.orders by 5 %}{{ customer.first_name }} {{ customer.orders_count }}{% endpaginate %}', { customerHandle: 'casey' }),
    ).toBe('Casey 7');
  });

  it('money filters format the subunit integers', () => {
    expect(render('{{ order.total_price | money }} {{ order.total_refunded_amount | money_with_currency }}', { orderId: '1007' })).toBe('$106.12 $17.42 USD');
  });
});
