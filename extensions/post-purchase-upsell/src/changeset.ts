/**
 * The change the page asks Shopify to price (`calculateChangeset`) and the breakdown read back from it.
 * The signed change the backend returns is what Shopify applies; this one only shows the buyer what that
 * will cost, so it carries the backend's discount as the backend states it (a percentage, or a fixed
 * amount in major units), never one of the page's own.
 */
import type { PostPurchaseRenderApi } from '@shopify/post-purchase-ui-extensions';
import type { PostPurchaseOffer, PostPurchaseOfferVariant } from '@encore/shopify-apis/post-purchase/offer-contract.ts';

type Changeset = Exclude<Parameters<PostPurchaseRenderApi['calculateChangeset']>[0], string>;
type Calculated = Awaited<ReturnType<PostPurchaseRenderApi['calculateChangeset']>>;
type CalculatedPurchase = NonNullable<Calculated['calculatedPurchase']>;

export function offerChangeset(offer: PostPurchaseOffer, variant: PostPurchaseOfferVariant, quantity: number): Changeset {
  const change: Changeset['changes'][number] = { type: 'add_variant', variantId: variant.id, quantity };
  if (offer.discount && offer.discount.value > 0) {
    change.discount = { value: offer.discount.value, valueType: offer.discount.type, title: offer.title };
  }
  return { changes: [change] };
}

/** What accepting adds, in the presentment currency: decimal strings as Shopify sends them. */
export interface Breakdown {
  /** The added line after its discount; null when Shopify's answer has no line for the variant. */
  subtotal: string | null;
  shipping: string;
  taxes: string;
  /** What the buyer's payment method is charged now. */
  total: string;
  currencyCode: string;
}

export function breakdownOf(purchase: CalculatedPurchase, variantId: number): Breakdown {
  const line = purchase.updatedLineItems.find((item) => item.variantId === variantId);
  return {
    subtotal: line ? line.totalPriceSet.presentmentMoney.amount : null,
    shipping: addDecimals(purchase.addedShippingLines.map((shipping) => shipping.priceSet.presentmentMoney.amount)),
    taxes: addDecimals(purchase.addedTaxLines.map((tax) => tax.priceSet.presentmentMoney.amount)),
    total: purchase.totalOutstandingSet.presentmentMoney.amount,
    currencyCode: purchase.totalOutstandingSet.presentmentMoney.currencyCode,
  };
}

/** Sum of decimal strings without float error ("0.10" + "0.20" is "0.30"), at the widest precision given. */
export function addDecimals(amounts: string[]): string {
  const places = Math.max(0, ...amounts.map(decimalPlaces));
  const total = amounts.reduce((sum, amount) => sum + scaled(amount, places), 0);
  return format(total, places);
}

function decimalPlaces(amount: string): number {
  const dot = amount.indexOf('.');
  return dot === -1 ? 0 : amount.length - dot - 1;
}

/** The amount in units of 10^-places, as an integer (the CLI builds for ES6: no BigInt). */
function scaled(amount: string, places: number): number {
  const negative = amount.startsWith('-');
  const [whole, fraction = ''] = amount.replace(/^[-+]/, '').split('.');
  const value = Number(`${whole || '0'}${fraction.padEnd(places, '0')}`);
  return negative ? -value : value;
}

function format(value: number, places: number): string {
  const negative = value < 0;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}
