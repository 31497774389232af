import { Drop, Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { loadStore } from '@encore/fixtures/load.ts';
import { liquidGlobals } from '@encore/fixtures/liquid/index.ts';

const store = loadStore();
/** Plain liquidjs with the engine's ownPropertyOnly, so nothing depends on Shopify filters. */
const liquid = new Liquid({ ownPropertyOnly: true });
const render = (template: string, options: Parameters<typeof liquidGlobals>[1]) => liquid.parseAndRenderSync(template, liquidGlobals(store, options));

describe('liquidjs reads drops under ownPropertyOnly', () => {
  it('reads getters on the prototype of a Drop, not of a plain object', () => {
    class Probe extends Drop {
      get answer() {
        return 42;
      }
    }
    const plain = Object.create({ answer: 42 });
    expect(liquid.parseAndRenderSync('{{ drop.answer }}/{{ plain.answer }}', { drop: new Probe(), plain })).toBe('42/');
  });
});

describe('rendering the store through plain liquidjs', () => {
  it('counts 45 orders for loyal-customer', () => {
    expect(render('{{ customer.orders.size }}', { customerHandle: 'loyal-customer' })).toBe('45');
    expect(render('{{ customer.orders_count }} {{ customer.orders.first.name }} {{ customer.orders.last.name }}', { customerHandle: 'loyal-customer' })).toBe(
      '45 #1145 #1101',
    );
  });

  it('pages through customer.orders the way the paginate tag slices it', () => {
    const page2 = render('{% for o in customer.orders offset: 20 limit: 20 %}{{ o.name }} {% endfor %}', { customerHandle: 'loyal-customer' });
    expect(page2.trim().split(' ')).toHaveLength(20);
    expect(page2.startsWith('#1125 ')).toBe(true);
    expect(render('{% for o in customer.orders offset: 40 limit: 20 %}{{ o.name }} {% endfor %}', { customerHandle: 'loyal-customer' })).toBe(
      '#1105 #1104 #1103 #1102 #1101 ',
    );
  });

  it('renders an order summary with statuses and money in subunits', () => {
    const out = render(
      '{{ order.name }}|{{ order.financial_status_label }}|{{ order.fulfillment_status_label }}|{% for line in order.line_items %}{{ line.title }} ×{{ line.quantity }} ({{ line.successfully_fulfilled_quantity }} shipped){% unless forloop.last %}, {% endunless %}{% endfor %}|{{ order.total_price }}',
      { orderId: '1003' },
    );
    expect(out).toBe('#1003|Paid|Partial|Cedar Candle - 8 oz ×2 (2 shipped), Wick Trimmer ×1 (1 shipped), Reed Diffuser - Amber ×1 (0 shipped)|11759');
  });

  it('shows tracking only for lines in a successful fulfillment', () => {
    const template =
      '{% for line in order.line_items %}{% if line.fulfillment %}{{ line.fulfillment.tracking_company }} {{ line.fulfillment.tracking_number }}{% else %}none{% endif %};{% endfor %}';
    expect(render(template, { orderId: '1003' })).toBe('UPS 1Z999AA10123456784;USPS 9400111899223197428490;none;');
    expect(render(template, { orderId: '1005' })).toBe('none;none;');
  });

  it('iterates properties and attributes as key/value pairs', () => {
    expect(render('{% for p in order.line_items.first.properties %}{{ p.first }}={{ p.last }}{% endfor %}', { orderId: '1001' })).toBe(
      'Gift message=Happy housewarming!',
    );
    expect(render('{% for a in order.attributes %}{{ a[0] }}: {{ a[1] }}{% endfor %}', { orderId: '1001' })).toBe('How did you hear about us?: A friend');
  });

  it('refunds show through the financial status and refund transactions', () => {
    const template =
      '{{ order.financial_status }} {{ order.total_refunded_amount }} {{ order.total_net_amount }} {% for t in order.transactions %}{% if t.kind == "refund" %}{{ t.amount }}{% endif %}{% endfor %}';
    expect(render(template, { orderId: '1007' })).toBe('partially_refunded 1742 8870 1742');
    expect(render(template, { orderId: '1006' })).toBe('refunded 9523 0 9523');
  });

  it('works with array filters over drops', () => {
    expect(render("{{ customer.orders | where: 'financial_status', 'pending' | map: 'name' | join: ',' }}", { customerHandle: 'casey' })).toBe('#1002');
    expect(render("{{ customer.orders | map: 'fulfillment_status' | uniq | sort | join: ',' }}", { customerHandle: 'casey' })).toBe(
      'fulfilled,partial,restocked,unfulfilled',
    );
  });

  it('discounts: order-level versus line-level', () => {
    expect(
      render(
        '{% for d in order.cart_level_discount_applications %}{{ d.title }} -{{ d.total_allocated_amount }}{% endfor %} {{ order.line_items.first.final_line_price }}',
        { orderId: '1002' },
      ),
    ).toBe('WELCOME10 -560 5600');
    expect(
      render('{% for a in order.line_items[1].line_level_discount_allocations %}{{ a.discount_application.title }} -{{ a.amount }}{% endfor %}', {
        orderId: '1004',
      }),
    ).toBe('Guide half price with a gift set -600');
  });

  it('addresses, images, shop and routes', () => {
    expect(render('{{ customer.default_address.summary }}', { customerHandle: 'casey' })).toBe(
      'Casey Rivera, 123 Bedford Ave, Apt 4B, Brooklyn, New York, United States',
    );
    expect(
      render('{{ order.line_items.first.image.src }} {{ order.line_items.first.image.width }} {{ order.line_items.first.image }}', { orderId: '1004' }),
    ).toBe('//ember-and-wick.example/cdn/shop/files/discovery-gift-set.jpg 1200 files/discovery-gift-set.jpg');
    // The studio serves uploaded files itself: its host replaces the shop's domain, nothing else changes.
    expect(render('{{ order.line_items.first.image.src }} {{ shop.domain }}', { orderId: '1004', cdnHost: '127.0.0.1:3000' })).toBe(
      '//127.0.0.1:3000/cdn/shop/files/discovery-gift-set.jpg ember-and-wick.example',
    );
    expect(render('{{ shop.name }} {{ shop.money_format }} {{ routes.account_logout_url }} {{ request.locale.iso_code }}', { customerHandle: 'casey' })).toBe(
      'Ember & Wick ${{amount}} /account/logout en',
    );
  });

  it('unknown attributes are nil and JavaScript internals stay out of reach', () => {
    expect(
      render('[{{ order.fulfillments }}][{{ order.constructor }}][{{ order.hasOwnProperty }}][{{ order.__proto__ }}][{{ customer.nonexistent }}]', {
        orderId: '1001',
      }),
    ).toBe('[][][][][]');
  });
});
