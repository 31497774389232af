import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarios, loadStore, StoreError } from '@encore/fixtures/load.ts';
import { SCHEMA_FILE, schemaJson } from '@encore/fixtures/write-schema.ts';
import { CASEY, LABEL, problemsAfter } from './helpers.ts';

describe('loadStore on the default store', () => {
  const store = loadStore();

  it('loads the customers and the catalog', () => {
    expect(store.customers.map((customer) => customer.handle)).toEqual(['new-customer', 'loyal-customer', 'casey', 'riley', 'b2b-buyer', 'hostile-customer']);
    expect(store.customers.map((customer) => customer.orders.length)).toEqual([0, 45, 7, 6, 1, 1]);
    expect(store.products).toHaveLength(14);
    expect(store.shop.currency).toBe('USD');
    expect(store.shop.money_format).toBe('${{amount}}');
  });

  it('has a replenishable candle, a gift card and a digital product', () => {
    const candle = store.products.find((product) => product.handle === 'amber-candle')!;
    expect(candle.tags).toContain('replenishable');
    expect(store.products.find((product) => product.gift_card)?.handle).toBe('gift-card');
    const guide = store.products.find((product) => product.product_type === 'Digital')!;
    expect(guide.variants[0].requires_shipping).toBe(false);
  });

  it('lists every customer and order as a scenario line', () => {
    const lines = listScenarios(store);
    expect(lines).toHaveLength(6 + 45 + 7 + 6 + 1 + 1);
    expect(lines[0]).toBe('customer new-customer  Just created an account, no orders and no addresses');
    expect(lines).toContain('customer casey  Seven orders, one per post-purchase situation (#1001-#1007)');
    expect(lines).toContain('order 1003  Two shipments (one delivered, one in transit), the diffuser still unfulfilled');
    expect(lines.filter((line) => line.startsWith('order 11'))).toHaveLength(45);
    // Customers come first, each followed by their own orders.
    expect(lines.indexOf('customer casey  Seven orders, one per post-purchase situation (#1001-#1007)')).toBe(
      lines.findIndex((line) => line.startsWith('order 1001 ')) - 1,
    );
  });

  it('keeps store.schema.json in sync with schema.ts (run tools/fixtures/src/write-schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaJson());
  });
});

describe('schema errors name the file, the JSON path and the expected shape', () => {
  const at = (path: string) => `${LABEL}: ${path}: `;

  it('a quantity below 1', () => {
    expect(problemsAfter((json) => (json.customers[CASEY].orders[0].line_items[1].quantity = 0))).toEqual([
      `${at('/customers/2/orders/0/line_items/1/quantity')}must be integer >= 1, got 0`,
    ]);
  });

  it('a quantity of the wrong type', () => {
    expect(problemsAfter((json) => (json.customers[CASEY].orders[0].line_items[1].quantity = '2'))).toEqual([
      `${at('/customers/2/orders/0/line_items/1/quantity')}must be integer >= 1, got "2"`,
    ]);
  });

  it('a missing field, with what it should have been', () => {
    expect(problemsAfter((json) => delete json.customers[CASEY].orders[3].total_price)).toEqual([
      `${at('/customers/2/orders/3/total_price')}is missing; expected integer >= 0`,
    ]);
  });

  it('a misspelt field', () => {
    const problems = problemsAfter((json) => (json.products[0].tittle = 'Amber'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${LABEL}: /products/0/tittle: is not a known field; expected one of id, handle, title,`));
  });

  it('a value outside an enumeration', () => {
    expect(problemsAfter((json) => (json.customers[CASEY].orders[4].fulfillments[0].status = 'canceled'))).toEqual([
      `${at('/customers/2/orders/4/fulfillments/0/status')}must be one of "success", "cancelled", got "canceled"`,
    ]);
  });

  it('a nullable value of the wrong type', () => {
    expect(problemsAfter((json) => (json.products[2].variants[0].compare_at_price = '32.00'))).toEqual([
      `${at('/products/2/variants/0/compare_at_price')}must be integer >= 0 or null, got "32.00"`,
    ]);
  });

  it('an error inside a nullable object points inside it', () => {
    expect(problemsAfter((json) => (json.customers[CASEY].orders[0].transactions[0].card.last_four = '42'))).toEqual([
      `${at('/customers/2/orders/0/transactions/0/card/last_four')}must be string matching /^\\d{4}$/, got "42"`,
    ]);
  });

  it('money given as a decimal', () => {
    expect(problemsAfter((json) => (json.customers[CASEY].orders[0].line_items[0].price = 38.0 + 0.5))).toEqual([
      `${at('/customers/2/orders/0/line_items/0/price')}must be integer >= 0, got 38.5`,
    ]);
  });

  it('reports every fault at once', () => {
    const problems = problemsAfter((json) => {
      json.shop.currency = 'usd';
      json.customers[0].handle = 'New Customer';
    });
    expect(problems).toEqual([
      `${at('/shop/currency')}must be string matching /^[A-Z]{3}$/, got "usd"`,
      `${at('/customers/0/handle')}must be string matching /^[a-z0-9]+(-[a-z0-9]+)*$/, got "New Customer"`,
    ]);
  });

  it('a store that is not an object at all', () => {
    expect(problemsAfter((json) => Object.keys(json).forEach((key) => delete json[key]))).toEqual([
      `${at('/shop')}is missing; expected shop object`,
      `${at('/products')}is missing; expected array`,
      `${at('/collections')}is missing; expected array`,
      `${at('/customers')}is missing; expected array`,
    ]);
  });
});

describe('referential errors name the path of the reference', () => {
  const at = (path: string) => `${LABEL}: ${path}: `;

  it('a line item pointing at an unknown variant', () => {
    expect(problemsAfter((json) => (json.customers[CASEY].orders[0].line_items[1].variant_id = 999999))).toEqual([
      `${at('/customers/2/orders/0/line_items/1/variant_id')}unknown variant id 999999`,
    ]);
  });

  it("a variant of another product than the line item's", () => {
    expect(problemsAfter((json) => (json.customers[CASEY].orders[0].line_items[1].variant_id = 4001))).toEqual([
      `${at('/customers/2/orders/0/line_items/1/variant_id')}variant 4001 belongs to product "amber-candle", not "long-matches"`,
    ]);
  });

  it('an unknown product handle in a collection and in a line item', () => {
    expect(
      problemsAfter((json) => {
        json.collections[1].products.push('candle-holder');
        json.customers[CASEY].orders[6].line_items[0].product = 'amber';
      }),
    ).toEqual([
      `${at('/collections/1/products/4')}unknown product handle "candle-holder"`,
      `${at('/customers/2/orders/6/line_items/0/product')}unknown product handle "amber"`,
      `${at('/customers/2/orders/6/line_items/0/variant_id')}variant 4002 belongs to product "amber-candle", not "amber"`,
    ]);
  });

  it('a fulfillment of a line item the order does not have, or of more units than bought', () => {
    expect(
      problemsAfter((json) => {
        const order = json.customers[CASEY].orders[2];
        order.fulfillments[0].line_items[0].quantity = 3;
        order.fulfillments[1].line_items[0].line_item = 12345;
      }),
    ).toEqual([
      `${at('/customers/2/orders/2/fulfillments/0/line_items/0/quantity')}fulfills 3 units of line item 60031 in total, but only 2 were ordered`,
      `${at('/customers/2/orders/2/fulfillments/1/line_items/0/line_item')}unknown line item id 12345 in this order`,
    ]);
  });

  it('a cancelled fulfillment does not count against the quantity', () => {
    // #1005: the cancelled shipment covered all 3 candles; shipping all 3 again is fine.
    const problems = (() => {
      try {
        return problemsAfter((json) => {
          const order = json.customers[CASEY].orders[4];
          order.fulfillments.push({ ...order.fulfillments[0], id: 99, status: 'success', cancelled_at: null });
        });
      } catch (error) {
        return [(error as Error).message];
      }
    })();
    expect(problems).toEqual(['expected the store to be rejected']);
  });

  it('a discount allocation pointing at a missing discount application', () => {
    expect(problemsAfter((json) => (json.customers[CASEY].orders[1].line_items[0].discount_allocations[0].discount_application = 3))).toEqual([
      `${at('/customers/2/orders/1/line_items/0/discount_allocations/0/discount_application')}must be the index of one of the order's 1 discount_applications, got 3`,
    ]);
  });

  it('totals that do not add up', () => {
    expect(problemsAfter((json) => (json.customers[CASEY].orders[2].total_price = 11760))).toEqual([
      `${at('/customers/2/orders/2/total_price')}must equal line items 10800 − discounts 595 + shipping 595 + taxes 959 = 11759, got 11760`,
    ]);
  });

  it('refunds that disagree with the refund transactions', () => {
    expect(problemsAfter((json) => (json.customers[CASEY].orders[6].refunds[0].amount = 1600))).toEqual([
      `${at('/customers/2/orders/6/refunds')}refunds add up to 1600, but successful refund transactions to 1742`,
    ]);
  });

  it('duplicate ids and names', () => {
    expect(
      problemsAfter((json) => {
        json.customers[1].orders[0].name = '#1001';
        json.products[1].id = 7001;
      }),
    ).toEqual([
      `${at('/products/1/id')}duplicate product id 7001, already used at /products/0/id`,
      `${at('/customers/2/orders/0/name')}duplicate order name "#1001", already used at /customers/1/orders/0/name`,
    ]);
  });

  it('a default address that is not in the address book, and a cancel reason without cancellation', () => {
    expect(
      problemsAfter((json) => {
        json.customers[CASEY].default_address_id = 9201;
        json.customers[CASEY].orders[0].cancel_reason = 'customer';
      }),
    ).toEqual([
      `${at('/customers/2/default_address_id')}must be the id of one of the customer's addresses (9301, 9302), got 9201`,
      `${at('/customers/2/orders/0/cancel_reason')}must be set exactly when cancelled_at is set`,
    ]);
  });

  it('an unknown time zone and a primary locale that is not published', () => {
    expect(
      problemsAfter((json) => {
        json.shop.timezone = 'Mars/Olympus_Mons';
        json.shop.primary_locale = 'de';
      }),
    ).toEqual([
      `${at('/shop/primary_locale')}must be one of published_locales (en, fr), got "de"`,
      `${at('/shop/timezone')}must be an IANA time zone such as "America/New_York", got "Mars/Olympus_Mons"`,
    ]);
  });
});

describe('loadStore on files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'encore-store-'));

  it('names a missing file', () => {
    const file = join(dir, 'missing.json');
    expect(() => loadStore(file)).toThrow(`${file}: cannot read:`);
  });

  it('names a file that is not JSON', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "shop": ');
    expect(() => loadStore(file)).toThrow(`${file}: not valid JSON:`);
  });

  it('prefixes schema problems with the file, and lists them all in the message', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ shop: {}, products: [], collections: [], customers: [{}] }));
    try {
      loadStore(file);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StoreError);
      const { problems, message } = error as StoreError;
      expect(problems).toContain(`${file}: /shop/name: is missing; expected non-empty string`);
      expect(problems).toContain(`${file}: /customers/0/orders: is missing; expected array`);
      expect(message.split('\n')[0]).toBe(`${file}: ${problems.length} problems`);
    }
  });
});
