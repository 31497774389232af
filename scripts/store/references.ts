/**
 * Checks a JSON Schema cannot express: that references point at things that
 * exist (a line item's variant, a fulfillment's line item, a default address,
 * a menu item's collection or product: menu-references.ts),
 * that ids are unique, and that an order's money adds up. Each problem names
 * the JSON path (RFC 6901 pointer) of the offending value, so the fixture
 * author can jump straight to it.
 */
import { orderAmounts, payments } from './derive.ts';
import { checkMenus } from './menu-references.ts';
import type { Customer, Fulfillment, Order, Product, Store } from './types.ts';

export interface Problem {
  /** JSON pointer, e.g. "/customers/2/orders/0/line_items/1/variant_id". */
  path: string;
  message: string;
}

/** Reports the second and later occurrences of a key. */
class UniqueKeys<K> {
  #seen = new Map<K, string>();
  constructor(private readonly what: string, private readonly problems: Problem[]) {}
  add(key: K, path: string): void {
    const first = this.#seen.get(key);
    if (first !== undefined) this.problems.push({ path, message: `duplicate ${this.what} ${JSON.stringify(key)}, already used at ${first}` });
    else this.#seen.set(key, path);
  }
}

export function checkReferences(store: Store): Problem[] {
  const problems: Problem[] = [];
  checkShop(store, problems);
  const variants = checkProducts(store.products, problems);
  checkCollections(store, problems);
  checkMenus(store, problems);
  checkCustomers(store.customers, new Map(store.products.map((product) => [product.handle, product])), variants, problems);
  return problems;
}

function checkShop(store: Store, problems: Problem[]): void {
  const { shop } = store;
  if (!shop.published_locales.includes(shop.primary_locale)) {
    problems.push({ path: '/shop/primary_locale', message: `must be one of published_locales (${shop.published_locales.join(', ')}), got ${JSON.stringify(shop.primary_locale)}` });
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: shop.timezone });
  } catch {
    problems.push({ path: '/shop/timezone', message: `must be an IANA time zone such as "America/New_York", got ${JSON.stringify(shop.timezone)}` });
  }
}

/** Returns variant id → product handle, for the order checks. */
function checkProducts(products: Product[], problems: Problem[]): Map<number, string> {
  const productIds = new UniqueKeys<number>('product id', problems);
  const handles = new UniqueKeys<string>('product handle', problems);
  const variantIds = new UniqueKeys<number>('variant id', problems);
  const imageIds = new UniqueKeys<number>('image id', problems);
  const variantProduct = new Map<number, string>();
  products.forEach((product, p) => {
    const at = `/products/${p}`;
    productIds.add(product.id, `${at}/id`);
    handles.add(product.handle, `${at}/handle`);
    product.images.forEach((image, i) => imageIds.add(image.id, `${at}/images/${i}/id`));
    const files = new Set(product.images.map((image) => image.file));
    product.variants.forEach((variant, v) => {
      variantIds.add(variant.id, `${at}/variants/${v}/id`);
      if (!variantProduct.has(variant.id)) variantProduct.set(variant.id, product.handle);
      if (variant.option_values.length !== product.options.length) {
        problems.push({ path: `${at}/variants/${v}/option_values`, message: `must have one value per product option (${product.options.length}), got ${variant.option_values.length}` });
      }
      if (variant.image != null && !files.has(variant.image)) {
        problems.push({ path: `${at}/variants/${v}/image`, message: `must be the file of one of the product's images, got ${JSON.stringify(variant.image)}` });
      }
    });
  });
  return variantProduct;
}

function checkCollections(store: Store, problems: Problem[]): void {
  const ids = new UniqueKeys<number>('collection id', problems);
  const handles = new UniqueKeys<string>('collection handle', problems);
  const productHandles = new Set(store.products.map((product) => product.handle));
  store.collections.forEach((collection, c) => {
    ids.add(collection.id, `/collections/${c}/id`);
    handles.add(collection.handle, `/collections/${c}/handle`);
    collection.products.forEach((handle, i) => {
      if (!productHandles.has(handle)) problems.push({ path: `/collections/${c}/products/${i}`, message: `unknown product handle ${JSON.stringify(handle)}` });
    });
  });
}

function checkCustomers(customers: Customer[], products: Map<string, Product>, variants: Map<number, string>, problems: Problem[]): void {
  const handles = new UniqueKeys<string>('customer handle', problems);
  const ids = new UniqueKeys<number>('customer id', problems);
  const addressIds = new UniqueKeys<number>('address id', problems);
  const orderIds = new UniqueKeys<number>('order id', problems);
  const orderNames = new UniqueKeys<string>('order name', problems);
  customers.forEach((customer, c) => {
    const at = `/customers/${c}`;
    handles.add(customer.handle, `${at}/handle`);
    ids.add(customer.id, `${at}/id`);
    customer.addresses.forEach((address, a) => addressIds.add(address.id, `${at}/addresses/${a}/id`));
    const own = customer.addresses.map((address) => address.id);
    if (customer.default_address_id === null ? own.length > 0 : !own.includes(customer.default_address_id)) {
      problems.push({ path: `${at}/default_address_id`, message: `must be the id of one of the customer's addresses (${own.join(', ') || 'none, so null'}), got ${JSON.stringify(customer.default_address_id)}` });
    }
    customer.orders.forEach((order, o) => {
      const orderAt = `${at}/orders/${o}`;
      orderIds.add(order.id, `${orderAt}/id`);
      orderNames.add(order.name, `${orderAt}/name`);
      checkOrder(order, orderAt, products, variants, problems);
    });
  });
}

function checkOrder(order: Order, at: string, products: Map<string, Product>, variants: Map<number, string>, problems: Problem[]): void {
  const lineIds = new UniqueKeys<number>('line item id', problems);
  const quantities = new Map<number, number>();
  order.line_items.forEach((line, l) => {
    const lineAt = `${at}/line_items/${l}`;
    lineIds.add(line.id, `${lineAt}/id`);
    quantities.set(line.id, line.quantity);
    if (!products.has(line.product)) problems.push({ path: `${lineAt}/product`, message: `unknown product handle ${JSON.stringify(line.product)}` });
    const owner = variants.get(line.variant_id);
    if (owner === undefined) problems.push({ path: `${lineAt}/variant_id`, message: `unknown variant id ${line.variant_id}` });
    else if (owner !== line.product) problems.push({ path: `${lineAt}/variant_id`, message: `variant ${line.variant_id} belongs to product ${JSON.stringify(owner)}, not ${JSON.stringify(line.product)}` });
    line.discount_allocations.forEach((allocation, d) => checkAllocation(order, allocation.discount_application, 'line_item', `${lineAt}/discount_allocations/${d}/discount_application`, problems));
  });
  order.shipping_lines.forEach((line, s) =>
    line.discount_allocations.forEach((allocation, d) => checkAllocation(order, allocation.discount_application, 'shipping_line', `${at}/shipping_lines/${s}/discount_allocations/${d}/discount_application`, problems)),
  );

  const fulfilled = new Map<number, number>();
  const fulfillmentIds = new UniqueKeys<number>('fulfillment id', problems);
  order.fulfillments.forEach((fulfillment, f) => {
    fulfillmentIds.add(fulfillment.id, `${at}/fulfillments/${f}/id`);
    if (fulfillment.tracking_urls.length > fulfillment.tracking_numbers.length) {
      problems.push({ path: `${at}/fulfillments/${f}/tracking_urls`, message: `must have at most one URL per tracking number (${fulfillment.tracking_numbers.length})` });
    }
    checkFulfillmentTimeline(fulfillment, `${at}/fulfillments/${f}`, problems);
    fulfillment.line_items.forEach((entry, e) => {
      const entryAt = `${at}/fulfillments/${f}/line_items/${e}`;
      const quantity = quantities.get(entry.line_item);
      if (quantity === undefined) return void problems.push({ path: `${entryAt}/line_item`, message: `unknown line item id ${entry.line_item} in this order` });
      if (fulfillment.status !== 'success') return;
      const total = (fulfilled.get(entry.line_item) ?? 0) + entry.quantity;
      fulfilled.set(entry.line_item, total);
      if (total > quantity) problems.push({ path: `${entryAt}/quantity`, message: `fulfills ${total} units of line item ${entry.line_item} in total, but only ${quantity} were ordered` });
    });
  });

  const refunded = new Map<number, number>();
  order.refunds.forEach((refund, r) =>
    refund.line_items.forEach((entry, e) => {
      const entryAt = `${at}/refunds/${r}/line_items/${e}`;
      const quantity = quantities.get(entry.line_item);
      if (quantity === undefined) return void problems.push({ path: `${entryAt}/line_item`, message: `unknown line item id ${entry.line_item} in this order` });
      const total = (refunded.get(entry.line_item) ?? 0) + entry.quantity;
      refunded.set(entry.line_item, total);
      if (total > quantity) problems.push({ path: `${entryAt}/quantity`, message: `refunds ${total} units of line item ${entry.line_item} in total, but only ${quantity} were ordered` });
    }),
  );

  const transactionIds = new UniqueKeys<number>('transaction id', problems);
  order.transactions.forEach((transaction, t) => {
    transactionIds.add(transaction.id, `${at}/transactions/${t}/id`);
    if (transaction.gift_card && transaction.gateway !== 'gift_card') problems.push({ path: `${at}/transactions/${t}/gift_card`, message: `a gift card is redeemed on the "gift_card" gateway, not "${transaction.gateway}"` });
  });

  if ((order.cancelled_at === null) !== (order.cancel_reason === null)) {
    problems.push({ path: `${at}/cancel_reason`, message: 'must be set exactly when cancelled_at is set' });
  }

  const amounts = orderAmounts(order);
  if (amounts.computedTotal !== order.total_price) {
    problems.push({
      path: `${at}/total_price`,
      message: `must equal line items ${amounts.lineItemsOriginal} − discounts ${amounts.totalDiscounts} + shipping ${amounts.shippingOriginal} + taxes ${amounts.addedTax}${order.taxes_included ? ' (included in prices)' : ''}${amounts.duties ? ` + duties ${amounts.duties}` : ''} = ${amounts.computedTotal}, got ${order.total_price}`,
    });
  }
  const money = payments(order);
  const refundsTotal = order.refunds.reduce((total, refund) => total + refund.amount, 0);
  if (refundsTotal !== money.refunded) {
    problems.push({ path: `${at}/refunds`, message: `refunds add up to ${refundsTotal}, but successful refund transactions to ${money.refunded}` });
  }
  if (money.refunded > money.paid) {
    problems.push({ path: `${at}/transactions`, message: `refunds ${money.refunded} more than was paid (${money.paid})` });
  }
}

/** Events oldest first, the stated shipment status agreeing with the latest, and a cancellation time only on cancelled fulfillments. */
function checkFulfillmentTimeline(fulfillment: Fulfillment, at: string, problems: Problem[]): void {
  const events = fulfillment.events ?? [];
  events.forEach((event, e) => {
    if (e > 0 && Date.parse(event.happened_at) < Date.parse(events[e - 1].happened_at)) {
      problems.push({ path: `${at}/events/${e}/happened_at`, message: `events must be oldest first: ${event.happened_at} is before the previous event (${events[e - 1].happened_at})` });
    }
  });
  const latest = events.at(-1);
  if (latest && fulfillment.shipment_status != null && fulfillment.shipment_status !== latest.status) {
    problems.push({ path: `${at}/shipment_status`, message: `must be the latest event's status ("${latest.status}") or left out, got "${fulfillment.shipment_status}"` });
  }
  if (fulfillment.cancelled_at != null && fulfillment.status !== 'cancelled') {
    problems.push({ path: `${at}/cancelled_at`, message: 'only a cancelled fulfillment has a cancellation time' });
  }
}

function checkAllocation(order: Order, index: number, target: 'line_item' | 'shipping_line', path: string, problems: Problem[]): void {
  const application = order.discount_applications[index];
  if (application === undefined) {
    problems.push({ path, message: `must be the index of one of the order's ${order.discount_applications.length} discount_applications, got ${index}` });
  } else if (application.target_type !== target) {
    problems.push({ path, message: `points at a discount application targeting ${application.target_type}, but is allocated to a ${target}` });
  }
}
