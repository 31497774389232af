/**
 * The studio's cart, one per browser (a `cart` cookie), so the theme's add-to-cart forms can be clicked through:
 *   POST /cart/add        Shopify's product form (`id`, `quantity`, multipart or urlencoded): adds, then shows /cart
 *   POST /cart/add.js     the Cart AJAX API: the same fields, or JSON `{ id, quantity }` / `{ items: [{ id, quantity }] }`;
 *                         answers the added line (or `{ items }`) as JSON
 *   GET  /cart.js         the cart as JSON: token, items, item_count, total_price, currency
 *   GET  /cart            the cart as a page
 * As on Shopify (https://shopify.dev/docs/api/ajax/reference/cart), errors are JSON
 * `{ status, message: "Cart Error", description }`: 404 for a variant the store lacks, 422 for what cannot be sold
 * (sold out, unpublished, more than the stock left, a bad quantity, a full cart), 400 for a body that cannot be read.
 * Bounded: at most MAX_CARTS carts (the least recently used goes first), MAX_LINES lines, MAX_BODY bytes a request.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml } from '@encore/liquid/filters/html.ts';
import { HTML, readBody, send } from '../http.ts';
import type { Product, Variant } from '@encore/fixtures/types.ts';
import { page, WHOLE, type Context } from './page.ts';
import { productLink, sellableQuantity } from './product.ts';

export const MAX_CARTS = 500;
export const MAX_LINES = 100;
export const MAX_BODY = 64 * 1024;

const ROUTES = new Set(['/cart/add', '/cart/add.js', '/cart.js', '/cart']);

/** Variant id → quantity, in the order first added. */
type Cart = Map<number, number>;

class CartError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 413 | 422,
    description: string,
  ) {
    super(description);
  }
}

interface Wanted {
  id: unknown;
  quantity: unknown;
}

export class StudioCarts {
  #carts = new Map<string, Cart>();

  handles(pathname: string): boolean {
    return ROUTES.has(pathname);
  }

  async serve(context: Context, request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    const token = tokenOf(request.headers.cookie);
    const json = pathname.endsWith('.js');
    try {
      if (pathname === '/cart.js' || pathname === '/cart') {
        if (request.method !== 'GET' && request.method !== 'HEAD') throw new CartError(405, `${pathname} answers GET`);
        const cart = this.#peek(token);
        return pathname === '/cart.js' ? sendJson(response, 200, cartJson(context, token, cart)) : send(response, 200, HTML, cartPage(context, cart));
      }
      if (request.method !== 'POST') throw new CartError(405, `${pathname} answers POST`);
      const wanted = await readItems(request);
      const { token: kept, cart } = this.#open(token);
      const added = addAll(context, cart, wanted);
      const cookie = `cart=${kept}; Path=/; SameSite=Lax; HttpOnly`;
      if (!json) return void response.writeHead(302, { location: `${context.localePath}/cart`, 'set-cookie': cookie }).end();
      const lines = added.map((id) => lineJson(context, id, cart.get(id)!));
      sendJson(response, 200, Array.isArray((wanted as { items?: unknown }).items) ? { items: lines } : lines[0], cookie);
    } catch (error) {
      if (!(error instanceof CartError)) throw error;
      const body = { status: error.status, message: 'Cart Error', description: error.message };
      if (json) return sendJson(response, error.status, body);
      send(
        response,
        error.status,
        HTML,
        page(
          'Cart Error',
          `<h1>Cart Error</h1><p>${escapeHtml(error.message)}</p><p><a href="${escapeHtml(context.localePath)}/cart">Your cart</a></p>`,
          context.store,
        ),
      );
    }
  }

  /** The browser's cart, without creating one. */
  #peek(token: string | undefined): Cart {
    return (token && this.#carts.get(token)) || new Map();
  }

  /** The browser's cart, or a new one; the least recently used goes when there are too many. */
  #open(token: string | undefined): { token: string; cart: Cart } {
    let cart = token ? this.#carts.get(token) : undefined;
    const kept = cart && token ? token : randomUUID().replace(/-/g, '');
    if (cart) this.#carts.delete(kept);
    cart ??= new Map();
    this.#carts.set(kept, cart);
    while (this.#carts.size > MAX_CARTS) this.#carts.delete(this.#carts.keys().next().value!);
    return { token: kept, cart };
  }
}

function tokenOf(cookie: string | undefined): string | undefined {
  const match = /(?:^|;\s*)cart=([0-9a-f]{32})(?:;|$)/.exec(cookie ?? '');
  return match?.[1];
}

/** `{ id, quantity }` or `{ items: [...] }`, from JSON, multipart or urlencoded bodies. */
async function readItems(request: IncomingMessage): Promise<Wanted | { items: Wanted[] }> {
  const body = await readBody(request, MAX_BODY);
  if (!body) throw new CartError(413, `the request body is over ${MAX_BODY} bytes`);
  const type = String(request.headers['content-type'] ?? '');
  if (type.includes('application/json')) {
    try {
      const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      return Array.isArray(parsed.items) ? { items: parsed.items as Wanted[] } : { id: parsed.id, quantity: parsed.quantity ?? 1 };
    } catch {
      throw new CartError(400, 'the body is not valid JSON');
    }
  }
  let form: FormData;
  try {
    form = await new Request('http://studio/', { method: 'POST', headers: { 'content-type': type || 'application/x-www-form-urlencoded' }, body }).formData();
  } catch {
    throw new CartError(400, 'the body is not a form');
  }
  return { id: form.get('id'), quantity: form.get('quantity') ?? '1' };
}

/** Adds every wanted item or none, checked against the store; the variant ids added, in order. */
function addAll(context: Context, cart: Cart, wanted: Wanted | { items: Wanted[] }): number[] {
  const items = 'items' in wanted ? wanted.items : [wanted];
  if (items.length === 0) throw new CartError(422, 'no items to add');
  const next = new Map(cart);
  const added: number[] = [];
  for (const item of items) {
    const id = Number(item?.id);
    if (!WHOLE.test(String(item?.id ?? '')) || !Number.isSafeInteger(id)) throw new CartError(422, `"${String(item?.id)}" is not a variant id`);
    const quantity = Number(item.quantity ?? 1);
    if (!WHOLE.test(String(item.quantity ?? 1)) || !Number.isSafeInteger(quantity) || quantity < 1)
      throw new CartError(422, 'Quantity must be a whole number of at least 1.');
    const found = context.view.variant(id);
    if (!found) throw new CartError(404, 'Cannot find variant');
    const inCart = next.get(id) ?? 0;
    const sellable = sellableQuantity(context, found.product, found.variant, inCart + quantity);
    if (sellable === 0) throw new CartError(422, `The product '${nameOf(found.product, found.variant)}' is already sold out.`);
    if (sellable < inCart + quantity) {
      throw new CartError(422, `You can only add ${Math.max(0, sellable - inCart)} of '${nameOf(found.product, found.variant)}' to your cart.`);
    }
    if (!next.has(id) && next.size >= MAX_LINES) throw new CartError(422, `The cart holds at most ${MAX_LINES} lines.`);
    next.set(id, inCart + quantity);
    if (!added.includes(id)) added.push(id);
  }
  cart.clear();
  for (const [id, quantity] of next) cart.set(id, quantity);
  return added;
}

function nameOf(product: Product, variant: Variant): string {
  return product.options.length ? `${product.title} - ${variant.title}` : product.title;
}

function lineJson(context: Context, id: number, quantity: number) {
  const { product, variant } = context.view.variant(id)!;
  return {
    id,
    variant_id: id,
    product_id: product.id,
    handle: product.handle,
    title: nameOf(product, variant),
    product_title: product.title,
    variant_title: product.options.length ? variant.title : null,
    quantity,
    price: variant.price,
    line_price: variant.price * quantity,
    url: `${context.localePath}/products/${encodeURIComponent(product.handle)}?variant=${id}`,
  };
}

function cartJson(context: Context, token: string | undefined, cart: Cart) {
  const items = [...cart].map(([id, quantity]) => lineJson(context, id, quantity));
  return {
    token: token && cart.size ? token : null,
    items,
    item_count: items.reduce((sum, item) => sum + item.quantity, 0),
    total_price: items.reduce((sum, item) => sum + item.line_price, 0),
    currency: context.store.shop.currency,
  };
}

function cartPage(context: Context, cart: Cart): string {
  if (cart.size === 0) return page('Your cart', '<h1>Your cart</h1><p>Your cart is empty.</p>', context.store);
  let total = 0;
  const rows = [...cart].map(([id, quantity]) => {
    const { product, variant } = context.view.variant(id)!;
    total += variant.price * quantity;
    return `<tr><th scope="row">${quantity} × ${productLink(context, product, variant)}</th><td>${context.money(variant.price * quantity)}</td></tr>`;
  });
  return page(
    'Your cart',
    '<h1>Your cart</h1><table><caption>In this browser&#39;s cart</caption><thead><tr><th scope="col">Item</th><th scope="col">Line total</th></tr></thead>' +
      `<tbody>${rows.join('')}</tbody><tfoot><tr><th scope="row">Total</th><td>${context.money(total)}</td></tr></tfoot></table>` +
      '<p>The studio keeps this cart per browser; on Shopify the cart page leads to checkout.</p>',
    context.store,
  );
}

function sendJson(response: ServerResponse, status: number, body: unknown, cookie?: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(cookie ? { 'set-cookie': cookie } : {}) });
  response.end(JSON.stringify(body));
}
