/**
 * What a preview page hands its host script: the values the `shopify` global holds for one scenario, built on
 * the server from the store adapters (the browser never sees the fixture), plus the extension's translations.
 * Plain JSON: the host wraps each value in a signal.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { shopId } from '../../store/adapters/context.ts';
import { gid } from '../../store/adapters/ids.ts';
import { thankYouApi } from '../../store/adapters/checkout.ts';
import { findCustomer, findOrder } from '../../store/names.ts';
import type { Store } from '../../store/types.ts';
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

export function scenarioOf(store: Store, extension: PreviewedExtension, params: URLSearchParams): Scenario {
  const locale = params.get('locale') || store.shop.primary_locale;
  if (!store.shop.published_locales.includes(locale)) throw new ScenarioError(`the shop does not publish the locale "${locale}"; it publishes ${store.shop.published_locales.join(', ')}`);
  const base = { handle: extension.handle, target: extension.target, locale, timezone: store.shop.timezone, now: store.shop.now ?? null, translations: locales(extension, locale) };
  const shop = { id: gid('Shop', shopId(store)), name: store.shop.name, storefrontUrl: `https://${store.shop.domain}`, myshopifyDomain: store.shop.permanent_domain };
  const settings = { ...extension.settings };

  if (extension.subject === 'customer') {
    const handle = params.get('customer') ?? '';
    const customer = findCustomer(store, handle);
    if (!customer) throw new ScenarioError(`no customer "${handle}" in the store; try: ${store.customers.map((c) => c.handle).join(', ')}`);
    const address = customer.addresses.find((candidate) => candidate.id === customer.default_address_id);
    const country = address?.country_code ?? null;
    return {
      ...base,
      customer: customer.handle,
      api: { shop, settings, localization: { language: { isoCode: locale }, country: country ? { isoCode: country } : null, currency: { isoCode: store.shop.currency } } },
    };
  }

  const reference = params.get('order') ?? '';
  const found = findOrder(store, reference);
  if (!found) throw new ScenarioError(`no order "${reference}" in the store`);
  const { order, customer } = found;
  if (extension.handle === 'encore-thank-you') {
    const api = thankYouApi(store, order, customer, { locale });
    return { ...base, customer: customer.handle, api: { ...api, settings } };
  }
  return {
    ...base,
    customer: customer.handle,
    api: {
      shop,
      settings,
      order: { id: gid('Order', order.id), name: order.name, processedAt: order.processed_at, confirmationNumber: order.confirmation_number },
      localization: { language: { isoCode: locale }, currency: { isoCode: order.currency } },
    },
  };
}
