/**
 * Shopify's cart permalink: `https://shop.example/cart/VARIANT:QUANTITY,VARIANT:QUANTITY?discount=CODE` opens the
 * online store with a new cart holding exactly those units (and the code applied). The theme's Buy again links
 * are the same URLs, written in Liquid.
 */

export interface CartItem {
  variantId: number;
  quantity: number;
}

/** The permalink for `items` (whole units, at least 1 each); with no usable item, the cart page itself. */
export function cartPermalink(storefrontUrl: string, items: readonly CartItem[], discountCode = ''): string {
  const parts = items.filter((item) => item.variantId > 0 && item.quantity > 0).map((item) => item.variantId + ':' + Math.max(1, Math.floor(item.quantity)));
  return storefrontUrl.replace(/\/+$/, '') + '/cart' + (parts.length ? '/' + parts.join(',') : '') + (discountCode ? '?discount=' + encodeURIComponent(discountCode) : '');
}
