import { loadStore } from '@encore/fixtures/load.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import type { Customer, Order, Store } from '@encore/fixtures/types.ts';

export const store = loadStore();

/** An order of the default store by its number ("1003"), with its owner. */
export function orderNamed(name: string, from: Store = store): { order: Order; customer: Customer } {
  const found = findOrder(from, name);
  if (!found) throw new Error(`no order ${name} in the store`);
  return found;
}

/** A deep copy of the default store whose order `name` has been changed by `change`. */
export function storeWithOrder(name: string, change: (order: Order) => void): { store: Store; order: Order; customer: Customer } {
  const copy = structuredClone(store);
  const { order, customer } = orderNamed(name, copy);
  change(order);
  return { store: copy, order, customer };
}
