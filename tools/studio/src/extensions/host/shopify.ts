/// <reference lib="dom" />
/**
 * The `shopify` global of a preview, from the scenario the server built: every value a signal-like object
 * (`.value`, `.subscribe`), `i18n` over the extension's own locale files and Intl, `query` answered by the
 * studio's Storefront endpoint, and the host's `fetch('shopify://customer-account/…')` forwarded to its
 * Customer Account endpoint for the scenario's customer. Nothing leaves the studio.
 */
import type { Scenario as ServerScenario } from '../scenario.ts';
import { translationLookup, type TranslationTree } from '@encore/core/translations.ts';

/** What the server embedded (scenario.ts builds it), and the URL of the extension's bundle. */
export type Scenario = ServerScenario & { bundle: string };

/** A read-only signal as the 2025-10+ APIs hand values out. */
function signal<T>(value: T) {
  return { value, current: value, subscribe: (listener: (value: T) => void) => (listener(value), () => {}), destroy: async () => {} };
}

/** `translate` as Shopify's host does it (@encore/core/translations.ts); a key with no text shows the key, with a console warning. */
export function translator(scenario: Scenario): (key: string, options?: Record<string, unknown>) => string {
  const lookup = translationLookup(scenario.translations.own as TranslationTree, scenario.translations.english as TranslationTree, scenario.locale);
  return (key, options) => {
    const text = lookup(key, options);
    if (text === undefined) console.warn(`Encore studio: no translation for "${key}" (${scenario.locale})`);
    return text ?? key;
  };
}

const realFetch = globalThis.fetch.bind(globalThis);

/**
 * The extension's calls still out, as `data-encore-pending` on <html> (absent at none): what a screenshot script or
 * test waits on to read the page once the answers have been drawn.
 */
let pending = 0;
async function tracked<T>(call: () => Promise<T>): Promise<T> {
  const root = document.documentElement;
  root.dataset.encorePending = String(++pending);
  try {
    return await call();
  } finally {
    if (--pending) root.dataset.encorePending = String(pending);
    else delete root.dataset.encorePending;
  }
}

function post(url: string, body: string): Promise<unknown> {
  return tracked(async () => (await realFetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).json());
}

/** Routes the extension's `shopify://customer-account/…` calls to the studio; other URLs go out as usual. */
export function installFetch(scenario: Scenario): void {
  const endpoint = `/__encore/ext/customer-account?customer=${encodeURIComponent(scenario.customer)}`;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('shopify://customer-account/'))
      return tracked(() => realFetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: init?.body ?? null }));
    return tracked(() => realFetch(input, init));
  };
}

/**
 * Fixtures are frozen in time: the page's clock starts at the store's "now" and runs on from there, so
 * "delivered yesterday" reads as it does on the theme's order page.
 */
export function freezeClock(now: string | null): void {
  if (!now) return;
  const RealDate = Date;
  const offset = RealDate.parse(now) - RealDate.now();
  class StudioDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = StudioDate as DateConstructor;
}

/**
 * The APIs that are objects of signals, with every field Shopify's types declare (checkout's `Localization`,
 * `CartCost`, `BuyerIdentity`; the customer account's `Localization` is the same shape, less the market).
 */
const SIGNAL_FIELDS: Record<string, readonly string[]> = {
  localization: ['currency', 'timezone', 'language', 'extensionLanguage', 'country', 'market'],
  cost: ['subtotalAmount', 'totalShippingAmount', 'totalTaxAmount', 'totalAmount'],
  buyerIdentity: ['customer', 'email', 'phone', 'purchasingCompany'],
  authenticatedAccount: ['customer', 'purchasingCompany'],
};

export function buildShopify(scenario: Scenario): Record<string, unknown> {
  const { api, locale, timezone } = scenario;
  const signals: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(api)) {
    const fields = SIGNAL_FIELDS[name];
    if (name === 'shop') signals[name] = value;
    else if (fields) {
      // Objects of signals: each field its own signal, there even when it holds nothing (an order with no
      // shipping address has no country). JSON drops undefined or carries null; Shopify's signal holds undefined.
      const given = (value ?? {}) as Record<string, unknown>;
      signals[name] = Object.fromEntries([...new Set([...fields, ...Object.keys(given)])].map((key) => [key, signal(given[key] ?? undefined)]));
    } else signals[name] = signal(value);
  }
  const storage = new Map<string, unknown>();
  return {
    ...signals,
    extension: { target: scenario.target, apiVersion: '2026-10', editor: undefined },
    i18n: {
      translate: translator(scenario),
      formatCurrency: (amount: number, options: Intl.NumberFormatOptions & { currency?: string } = {}) =>
        new Intl.NumberFormat(locale, { style: 'currency', ...options }).format(amount),
      formatNumber: (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value),
      formatDate: (date: Date, options?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: timezone, ...options }).format(date),
    },
    query: (query: string, options: { variables?: Record<string, unknown> } = {}) =>
      post('/__encore/ext/storefront', JSON.stringify({ query, variables: options.variables ?? {} })),
    analytics: {
      publish: async (name: string, data: unknown) => (console.info('analytics.publish', name, data), true),
      visitor: async () => ({ type: 'success' }),
    },
    storage: {
      read: async (key: string) => storage.get(key) ?? null,
      write: async (key: string, value: unknown) => void storage.set(key, value),
      delete: async (key: string) => void storage.delete(key),
    },
    sessionToken: { get: async () => 'encore-studio-session-token' },
    requireLogin: async () => {},
  };
}
