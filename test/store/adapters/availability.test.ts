/**
 * Shopify's availability fact, as every adapter reports it: Liquid's `variant.available` (the drops), the
 * Storefront API's `availableForSale` and `currentlyNotInStock`, and the domain core reading either the
 * Storefront answer or the stock itself. All of them against one table checked by hand from shopify.dev's
 * variant docs, so neither the adapters nor the core can drift with the other.
 */
import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { isInStock } from '@encore/core/catalog.ts';
import { coreProduct } from '@encore/shopify-apis/storefront/product.ts';
import { storefrontProduct } from '@encore/fixtures/adapters/storefront.ts';
import { availableForSale } from '@encore/fixtures/availability.ts';
import { liquidGlobals } from '@encore/fixtures/liquid/index.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import type { Store, Variant } from '@encore/fixtures/types.ts';

/** [what the row is, units (null: not tracked), policy, for sale, for sale only past zero]. */
const TABLE: Array<[string, number | null, Variant['inventory_policy'], boolean, boolean]> = [
  ['tracked, deny, none left', 0, 'deny', false, false],
  ['tracked, deny, oversold', -2, 'deny', false, false],
  ['tracked, deny, 3 left', 3, 'deny', true, false],
  ['not tracked', null, 'deny', true, false],
  ['not tracked, continue', null, 'continue', true, false],
  ['tracked, continue, none left', 0, 'continue', true, true],
  ['tracked, continue, oversold', -4, 'continue', true, true],
  ['tracked, continue, 5 left', 5, 'continue', true, false],
];

/** The default store with its first published product's variants replaced by one variant per row. */
function storeWithTable(): { store: Store; handle: string } {
  const store = structuredClone(loadStore());
  const product = store.products.find((candidate) => candidate.published_at !== null && !candidate.gift_card && candidate.options.length === 0)!;
  const [model] = product.variants;
  product.variants = TABLE.map(([, units, policy], row) => ({
    ...model,
    id: 990_000 + row,
    title: 'Default Title',
    inventory_quantity: units,
    inventory_policy: policy,
  }));
  return { store, handle: product.handle };
}

describe("Shopify's availability, one table for every adapter", () => {
  const { store, handle } = storeWithTable();
  const product = store.products.find((candidate) => candidate.handle === handle)!;
  const expected = TABLE.map(([, , , forSale]) => forSale);

  it('the fixtures work it out as the table says', () => {
    expect(product.variants.map(availableForSale)).toEqual(expected);
  });

  it("Liquid's variant.available and product.available", () => {
    const liquid = new Liquid();
    const globals = liquidGlobals(store);
    const render = (source: string) => liquid.parseAndRenderSync(source, {}, { globals });
    expect(render(`{% for v in all_products['${handle}'].variants %}{{ v.available }} {% endfor %}`).trim().split(' ')).toEqual(expected.map(String));
    expect(render(`{{ all_products['${handle}'].available }}`)).toBe('true');
  });

  it("the Storefront API's availableForSale and currentlyNotInStock", () => {
    const answered = storefrontProduct(store, product)!;
    expect(answered.variants.nodes.map((variant) => variant.availableForSale)).toEqual(expected);
    expect(answered.variants.nodes.map((variant) => variant.currentlyNotInStock)).toEqual(TABLE.map(([, , , , pastZero]) => pastZero));
    expect(answered.availableForSale).toBe(true);
  });

  it("the core takes the Storefront's answer as given, and reads the stock the same way where that is all it has", () => {
    const mapped = coreProduct(storefrontProduct(store, product)!);
    expect(mapped.variants.map((variant) => variant.available)).toEqual(expected);
    expect(mapped.variants.map(isInStock)).toEqual(expected);
    expect(product.variants.map(isInStock)).toEqual(expected);
    // The surface's answer wins over the stock: Shopify knows more than the numbers the core was handed.
    expect(isInStock({ ...product.variants[0], available: true })).toBe(true);
    expect(isInStock({ ...product.variants[2], available: false })).toBe(false);
  });

  it('leaves a product with nothing for sale unavailable everywhere', () => {
    const soldOut = structuredClone(store);
    const gone = soldOut.products.find((candidate) => candidate.handle === handle)!;
    gone.variants = gone.variants.filter((_variant, row) => !TABLE[row][3]);
    expect(storefrontProduct(soldOut, gone)!.availableForSale).toBe(false);
    expect(new Liquid().parseAndRenderSync(`{{ all_products['${handle}'].available }}`, {}, { globals: liquidGlobals(soldOut) })).toBe('false');
  });
});
