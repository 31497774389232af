/**
 * The Encore backend's post-purchase wire contract: what `POST /api/post-purchase/offers` answers, one
 * definition for both ends. The backend (app/post-purchase/offers.ts) builds it from the core's picks; the
 * post-purchase extension (extensions/post-purchase-upsell/src/backend.ts) checks an answer against it and
 * shows it. Prices are decimal strings in the presentment currency, as Shopify's changesets write them.
 */
import type { ShopMoneyFormat } from '@encore/core/money.ts';

/** One offer for the purchase, as the extension is given it. */
export interface PostPurchaseOffer {
  id: string;
  /** The offer's title in the buyer's language. */
  title: string;
  product: { title: string; imageUrl: string | null };
  variants: PostPurchaseOfferVariant[];
  currencyCode: string;
  quantity: { default: number; max: number };
  /** A fixed amount is in major units of the presentment currency. */
  discount: { type: 'percentage' | 'fixed_amount'; value: number } | null;
  /** The offer shown after accepting or declining this one; null = on to the thank-you page. */
  next: { accepted: string | null; declined: string | null };
  countdownSeconds: number | null;
  /** The shop's money format, so amounts read as the theme writes them; null when the shop gave none. */
  moneyFormat: ShopMoneyFormat | null;
}

export interface PostPurchaseOfferVariant {
  id: number;
  title: string;
  price: string;
  discountedPrice: string;
}

/** The body of the offers answer. */
export interface PostPurchaseOffersAnswer {
  offers: PostPurchaseOffer[];
}

/**
 * What the page tells `POST /api/post-purchase/events` of an offer, `{ token, offerId, event }`: shown, declined,
 * or applied (Shopify took the signed change). Accepted is the backend's own record, made when it signs.
 */
export type PostPurchaseOfferEvent = 'shown' | 'declined' | 'applied';
