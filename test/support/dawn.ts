import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOGGED_OUT_TEMPLATES, type CustomerPage } from '../../scripts/storefront.ts';
import type { Store } from '../../scripts/store/types.ts';

/** Dawn 15.4.1, Shopify's reference theme, beside the repository in ../shared: read in place, never copied in. */
export const DAWN_DIR = fileURLToPath(new URL('../../../shared/themes/dawn-15.4.1', import.meta.url));
export const HAS_DAWN = existsSync(`${DAWN_DIR}/layout/theme.liquid`);
export const dawnPresent = HAS_DAWN;

export const DAWN_SKIP_MESSAGE = `Dawn 15.4.1 is not at ${DAWN_DIR}: put Shopify's Dawn 15.4.1 there (unchanged) to run the tests that hold Encore's theme against it`;

/** A suite title that says why it was skipped when Dawn is absent. */
export function dawnSuite(name: string): string {
  return HAS_DAWN ? name : `${name} (skipped: ${DAWN_SKIP_MESSAGE})`;
}

/** Every customer page of a store: the logged-out pages, each customer's account pages and address book, every order. */
export function pagesOf(store: Store): CustomerPage[] {
  return [
    ...LOGGED_OUT_TEMPLATES.map((template): CustomerPage => ({ template })),
    ...store.customers.flatMap((customer): CustomerPage[] => [
      ...Array.from({ length: Math.max(1, Math.ceil(customer.orders.length / 20)) }, (_, i): CustomerPage => ({ template: 'customers/account', customer: customer.handle, page: i + 1 })),
      { template: 'customers/addresses', customer: customer.handle },
      ...customer.orders.map((order): CustomerPage => ({ template: 'customers/order', order: String(order.id) })),
    ]),
  ];
}

export const pageLabel = (page: CustomerPage): string =>
  'customer' in page ? `${page.template} ${page.customer} p${page.page ?? 1}` : 'order' in page ? `order ${page.order}` : page.template;
