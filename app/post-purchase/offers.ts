/**
 * The offers one verified purchase qualifies for, chosen by the core's rules
 * (`selectOffers`, `offerFunnel`) against the validated offer config, and what
 * the extension is given to show them: the wire contract's PostPurchaseOffer
 * (@encore/shopify-apis/post-purchase/offer-contract.ts). Prices come from the
 * core's `offerPrice` and are decimal strings in the presentment currency.
 */
import { decimalAmount } from '@encore/core/money.ts';
import { offerText, type OfferConfig } from '@encore/core/offer-config.ts';
import { offerFunnel, offerPrice, selectOffers, type OfferPick } from '@encore/core/offers.ts';
import { postPurchaseSkip } from '@encore/core/post-purchase-page.ts';
import type { PostPurchaseOffer } from '@encore/shopify-apis/post-purchase/offer-contract.ts';
import type { Purchase } from './purchase.ts';
import type { CatalogNeeds, CatalogSlice, PurchaseFacts } from './shop.ts';
import type { AddVariantChange } from './token.ts';

/** What the config's offers read of the catalog for a purchase of `productIds`. */
export function catalogNeeds(config: OfferConfig, productIds: number[]): CatalogNeeds {
  return {
    orderedProductIds: productIds,
    offeredVariantIds: config.offers.map((offer) => offer.action.variant_id),
    collectionHandles: config.offers.flatMap((offer) => offer.trigger.collection ?? []),
  };
}

export function picksFor(purchase: Purchase, config: OfferConfig, slice: CatalogSlice, facts: PurchaseFacts): OfferPick[] {
  // An order Shopify shows no post-purchase page for gets no offer and no signature. The rule is the core's
  // (post-purchase-page.ts); the currencies are the verified token's own. An order the Admin API cannot find yet
  // leaves Shopify's decision standing: it showed the page.
  if (facts.order && postPurchaseSkip({ ...facts.order, currency: purchase.presentmentCurrency, shopCurrency: purchase.shopCurrency }) !== null) return [];
  return selectOffers({ config, products: slice.products, collections: slice.collections, order: purchase.order, customer: facts.customer });
}

export function offerViews(picks: OfferPick[], purchase: Purchase, shop: CatalogSlice): PostPurchaseOffer[] {
  const funnel = offerFunnel(picks);
  const money = (shopSubunits: number) => decimalAmount(Math.round(shopSubunits * purchase.rate), purchase.presentmentCurrency);
  return picks.map((pick) => {
    const discount = pick.offer.action.discount;
    return {
      id: pick.offer.id,
      title: offerText(pick.offer.title, purchase.locale, shop.primaryLocale),
      product: { title: pick.product.title, imageUrl: shop.imageUrl(pick.product, pick.variant) },
      variants: [{ id: pick.variant.id, title: pick.variant.title, price: money(pick.price), discountedPrice: money(offerPrice(pick.price, discount)) }],
      currencyCode: purchase.presentmentCurrency,
      quantity: { default: pick.quantity, max: pick.maxQuantity },
      discount:
        discount === null
          ? null
          : discount.type === 'percentage'
            ? { type: 'percentage', value: discount.value }
            : { type: 'fixed_amount', value: Number(money(discount.value)) },
      next: funnel.get(pick.offer.id) ?? { accepted: null, declined: null },
      countdownSeconds: pick.offer.countdown_seconds ?? null,
      moneyFormat: shop.moneyFormat,
    };
  });
}

/**
 * The change for an accepted offer, from the server's own pick only: its
 * variant, the quantity already checked against its limits, and its discount
 * in Shopify's changeset shape. A fixed amount is written in major units of
 * the shop currency, the currency the config states it in.
 */
export function changeFor(pick: OfferPick, quantity: number, shopCurrency: string, title: string = offerText(pick.offer.title, '', '')): AddVariantChange {
  const discount = pick.offer.action.discount;
  const change: AddVariantChange = { type: 'add_variant', variantId: pick.variant.id, quantity };
  if (discount && discount.value > 0) {
    change.discount = {
      value: discount.type === 'percentage' ? discount.value : Number(decimalAmount(discount.value, shopCurrency)),
      valueType: discount.type,
      // The title the buyer was shown (their language): Shopify shows it with the discount on the order.
      title,
    };
  }
  return change;
}
