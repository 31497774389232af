/**
 * Extension previews in the studio: `/extensions/HANDLE?order=ID&locale=CODE` runs an extension's real bundle
 * against a `shopify` global built from the store adapters for that scenario. The studio server asks this module
 * first for every request under `/extensions/` and `/__encore/ext/` (the scripts and APIs those pages use).
 *
 *   GET  /extensions/HANDLE?order=ID&locale=CODE      the preview page (order index: ?customer=HANDLE)
 *   GET  /__encore/ext/host.js                        the browser host (Polaris elements, `shopify` global)
 *   GET  /__encore/ext/bundle/HANDLE.js               the extension's own source, bundled for the browser
 *   POST /__encore/ext/storefront                     Storefront API answers (`shopify.query`)
 *   POST /__encore/ext/customer-account?customer=H    Customer Account API answers for that customer
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Storefront } from '../storefront.ts';
import { besideModule } from '@encore/liquid/paths.ts';
import { readBody } from '../http.ts';
import { customerAccountAnswer, graphqlError, onStudioOrigin, storefrontAnswer, type GraphqlRequest } from '@encore/fixtures/adapters/graphql-apis.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { bundle } from './bundle.ts';
import { HTML, JAVASCRIPT, JSON_TYPE, send, sendBundle } from './respond.ts';
import { EXTENSION_ROOT_DEFINE } from './host/root.ts';
import { previewedExtension } from './catalog.ts';
import { messagePage, previewPage } from './page.ts';
import { previewLocale, previewOrder, ScenarioError, scenarioOf } from './scenario.ts';
import { POST_PURCHASE_HANDLE, servePostPurchase } from './post-purchase.ts';

export const HOST_ENTRY = besideModule(import.meta.url, 'host/main.ts');

/** Request bodies are GraphQL documents; anything larger is not one of ours. */
const MAX_BODY = 1024 * 1024;

async function readJson(request: IncomingMessage): Promise<GraphqlRequest> {
  const bytes = await readBody(request, MAX_BODY);
  if (!bytes) throw new Error('request body too large');
  const body = JSON.parse(bytes.toString('utf8')) as GraphqlRequest;
  if (typeof body?.query !== 'string') throw new Error('the body has no GraphQL query');
  return body;
}

/**
 * The origin the browser asked, so links and images in answers point back at this studio. It lands inside JSON
 * and a script element, so a Host header that is not a plain host[:port] is not echoed.
 */
function originOf(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  return `http://${/^[\w.-]+(:\d+)?$|^\[[\d:a-f.]+\](:\d+)?$/i.test(host) ? host : '127.0.0.1'}`;
}

/**
 * GraphQL over HTTP as the preview's host sends it: a POST of `application/json`. Anything else is refused before
 * its body is read: a form or `text/plain` POST is what another site's page can send without asking first.
 */
async function serveApi(store: Store, response: ServerResponse, request: IncomingMessage, run: (body: GraphqlRequest) => unknown): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    return send(response, 405, JSON_TYPE, JSON.stringify(graphqlError('POST a GraphQL query')));
  }
  if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
    return send(response, 415, JSON_TYPE, JSON.stringify(graphqlError('Send the GraphQL query as application/json')));
  }
  try {
    const body = await readJson(request);
    send(response, 200, JSON_TYPE, onStudioOrigin(store, JSON.stringify(run(body)), originOf(request)));
  } catch (error) {
    // GraphQL answers errors with 200 and `errors`; the extensions' clients turn them into their quiet fallback.
    send(response, 200, JSON_TYPE, JSON.stringify(graphqlError(error instanceof Error ? error.message : String(error))));
  }
}

/**
 * The post-purchase page, after the locale and order are checked here by the same rules as the other previews
 * (scenario.ts), so a bad one gets the same 404; post-purchase.ts answers for the canonical path, without the slash.
 */
async function servePostPurchasePage(storefront: Storefront, request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  try {
    previewLocale(storefront.store, url.searchParams);
    previewOrder(storefront.store, url.searchParams);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    send(response, 404, HTML, messagePage('Not in the store', error.message));
    return true;
  }
  const canonical = new URL(url);
  canonical.pathname = `/extensions/${POST_PURCHASE_HANDLE}`;
  return servePostPurchase(storefront, request, response, canonical);
}

/** Answers the request and returns true when it is an extension preview route; false to let the studio go on. */
export async function serveExtensionPreview(storefront: Storefront, request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  const store = storefront.store;
  const { pathname } = url;

  if (pathname === '/__encore/ext/host.js') {
    await sendBundle(request, response, () => bundle({ entry: HOST_ENTRY }));
    return true;
  }
  const bundled = /^\/__encore\/ext\/bundle\/([a-z0-9-]+)\.js$/.exec(pathname);
  if (bundled) {
    const extension = previewedExtension(bundled[1]!);
    if (!extension) send(response, 404, JAVASCRIPT, 'console.error("Encore studio: no such extension");');
    else await sendBundle(request, response, () => bundle({ entry: extension.entry, jsxImportSource: 'preact', define: EXTENSION_ROOT_DEFINE }));
    return true;
  }
  if (pathname === '/__encore/ext/storefront') {
    await serveApi(store, response, request, (body) => storefrontAnswer(store, body));
    return true;
  }
  if (pathname === '/__encore/ext/customer-account') {
    await serveApi(store, response, request, (body) => customerAccountAnswer(store, url.searchParams.get('customer') ?? '', body));
    return true;
  }
  if (pathname.startsWith('/__encore/ext/post-purchase/')) return servePostPurchase(storefront, request, response, url);

  // `/extensions/HANDLE/` is the same page as `/extensions/HANDLE`, for every extension alike.
  const page = /^\/extensions\/([a-z0-9-]+)\/?$/.exec(pathname);
  if (!page) return false;
  if (page[1] === POST_PURCHASE_HANDLE) return servePostPurchasePage(storefront, request, response, url);
  const extension = previewedExtension(page[1]!);
  if (!extension) {
    send(
      response,
      404,
      HTML,
      messagePage('No such extension', `The studio previews encore-thank-you, encore-order-status, encore-order-index and ${POST_PURCHASE_HANDLE}.`),
    );
    return true;
  }
  try {
    const scenario = scenarioOf(store, extension, url.searchParams);
    const subject = extension.subject === 'customer' ? `customer ${scenario.customer}` : `order ${url.searchParams.get('order')}`;
    send(response, 200, HTML, previewPage(store, scenario, { subject: `${extension.handle} · ${subject}`, origin: originOf(request) }));
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    send(response, 404, HTML, messagePage('Not in the store', error.message));
  }
  return true;
}
