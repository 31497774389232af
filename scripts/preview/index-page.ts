import type { Storefront } from '../storefront.ts';
import { orderIdOf } from '../store/load.ts';
import { escapeHtml } from '../engine/filters/html.ts';
import { CUSTOMER_EXTENSIONS, ORDER_EXTENSIONS, studioHref } from './routes.ts';

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

/**
 * `/`: every customer and order of the store, each with its theme page and extension previews in every locale
 * the theme ships. Fixture text (names, descriptions) is customer text and escaped like it.
 */
export function indexPage(storefront: Storefront): string {
  const { store, theme } = storefront;
  const locales = theme.locales();
  const fallback = theme.defaultLocale();
  const perLocale = (label: string, href: (locale: string) => string) =>
    `<li>${escapeHtml(label)}: ${locales.map((locale) => link(href(locale), locale)).join(' ')}</li>`;

  const customers = store.customers.map((customer) => {
    const handle = customer.handle;
    const account = `<a href="${escapeHtml(studioHref('/account', { customer: handle }, fallback, fallback))}">customer ${escapeHtml(handle)}</a>`;
    const previews = [
      perLocale('account page', (locale) => studioHref('/account', { customer: handle }, locale, fallback)),
      ...CUSTOMER_EXTENSIONS.map((extension) => perLocale(extension, (locale) => studioHref(`/extensions/${extension}`, { customer: handle }, locale, fallback))),
    ];
    const orders = customer.orders.map((order) => {
      const id = orderIdOf(order.name);
      const page = `<a href="${escapeHtml(studioHref(`/account/orders/${encodeURIComponent(id)}`, {}, fallback, fallback))}">order ${escapeHtml(id)}</a>`;
      const links = [
        perLocale('order page', (locale) => studioHref(`/account/orders/${encodeURIComponent(id)}`, {}, locale, fallback)),
        ...ORDER_EXTENSIONS.map((extension) => perLocale(extension, (locale) => studioHref(`/extensions/${extension}`, { order: id }, locale, fallback))),
      ];
      return `<li class="scenario scenario--order">${page} — ${escapeHtml(order.description)}<ul>${links.join('')}</ul></li>`;
    });
    return `<li class="scenario scenario--customer">${account} — ${escapeHtml(customer.description)}<ul>${previews.join('')}</ul>`
      + (orders.length ? `<ul class="orders">${orders.join('')}</ul>` : '') + '</li>';
  });

  const title = `${store.shop.name} — Encore studio`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>`
    + `<h1>${escapeHtml(store.shop.name)}</h1>`
    + `<p>${store.customers.length} customers, ${store.customers.reduce((sum, c) => sum + c.orders.length, 0)} orders. Theme locales: ${locales.map(escapeHtml).join(', ')}.</p>`
    + `<ul class="scenarios">${customers.join('')}</ul></main></body></html>`;
}

const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1f1f1f}'
  + 'a{color:#0b57d0}.scenario--customer{margin-block:1rem}.scenario ul{font-size:.9rem}';
