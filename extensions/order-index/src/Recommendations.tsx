/**
 * Products picked for the customer: the core's `recommendProducts`, each with the reason the
 * theme gives ("Because you bought …"), or, for Shopify's own suggestions that the customer's
 * history does not explain, the theme's wording for related products. The button is a cart permalink, which opens
 * checkout with one unit: it says "Buy now", not "Add to cart".
 */
import type { Recommendation } from '@encore/core/recommendations.ts';
import { cartPermalink } from '@encore/shopify-apis/cart.ts';
import { imageOf, productUrl } from './cart.ts';
import { PriceText, ProductRow, ProductSection } from './product-row.tsx';
import type { Words } from './words.ts';

export interface RecommendationsProps {
  picks: readonly Recommendation[];
  heading: string;
  storefrontUrl: string | null;
  currency: string;
  /** Image file → the URL the Storefront API served it from. */
  imageUrls: ReadonlyMap<string, string>;
  /** The customer pays company (B2B) prices, which the rows cannot read: they show none. */
  companyPrices: boolean;
  words: Words;
}

export function Recommendations({ picks, heading, storefrontUrl, currency, imageUrls, companyPrices, words }: RecommendationsProps) {
  if (picks.length === 0) return null;
  return (
    <ProductSection heading={heading}>
      {picks.map((pick) => (
        <RecommendationCard
          key={pick.product.handle}
          pick={pick}
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

export function reasonText(pick: Recommendation, words: Words): string {
  return pick.reason.because !== undefined
    ? words.t('recommendations.reason_because', { product: pick.reason.because.title })
    : words.t('recommendations.reason_related');
}

function RecommendationCard({
  pick,
  storefrontUrl,
  currency,
  imageUrls,
  companyPrices,
  words,
}: {
  pick: Recommendation;
  storefrontUrl: string | null;
  currency: string;
  imageUrls: ReadonlyMap<string, string>;
  companyPrices: boolean;
  words: Words;
}) {
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
      {storefrontUrl !== null ? <s-link href={productUrl(storefrontUrl, product)}>{product.title}</s-link> : <s-text type="strong">{product.title}</s-text>}
      <s-text color="subdued">{reasonText(pick, words)}</s-text>
      {/* The card names the product, not a variant: "From" its lowest price where its variants differ, as the theme's card. */}
      <PriceText product={product} companyPrices={companyPrices} currency={currency} words={words} />
    </ProductRow>
  );
}
