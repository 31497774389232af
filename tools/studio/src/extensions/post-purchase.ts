/**
 * The post-purchase upsell preview: `/extensions/encore-post-purchase-upsell?order=ID&locale=CODE` embeds the
 * input Shopify would hand the extension for that order, signed with the same secret the in-process backend
 * verifies with, so the extension's real bundle asks the real backend (`/api/post-purchase/*` on this origin)
 * for offers and signed changes. The browser side is host/post-purchase.ts.
 *
 *   GET /extensions/encore-post-purchase-upsell?order=ID&locale=CODE   the page
 *   GET /__encore/ext/post-purchase/host.js                           the host (remote-ui receiver drawn as HTML)
 *   GET /__encore/ext/post-purchase/bundle.js                         the extension, bundled with React 17
 *   POST /__encore/ext/post-purchase/apply                            Shopify's applyChangeset: checks the signed change
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { appSecrets } from '../../../../app/secrets.ts';
import { orderPostPurchaseFacts, postPurchaseSkip, SKIP_EXPLANATIONS } from '@encore/core/post-purchase-page.ts';
import { studioVisitReference } from '@encore/fixtures/offers/studio-visit.ts';
import { besideModule } from '@encore/liquid/paths.ts';
import { postPurchaseInput, signInputToken } from '@encore/fixtures/adapters/post-purchase.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import type { Storefront } from '../storefront.ts';
import { readBody } from '../http.ts';
import { bundle } from './bundle.ts';
import { HTML, JSON_TYPE, send, sendBundle } from './respond.ts';
import { messagePage } from './page.ts';
import { AppliedChangesets } from './post-purchase/apply.ts';
import { postPurchaseBundle } from './post-purchase/bundle.ts';
import { POST_PURCHASE_BUNDLE, POST_PURCHASE_HOST, postPurchasePage } from './post-purchase/page.ts';

export const POST_PURCHASE_HANDLE = 'encore-post-purchase-upsell';
export const POST_PURCHASE_HOST_ENTRY = besideModule(import.meta.url, 'host/post-purchase.ts');

export const POST_PURCHASE_APPLY = '/__encore/ext/post-purchase/apply';

/** Preview page loads so far: each stands for a purchase of its own (see servePostPurchase). */
let visits = 0;

/** Changesets applied while this studio runs, as Shopify remembers them per order. */
const applied = new AppliedChangesets();

/** Request bodies are two tokens; anything larger is not one of ours. */
const MAX_APPLY_BODY = 64 * 1024;

async function readJsonObject(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  const bytes = await readBody(request, MAX_APPLY_BODY);
  if (!bytes) return null;
  try {
    const body = JSON.parse(bytes.toString('utf8')) as unknown;
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function serveApply(storefront: Storefront, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'POST')
    return send(response, 405, JSON_TYPE, JSON.stringify({ status: 'unprocessed', errors: [{ code: 'invalid_request', message: 'POST the tokens.' }] }));
  const body = await readJsonObject(request);
  const { apiKey, apiSecret } = appSecrets(process.env, { development: true });
  const result = await applied.apply(body?.inputToken, body?.changesetToken, { store: storefront.store, apiKey, secret: apiSecret, now: Date.now() });
  send(response, 200, JSON_TYPE, JSON.stringify(result));
}

/** Why Shopify would not show the page for this order (the core's rule, which the backend applies too), or null. */
function skippedBecause(order: Parameters<typeof orderPostPurchaseFacts>[0], shopCurrency: string): string | null {
  const skip = postPurchaseSkip(orderPostPurchaseFacts(order, shopCurrency));
  return skip === null ? null : `Shopify skips the post-purchase page for this order: ${SKIP_EXPLANATIONS[skip]}.`;
}

export async function servePostPurchase(storefront: Storefront, request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  if (url.pathname === POST_PURCHASE_HOST) {
    await sendBundle(request, response, () => bundle({ entry: POST_PURCHASE_HOST_ENTRY }));
    return true;
  }
  if (url.pathname === POST_PURCHASE_BUNDLE) {
    await sendBundle(request, response, postPurchaseBundle);
    return true;
  }
  if (url.pathname === POST_PURCHASE_APPLY) {
    await serveApply(storefront, request, response);
    return true;
  }
  if (url.pathname !== `/extensions/${POST_PURCHASE_HANDLE}`) return false;

  const store = storefront.store;
  const locale = url.searchParams.get('locale') || store.shop.primary_locale;
  if (!store.shop.published_locales.includes(locale)) {
    send(
      response,
      404,
      HTML,
      messagePage('Not in the store', `the shop does not publish the locale "${locale}"; it publishes ${store.shop.published_locales.join(', ')}`),
    );
    return true;
  }
  const reference = url.searchParams.get('order') ?? '';
  const found = findOrder(store, reference);
  if (!found) {
    send(response, 404, HTML, messagePage('Not in the store', `no order "${reference}" in the store`));
    return true;
  }
  // The secret the studio's backend verifies with (tools/studio/src/backend.ts): the environment's, or the development default.
  const { apiSecret } = appSecrets(process.env, { development: true });
  const inputData = postPurchaseInput(store, found.order, found.customer, { locale });
  // Each visit is a purchase of its own: on Shopify a buyer reaches this page once per purchase, so the backend
  // refuses an offer accepted before ("replayed"). A reload in the studio starts the funnel again instead.
  inputData.initialPurchase.referenceId = studioVisitReference(inputData.initialPurchase.referenceId, ++visits);
  inputData.token = await signInputToken(inputData, apiSecret);
  send(
    response,
    200,
    HTML,
    postPurchasePage({
      title: `${POST_PURCHASE_HANDLE} · order ${found.order.name} · Encore studio`,
      locale,
      inputData,
      cdnPrefix: `https://${store.shop.domain}/cdn/`,
      thankYou: `/extensions/encore-thank-you?${new URLSearchParams({ order: reference, locale })}`,
      // What the order was taxed at applies to what joins it; tax already in the prices adds nothing.
      taxRates: found.order.taxes_included ? [] : found.order.tax_lines.map(({ title, rate }) => ({ title, rate })),
      skipped: skippedBecause(found.order, store.shop.currency),
    }),
  );
  return true;
}
