import type { Storefront } from '../storefront.ts';
import { orderIdOf } from '../store/load.ts';
import { escapeHtml } from '../engine/filters/html.ts';
import { CUSTOMER_EXTENSIONS, ORDER_EXTENSIONS, servedLocales, studioHref } from './routes.ts';

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

/**
 * `/`: every customer and order of the store, each with its theme page and extension previews in every locale
 * the store serves (the shop's primary one first, unprefixed). Fixture text (names, descriptions) is customer text
 * and escaped like it.
 */
export function indexPage(storefront: Storefront): string {
  const { store, theme } = storefront;
  const { shop } = store;
  const locales = servedLocales(shop);
  const href = (pathname: string, params: Record<string, string>, locale = shop.primary_locale) => studioHref(shop, pathname, params, locale);
  const perLocale = (label: string, pathname: string, params: Record<string, string>) =>
    `<li>${escapeHtml(label)}: ${locales.map((locale) => link(href(pathname, params, locale), locale)).join(' ')}</li>`;

  const customers = store.customers.map((customer) => {
    const params = { customer: customer.handle };
    const account = link(href('/account', params), `customer ${customer.handle}`);
    const previews = [
      perLocale('account page', '/account', params),
      ...CUSTOMER_EXTENSIONS.map((extension) => perLocale(extension, `/extensions/${extension}`, params)),
    ];
    const orders = customer.orders.map((order) => {
      const id = orderIdOf(order.name);
      const orderPath = `/account/orders/${encodeURIComponent(id)}`;
      const links = [
        perLocale('order page', orderPath, {}),
        ...ORDER_EXTENSIONS.map((extension) => perLocale(extension, `/extensions/${extension}`, { order: id })),
      ];
      return `<li class="scenario scenario--order">${link(href(orderPath, {}), `order ${id}`)} — ${escapeHtml(order.description)}<ul>${links.join('')}</ul></li>`;
    });
    return `<li class="scenario scenario--customer">${account} — ${escapeHtml(customer.description)}<ul>${previews.join('')}</ul>`
      + (orders.length ? `<ul class="orders">${orders.join('')}</ul>` : '') + '</li>';
  });

  const title = `${store.shop.name} — Encore studio`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>`
    + `<h1>${escapeHtml(store.shop.name)}</h1>`
    + `<p>${store.customers.length} customers, ${store.customers.reduce((sum, c) => sum + c.orders.length, 0)} orders. Locales: ${locales.map(escapeHtml).join(', ')} (${escapeHtml(shop.primary_locale)} is the shop's primary one, unprefixed; the theme ships ${theme.locales().map(escapeHtml).join(', ')}).</p>`
    + `<ul class="scenarios">${customers.join('')}</ul></main></body></html>`;
}

const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1f1f1f}'
  + 'a{color:#0b57d0}.scenario--customer{margin-block:1rem}.scenario ul{font-size:.9rem}';
