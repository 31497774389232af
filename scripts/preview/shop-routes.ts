/**
 * The storefront routes the theme's pages and the extension previews link to, answered from the store fixture so
 * that no link in the studio is dead:
 *   /cart/VARIANT_ID:QUANTITY,…    a cart permalink: its lines, prices and total, what Shopify would do with it
 *   /products/HANDLE?variant=ID    the product as the fixture has it: image, price, variants and their stock
 *   /collections, /collections/H   the collections and their products
 *   /account (no ?customer=)       which customer's account page to open
 *   /cart, /search, /account/…     routes the studio does not preview: what Shopify serves there
 * Unknown products, variants, collections and malformed permalinks answer a 404 page naming the bad part.
 * Every fixture text is escaped; the money format is the merchant's HTML, printed as the theme's `money` filter does.
 */
import { Liquid } from "liquidjs";
import { isGiftCard, isInStock, isPublished } from "../../extensions/core/src/catalog.ts";
import { formatMoney } from "../../extensions/core/src/money.ts";
import { escapeHtml } from "../engine/filters/html.ts";
import { StoreView } from "../store/liquid/view.ts";
import { findOrder } from "../store/names.ts";
import type { Collection, Image, Product, Store, Variant } from "../store/types.ts";
import type { Storefront } from "../storefront.ts";

export interface ShopRequest {
  /** The path without its locale prefix. */
  pathname: string;
  query: URLSearchParams;
  /** The page's locale when it is not the theme's default: links on the page keep it. */
  locale?: string;
  referer?: string;
}

/** An HTML page to send, or a redirect when `location` is set. */
export interface ShopAnswer {
  status: number;
  body: string;
  location?: string;
}

/** One page's view of the request: the store, its catalog lookups, and how to write its links and prices. */
interface Context {
  store: Store;
  view: StoreView;
  /** "" or "/da": prefixed to the studio links the page writes. */
  localePath: string;
  money: (subunits: number) => string;
  now: number;
}

/** Routes Shopify serves that the studio does not preview, and what Shopify shows there. */
const STAND_INS: Record<string, string> = {
  "/cart": "the cart template: the shopper's cart, with a button to checkout",
  "/search": "the search template: products, pages and articles matching ?q=",
  "/account/login": "the customers/login template: the login form (stores on legacy customer accounts)",
  "/account/register": "the customers/register template: the sign-up form",
  "/account/addresses":
    "the customers/addresses template: the customer's address book, to add, edit and delete addresses",
  "/account/logout": "no page: it logs the customer out and redirects to the home page",
};

/** The answer for a storefront route this module serves; undefined for any other path. */
export function answerShopRoute(storefront: Storefront, request: ShopRequest): ShopAnswer | undefined {
  const context = contextOf(storefront.store, request.locale);
  const { pathname, query } = request;
  if (pathname === "/account" && !query.get("customer")) return accountAnswer(context, request.referer);
  if (pathname.startsWith("/cart/")) return cartAnswer(context, pathname.slice("/cart/".length), query);
  const product = /^\/products\/([^/]+)$/.exec(pathname);
  if (product) return productAnswer(context, product[1], query.get("variant"));
  const collection = /^\/collections(?:\/([^/]+))?$/.exec(pathname);
  if (collection) return collectionAnswer(context, collection[1]);
  if (Object.hasOwn(STAND_INS, pathname)) return { status: 200, body: standInPage(context, pathname) };
  return undefined;
}

/** The 404 page for `path`, with the problems found in it when there are any. */
export function notFoundPage(path: string, problems: readonly string[] = []): string {
  const list = problems.length
    ? `<ul>${problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join("")}</ul>`
    : "";
  return page(
    "Not found",
    `<h1>Not found</h1><p>The studio has nothing at <code>${escapeHtml(path)}</code>.</p>${list}`,
  );
}

function contextOf(store: Store, locale: string | undefined): Context {
  const { money_format: format, currency } = store.shop;
  return {
    store,
    view: new StoreView(store, store.shop.primary_locale),
    localePath: locale ? `/${locale}` : "",
    money: (subunits) => formatMoney(subunits, format, currency),
    // The fixture's clock, as the theme pages use it, decides what is published.
    now: store.shop.now ? Date.parse(store.shop.now) : Date.now(),
  };
}

/** A 404 naming the path as the page's links write it (locale prefix included) and what is wrong with it. */
const notFound = (context: Context, path: string, problems: string[]): ShopAnswer => ({
  status: 404,
  body: notFoundPage(`${context.localePath}${path}`, problems),
});

/** A path segment as text; undefined when its percent-encoding is broken. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

// ---- /cart/VARIANT_ID:QUANTITY,… ----

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

const WHOLE = /^[0-9]+$/;
const AVAILABLE = "Available";

/**
 * Shopify documents the permalink as `/cart/VARIANT_ID:QUANTITY` items joined by commas. What it does with other
 * shapes (no quantity, a zero, spaces) is not documented, so the studio is strict: each item is exactly digits, a
 * colon and a whole quantity of at least 1, and anything else is named as a problem. A variant named twice gets
 * the two quantities added up, as Shopify's cart merges lines of one variant (and the page says so).
 */
function parsePermalink(view: StoreView, encoded: string): ParsedPermalink {
  const parsed: ParsedPermalink = { lines: [], repeated: [], problems: [] };
  if (encoded === "") parsed.problems.push("the permalink names no items: expected /cart/VARIANT_ID:QUANTITY,…");
  const byVariant = new Map<number, CartLine>();
  (encoded === "" ? [] : encoded.split(",")).forEach((raw, index) => {
    const item = decodeSegment(raw);
    const line = item === undefined ? `"${raw}": broken percent-encoding` : parseItem(view, item, index);
    if (typeof line === "string") return void parsed.problems.push(line);
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
  if (item === "") return `item ${index + 1} is empty: items are VARIANT_ID:QUANTITY separated by commas`;
  const parts = item.split(":");
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

function cartAnswer(context: Context, encoded: string, query: URLSearchParams): ShopAnswer {
  const parsed = parsePermalink(context.view, encoded);
  if (parsed.problems.length) return notFound(context, `/cart/${encoded}`, parsed.problems);
  return { status: 200, body: cartPage(context, parsed, query) };
}

function cartPage(context: Context, parsed: ParsedPermalink, query: URLSearchParams): string {
  const toCart = query.get("storefront") === "true";
  const lead = toCart
    ? "On Shopify this link fills the online store's cart with these items (storefront=true) instead of starting checkout."
    : "On Shopify this link starts checkout with these items.";
  const blocked = parsed.lines.filter(
    (line) => availability(context, line.product, line.variant, line.quantity) !== AVAILABLE,
  );
  const warning = blocked.length
    ? `<p class="warning"><strong>${blocked.length} of ${parsed.lines.length} ${blocked.length === 1 ? "line" : "lines"} cannot be bought as linked.</strong></p>`
    : "";
  const repeated = parsed.repeated.length
    ? `<p>Named more than once, quantities added up: ${parsed.repeated.map((id) => `variant ${id}`).join(", ")}.</p>`
    : "";
  const body =
    `<h1>Cart permalink</h1><p>${lead}</p>${warning}${cartTable(context, parsed.lines)}${repeated}` +
    "<p>Prices are the store fixture's current ones; discounts, shipping and taxes are worked out at checkout.</p>" +
    permalinkParameters(query);
  return page("Cart permalink", body, context.store);
}

function cartTable(context: Context, lines: readonly CartLine[]): string {
  const rows = lines.map(({ product, variant, quantity }) => {
    const status = availability(context, product, variant, quantity);
    return (
      `<tr${status === AVAILABLE ? "" : ' class="blocked"'}><th scope="row">${quantity} × ${productLink(context, product, variant)}</th>` +
      `<td>${context.money(variant.price)}</td><td>${context.money(variant.price * quantity)}</td><td>${escapeHtml(status)}</td></tr>`
    );
  });
  const total = lines.reduce((sum, line) => sum + line.variant.price * line.quantity, 0);
  return (
    "<table><caption>Items in this permalink</caption><thead><tr>" +
    '<th scope="col">Item</th><th scope="col">Unit price</th><th scope="col">Line total</th><th scope="col">Availability</th>' +
    `</tr></thead><tbody>${rows.join("")}</tbody>` +
    `<tfoot><tr><th scope="row" colspan="2">Total</th><td>${context.money(total)}</td><td></td></tr></tfoot></table>`
  );
}

/** What each documented permalink parameter asks Shopify to do; any other is listed as not documented. */
const PARAMETERS: [RegExp, (value: string, match: RegExpExecArray) => string][] = [
  [/^discount$/, (value) => `discount ${value}`],
  [/^note$/, (value) => `order note "${value}"`],
  [/^ref$/, (value) => `attribution ref ${value}`],
  [/^access_token$/, (value) => `sales channel access token ${value}`],
  [
    /^storefront$/,
    (value) => `storefront=${value}: ${value === "true" ? "the online store's cart instead of checkout" : "checkout"}`,
  ],
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
  const items = [...query].filter(([name]) => name !== "locale").map(([name, value]) => describeParameter(name, value));
  if (!items.length) return "";
  return `<h2>Shopify also applies</h2><ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
}

function describeParameter(name: string, value: string): string {
  for (const [pattern, describe] of PARAMETERS) {
    const match = pattern.exec(name);
    if (match) return describe(value, match);
  }
  return `${name}=${value} (not a cart permalink parameter Shopify documents)`;
}

/**
 * Whether the variant can be bought in that quantity, in words: unpublished products and sold-out variants cannot
 * be, and a tracked variant that does not keep selling has only its stock to sell.
 */
function availability(context: Context, product: Product, variant: Variant, quantity = 1): string {
  if (!isPublished(product, context.now)) return "Not published on the online store";
  if (!isInStock(variant)) return "Sold out";
  const stock = variant.inventory_quantity;
  if (variant.inventory_policy === "deny" && stock !== null && stock < quantity) return `Only ${stock} in stock`;
  return AVAILABLE;
}

// ---- /products/HANDLE ----

function productAnswer(context: Context, encoded: string, variantParam: string | null): ShopAnswer {
  const path = `/products/${encoded}`;
  const handle = decodeSegment(encoded);
  const product = handle === undefined ? undefined : context.view.product(handle);
  if (!product) return notFound(context, path, [`no product "${handle ?? encoded}" in the store`]);
  if (variantParam === null) return { status: 200, body: productPage(context, product, undefined) };
  const variant = product.variants.find(
    (candidate) => WHOLE.test(variantParam) && candidate.id === Number(variantParam),
  );
  if (!variant)
    return notFound(context, `${path}?variant=${variantParam}`, [
      `variant ${variantParam} is not a variant of "${product.handle}"`,
    ]);
  return { status: 200, body: productPage(context, product, variant) };
}

function productPage(context: Context, product: Product, selected: Variant | undefined): string {
  const notes = [
    isPublished(product, context.now) ? "" : "Not published: the online store does not show or sell it.",
    isGiftCard(product) ? "A gift card: Shopify emails its code after checkout." : "",
  ].filter(Boolean);
  const body =
    `<h1>${escapeHtml(product.title)}</h1><p>Vendor: ${escapeHtml(product.vendor)}</p>` +
    imageTag(productImage(product, selected)) +
    `<p class="price">${priceRange(context, product.variants)}</p>` +
    notes.map((note) => `<p class="warning">${escapeHtml(note)}</p>`).join("") +
    variantTable(context, product, selected) +
    `<h2>Description</h2><p>${escapeHtml(htmlText(product.description))}</p>` +
    "<p>On Shopify this URL serves the theme's product template; the studio shows the product as the store fixture has it.</p>";
  return page(product.title, body, context.store);
}

/** The selected variant's own image, else the product's first. */
function productImage(product: Product, selected: Variant | undefined): Image | undefined {
  const own = selected?.image ? product.images.find((image) => image.file === selected.image) : undefined;
  return own ?? product.images[0];
}

/** Same-origin, like the theme's images: the studio serves a placeholder for every fixture file. */
function imageTag(image: Image | undefined): string {
  if (!image) return "";
  const src = `/cdn/shop/files/${encodeURIComponent(image.file)}?width=600`;
  return `<img src="${escapeHtml(src)}" alt="${escapeHtml(image.alt ?? "")}" width="${image.width}" height="${image.height}">`;
}

function priceRange(context: Context, variants: readonly Variant[]): string {
  const prices = variants.map((variant) => variant.price);
  if (!prices.length) return "No variants";
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? context.money(low) : `${context.money(low)} – ${context.money(high)}`;
}

function variantTable(context: Context, product: Product, selected: Variant | undefined): string {
  const rows = product.variants.map((variant) => {
    const current = variant === selected;
    const was =
      variant.compare_at_price !== null && variant.compare_at_price > variant.price
        ? ` (was ${context.money(variant.compare_at_price)})`
        : "";
    return (
      `<tr${current ? ' aria-current="true" class="selected"' : ""}><th scope="row">${escapeHtml(variant.title)}${current ? " (linked)" : ""}</th>` +
      `<td>${context.money(variant.price)}${was}</td><td>${escapeHtml(availability(context, product, variant))}</td></tr>`
    );
  });
  return (
    '<table><caption>Variants</caption><thead><tr><th scope="col">Variant</th><th scope="col">Price</th><th scope="col">Availability</th></tr></thead>' +
    `<tbody>${rows.join("")}</tbody></table>`
  );
}

/** "Cedar Candle — 8 oz", linked to its product page; a product without options has no variant title to show. */
function productLink(context: Context, product: Product, variant: Variant): string {
  const href = `${context.localePath}/products/${encodeURIComponent(product.handle)}?variant=${variant.id}`;
  const name = product.options.length ? `${product.title} — ${variant.title}` : product.title;
  return `<a href="${escapeHtml(href)}">${escapeHtml(name)}</a>`;
}

const liquid = new Liquid();
const STRIP_HTML = liquid.parse("{{ html | strip_html }}");

/**
 * A description is HTML (as Shopify's `product.description`); the studio shows its text only, so markup in a
 * fixture (a `<script>`, an `onerror`) is never run here, where the backend answers on the same origin.
 */
function htmlText(html: string): string {
  return liquid.renderSync(STRIP_HTML, { html }).trim();
}

// ---- /collections, /collections/HANDLE ----

function collectionAnswer(context: Context, encoded: string | undefined): ShopAnswer {
  if (encoded === undefined) return { status: 200, body: collectionsPage(context) };
  const handle = decodeSegment(encoded);
  if (handle === "all") return { status: 200, body: productsPage(context, "All products", "", context.store.products) };
  const collection =
    handle === undefined ? undefined : context.store.collections.find((candidate) => candidate.handle === handle);
  if (!collection)
    return notFound(context, `/collections/${encoded}`, [`no collection "${handle ?? encoded}" in the store`]);
  return {
    status: 200,
    body: productsPage(context, collection.title, collection.description, productsOf(context, collection)),
  };
}

function productsOf(context: Context, collection: Collection): Product[] {
  return collection.products.map((handle) => context.view.product(handle)).filter((product) => product !== undefined);
}

function collectionsPage(context: Context): string {
  const items = context.store.collections.map((collection) => {
    const href = `${context.localePath}/collections/${encodeURIComponent(collection.handle)}`;
    return `<li><a href="${escapeHtml(href)}">${escapeHtml(collection.title)}</a></li>`;
  });
  const body =
    "<h1>Collections</h1><p>On Shopify this URL serves the list-collections template; the studio lists the store fixture's collections.</p>" +
    `<ul>${items.join("")}</ul>`;
  return page("Collections", body, context.store);
}

function productsPage(context: Context, title: string, description: string, products: readonly Product[]): string {
  const items = products.map((product) => {
    const href = `${context.localePath}/products/${encodeURIComponent(product.handle)}`;
    return `<li><a href="${escapeHtml(href)}">${escapeHtml(product.title)}</a> — ${priceRange(context, product.variants)}</li>`;
  });
  const text = htmlText(description);
  const body =
    `<h1>${escapeHtml(title)}</h1>${text ? `<p>${escapeHtml(text)}</p>` : ""}` +
    "<p>On Shopify this URL serves the theme's collection template; the studio lists its products from the store fixture.</p>" +
    `<ul>${items.join("")}</ul>`;
  return page(title, body, context.store);
}

// ---- /account without ?customer=, and the stand-ins ----

/**
 * Shopify's `/account` is the logged-in customer's page; the studio names the customer with `?customer=`. Coming
 * from one of the studio's order pages (the "Back to account" link) it opens that order's customer, else it asks.
 */
function accountAnswer(context: Context, referer: string | undefined): ShopAnswer {
  const customer = refererCustomer(context.store, referer);
  const href = (handle: string) => `${context.localePath}/account?customer=${encodeURIComponent(handle)}`;
  if (customer) return { status: 302, body: "", location: href(customer) };
  const items = context.store.customers.map(
    (candidate) =>
      `<li><a href="${escapeHtml(href(candidate.handle))}">${escapeHtml(candidate.handle)}</a> — ${escapeHtml(candidate.description)}</li>`,
  );
  const body =
    "<h1>Account</h1><p>On Shopify, /account shows the logged-in customer's customers/account page. " +
    "The studio has no login: choose whose account to open.</p>" +
    `<ul>${items.join("")}</ul>`;
  return { status: 200, body: page("Account", body, context.store) };
}

/** The customer of the order page the request came from, if it came from one. */
function refererCustomer(store: Store, referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  const pathname = URL.canParse(referer) ? new URL(referer).pathname : "";
  const order = /\/account\/orders\/([^/]+)$/.exec(pathname);
  const reference = order ? decodeSegment(order[1]) : undefined;
  return reference === undefined ? undefined : findOrder(store, reference)?.customer.handle;
}

function standInPage(context: Context, path: string): string {
  const body =
    `<h1><code>${escapeHtml(path)}</code></h1><p>On Shopify this URL serves ${escapeHtml(STAND_INS[path])}.</p>` +
    "<p>The studio previews the customers/account and customers/order pages and the extensions; this route has no preview.</p>";
  return page(path, body, context.store);
}

// ---- the page shell ----

const STYLE =
  "body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1f1f1f}a{color:#0b57d0}" +
  "table{border-collapse:collapse;margin-block:1rem}caption{text-align:start;font-weight:600}" +
  "th,td{text-align:start;padding:.25rem .75rem .25rem 0;border-bottom:1px solid #ddd}" +
  "img{max-width:100%;height:auto;max-height:20rem;width:auto}.warning,.blocked{color:#8a1c1c}.selected{background:#eef3fd}";

function page(title: string, main: string, store?: Store): string {
  const fullTitle = store ? `${title} — ${store.shop.name}` : title;
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(fullTitle)}</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>` +
    `<body><main>${main}<p><a href="/">All scenarios</a></p></main></body></html>`
  );
}
