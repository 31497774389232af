/**
 * The model fields the drops expose since the model gained duties, pickup,
 * selling plans, VAT-style prices, B2B orders and metafields: exact values
 * from the default fixture (and the rich store where the fixture has none).
 */
import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { loadStore, type Store } from '@encore/fixtures/load.ts';
import { liquidGlobals, type PageOptions } from '@encore/fixtures/liquid/index.ts';
import { richStore } from './drops-store.ts';

const store = loadStore();
const rich = richStore();
const liquid = new Liquid({ ownPropertyOnly: true });
const orderOf = (id: string, from: Store = store) => liquidGlobals(from, { orderId: id }).order!;
const render = (template: string, options: PageOptions, from: Store = store) => liquid.parseAndRenderSync(template, liquidGlobals(from, options));

describe('order.total_duties', () => {
  it('#1012 (to Toronto) paid $2.73 of import duty, and the total includes it', () => {
    const o = orderOf('1012');
    expect(o.total_duties).toBe(273);
    // $42.00 + $64.00 of items, $24.95 shipping, $13.78 HST, $2.73 duty.
    expect([o.subtotal_price, o.shipping_price, o.tax_price, o.total_price]).toEqual([10600, 2495, 1378, 14746]);
    expect(o.subtotal_price + o.shipping_price + o.tax_price + o.total_duties!).toBe(o.total_price);
  });

  it('sums every duty: $2.73 + $1.30', () => {
    expect(orderOf('1012', rich).total_duties).toBe(403);
    expect(orderOf('1012', rich).total_price).toBe(14876);
  });

  it('is nil, not 0, on an order without duties (reference: "If there are no duties, then nil is returned")', () => {
    expect(orderOf('1001').total_duties).toBeUndefined();
    expect(render('[{{ order.total_duties }}]{% if order.total_duties %}duties{% endif %}', { orderId: '1001' })).toBe('[]');
  });
});

describe('globals every storefront page has, which layouts such as Dawn read', () => {
  it("the order page: its canonical URL on the shop's domain and an empty cart; no page_title or powered_by_link", () => {
    // Shopify does not document its page_title wording on customer pages; nil lets a layout fall back to the shop's name.
    expect(render('[{{ page_title }}]|{{ canonical_url }}', { orderId: '1003' })).toBe('[]|https://ember-and-wick.example/account/orders/1003');
    expect(render('[{{ page_title }}]|{{ canonical_url }}', { customerHandle: 'casey' })).toBe('[]|https://ember-and-wick.example/account');
    // A header's cart icon: empty, so no count bubble; the totals are zero in the shop's currency.
    expect(
      render('{{ cart.item_count }}|{{ cart.empty? }}|{{ cart.items.size }}|{{ cart.total_price }}|{{ cart.currency.iso_code }}|[{{ cart.note }}]', {
        orderId: '1003',
      }),
    ).toBe('0|true|0|0|USD|[]');
    // Shopify localizes the credit by the shop's language, in words it does not document: nil, a footer shows none.
    expect(render('[{{ powered_by_link }}]', { orderId: '1003' })).toBe('[]');
  });
});

describe('transaction.payment_details.gift_card', () => {
  it('#1004 (rich store): the gift card ending X9QZ paid $20.00 and has $12.50 left; the Mastercard paid the other $62.16', () => {
    const [giftCard, card] = orderOf('1004', rich).transactions;
    expect([giftCard!.gateway, giftCard!.amount, card!.amount]).toEqual(['gift_card', 2000, 6216]);
    const details = giftCard!.payment_details!;
    expect([details.gift_card!.last_four_characters, details.gift_card!.balance, details.gift_card!.currency]).toEqual(['X9QZ', 1250, 'USD']);
    expect([details.credit_card_company, details.credit_card_last_four_digits, details.credit_card_number]).toEqual([undefined, undefined, undefined]);
    expect(card!.payment_details!.gift_card).toBeUndefined();
    expect(
      render(
        '{% for t in order.transactions %}[{{ t.payment_details.gift_card.last_four_characters }}|{{ t.payment_details.credit_card_last_four_digits }}]{% endfor %}',
        { orderId: '1004' },
        rich,
      ),
    ).toBe('[X9QZ|][|5454]');
  });

  it('a manual payment records neither card: payment_details is nil (#1002, pending)', () => {
    expect(render('[{{ order.transactions.first.gateway }}]{% if order.transactions.first.payment_details %}details{% endif %}', { orderId: '1002' })).toBe(
      '[manual]',
    );
  });
});

describe('order.pickup_in_store?', () => {
  it('is true for the Brooklyn studio pickup (#1010) and false for shipped orders', () => {
    expect(orderOf('1010')['pickup_in_store?']).toBe(true);
    expect(orderOf('1003')['pickup_in_store?']).toBe(false);
    expect(render('{% if order.pickup_in_store? %}Pick up at the studio{% else %}Shipped{% endif %}', { orderId: '1010' })).toBe('Pick up at the studio');
  });
});

describe('line_item.selling_plan_allocation', () => {
  it('#1013: the refill oil is on a 30-day subscription at $19.80 ($22.00 less 10%), the fig candles are not', () => {
    const [candles, oil] = orderOf('1013').line_items;
    expect(candles.selling_plan_allocation).toBeUndefined();
    const allocation = oil.selling_plan_allocation!;
    expect([allocation.selling_plan.name, allocation.selling_plan.id, allocation.price, allocation.selling_plan.selected]).toEqual([
      'Delivery every 30 days, 10% off',
      5101,
      1980,
      false,
    ]);
    expect(
      render('{% for line in order.line_items %}{{ line.title }}: {{ line.selling_plan_allocation.selling_plan.name | default: "one-time" }}; {% endfor %}', {
        orderId: '1013',
      }),
    ).toBe('Fig Candle: one-time; Diffuser Refill Oil: Delivery every 30 days, 10% off; ');
  });

  it('is the same drop however often it is read', () => {
    const oil = orderOf('1013').line_items[1];
    expect(oil.selling_plan_allocation).toBe(oil.selling_plan_allocation);
  });
});

describe('line_item.requires_shipping comes from the line', () => {
  it('#1009: the PDF guide and the gift card ship nothing', () => {
    expect(orderOf('1009').line_items.map((line) => [line.title, line.requires_shipping])).toEqual([
      ['Candle-Making Guide (PDF)', false],
      ['Ember & Wick Gift Card - $50', false],
    ]);
  });

  it('the line wins over its variant', () => {
    const matches = orderOf('1001', rich).line_items.find((line) => line.product.handle === 'long-matches')!;
    expect([matches.requires_shipping, matches.variant.requires_shipping]).toEqual([false, true]);
  });

  it('line_item.grams is the weight of one unit: 120 g of matches, 620 g of a 16 oz candle', () => {
    expect(orderOf('1001').line_items.map((line) => line.grams)).toEqual([620, 120]);
  });
});

describe('order.subtotal_line_items', () => {
  it('is every line (the model has no tips), and the subtotal is made of them', () => {
    const o = orderOf('1013');
    expect(o.subtotal_line_items).toBe(o.line_items);
    expect(o.subtotal_line_items.reduce((total, line) => total + line.final_line_price, 0)).toBe(o.subtotal_price);
    expect(o.subtotal_price).toBe(2 * 2800 + 1980);
  });
});

describe('order.tax_price when prices include taxes', () => {
  it('#1002 with VAT-style prices: the $4.47 tax is listed and in tax_price, but not added to the total', () => {
    const o = orderOf('1002', rich);
    expect(o.tax_lines.map((line) => [line.title, line.price])).toEqual([['NY Sales Tax', 447]]);
    expect(o.tax_price).toBe(447);
    // 2 × $28.00 − $5.60 WELCOME10 + $5.95 shipping, nothing added for tax.
    expect([o.subtotal_price, o.shipping_price, o.total_price]).toEqual([5040, 595, 5635]);
  });
});

describe('metafields', () => {
  it('product.metafields.encore.replenishable and replenish_days, with .value and .type like Shopify', () => {
    const template =
      '{% assign m = order.line_items.last.product.metafields.encore %}{{ m.replenishable.value }} {{ m.replenishable.type }} {{ m.replenish_days }} {{ m.replenish_days.value | plus: 5 }} {{ m.replenish_days.type }} {{ m.replenishable["list?"] }}';
    expect(render(template, { orderId: '1013' })).toBe('true boolean 30 35 number_integer false');
  });

  it('a metafield prints and compares as its value; a false boolean is falsy', () => {
    const amber = '{% assign m = customer.orders.first.line_items.first.product.metafields %}';
    expect(
      render(
        `${amber}{{ m.custom.burn_hours }}|{% if m.custom.seasonal %}seasonal{% else %}all year{% endif %}|{% if m.encore.replenish_days == 45 %}45 days{% endif %}`,
        { customerHandle: 'casey' },
        rich,
      ),
    ).toBe('50.5|all year|45 days');
  });

  it('missing namespaces and keys are nil; `size` is a key when there is one, else the count', () => {
    expect(
      render('[{{ order.line_items.last.product.metafields.nothing.here }}][{{ order.line_items.last.product.metafields.encore.missing }}]', {
        orderId: '1013',
      }),
    ).toBe('[][]');
    expect(render('{{ order.line_items.first.product.metafields.encore.size }}', { orderId: '1013' })).toBe('2');
    expect(
      render(
        '{{ order.line_items.last.product.metafields.encore.size }}|{{ order.line_items.last.product.metafields.encore["size"].value }}',
        { orderId: '1013' },
        rich,
      ),
    ).toBe('250 ml|250 ml');
  });

  it('orders, customers, variants, collections and the shop have none: every lookup is nil', () => {
    const template =
      '[{{ order.metafields.custom.gift }}{{ customer.metafields.custom.tier }}{{ order.line_items.first.variant.metafields.encore.replenishable }}{{ order.line_items.first.product.collections.first.metafields.custom.banner }}{{ shop.metafields.custom.x }}]';
    expect(render(template, { orderId: '1013' })).toBe('[]');
  });
});

describe('B2B, URLs and options', () => {
  it('customer.b2b? is true for the buyer of a company order (#1014), false otherwise', () => {
    expect(liquidGlobals(store, { customerHandle: 'b2b-buyer' }).customer!['b2b?']).toBe(true);
    expect(liquidGlobals(store, { customerHandle: 'casey' }).customer!['b2b?']).toBe(false);
  });

  it('order_status_url and customer_order_url lead to the order page the preview serves', () => {
    const o = liquidGlobals(store, { orderId: '1003', locale: 'fr' }).order!;
    expect([o.customer_url, o.order_status_url, o.customer_order_url]).toEqual([
      '/fr/account/orders/1003',
      '/fr/account/orders/1003',
      '/fr/account/orders/1003',
    ]);
  });

  it('shipping_method.id is its handle, as in the reference example', () => {
    expect([orderOf('1001').shipping_methods[0].id, orderOf('1012').shipping_methods[0].handle]).toEqual([
      'shopify-Standard-5.95',
      'shopify-International Express-24.95',
    ]);
  });

  it('product options: values, selection (first available variant) and availability along the selected path', () => {
    const candles = orderOf('1001', rich).line_items[0].product.collections.find((collection) => collection.handle === 'candles')!;
    const pillar = candles.products.find((product) => product.handle === 'pillar-candle')!;
    const [scent, size, wick] = pillar.options_with_values;
    expect([scent.name, scent.position, scent.values.map(String), size.values.map(String), wick.values.map(String)]).toEqual([
      'Scent',
      1,
      ['Amber', 'Cedar'],
      ['Small', 'Large'],
      ['Cotton', 'Wood'],
    ]);
    // Amber / Small / Cotton is sold out, so the page shows Amber / Small / Wood.
    expect([scent.selected_value, size.selected_value, wick.selected_value]).toEqual(['Amber', 'Small', 'Wood']);
    expect(wick.values.map((value) => [value.name, value.selected, value.available, value.variant?.id])).toEqual([
      ['Cotton', false, false, 4901],
      ['Wood', true, true, 4902],
    ]);
    // Cedar only comes Small / Cotton: no Cedar / Small / Wood variant, but Cedar itself is available.
    expect(scent.values.map((value) => [value.name, value.available, value.variant?.id])).toEqual([
      ['Amber', true, 4902],
      ['Cedar', true, undefined],
    ]);
    expect(pillar.options_by_name.liquidMethodMissing('WICK')).toBe(wick);
    const variant = pillar.variants[2];
    expect(variant.options_with_values.map((option) => `${option.name}: ${option.value}`)).toEqual(['Scent: Amber', 'Size: Large', 'Wick: Cotton']);
    expect(variant.options[1]).toBe(size.values[1]);
    expect([variant.option1, variant.option2, variant.option3]).toEqual(['Amber', 'Large', 'Cotton']);
  });

  it('a line item without options has the "Title" option, valued "Default Title"', () => {
    expect(render('{% for option in order.line_items.first.options_with_values %}{{ option.name }}={{ option.value }}{% endfor %}', { orderId: '1013' })).toBe(
      'Title=Default Title',
    );
  });

  it('product media are its images, each with itself as preview image', () => {
    const product = orderOf('1003').line_items[2].product;
    expect(product.media.map((medium) => medium.src)).toEqual(product.images.map((image) => image.src));
    expect(product.featured_media!.preview_image).toBe(product.featured_image);
    expect(product.featured_image!.preview_image).toBeUndefined();
  });
});
