/**
 * "Buy again": the core's `buyAgain` list, one row per replenishable product the customer kept,
 * each with when it runs out and a "Buy now" button: a cart permalink, which in customer accounts opens
 * checkout with the usual quantity (https://shopify.dev/docs/apps/build/checkout/create-cart-permalinks), so the
 * button says so rather than "Add to cart". The theme's Buy again, on the online store, adds to the cart.
 */
import type { BuyAgainItem } from '../../core/src/recommendations.ts';
import { cartPermalink } from '../../shared/src/cart.ts';
import { imageOf } from './cart.ts';
import { ProductRow, ProductSection } from './product-row.tsx';
import type { Words } from './words.ts';

export interface BuyAgainProps {
  items: readonly BuyAgainItem[];
  heading: string;
  /** Where the cart lives; without it the rows show but cannot link to a cart. */
  storefrontUrl: string | null;
  /** Currency of the products' prices; null: no prices (a B2B buyer's are the company's). */
  currency: string | null;
  /** Image file → the URL the Storefront API served it from. */
  imageUrls: ReadonlyMap<string, string>;
  words: Words;
}

export function BuyAgain({ items, heading, storefrontUrl, currency, imageUrls, words }: BuyAgainProps) {
  if (items.length === 0) return null;
  return (
    <ProductSection heading={heading}>
      {items.map((item) => (
        <BuyAgainRow key={item.product.handle} item={item} storefrontUrl={storefrontUrl} currency={currency} imageUrls={imageUrls} words={words} />
      ))}
    </ProductSection>
  );
}

function BuyAgainRow({ item, storefrontUrl, currency, imageUrls, words }: { item: BuyAgainItem; storefrontUrl: string | null; currency: string | null; imageUrls: ReadonlyMap<string, string>; words: Words }) {
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
      {currency !== null && <s-text>{words.money(variant.price, currency)}</s-text>}
      <s-text color="subdued">
        {item.due ? words.t('buy_again.due_now') : words.t('buy_again.due_on', { date: words.date(item.dueAt) })}
      </s-text>
      <s-text color="subdued">{words.t('buy_again.last_ordered', { date: words.date(item.lastOrderedAt) })}</s-text>
    </ProductRow>
  );
}
