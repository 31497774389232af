import type { Customer, Order, Store } from './types.ts';

/** "#1001" → "1001": what the CLI (and the order page URL) calls an order. */
export function orderIdOf(name: string): string {
  return name.replace(/^#/, '');
}

/** The customer with that handle, if the store has one. */
export function findCustomer(store: Store, handle: string): Customer | undefined {
  return store.customers.find((candidate) => candidate.handle === handle);
}

/**
 * The order a reference names, with its customer: the order's name with or
 * without "#", its id, or its token (what its customer URL ends in).
 */
export function findOrder(store: Store, reference: string): { order: Order; customer: Customer } | undefined {
  const wanted = orderIdOf(reference.trim());
  for (const customer of store.customers) {
    const order = customer.orders.find((o) => orderIdOf(o.name) === wanted || String(o.id) === wanted || o.token === wanted);
    if (order) return { order, customer };
  }
  return undefined;
}
