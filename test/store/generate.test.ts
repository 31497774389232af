import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStore, type GenerateOptions } from '@encore/fixtures/generate.ts';
import { loadStore, parseStore } from '@encore/fixtures/load.ts';
import { financialStatus, fulfillmentStatus } from '@encore/fixtures/derive.ts';
import { Storefront } from '@encore/studio/storefront.ts';
import { generate } from '@encore/cli/generate.ts';
import { runMain, runScript } from '../support/cli.ts';
const SEVEN: GenerateOptions = { seed: 7, customers: 10, ordersPerCustomer: 20, linesPerOrder: 5, catalogSize: 500 };

/** parseStore mutates (fills defaults), so each check gets its own JSON copy. */
const valid = (options: GenerateOptions) => parseStore(JSON.parse(JSON.stringify(generateStore(options))), `seed ${options.seed}`);

describe('generateStore', () => {
  it.each([
    ['the CLI example', SEVEN],
    ['one of everything', { seed: 1, customers: 1, ordersPerCustomer: 1, linesPerOrder: 1, catalogSize: 1 }],
    [
      'more lines than products, more collections than types',
      { seed: 2, customers: 3, ordersPerCustomer: 4, linesPerOrder: 7, catalogSize: 3, collections: 12 },
    ],
    ['an empty shop', { seed: 3, customers: 0, ordersPerCustomer: 0, linesPerOrder: 0, catalogSize: 0 }],
    ['a catalog without customers', { seed: -5, customers: 0, ordersPerCustomer: 3, linesPerOrder: 3, catalogSize: 40 }],
    ['long orders', { seed: 4, customers: 2, ordersPerCustomer: 30, linesPerOrder: 25, catalogSize: 60 }],
  ])('%s passes parseStore', (_label, options) => {
    const store = valid(options);
    expect(store.products).toHaveLength(options.catalogSize);
    expect(store.customers).toHaveLength(options.customers);
    for (const customer of store.customers) {
      expect(customer.orders).toHaveLength(options.ordersPerCustomer);
      for (const order of customer.orders) expect(order.line_items).toHaveLength(options.linesPerOrder);
    }
    if (options.collections !== undefined) expect(store.collections).toHaveLength(options.collections);
  });

  it('is deterministic: the same seed gives the same JSON, another seed another store', () => {
    const once = JSON.stringify(generateStore(SEVEN));
    expect(JSON.stringify(generateStore(SEVEN))).toBe(once);
    expect(JSON.stringify(generateStore({ ...SEVEN, seed: 8 }))).not.toBe(once);
  });

  it('has the variety of a real shop', () => {
    const store = generateStore(SEVEN);
    expect(store.collections.map((c) => c.title)).toEqual(['Candle', 'Coffee', 'Tea', 'Soap', 'Apparel', 'Kitchen', 'Stationery', 'Home']);
    expect(new Set(store.products.map((p) => p.vendor)).size).toBeGreaterThanOrEqual(8);
    const giftCard = store.products.find((p) => p.gift_card)!;
    expect(giftCard.variants.map((v) => [v.price, v.requires_shipping])).toEqual([
      [2500, false],
      [5000, false],
      [10000, false],
    ]);
    const replenishable = store.products.filter((p) => p.tags.includes('replenishable'));
    expect(replenishable.length).toBeGreaterThan(100);
    expect(replenishable.every((p) => p.metafields?.some((m) => m.key === 'replenish_days' && Number.isInteger(m.value)))).toBe(true);
    expect(store.products.filter((p) => p.variants.some((v) => v.inventory_quantity === 0)).length).toBeGreaterThan(10);
    const orders = store.customers.flatMap((c) => c.orders);
    expect(new Set(orders.map(financialStatus))).toEqual(new Set(['paid', 'pending', 'authorized', 'partially_refunded', 'refunded']));
    expect(new Set(orders.map(fulfillmentStatus))).toEqual(new Set(['fulfilled', 'partial', 'unfulfilled', 'restocked']));
    expect(orders.some((o) => o.discount_applications.length > 0)).toBe(true);
    expect(orders.some((o) => o.fulfillments.some((f) => f.events && f.events.at(-1)!.status === 'delivered'))).toBe(true);
  });

  // How long it takes depends on the machine; what it builds does not (the test's timeout bounds the time).
  it('builds 10,000 products and 1,000 orders of 5 lines', () => {
    const store = generateStore({ seed: 11, customers: 100, ordersPerCustomer: 10, linesPerOrder: 5, catalogSize: 10_000 });
    expect(store.products).toHaveLength(10_000);
    const orders = store.customers.flatMap((c) => c.orders);
    expect(orders).toHaveLength(1000);
    expect(orders.every((o) => o.line_items.length === 5)).toBe(true);
  });

  it('the generated shop renders through the theme', async () => {
    const storefront = new Storefront({ store: valid({ seed: 5, customers: 2, ordersPerCustomer: 3, linesPerOrder: 2, catalogSize: 30 }) });
    const { status, body } = await storefront.render({ template: 'customers/order', order: '1001' });
    expect(status).toBe(200);
    expect(body).toContain('Order #1001');
  });

  it('refuses sizes it cannot fill, naming the option', () => {
    expect(() => generateStore({ ...SEVEN, catalogSize: 0 })).toThrow('catalogSize must be at least 1 when there are orders to fill');
    expect(() => generateStore({ ...SEVEN, linesPerOrder: 0 })).toThrow('linesPerOrder must be at least 1 when there are orders');
    expect(() => generateStore({ ...SEVEN, customers: -1 })).toThrow('customers must be a whole number >= 0, got -1');
    expect(() => generateStore({ ...SEVEN, seed: 1.5 })).toThrow('seed must be an integer, got 1.5');
  });
});

describe('npm run generate', () => {
  /** `npm run generate` in-process: what it prints and its exit code. */
  const run = (...args: string[]) => runMain(generate, args);

  it('writes the same store to --out as to stdout, and loadStore reads it', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'encore-generate-')), 'store.json');
    const args = ['--seed', '7', '--customers', '2', '--orders', '3', '--lines', '2', '--products', '20'];
    const toFile = await run(...args, '--out', out);
    expect(toFile.status).toBe(0);
    expect(toFile.stderr).toContain(`wrote 20 products, 8 collections, 2 customers and 6 orders to ${out}`);
    const toStdout = await run(...args);
    expect(toStdout.stdout).toBe(fs.readFileSync(out, 'utf8'));
    const store = loadStore(out);
    expect(store.customers.map((c) => c.handle)).toEqual(['customer-1', 'customer-2']);
    expect(JSON.stringify(store)).toBe(JSON.stringify(generateStore({ seed: 7, customers: 2, ordersPerCustomer: 3, linesPerOrder: 2, catalogSize: 20 })));
    // The script itself: the whole store through the pipe before the process exits 0.
    expect(await runScript('tools/cli/src/generate.ts', args)).toEqual(toStdout);
  });

  it('exits 2 with usage for a malformed or impossible size', async () => {
    const malformed = await run('--lines', 'five');
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain("--lines must be a whole number from 0, got 'five'");
    expect(malformed.stderr).toContain('Usage:');
    const impossible = await run('--products', '0');
    expect(impossible.status).toBe(2);
    expect(impossible.stderr).toContain('catalogSize must be at least 1');
  });
});
