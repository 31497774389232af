/**
 * /products/HANDLE?variant=ID: the product as the fixture has it (image, price range, variants and their stock),
 * and the product helpers the cart and collection pages reuse: availability, price range, a link to the product.
 */
import { isGiftCard, isPublished } from '@encore/core/catalog.ts';
import { availableForSale } from '@encore/fixtures/availability.ts';
import { escapeHtml } from '@encore/liquid/filters/html.ts';
import type { Image, Product, Variant } from '@encore/fixtures/types.ts';
import { bdi, decodeSegment, htmlText, notFound, page, scrollingTable, WHOLE, type Context, type ShopAnswer } from './page.ts';

export const AVAILABLE = 'Available';

export function productAnswer(context: Context, encoded: string, variantParam: string | null): ShopAnswer {
  const path = `/products/${encoded}`;
  const handle = decodeSegment(encoded);
  const product = handle === undefined ? undefined : context.view.product(handle);
  if (!product) return notFound(context, path, [`no product "${handle ?? encoded}" in the store`]);
  if (variantParam === null) return { status: 200, body: productPage(context, product, undefined) };
  const variant = product.variants.find((candidate) => WHOLE.test(variantParam) && candidate.id === Number(variantParam));
  if (!variant) return notFound(context, `${path}?variant=${variantParam}`, [`variant ${variantParam} is not a variant of "${product.handle}"`]);
  return { status: 200, body: productPage(context, product, variant) };
}

function productPage(context: Context, product: Product, selected: Variant | undefined): string {
  const notes = [
    isPublished(product, context.now) ? '' : 'Not published: the online store does not show or sell it.',
    isGiftCard(product) ? 'A gift card: Shopify emails its code after checkout.' : '',
  ].filter(Boolean);
  const body =
    `<h1>${bdi(product.title)}</h1><p>Vendor: ${bdi(product.vendor)}</p>` +
    imageTag(productImage(product, selected)) +
    `<p class="price">${priceRange(context, product.variants)}</p>` +
    notes.map((note) => `<p class="warning">${escapeHtml(note)}</p>`).join('') +
    variantTable(context, product, selected) +
    `<h2>Description</h2><p>${bdi(htmlText(product.description))}</p>` +
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
  if (!image) return '';
  const src = `/cdn/shop/files/${encodeURIComponent(image.file)}?width=600`;
  return `<img src="${escapeHtml(src)}" alt="${escapeHtml(image.alt ?? '')}" width="${image.width}" height="${image.height}">`;
}

export function priceRange(context: Context, variants: readonly Variant[]): string {
  const prices = variants.map((variant) => variant.price);
  if (!prices.length) return 'No variants';
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? context.money(low) : `${context.money(low)} – ${context.money(high)}`;
}

function variantTable(context: Context, product: Product, selected: Variant | undefined): string {
  const rows = product.variants.map((variant) => {
    const current = variant === selected;
    const was = variant.compare_at_price !== null && variant.compare_at_price > variant.price ? ` (was ${context.money(variant.compare_at_price)})` : '';
    return (
      `<tr${current ? ' aria-current="true" class="selected"' : ''}><th scope="row">${bdi(variant.title)}${current ? ' (linked)' : ''}</th>` +
      `<td>${context.money(variant.price)}${was}</td><td>${escapeHtml(availability(context, product, variant))}</td></tr>`
    );
  });
  return scrollingTable(
    '<table><caption>Variants</caption><thead><tr><th scope="col">Variant</th><th scope="col">Price</th><th scope="col">Availability</th></tr></thead>' +
      `<tbody>${rows.join('')}</tbody></table>`,
  );
}

/**
 * How many of `wanted` the online store can sell: none of an unpublished product or a sold-out variant, and of a
 * tracked variant that does not keep selling, only its stock.
 */
export function sellableQuantity(context: Context, product: Product, variant: Variant, wanted: number): number {
  // The studio's cart stands in for Shopify's, so it asks Shopify's availability (the fixtures' one rule), not the core's.
  if (!isPublished(product, context.now) || !availableForSale(variant)) return 0;
  const stock = variant.inventory_quantity;
  return variant.inventory_policy === 'deny' && stock !== null ? Math.min(wanted, stock) : wanted;
}

/** Whether the variant can be bought in that quantity, in words. */
export function availability(context: Context, product: Product, variant: Variant, quantity = 1): string {
  if (!isPublished(product, context.now)) return 'Not published on the online store';
  const sellable = sellableQuantity(context, product, variant, quantity);
  if (sellable === 0) return 'Sold out';
  return sellable < quantity ? `Only ${sellable} in stock` : AVAILABLE;
}

/**
 * "Cedar Candle — 8 oz", linked to its product page; a product without options has no variant title to show. Each
 * title is isolated on its own, so that one cannot reorder the other.
 */
export function productLink(context: Context, product: Product, variant: Variant): string {
  const href = `${context.localePath}/products/${encodeURIComponent(product.handle)}?variant=${variant.id}`;
  const name = product.options.length ? `${bdi(product.title)} — ${bdi(variant.title)}` : bdi(product.title);
  return `<a href="${escapeHtml(href)}">${name}</a>`;
}
