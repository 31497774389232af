/**
 * /cart/VARIANT_ID:QUANTITY,…: the cart permalink read strictly, and a page listing its lines, prices, total and
 * stock, and what its query parameters would ask of Shopify.
 */
import { escapeHtml } from '../../engine/filters/html.ts';
import type { StoreView } from '../../store/liquid/view.ts';
import type { Product, Variant } from '../../store/types.ts';
import { decodeSegment, notFound, page, WHOLE, type Context, type ShopAnswer } from './page.ts';
import { availability, AVAILABLE, productLink } from './product.ts';

interface CartLine {
  product: Product;
  variant: Variant;
  quantity: number;
}

interface ParsedPermalink {
  lines: CartLine[];
  /** Variant ids the permalink names more than once. */
  repeated: number[];
  problems: string[];
}

export function cartAnswer(context: Context, encoded: string, query: URLSearchParams): ShopAnswer {
  const parsed = parsePermalink(context.view, encoded);
  if (parsed.problems.length) return notFound(context, `/cart/${encoded}`, parsed.problems);
  return { status: 200, body: cartPage(context, parsed, query) };
}

/**
 * Shopify documents the permalink as `/cart/VARIANT_ID:QUANTITY` items joined by commas. What it does with other
 * shapes (no quantity, a zero, spaces) is not documented, so the studio is strict: each item is exactly digits, a
 * colon and a whole quantity of at least 1, and anything else is named as a problem. A variant named twice gets
 * the two quantities added up, as Shopify's cart merges lines of one variant (and the page says so).
 */
function parsePermalink(view: StoreView, encoded: string): ParsedPermalink {
  const parsed: ParsedPermalink = { lines: [], repeated: [], problems: [] };
  if (encoded === '') parsed.problems.push('the permalink names no items: expected /cart/VARIANT_ID:QUANTITY,…');
  const byVariant = new Map<number, CartLine>();
  (encoded === '' ? [] : encoded.split(',')).forEach((raw, index) => {
    const item = decodeSegment(raw);
    const line = item === undefined ? `"${raw}": broken percent-encoding` : parseItem(view, item, index);
    if (typeof line === 'string') return void parsed.problems.push(line);
    const earlier = byVariant.get(line.variant.id);
    if (!earlier) return void byVariant.set(line.variant.id, line);
    earlier.quantity += line.quantity;
    if (!parsed.repeated.includes(line.variant.id)) parsed.repeated.push(line.variant.id);
  });
  parsed.lines = [...byVariant.values()];
  return parsed;
}

/** One `VARIANT_ID:QUANTITY` item, or the sentence saying what is wrong with it. */
function parseItem(view: StoreView, item: string, index: number): CartLine | string {
  if (item === '') return `item ${index + 1} is empty: items are VARIANT_ID:QUANTITY separated by commas`;
  const parts = item.split(':');
  if (parts.length !== 2) return `"${item}": expected VARIANT_ID:QUANTITY`;
  const [id, count] = parts;
  if (!WHOLE.test(id)) return `"${item}": the variant id must be a whole number`;
  const quantity = Number(count);
  if (!WHOLE.test(count) || !Number.isSafeInteger(quantity) || quantity < 1) {
    return `"${item}": quantity must be a whole number ≥ 1`;
  }
  const found = view.variant(Number(id));
  if (!found) return `variant ${Number(id)} is not in the store`;
  return { ...found, quantity };
}

function cartPage(context: Context, parsed: ParsedPermalink, query: URLSearchParams): string {
  const toCart = query.get('storefront') === 'true';
  const lead = toCart
    ? "On Shopify this link fills the online store's cart with these items (storefront=true) instead of starting checkout."
    : 'On Shopify this link starts checkout with these items.';
  const blocked = parsed.lines.filter((line) => availability(context, line.product, line.variant, line.quantity) !== AVAILABLE);
  const warning = blocked.length
    ? `<p class="warning"><strong>${blocked.length} of ${parsed.lines.length} ${blocked.length === 1 ? 'line' : 'lines'} cannot be bought as linked.</strong></p>`
    : '';
  const repeated = parsed.repeated.length
    ? `<p>Named more than once, quantities added up: ${parsed.repeated.map((id) => `variant ${id}`).join(', ')}.</p>`
    : '';
  const body =
    `<h1>Cart permalink</h1><p>${lead}</p>${warning}${cartTable(context, parsed.lines)}${repeated}` +
    "<p>Prices are the store fixture's current ones; discounts, shipping and taxes are worked out at checkout.</p>" +
    permalinkParameters(query);
  return page('Cart permalink', body, context.store);
}

function cartTable(context: Context, lines: readonly CartLine[]): string {
  const rows = lines.map(({ product, variant, quantity }) => {
    const status = availability(context, product, variant, quantity);
    return (
      `<tr${status === AVAILABLE ? '' : ' class="blocked"'}><th scope="row">${quantity} × ${productLink(context, product, variant)}</th>` +
      `<td>${context.money(variant.price)}</td><td>${context.money(variant.price * quantity)}</td><td>${escapeHtml(status)}</td></tr>`
    );
  });
  const total = lines.reduce((sum, line) => sum + line.variant.price * line.quantity, 0);
  return (
    '<table><caption>Items in this permalink</caption><thead><tr>' +
    '<th scope="col">Item</th><th scope="col">Unit price</th><th scope="col">Line total</th><th scope="col">Availability</th>' +
    `</tr></thead><tbody>${rows.join('')}</tbody>` +
    `<tfoot><tr><th scope="row" colspan="2">Total</th><td>${context.money(total)}</td><td></td></tr></tfoot></table>`
  );
}

/** What each documented permalink parameter asks Shopify to do; any other is listed as not documented. */
const PARAMETERS: [RegExp, (value: string, match: RegExpExecArray) => string][] = [
  [/^discount$/, (value) => `discount ${value}`],
  [/^note$/, (value) => `order note "${value}"`],
  [/^ref$/, (value) => `attribution ref ${value}`],
  [/^access_token$/, (value) => `sales channel access token ${value}`],
  [/^storefront$/, (value) => `storefront=${value}: ${value === 'true' ? "the online store's cart instead of checkout" : 'checkout'}`],
  [/^payment$/, (value) => `payment method ${value}`],
  [/^channel$/, (value) => `channel ${value}`],
  [/^properties$/, (value) => `line item properties for the first item (Base64 URL-encoded JSON) ${value}`],
  [/^attributes\[(.+)\]$/, (value, match) => `cart attribute ${match[1]}: ${value}`],
  [/^checkout\[.+\]$/, (value, match) => `checkout field ${match[0]}: ${value}`],
];

/**
 * The query parameters Shopify would apply, listed rather than dropped. `?locale=` is the studio's own (the page's
 * language) and is left out.
 */
function permalinkParameters(query: URLSearchParams): string {
  const items = [...query].filter(([name]) => name !== 'locale').map(([name, value]) => describeParameter(name, value));
  if (!items.length) return '';
  return `<h2>Shopify also applies</h2><ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function describeParameter(name: string, value: string): string {
  for (const [pattern, describe] of PARAMETERS) {
    const match = pattern.exec(name);
    if (match) return describe(value, match);
  }
  return `${name}=${value} (not a cart permalink parameter Shopify documents)`;
}
