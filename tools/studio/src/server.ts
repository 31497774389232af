import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fontFile } from '@encore/liquid/theme/font-files.ts';
import { NotFoundError, type Storefront } from './storefront.ts';
import { serveAsset, servePlaceholderImage } from './assets.ts';
import { HTML, send as sendRaw, TEXT } from './http.ts';
import { injectReloadScript, RELOAD_PATH, withReloadScript, type LiveReload } from './live-reload.ts';
import { serveExtensionPreview } from './extensions/index.ts';
import { errorOverlay } from './error-overlay.ts';
import { indexPage } from './index-page.ts';
import { withProblemsBanner } from './problems-banner.ts';
import { BadRecommendationsRequest, recommendationsRequest } from './recommendations.ts';
import { onThisThread, type PageRenderer } from './render-jobs.ts';
import { BadRequestError, decodePathSegment, pageFor, splitLocale, UnknownLocaleError, unprefixedPrimary } from './routes.ts';
import { answerShopRoute, notFoundPage } from './shop/index.ts';
import { contextOf } from './shop/page.ts';
import { StudioCarts } from './shop/session-cart.ts';

/** `font_url` and `font_face` point at Shopify's font library, which has no offline copy. */
const FONT_FILES_OFFLINE =
  "Shopify's font library is not available offline, and this family's Fontsource package (@fontsource/NAME) is not installed: the page shows the font's fallback family instead.\n";

/** `/cdn/fonts/FAMILY/VARIANT.DIGEST.FORMAT` from the family's installed Fontsource package (font-files.ts), else 404 saying why. */
function serveFontFile(pathname: string, response: ServerResponse, send: (response: ServerResponse, status: number, type: string, body: string) => void): void {
  const match = /^\/cdn\/fonts\/([a-z0-9_]+)\/([a-z0-9_]+)\.[0-9a-f]+\.(woff2?)$/.exec(pathname);
  const file = match ? fontFile(match[1]!, match[2]!, match[3]!) : undefined;
  if (!file) return send(response, 404, TEXT, FONT_FILES_OFFLINE);
  response.writeHead(200, { 'content-type': `font/${match![3]}`, 'cache-control': 'max-age=86400' });
  response.end(fs.readFileSync(file));
}

/**
 * Storefront URLs as Shopify serves them, for the fixture's customers:
 *   /                              every scenario, linked
 *   /account?customer=HANDLE       customers/account (the query names the logged-in customer)
 *   /account/orders/ID             customers/order
 *   /da/account…, ?locale=da       the same in another locale the store serves (routes.ts: the shop's primary one
 *                                  is unprefixed, as on Shopify; its prefix redirects there)
 *   /cdn/shop/t/1/assets/NAME      theme assets; /cdn/shop/files/NAME: a placeholder image; /cdn/fonts/…: the family's
 *                                  installed Fontsource files, else 404, said why
 *   /recommendations/products      Shopify's Product Recommendations route (recommendations.ts)
 *   /cart, /cart.js, /cart/add(.js) a cart per browser, as the theme's add-to-cart forms use it (shop/session-cart.ts)
 *   /cart/ID:QTY,…, /products/H,   the storefront routes the pages link to, from the fixture (shop/): cart
 *   /collections/H, /account/…     permalinks, products, collections, and stand-ins for the routes not previewed
 *   /extensions/…, /__encore/ext/… the extension previews (tools/studio/src/extensions), asked first
 *   /__encore/reload               the live-reload event stream (live-reload.ts)
 *   /favicon.ico                   204: no icon
 * `?section_id=` and `?sections=` answer like the Section Rendering API. Any other path, customer, order or locale:
 * a 404 page naming it; a path with broken percent-encoding: 400.
 */
export function serveStorefront(
  source: Storefront | (() => Storefront),
  options: { reload?: LiveReload; storeProblem?: () => string | undefined; renderer?: PageRenderer } = {},
) {
  const current = typeof source === 'function' ? source : () => source;
  // The studio renders on worker threads (render-pool.ts); alone, this server renders on its own.
  const renderer = options.renderer ?? onThisThread(current);
  const { reload } = options;
  // One cart per browser, kept while the studio runs.
  const carts = new StudioCarts();
  // Full pages carry the live-reload script when the studio watches; fragments and other types pass unchanged.
  const send = (response: ServerResponse, status: number, type: string, body: string) =>
    sendRaw(response, status, type, reload && type === HTML ? withReloadScript(body) : body);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // The Host was checked (front-door.ts); an empty one is this machine. The URL's own host is never read.
    const host = request.headers.host || '127.0.0.1';
    const url = new URL(request.url ?? '/', 'http://studio.invalid');
    const storefront = current();
    try {
      if (reload && url.pathname === RELOAD_PATH) return reload.serve(request, response);
      // Browsers ask for it on every page; the studio has no icon, and saying so is not an error.
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204, { 'cache-control': 'max-age=86400' });
        return void response.end();
      }
      // Extension previews and the scripts and APIs they load: that module answers, the studio only adds reload.
      if (url.pathname.startsWith('/extensions/') || url.pathname.startsWith('/__encore/ext/')) {
        if (reload) injectReloadScript(response);
        if (await serveExtensionPreview(storefront, request, response, url)) return;
        return send(response, 404, HTML, notFoundPage(url.pathname));
      }
      const primary = unprefixedPrimary(storefront.store.shop, url.pathname);
      if (primary !== undefined) return void response.writeHead(302, { location: `${primary}${url.search}` }).end();
      const { code, locale, pathname, query } = splitLocale(storefront.store.shop, url.pathname, url.searchParams);
      if (pathname.startsWith('/cdn/shop/')) {
        // The asset and image routes decode the file name; a broken escape there is the request's fault.
        for (const segment of pathname.split('/')) decodePathSegment(segment);
        if (pathname.startsWith('/cdn/shop/t/') && pathname.includes('/assets/')) return serveAsset(storefront, pathname, response);
        if (pathname.startsWith('/cdn/shop/files/')) return servePlaceholderImage(pathname, response);
      }
      if (pathname.startsWith('/cdn/fonts/')) return serveFontFile(pathname, response, send);
      if (pathname === '/recommendations/products') {
        const rendered = await renderer.run({ kind: 'recommendations', request: recommendationsRequest(storefront, request, query), locale: code, host });
        return send(response, rendered.status, rendered.contentType, rendered.body);
      }
      if (pathname === '/' || pathname === '') return send(response, 200, HTML, indexPage(storefront));
      if (carts.handles(pathname)) return await carts.serve(contextOf(storefront.store, locale), request, response, pathname);
      const shop = answerShopRoute(storefront, { pathname, query, locale, referer: request.headers.referer });
      if (shop?.location) return void response.writeHead(shop.status, { location: shop.location }).end();
      if (shop) return send(response, shop.status, HTML, shop.body);
      const page = pageFor(pathname, query);
      if (!page) return send(response, 404, HTML, notFoundPage(url.pathname));
      const rendered = await renderer.run({ kind: 'page', page, locale: code, query: query.toString(), host });
      // Whole pages list what went wrong on them; Section Rendering answers are fragments a theme's script inserts.
      const full = rendered.contentType === HTML && !query.has('section_id');
      const body = full ? withProblemsBanner(rendered.body, { errors: rendered.errors, store: options.storeProblem?.() }) : rendered.body;
      send(response, rendered.status, rendered.contentType, body);
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      if (error instanceof BadRecommendationsRequest) return send(response, error.status, TEXT, `${message}\n`);
      if (error instanceof BadRequestError) return send(response, 400, TEXT, `Bad request: ${url.pathname}: ${message}\n`);
      if (error instanceof NotFoundError || error instanceof UnknownLocaleError)
        return send(response, 404, HTML, notFoundPage(`${url.pathname}${url.search}`, [message]));
      process.stderr.write(`${request.method} ${url.pathname}${url.search}: ${message}\n`);
      send(response, 500, HTML, errorOverlay(storefront, error, `${request.method} ${url.pathname}${url.search}`));
    }
  };
}
