/**
 * "Buy again": the core's `buyAgain` list, one row per replenishable product the customer kept,
 * each with when it runs out and a "Buy now" button: a cart permalink, which in customer accounts opens
 * checkout with the usual quantity (https://shopify.dev/docs/apps/build/checkout/create-cart-permalinks), so the
 * button says so rather than "Add to cart". The theme's Buy again, on the online store, adds to the cart.
 */
import type { BuyAgainItem } from '@encore/core/recommendations.ts';
import { cartPermalink } from '@encore/shopify-apis/cart.ts';
import { imageOf } from './cart.ts';
import { PriceText, ProductRow, ProductSection } from './product-row.tsx';
import type { Words } from './words.ts';

export interface BuyAgainProps {
  items: readonly BuyAgainItem[];
  heading: string;
  /** Where the cart lives; without it the rows show but cannot link to a cart. */
  storefrontUrl: string | null;
  /** Currency of the products' prices. */
  currency: string;
  /** Image file → the URL the Storefront API served it from. */
  imageUrls: ReadonlyMap<string, string>;
  /** The customer pays company (B2B) prices, which the rows cannot read: they show none. */
  companyPrices: boolean;
  words: Words;
}

export function BuyAgain({ items, heading, storefrontUrl, currency, imageUrls, companyPrices, words }: BuyAgainProps) {
  if (items.length === 0) return null;
  return (
    <ProductSection heading={heading}>
      {items.map((item) => (
        <BuyAgainRow
          key={item.product.handle}
          item={item}
          storefrontUrl={storefrontUrl}
          currency={currency}
          imageUrls={imageUrls}
          companyPrices={companyPrices}
          words={words}
        />
      ))}
    </ProductSection>
  );
}

function BuyAgainRow({
  item,
  storefrontUrl,
  currency,
  imageUrls,
  companyPrices,
  words,
}: {
  item: BuyAgainItem;
  storefrontUrl: string | null;
  currency: string;
  imageUrls: ReadonlyMap<string, string>;
  companyPrices: boolean;
  words: Words;
}) {
  const { product, variant, quantity } = item;
  const image = imageOf(product, variant, imageUrls);
  const button =
    storefrontUrl === null ? null : (
      <s-button
        href={cartPermalink(storefrontUrl, [{ variantId: variant.id, quantity }])}
        accessibilityLabel={words.t('buy_again.add_label', { count: quantity, product: product.title })}
      >
        {words.t('buy_again.add')}
      </s-button>
    );
  return (
    <ProductRow image={image} button={button}>
      <s-text type="strong">{product.title}</s-text>
      {(product.options ?? []).length > 0 && <s-text color="subdued">{variant.title}</s-text>}
      {/* The row names the variant its button buys: that variant's price, not the product's range. */}
      <PriceText product={product} variant={variant} companyPrices={companyPrices} currency={currency} words={words} />
      <s-text color="subdued">{item.due ? words.t('buy_again.due_now') : words.t('buy_again.due_on', { date: words.date(item.dueAt) })}</s-text>
      <s-text color="subdued">{words.t('buy_again.last_ordered', { date: words.date(item.lastOrderedAt) })}</s-text>
    </ProductRow>
  );
}
