import type { Storefront } from './storefront.ts';
import { orderIdOf } from '@encore/fixtures/load.ts';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import { escapeHtml } from '@encore/liquid/filters/html.ts';
import { CUSTOMER_EXTENSIONS, ORDER_EXTENSIONS, servedLocales, studioHref } from './routes.ts';

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

/**
 * More orders than this is a long history (the loyal customer's 45 reorders): it is folded in a <details>, and
 * its customer comes after those whose few orders are each a scenario worth opening.
 */
export const LONG_HISTORY = 10;

/**
 * `/`: every customer and order of the store, each with its theme page and extension previews in every locale
 * the store serves (the shop's primary one first, unprefixed). A contents list leads to each customer's section,
 * whose orders form a table (one row per order, one column per surface). Customers whose orders each show a
 * scenario come first; a long history (over `LONG_HISTORY` orders) comes last, folded, so it does not push the
 * scenarios down the page. Fixture text (names, descriptions) is customer text and escaped like it.
 */
export function indexPage(storefront: Storefront): string {
  const { store, theme } = storefront;
  const { shop } = store;
  const locales = servedLocales(shop);
  const href = (pathname: string, params: Record<string, string>, locale = shop.primary_locale) => studioHref(shop, pathname, params, locale);
  const localeLinks = (pathname: string, params: Record<string, string>) => locales.map((locale) => link(href(pathname, params, locale), locale)).join(' ');
  const perLocale = (label: string, pathname: string, params: Record<string, string>) => `<li>${escapeHtml(label)}: ${localeLinks(pathname, params)}</li>`;
  const anchor = (handle: string) => `customer-${handle}`;
  const count = (n: number, noun = 'order') => `${n} ${noun}${n === 1 ? '' : 's'}`;

  const long = (customer: (typeof store.customers)[number]) => customer.orders.length > LONG_HISTORY;
  // Stable: the fixture's order within each group.
  const ordered = [...store.customers.filter((customer) => !long(customer)), ...store.customers.filter(long)];
  const contents = ordered.map((customer) => `<li>${link(`#${anchor(customer.handle)}`, customer.handle)} (${count(customer.orders.length)})</li>`);
  const customers = ordered.map((customer) => {
    const params = { customer: customer.handle };
    const id = anchor(customer.handle);
    const previews = [
      perLocale('account page', '/account', params),
      ...CUSTOMER_EXTENSIONS.map((extension) => perLocale(extension, `/extensions/${extension}`, params)),
    ];
    const rows = customer.orders.map((order) => {
      const orderId = orderIdOf(order.name);
      const orderPath = `/account/orders/${encodeURIComponent(orderId)}`;
      const cells = [localeLinks(orderPath, {}), ...ORDER_EXTENSIONS.map((extension) => localeLinks(`/extensions/${extension}`, { order: orderId }))];
      return (
        `<tr class="scenario scenario--order"><th scope="row">${link(href(orderPath, {}), `order ${orderId}`)}<br><span class="scenario__description">${escapeHtml(order.description)}</span></th>` +
        cells.map((cell) => `<td>${cell}</td>`).join('') +
        '</tr>'
      );
    });
    const table = rows.length
      ? `<div class="orders" role="region" aria-labelledby="${escapeHtml(id)}-orders" tabindex="0"><table><caption id="${escapeHtml(id)}-orders">${escapeHtml(`Orders of ${customer.handle}`)} (${count(rows.length)})</caption>` +
        `<thead><tr><th scope="col">order</th><th scope="col">order page</th>${ORDER_EXTENSIONS.map((extension) => `<th scope="col">${escapeHtml(extension)}</th>`).join('')}</tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table></div>`
      : '';
    const history = long(customer)
      ? `<details class="history"><summary>${escapeHtml(`Show all ${count(rows.length)}: a long history`)}</summary>${table}</details>`
      : table;
    return (
      `<section class="scenario scenario--customer" id="${escapeHtml(id)}"><h2>${link(href('/account', params), `customer ${customer.handle}`)}</h2>` +
      `<p>${escapeHtml(customer.description)}</p><ul>${previews.join('')}</ul>${history}</section>`
    );
  });

  // The other shops Encore ships: how to open each, since one studio serves one store.
  const others = loadBundledStores().filter((bundled) => bundled.store.shop.name !== shop.name || bundled.store.shop.currency !== shop.currency);
  const otherStores = others.map(({ name, store: other }) => {
    const orders = other.customers.reduce((sum, customer) => sum + customer.orders.length, 0);
    return (
      `<li><code>npm start -- --fixtures tools/fixtures/${escapeHtml(name)}</code>: ${escapeHtml(other.shop.name)} ` +
      `(${escapeHtml(other.shop.currency)}, ${escapeHtml(other.shop.published_locales.join(', '))}), ${count(other.customers.length, 'customer')}, ${count(orders)}</li>`
    );
  });
  const otherSection = others.length
    ? `<section id="other-stores" class="other-stores"><h2>Other bundled stores</h2><p>One studio serves one store; start another for these (or <code>npm run render -- --list</code> for all their scenarios).</p><ul>${otherStores.join('')}</ul></section>`
    : '';

  const title = `${store.shop.name} — Encore studio`;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>` +
    `<h1>${escapeHtml(store.shop.name)}</h1>` +
    `<p>${count(store.customers.length, 'customer')}, ${count(store.customers.reduce((sum, c) => sum + c.orders.length, 0))}. Locales: ${locales.map(escapeHtml).join(', ')} (${escapeHtml(shop.primary_locale)} is the shop's primary one, unprefixed; the theme ships ${theme.locales().map(escapeHtml).join(', ')}).${others.length ? ` ${link('#other-stores', `${others.length} other bundled stores`)}.` : ''}</p>` +
    `<nav aria-label="Customers"><ul class="contents">${contents.join('')}</ul></nav>` +
    customers.join('') +
    otherSection +
    '</main></body></html>'
  );
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#1f1f1f}' +
  'a{color:#0b57d0}.contents{columns:14rem}.scenario--customer{margin-block:2rem;scroll-margin-top:1rem}' +
  '.scenario--customer>ul{font-size:.9rem}.orders{overflow-x:auto}' +
  'table{border-collapse:collapse;font-size:.9rem;width:100%;min-width:56rem;table-layout:fixed}thead th:first-child{width:34%}caption{text-align:start;font-weight:600;padding-block:.5rem}' +
  'th,td{border-top:1px solid #ddd;padding:.35rem .5rem;text-align:start;vertical-align:top}td{white-space:nowrap}' +
  'thead th{font-weight:600}tbody th{font-weight:400}.scenario__description{color:#4a4a4a}' +
  '.history>summary{cursor:pointer;font-weight:600;padding-block:.5rem}' +
  '.other-stores{margin-block:2rem}.other-stores code{overflow-wrap:anywhere}';
