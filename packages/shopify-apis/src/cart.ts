/**
 * Shopify's cart permalink: `https://shop.example/cart/VARIANT:QUANTITY,VARIANT:QUANTITY?discount=CODE` opens
 * checkout with exactly those units (and the code applied), not the customer's cart
 * (https://shopify.dev/docs/apps/build/checkout/create-cart-permalinks): buttons using it say they go to checkout.
 * The theme's order-page Buy again is the same URL, written in Liquid.
 */

export interface CartItem {
  variantId: number;
  quantity: number;
}

/** The permalink for `items` (whole units, at least 1 each); with no usable item, the cart page itself. */
export function cartPermalink(storefrontUrl: string, items: readonly CartItem[], discountCode = ''): string {
  const parts = items.filter((item) => item.variantId > 0 && item.quantity > 0).map((item) => item.variantId + ':' + Math.max(1, Math.floor(item.quantity)));
  return (
    storefrontUrl.replace(/\/+$/, '') +
    '/cart' +
    (parts.length ? '/' + parts.join(',') : '') +
    (discountCode ? '?discount=' + encodeURIComponent(discountCode) : '')
  );
}
