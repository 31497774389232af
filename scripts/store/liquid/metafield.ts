import { ShopifyDrop } from './drop.ts';
import type { Metafield } from '../types.ts';

/**
 * Liquid `metafield`. Printing it, comparing it or testing it uses its value
 * (its `valueOf`), so `{{ product.metafields.encore.replenish_days }}` prints
 * "30", `== 30` holds, and a false boolean metafield is falsy in `{% if %}`.
 */
export class MetafieldDrop extends ShopifyDrop {
  #metafield: Metafield;
  constructor(metafield: Metafield) {
    super();
    this.#metafield = metafield;
  }
  get value(): boolean | number | string { return this.#metafield.value; }
  get type(): string { return this.#metafield.type; }
  /** List types are named `list.<type>`; the model has only single values so far. */
  get ['list?'](): boolean { return this.#metafield.type.startsWith('list.'); }
  override valueOf(): boolean | number | string { return this.#metafield.value; }
  override toString(): string { return String(this.#metafield.value); }
}

/** Liquid `metafield_namespace`: the metafields of one namespace, by key. */
export class MetafieldNamespaceDrop extends ShopifyDrop {
  #fields = new Map<string, MetafieldDrop>();
  constructor(metafields: Metafield[]) {
    super();
    for (const metafield of metafields) this.#fields.set(metafield.key, new MetafieldDrop(metafield));
  }
  /**
   * Keys are looked up by name. Like Shopify, `.size` on a namespace without
   * a `size` key counts its metafields (`["size"]` is the way to reach such a key).
   */
  override liquidMethodMissing(key: unknown): MetafieldDrop | number | undefined {
    if (typeof key !== 'string') return undefined;
    return this.#fields.get(key) ?? (key === 'size' ? this.#fields.size : undefined);
  }
}

/**
 * Liquid `metafields`: namespace → key → metafield. Objects the model gives
 * no metafields (orders, customers, the shop…) get an empty one, so
 * `order.metafields.custom.note` is nil rather than an error.
 */
export class MetafieldsDrop extends ShopifyDrop {
  #namespaces = new Map<string, MetafieldNamespaceDrop>();
  constructor(metafields: readonly Metafield[] = []) {
    super();
    const grouped = new Map<string, Metafield[]>();
    for (const metafield of metafields) {
      let list = grouped.get(metafield.namespace);
      if (!list) grouped.set(metafield.namespace, (list = []));
      list.push(metafield);
    }
    for (const [namespace, list] of grouped) this.#namespaces.set(namespace, new MetafieldNamespaceDrop(list));
  }
  override liquidMethodMissing(namespace: unknown): MetafieldNamespaceDrop | undefined {
    return typeof namespace === 'string' ? this.#namespaces.get(namespace) : undefined;
  }
}
