import type { Customer, Order, Store } from './types.ts';

/** "#1001" → "1001": what the CLI (and the order page URL) calls an order. */
export function orderIdOf(name: string): string {
  return name.replace(/^#/, '');
}

/** Every way the CLI can name an order: its name without "#", its id, and its token when it has one. */
export function orderReferences(order: Order): string[] {
  const references = [orderIdOf(order.name), String(order.id)];
  if (order.token !== undefined) references.push(order.token);
  return references;
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
    const order = customer.orders.find((candidate) => orderReferences(candidate).includes(wanted));
    if (order) return { order, customer };
  }
  return undefined;
}
