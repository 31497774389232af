/**
 * The drops against Shopify's machine-readable Liquid reference
 * (@shopify/theme-check-docs-updater/data/objects.json): every documented,
 * non-deprecated attribute is implemented or listed in NOT_AVAILABLE_OFFLINE
 * with a reason, and every implemented attribute gives a value of the
 * documented type on a store that exercises the whole model.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Drop } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { AddressDrop } from '@encore/fixtures/liquid/address.ts';
import { CollectionDrop } from '@encore/fixtures/liquid/collection.ts';
import { CustomerDrop } from '@encore/fixtures/liquid/customer.ts';
import { DiscountAllocationDrop, DiscountApplicationDrop } from '@encore/fixtures/liquid/discount.ts';
import { ShopifyDrop } from '@encore/fixtures/liquid/drop.ts';
import { FulfillmentDrop } from '@encore/fixtures/liquid/fulfillment.ts';
import { ImageDrop } from '@encore/fixtures/liquid/image.ts';
import { liquidGlobals } from '@encore/fixtures/liquid/index.ts';
import { LineItemDrop } from '@encore/fixtures/liquid/line-item.ts';
import { MetafieldDrop, MetafieldNamespaceDrop, MetafieldsDrop } from '@encore/fixtures/liquid/metafield.ts';
import { OrderDrop } from '@encore/fixtures/liquid/order.ts';
import { ProductDrop, VariantDrop } from '@encore/fixtures/liquid/product.ts';
import { OptionWithValueDrop, ProductOptionDrop, ProductOptionValueDrop } from '@encore/fixtures/liquid/product-option.ts';
import { LocalizationDrop, RequestDrop } from '@encore/fixtures/liquid/request.ts';
import { RoutesDrop } from '@encore/fixtures/liquid/routes.ts';
import { SellingPlanAllocationDrop, SellingPlanDrop } from '@encore/fixtures/liquid/selling-plan.ts';
import { ShippingMethodDrop } from '@encore/fixtures/liquid/shipping-method.ts';
import { CountryDrop, CurrencyDrop, ShopDrop, ShopLocaleDrop } from '@encore/fixtures/liquid/shop.ts';
import { TaxLineDrop } from '@encore/fixtures/liquid/tax-line.ts';
import { EmptyCartDrop } from '@encore/fixtures/liquid/cart.ts';
import { GiftCardDrop, TransactionDrop, TransactionPaymentDetailsDrop } from '@encore/fixtures/liquid/transaction.ts';
import { DEPRECATED_KEPT, NOT_AVAILABLE_OFFLINE } from '@encore/fixtures/liquid/unavailable.ts';
import { richStore } from './drops-store.ts';

interface ReturnType {
  type: string;
  name: string;
  array_value: string;
}
interface Property {
  name: string;
  deprecated: boolean;
  return_type: ReturnType[];
}
const require = createRequire(import.meta.url);
const objects: { name: string; properties?: Property[] }[] = JSON.parse(
  readFileSync(require.resolve('@shopify/theme-check-docs-updater/data/objects.json'), 'utf8'),
);
const reference = new Map(objects.map((object) => [object.name, object.properties ?? []]));

/** The drop class answering each Liquid object. */
const CLASSES: [string, abstract new (...args: never[]) => ShopifyDrop][] = [
  ['shop', ShopDrop],
  ['customer', CustomerDrop],
  ['order', OrderDrop],
  ['line_item', LineItemDrop],
  ['fulfillment', FulfillmentDrop],
  ['transaction', TransactionDrop],
  ['transaction_payment_details', TransactionPaymentDetailsDrop],
  ['gift_card', GiftCardDrop],
  ['cart', EmptyCartDrop],
  ['address', AddressDrop],
  ['discount_application', DiscountApplicationDrop],
  ['discount_allocation', DiscountAllocationDrop],
  ['shipping_method', ShippingMethodDrop],
  ['tax_line', TaxLineDrop],
  ['product', ProductDrop],
  ['variant', VariantDrop],
  ['collection', CollectionDrop],
  ['image', ImageDrop],
  ['routes', RoutesDrop],
  ['localization', LocalizationDrop],
  ['request', RequestDrop],
  ['country', CountryDrop],
  ['currency', CurrencyDrop],
  ['shop_locale', ShopLocaleDrop],
  ['selling_plan_allocation', SellingPlanAllocationDrop],
  ['selling_plan', SellingPlanDrop],
  ['metafields', MetafieldsDrop],
  ['metafield_namespace', MetafieldNamespaceDrop],
  ['metafield', MetafieldDrop],
  ['product_option', ProductOptionDrop],
  ['product_option_value', ProductOptionValueDrop],
  ['option_with_value', OptionWithValueDrop],
];

/** Liquid object names a drop also stands for. */
const ALSO_ANSWERS: Record<string, string> = {
  // Every medium of a fixture product is an image, and Shopify hands image media out as `image` objects.
  media: 'image',
};

/** Where the drop's value differs in type from what objects.json states, and why that is still Shopify's behaviour. */
const TYPE_EXCEPTIONS: Record<string, { reason: string; accepts: (value: unknown) => boolean }> = {
  'shop.money_format': {
    reason: 'typed `currency` in the reference, but it is the format string themes print ("${{amount}}")',
    accepts: (v) => typeof v === 'string',
  },
  'shop.money_with_currency_format': {
    reason: 'typed `currency` in the reference, but it is the format string themes print',
    accepts: (v) => typeof v === 'string',
  },
  'line_item.properties': {
    reason: 'a hash of name → value that `for` walks as pairs (property.first / property.last)',
    accepts: (v) => isHash(v) && Object.values(v).every((value) => typeof value === 'string'),
  },
  'variant.options': {
    reason: 'typed as one product_option_value, but described (and looped over in its example) as one value per option',
    accepts: (v) => Array.isArray(v) && v.every((value) => value instanceof ProductOptionValueDrop),
  },
};

/** Enumerated values that are not the documented machine values. */
const LOCALIZED = new Set(['order.fulfillment_status_label', 'order.financial_status_label', 'order.cancel_reason_label', 'transaction.status_label']);

function isHash(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

function objectNameOf(value: unknown): string | undefined {
  if (!(value instanceof ShopifyDrop)) return undefined;
  return CLASSES.find(([, Class]) => Object.getPrototypeOf(value) === Class.prototype)?.[0];
}

/** The getters of a drop class, up to the shared base. */
function gettersOf(Class: abstract new (...args: never[]) => ShopifyDrop): string[] {
  const names: string[] = [];
  for (let proto = Class.prototype; proto && proto !== ShopifyDrop.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) if (descriptor.get) names.push(name);
  }
  return names.sort();
}

const documentedOf = (object: string) => reference.get(object) ?? [];

/** Why `value` is not of the documented type, or undefined when it is. */
function typeProblem(value: unknown, types: ReturnType[]): string | undefined {
  for (const { type, array_value } of types) {
    if (type === 'untyped') return undefined;
    if (type === 'string' || type === 'number' || type === 'boolean') {
      if (typeof value === type) return undefined;
    } else if (type === 'array') {
      if (Array.isArray(value) && value.every((item) => typeProblem(item, [{ type: array_value, name: '', array_value: '' }]) === undefined)) return undefined;
    } else {
      const name = objectNameOf(value);
      if (name !== undefined && (name === type || ALSO_ANSWERS[type] === name)) return undefined;
    }
  }
  const shown = Array.isArray(value)
    ? `array of ${[...new Set(value.map((item) => objectNameOf(item) ?? typeof item))].join('/')}`
    : (objectNameOf(value) ?? typeof value);
  return `${shown}, documented ${[...new Set(types.map((t) => (t.type === 'array' ? `array<${t.array_value}>` : t.type)))].join(' | ')}`;
}

/** Every drop reachable from the globals of each given page, by Liquid object name. */
function reachable(roots: unknown[]): Map<string, ShopifyDrop[]> {
  const found = new Map<string, ShopifyDrop[]>();
  const seen = new Set<object>();
  const queue: unknown[] = [...roots];
  while (queue.length) {
    const value = queue.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) queue.push(...value);
    else if (value instanceof ShopifyDrop) {
      const name = objectNameOf(value);
      if (name) found.set(name, [...(found.get(name) ?? []), value]);
      const Class = CLASSES.find(([n]) => n === name)?.[1];
      for (const attribute of Class ? gettersOf(Class) : []) queue.push((value as unknown as Record<string, unknown>)[attribute]);
    } else if (!(value instanceof Drop)) queue.push(...Object.values(value));
  }
  return found;
}

const store = richStore();
const pages = [...store.customers.map((customer) => liquidGlobals(store, { customerHandle: customer.handle })), liquidGlobals(store, {})];
/** Metafields are reached by name only, so the walk is given each product's namespaces and keys. */
const metafieldDrops = (reachable(pages).get('product') as ProductDrop[]).flatMap((drop) =>
  (store.products.find((product) => product.id === drop.id)!.metafields ?? []).flatMap(({ namespace, key }) => {
    const space = drop.metafields.liquidMethodMissing(namespace)!;
    return [space, space.liquidMethodMissing(key)!];
  }),
);
const drops = reachable([...pages, ...metafieldDrops]);
const enforced = Object.keys(NOT_AVAILABLE_OFFLINE);

describe('every documented attribute is implemented or explained', () => {
  it('the enforced objects are the ones the customer pages reach, each with a drop class', () => {
    expect(enforced.filter((object) => !reference.has(object))).toEqual([]);
    expect(enforced.filter((object) => !CLASSES.some(([name]) => name === object))).toEqual([]);
    expect(CLASSES.map(([name]) => name).filter((name) => !reference.has(name))).toEqual([]);
  });

  it.each(enforced)('%s', (object) => {
    const Class = CLASSES.find(([name]) => name === object)![1];
    const implemented = gettersOf(Class);
    const properties = documentedOf(object);
    const current = properties.filter((property) => !property.deprecated).map((property) => property.name);
    const deprecated = properties.filter((property) => property.deprecated).map((property) => property.name);
    const offline = Object.keys(NOT_AVAILABLE_OFFLINE[object]);
    const kept = Object.keys(DEPRECATED_KEPT[object] ?? {});

    // Nothing undocumented, nothing forgotten, nothing both implemented and excused.
    expect(
      implemented.filter((name) => !current.includes(name) && !deprecated.includes(name)),
      'undocumented getters',
    ).toEqual([]);
    expect(
      current.filter((name) => !implemented.includes(name) && !offline.includes(name)),
      'neither implemented nor listed',
    ).toEqual([]);
    expect(
      offline.filter((name) => implemented.includes(name)),
      'implemented yet listed as unavailable',
    ).toEqual([]);
    expect(
      offline.filter((name) => !current.includes(name)),
      'listed but not a current attribute',
    ).toEqual([]);
    expect(
      implemented.filter((name) => deprecated.includes(name)),
      'deprecated attributes need a reason',
    ).toEqual([...kept].sort());
    expect(
      kept.filter((name) => !deprecated.includes(name)),
      'kept but not deprecated',
    ).toEqual([]);
    for (const reason of [...Object.values(NOT_AVAILABLE_OFFLINE[object]), ...Object.values(DEPRECATED_KEPT[object] ?? {})]) {
      expect(reason.length).toBeGreaterThan(10);
    }
  });
});

describe('implemented attributes give values of the documented type', () => {
  it('every drop class is reached from the customer pages of the rich store', () => {
    expect(CLASSES.map(([name]) => name).filter((name) => !drops.has(name))).toEqual([]);
  });

  it.each(CLASSES.map(([name]) => name).filter((name) => documentedOf(name).length > 0))('%s', (object) => {
    const Class = CLASSES.find(([name]) => name === object)![1];
    const instances = drops.get(object)!;
    const problems: string[] = [];
    for (const attribute of gettersOf(Class)) {
      const property = documentedOf(object).find((candidate) => candidate.name === attribute)!;
      const key = `${object}.${attribute}`;
      const values = instances.map((drop) => (drop as unknown as Record<string, unknown>)[attribute]);
      const present = values.filter((value) => value !== undefined && value !== null);
      if (present.length === 0) problems.push(`${key}: nil on all ${instances.length} instances`);
      const enumerated = property.return_type.map((type) => type.name).filter(Boolean);
      for (const value of present) {
        const exception = TYPE_EXCEPTIONS[key];
        const problem = exception
          ? exception.accepts(value)
            ? undefined
            : `not what the exception allows (${exception.reason})`
          : typeProblem(value, property.return_type);
        if (problem) problems.push(`${key}: ${problem}`);
        else if (enumerated.length > 0 && !LOCALIZED.has(key) && !enumerated.includes(String(value)))
          problems.push(`${key}: ${JSON.stringify(value)} is not one of ${enumerated.join(', ')}`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('every type exception is a real difference from the reference', () => {
    for (const [key, { reason }] of Object.entries(TYPE_EXCEPTIONS)) {
      const [object, attribute] = key.split('.');
      const property = documentedOf(object).find((candidate) => candidate.name === attribute)!;
      const sample = drops
        .get(object)!
        .map((drop) => (drop as unknown as Record<string, unknown>)[attribute])
        .find((value) => value != null);
      expect(typeProblem(sample, property.return_type), reason).toBeDefined();
    }
  });
});
