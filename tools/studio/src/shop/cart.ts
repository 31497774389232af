/**
 * /cart/VARIANT_ID:QUANTITY,…: the cart permalink read strictly, and a page listing its lines, prices, totals and
 * stock, and what its query parameters would ask of Shopify.
 */
import { escapeHtml } from '@encore/liquid/filters/html.ts';
import type { StoreView } from '@encore/fixtures/liquid/view.ts';
import type { Product, Variant } from '@encore/fixtures/types.ts';
import { bdi, countOf, decodeSegment, notFound, page, scrollingTable, WHOLE, type Context, type ShopAnswer } from './page.ts';
import { availability, AVAILABLE, productLink, sellableQuantity } from './product.ts';

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
  const lines = parsed.lines.map((line) => priced(context, line));
  const blocked = lines.filter((line) => line.status !== AVAILABLE).length;
  const { linked, charged } = totals(lines);
  const warning = blocked
    ? `<p class="warning"><strong>${blocked} of ${countOf(lines.length, 'line', 'lines')} cannot be bought as linked.</strong> ` +
      "Shopify's checkout leaves out what it cannot sell and lowers a quantity to the stock left, and tells the shopper: " +
      `it would charge ${context.money(charged)}, not the ${context.money(linked)} linked.</p>`
    : '';
  const repeated = parsed.repeated.length
    ? `<p>Named more than once, quantities added up: ${parsed.repeated.map((id) => `variant ${id}`).join(', ')}.</p>`
    : '';
  const body =
    `<h1>Cart permalink</h1><p>${lead}</p>${warning}${cartTable(context, lines, blocked > 0)}${repeated}` +
    "<p>Prices are the store fixture's current ones; discounts, shipping and taxes are worked out at checkout.</p>" +
    permalinkParameters(query);
  return page('Cart permalink', body, context.store);
}

/** A line with what it costs as linked and what checkout would sell of it. */
interface PricedLine extends CartLine {
  status: string;
  sellable: number;
}

function priced(context: Context, line: CartLine): PricedLine {
  const { product, variant, quantity } = line;
  return { ...line, status: availability(context, product, variant, quantity), sellable: sellableQuantity(context, product, variant, quantity) };
}

/** The lines' total as linked, and what checkout would charge for them (before discounts, shipping and taxes). */
function totals(lines: readonly PricedLine[]): { linked: number; charged: number } {
  return {
    linked: lines.reduce((sum, line) => sum + line.variant.price * line.quantity, 0),
    charged: lines.reduce((sum, line) => sum + line.variant.price * line.sellable, 0),
  };
}

/**
 * The lines as linked, and when some cannot be bought, a column with what checkout would charge for each: nothing
 * for a line it leaves out, the stock left for one it cuts down. The two totals sit under their columns.
 *
 * Shopify documents nothing for a permalink in particular. Its checkout adjusts what it cannot sell rather than
 * refusing the whole cart: its "Out of stock" step says "Some items are no longer available. Your cart has been
 * updated.", Shopify's theme tutorial on stock limits says the shopper "will be informed of necessary quantity
 * adjustments" at checkout, and the Storefront API's cart reports the same two cases as MERCHANDISE_OUT_OF_STOCK
 * and MERCHANDISE_NOT_ENOUGH_STOCK warnings on a cart it keeps.
 */
function cartTable(context: Context, lines: readonly PricedLine[], adjusted: boolean): string {
  const { money } = context;
  const rows = lines.map((line) => {
    const { variant, quantity, status, sellable } = line;
    const atCheckout = adjusted ? `<td>${money(variant.price * sellable)}${checkoutNote(sellable, quantity)}</td>` : '';
    return (
      `<tr${status === AVAILABLE ? '' : ' class="blocked"'}><th scope="row">${quantity} × ${productLink(context, line.product, variant)}</th>` +
      `<td>${money(variant.price)}</td><td>${money(variant.price * quantity)}</td><td>${escapeHtml(status)}</td>${atCheckout}</tr>`
    );
  });
  const { linked, charged } = totals(lines);
  const foot = adjusted
    ? `<tr><th scope="row" colspan="2">Total as linked</th><td>${money(linked)}</td><td colspan="2"></td></tr>` +
      `<tr><th scope="row" colspan="4">Total Shopify would charge</th><td>${money(charged)}</td></tr>`
    : `<tr><th scope="row" colspan="2">Total</th><td>${money(linked)}</td><td></td></tr>`;
  return scrollingTable(
    '<table><caption>Items in this permalink</caption><thead><tr>' +
      '<th scope="col">Item</th><th scope="col">Unit price</th><th scope="col">Line total</th><th scope="col">Availability</th>' +
      `${adjusted ? '<th scope="col">At checkout</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody><tfoot>${foot}</tfoot></table>`,
  );
}

/** Why a line's checkout amount differs from its line total. */
function checkoutNote(sellable: number, quantity: number): string {
  if (sellable === quantity) return '';
  return sellable === 0 ? ' (left out)' : ` (${sellable} of ${quantity})`;
}

/**
 * What each documented permalink parameter asks Shopify to do, as HTML: the name's and value's own text come in
 * escaped and isolated (`bdi`), as anyone can write them into a link. Any other parameter is listed as not documented.
 */
const PARAMETERS: [RegExp, (value: string, match: RegExpExecArray) => string][] = [
  [/^discount$/, (value) => `discount ${bdi(value)}`],
  [/^note$/, (value) => `order note &quot;${bdi(value)}&quot;`],
  [/^ref$/, (value) => `attribution ref ${bdi(value)}`],
  [/^access_token$/, (value) => `sales channel access token ${bdi(value)}`],
  [/^storefront$/, (value) => `storefront=${bdi(value)}: ${value === 'true' ? 'the online store&#39;s cart instead of checkout' : 'checkout'}`],
  [/^payment$/, (value) => `payment method ${bdi(value)}`],
  [/^channel$/, (value) => `channel ${bdi(value)}`],
  [/^properties$/, (value) => `line item properties for the first item (Base64 URL-encoded JSON) ${bdi(value)}`],
  [/^attributes\[(.+)\]$/, (value, match) => `cart attribute ${bdi(match[1])}: ${bdi(value)}`],
  [/^checkout\[.+\]$/, (value, match) => `checkout field ${bdi(match[0])}: ${bdi(value)}`],
];

/**
 * The query parameters Shopify would apply, listed rather than dropped. `?locale=` is the studio's own (the page's
 * language) and is left out.
 */
function permalinkParameters(query: URLSearchParams): string {
  const items = [...query].filter(([name]) => name !== 'locale').map(([name, value]) => describeParameter(name, value));
  if (!items.length) return '';
  return `<h2>Shopify also applies</h2><ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

function describeParameter(name: string, value: string): string {
  for (const [pattern, describe] of PARAMETERS) {
    const match = pattern.exec(name);
    if (match) return describe(value, match);
  }
  return `${bdi(name)}=${bdi(value)} (not a cart permalink parameter Shopify documents)`;
}
