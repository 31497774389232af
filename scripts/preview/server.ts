import type { IncomingMessage, ServerResponse } from 'node:http';
import { NotFoundError, type Storefront, type CustomerPage } from '../storefront.ts';
import { listScenarios, orderIdOf } from '../store/load.ts';
import { escapeHtml } from '../engine/filters/html.ts';
import { serveAsset, servePlaceholderImage } from './assets.ts';

/**
 * Storefront URLs as Shopify serves them, for the fixture's customers:
 *   /                              every scenario, linked
 *   /account?customer=HANDLE       customers/account (the query names the logged-in customer)
 *   /account/orders/ID             customers/order
 *   /da/account…                   the same in another locale the theme ships
 *   /cdn/shop/t/1/assets/NAME      theme assets; /cdn/shop/files/NAME: a placeholder image
 * `?section_id=` and `?sections=` answer like the Section Rendering API.
 */
export function serveStorefront(storefront: Storefront) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const host = request.headers.host ?? '127.0.0.1';
    const url = new URL(request.url ?? '/', `http://${host}`);
    try {
      const { locale, pathname } = splitLocale(storefront, url.pathname);
      if (pathname.startsWith('/cdn/shop/t/') && pathname.includes('/assets/')) return serveAsset(storefront, pathname, response);
      if (pathname.startsWith('/cdn/shop/files/')) return servePlaceholderImage(pathname, response);
      const page = pageFor(pathname, url.searchParams);
      if (pathname === '/' || pathname === '') return send(response, 200, 'text/html; charset=utf-8', indexPage(storefront));
      if (!page) return send(response, 404, 'text/plain; charset=utf-8', `Not found: ${url.pathname}\n`);
      const rendered = await storefront.render(page, { locale, query: url.searchParams, host });
      send(response, rendered.status, rendered.contentType, rendered.body);
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      if (error instanceof NotFoundError) return send(response, 404, 'text/plain; charset=utf-8', `${message}\n`);
      process.stderr.write(`${request.method} ${url.pathname}${url.search}: ${message}\n`);
      send(response, 500, 'text/html; charset=utf-8', `<!doctype html><title>Render error</title><h1>Render error</h1><pre>${escapeHtml(message)}</pre>`);
    }
  };
}

function splitLocale(storefront: Storefront, pathname: string): { locale?: string; pathname: string } {
  const [, first, ...rest] = pathname.split('/');
  if (first && storefront.theme.locales().includes(first) && first !== storefront.theme.defaultLocale()) {
    return { locale: first, pathname: `/${rest.join('/')}` };
  }
  return { pathname };
}

function pageFor(pathname: string, query: URLSearchParams): CustomerPage | undefined {
  const order = /^\/account\/orders\/([^/]+)$/.exec(pathname);
  if (order) return { template: 'customers/order', order: decodeURIComponent(order[1]) };
  if (pathname === '/account') {
    return { template: 'customers/account', customer: query.get('customer') ?? '' };
  }
  return undefined;
}

function indexPage(storefront: Storefront): string {
  const items = listScenarios(storefront.store).map((line) => {
    const [, kind, id, description] = /^(customer|order) (\S+)\s+(.*)$/.exec(line) ?? [];
    const href = kind === 'customer' ? `/account?customer=${encodeURIComponent(id)}` : `/account/orders/${encodeURIComponent(orderIdOf(id))}`;
    return `<li><a href="${escapeHtml(href)}">${escapeHtml(kind)} ${escapeHtml(id)}</a> — ${escapeHtml(description)}</li>`;
  });
  const locales = storefront.theme.locales().map((code) => `<code>/${escapeHtml(code)}/account…</code>`).join(', ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(storefront.store.shop.name)} — Encore preview</title></head>`
    + `<body><h1>${escapeHtml(storefront.store.shop.name)}</h1><p>Theme locales: ${locales}</p><ul>${items.join('')}</ul></body></html>`;
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType });
  response.end(body);
}
