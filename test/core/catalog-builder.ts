/**
 * Small hand-built catalogs for the core's catalog and recommendation rules.
 * A product has no type, vendor or tags unless given, so each test names
 * exactly the signals it is about; ids come from one counter.
 */
import type { Collection, Product, Variant } from '@encore/core/model.ts';

let nextId = 1;

/** A fresh id, unique within the test run. */
export const freshId = (): number => nextId++;

/** An untitled variant: $10.00, 10 in stock, shipped. */
export function variant(extra: Partial<Variant> = {}): Variant {
  return {
    id: freshId(),
    title: 'Default Title',
    option_values: [],
    sku: null,
    price: 1000,
    compare_at_price: null,
    inventory_quantity: 10,
    inventory_policy: 'deny',
    requires_shipping: true,
    taxable: true,
    weight: 100,
    ...extra,
  };
}

/** A published product with one variant, titled from its handle ("fig-candle" → "Fig Candle"). */
export function product(handle: string, extra: Partial<Product> = {}): Product {
  return {
    id: freshId(),
    handle,
    title: handle.replace(/(^|-)(\w)/g, (_, dash: string, letter: string) => `${dash ? ' ' : ''}${letter.toUpperCase()}`),
    vendor: '',
    product_type: '',
    tags: [],
    description: '',
    created_at: '2024-01-01T00:00:00Z',
    published_at: '2024-01-01T00:00:00Z',
    options: [],
    images: [],
    variants: [variant()],
    ...extra,
  };
}

/** A collection listing `products`, its handle the lower-cased title. */
export function collection(title: string, products: Array<Product | string>): Collection {
  return { id: freshId(), handle: title.toLowerCase(), title, description: '', products: products.map((p) => (typeof p === 'string' ? p : p.handle)) };
}
