/**
 * What a preview page hands its host script: the values the `shopify` global holds for one scenario, built on
 * the server from the store adapters (the browser never sees the fixture), plus the extension's translations.
 * Plain JSON: the host wraps each value in a signal.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { shopId } from '@encore/fixtures/adapters/context.ts';
import { gid } from '@encore/fixtures/adapters/ids.ts';
import { purchasingCompany, thankYouApi } from '@encore/fixtures/adapters/checkout.ts';
import { findCustomer, findOrder, orderIdOf } from '@encore/fixtures/names.ts';
import type { Customer, Order, Store } from '@encore/fixtures/types.ts';
import { askedLocale, UnknownLocaleError } from '../routes.ts';
import type { PreviewedExtension } from './catalog.ts';

export interface Scenario {
  handle: string;
  target: string;
  locale: string;
  timezone: string;
  /** The customer the Customer Account API answers for. */
  customer: string;
  /** The fixture's frozen "now", so "delivered 2 days ago" reads as it does in the theme. */
  now: string | null;
  /** The extension's strings for `locale`, and English to fall back on key by key. */
  translations: { own: unknown; english: unknown };
  /** Values of the `shopify` global, by API name (signals unwrapped). */
  api: Record<string, unknown>;
}

/** The scenario's data not found: a message for the 404 page. */
export class ScenarioError extends Error {}

function locales(extension: PreviewedExtension, locale: string): Scenario['translations'] {
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(extension.dir, 'locales', file), 'utf8'));
  const english = read('en.default.json');
  const own = locale === 'en' || !existsSync(path.join(extension.dir, 'locales', `${locale}.json`)) ? english : read(`${locale}.json`);
  return { own, english };
}

/** How many of the store's orders a "no order" message suggests. */
const SUGGESTED_ORDERS = 5;

/**
 * The preview's locale, by the storefront's rule (tools/studio/src/routes.ts): `?locale=` of a published locale, else
 * the shop's primary one, which is what an unprefixed storefront URL shows.
 */
export function previewLocale(store: Store, params: URLSearchParams): string {
  try {
    return askedLocale(store.shop, params.get('locale')) ?? store.shop.primary_locale;
  } catch (error) {
    if (error instanceof UnknownLocaleError) throw new ScenarioError(error.message);
    throw error;
  }
}

/** The order `?order=` names, or a ScenarioError listing a few the store has. */
export function previewOrder(store: Store, params: URLSearchParams): { order: Order; customer: Customer } {
  const reference = params.get('order') ?? '';
  const found = findOrder(store, reference);
  if (found) return found;
  // One order of each customer first: different customers are usually different scenarios.
  const orders = store.customers.flatMap((customer) => customer.orders);
  const firsts = store.customers.flatMap((customer) => customer.orders.slice(0, 1));
  const picks = [...new Set([...firsts, ...orders])].slice(0, SUGGESTED_ORDERS).map((order) => orderIdOf(order.name));
  const some = picks.join(', ') + (orders.length > picks.length ? `, … (${orders.length} in all)` : '');
  const asked = reference === '' ? 'no ?order= given' : `no order "${reference}" in the store`;
  throw new ScenarioError(`${asked}; try: ${some}`);
}

export function scenarioOf(store: Store, extension: PreviewedExtension, params: URLSearchParams): Scenario {
  const locale = previewLocale(store, params);
  const base = {
    handle: extension.handle,
    target: extension.target,
    locale,
    timezone: store.shop.timezone,
    now: store.shop.now ?? null,
    translations: locales(extension, locale),
  };
  const shop = {
    id: gid('Shop', shopId(store)),
    name: store.shop.name,
    storefrontUrl: `https://${store.shop.domain}`,
    myshopifyDomain: store.shop.permanent_domain,
  };
  const settings = { ...extension.settings };
  // The app-owned shop metafield the app fills from the shop's money format (packages/shopify-apis/src/shop-money.ts).
  const appMetafields = [
    {
      target: { type: 'shop', id: shop.id },
      metafield: {
        namespace: '$app',
        key: 'money_format',
        type: 'json',
        value: JSON.stringify({ currency: store.shop.currency, format: store.shop.money_format }),
      },
    },
  ];

  if (extension.subject === 'customer') {
    const handle = params.get('customer') ?? '';
    const customer = findCustomer(store, handle);
    if (!customer) throw new ScenarioError(`no customer "${handle}" in the store; try: ${store.customers.map((c) => c.handle).join(', ')}`);
    const address = customer.addresses.find((candidate) => candidate.id === customer.default_address_id);
    const country = address?.country_code ?? null;
    // The signed-in account (protected data, level 1): a customer whose latest order was for a company is taken
    // to be signed in for it, as a B2B buyer is, so the block sees their purchasing company.
    const latest = [...customer.orders].sort((a, b) => Date.parse(b.processed_at) - Date.parse(a.processed_at))[0];
    const authenticatedAccount = {
      customer: { id: gid('Customer', customer.id) },
      purchasingCompany: latest?.company ? purchasingCompany(latest.company) : undefined,
    };
    return {
      ...base,
      customer: customer.handle,
      api: {
        shop,
        settings,
        authenticatedAccount,
        localization: { language: { isoCode: locale }, country: country ? { isoCode: country } : null, currency: { isoCode: store.shop.currency } },
      },
    };
  }

  const { order, customer } = previewOrder(store, params);
  if (extension.handle === 'encore-thank-you') {
    const api = thankYouApi(store, order, customer, { locale });
    // The adapter's settings (what the fixture says the merchant would set, e.g. cards_charged_later) over the
    // toml defaults.
    return { ...base, customer: customer.handle, api: { ...api, appMetafields, settings: { ...settings, ...api.settings } } };
  }
  return {
    ...base,
    customer: customer.handle,
    api: {
      shop,
      settings,
      appMetafields,
      order: { id: gid('Order', order.id), name: order.name, processedAt: order.processed_at, confirmationNumber: order.confirmation_number },
      localization: { language: { isoCode: locale }, currency: { isoCode: order.currency } },
    },
  };
}
