/**
 * Up to N offers, each with an "Add to a new order" cart permalink. The caller publishes impressions when
 * it hands the offers over, and clicks through `onClick`.
 */
import type { Offer } from './offers.ts';
import type { Words } from '@encore/core/words.ts';

export interface OffersProps {
  words: Words;
  heading: string;
  /** null while loading (at most 1.5 s); an empty list renders nothing. */
  offers: Offer[] | null;
  currency: string;
  discountCode: string;
  onClick: (offer: Offer, position: number) => void;
}

export function Offers({ words, heading, offers, currency, discountCode, onClick }: OffersProps) {
  const { t } = words;

  if (offers === null) {
    return (
      <s-section heading={heading}>
        <s-skeleton-paragraph />
      </s-section>
    );
  }
  if (offers.length === 0) return null;
  return (
    <s-section heading={heading}>
      <s-stack gap="base">
        {discountCode ? <s-text color="subdued">{t('offers.discount', { code: discountCode })}</s-text> : null}
        {offers.map((offer, index) => (
          <s-stack key={offer.product.handle} direction="inline" gap="base" alignItems="center">
            {offer.imageUrl ? <s-product-thumbnail src={offer.imageUrl} alt={offer.product.title} /> : null}
            <s-stack gap="small-400">
              <s-text type="strong">{offer.product.title}</s-text>
              {offer.product.options.length > 0 ? <s-text color="subdued">{offer.variant.title}</s-text> : null}
              <s-text>{words.money(offer.variant.price, currency)}</s-text>
              {offer.reason.kind !== 'popular' ? <s-text color="subdued">{t('offers.because', { product: offer.reason.because.title })}</s-text> : null}
              <s-button variant="secondary" href={offer.permalink} target="_blank" onClick={() => onClick(offer, index + 1)}>
                {t('offers.add')}
              </s-button>
            </s-stack>
          </s-stack>
        ))}
      </s-stack>
    </s-section>
  );
}
