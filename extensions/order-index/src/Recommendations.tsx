/**
 * Products picked for the customer: the core's `recommendProducts`, each with the reason the
 * theme gives ("Because you bought …"), or, for Shopify's own suggestions that the customer's
 * history does not explain, the theme's wording for related products. The button is a cart permalink, which opens
 * checkout with one unit: it says "Buy now", not "Add to cart".
 */
import type { Recommendation } from '../../core/src/recommendations.ts';
import { cartPermalink } from '../../shared/src/cart.ts';
import { imageOf, productUrl } from './cart.ts';
import { ProductRow, ProductSection } from './product-row.tsx';
import type { Words } from './words.ts';

export interface RecommendationsProps {
  picks: readonly Recommendation[];
  heading: string;
  storefrontUrl: string | null;
  /** null: no prices (a B2B buyer's are the company's). */
  currency: string | null;
  /** Image file → the URL the Storefront API served it from. */
  imageUrls: ReadonlyMap<string, string>;
  words: Words;
}

export function Recommendations({ picks, heading, storefrontUrl, currency, imageUrls, words }: RecommendationsProps) {
  if (picks.length === 0) return null;
  return (
    <ProductSection heading={heading}>
      {picks.map((pick) => (
        <RecommendationCard key={pick.product.handle} pick={pick} storefrontUrl={storefrontUrl} currency={currency} imageUrls={imageUrls} words={words} />
      ))}
    </ProductSection>
  );
}

export function reasonText(pick: Recommendation, words: Words): string {
  return pick.reason.because !== undefined
    ? words.t('recommendations.reason_because', { product: pick.reason.because.title })
    : words.t('recommendations.reason_related');
}

function RecommendationCard({ pick, storefrontUrl, currency, imageUrls, words }: { pick: Recommendation; storefrontUrl: string | null; currency: string | null; imageUrls: ReadonlyMap<string, string>; words: Words }) {
  const { product, variant } = pick;
  const image = imageOf(product, variant, imageUrls);
  const button =
    storefrontUrl === null ? null : (
      <s-button
        variant="secondary"
        href={cartPermalink(storefrontUrl, [{ variantId: variant.id, quantity: 1 }])}
        accessibilityLabel={words.t('recommendations.add_label', { product: product.title })}
      >
        {words.t('recommendations.add')}
      </s-button>
    );
  return (
    <ProductRow image={image} button={button}>
      {storefrontUrl !== null ? (
        <s-link href={productUrl(storefrontUrl, product)}>{product.title}</s-link>
      ) : (
        <s-text type="strong">{product.title}</s-text>
      )}
      <s-text color="subdued">{reasonText(pick, words)}</s-text>
      {currency !== null && <s-text>{words.money(variant.price, currency)}</s-text>}
    </ProductRow>
  );
}
