/**
 * The merchant's settings (shopify.extension.toml `[extensions.settings]`), read defensively: the
 * editor validates them, but an extension must still render with missing or odd values.
 */

export const DEFAULT_OFFER_COUNT = 2;
export const MAX_OFFER_COUNT = 4;

export interface ThankYouSettings {
  /** Heading above the offers; empty means the translated default. */
  offersHeading: string;
  /** Discount code applied by the "Add to a new order" link; empty for none. */
  discountCode: string;
  /** How many offers to show, 1–4. */
  offerCount: number;
  /** The shop only authorizes cards at checkout and charges them later (capture on fulfillment or by hand). */
  cardsChargedLater: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function readSettings(values: Readonly<Record<string, unknown>> | null | undefined): ThankYouSettings {
  const settings = values ?? {};
  const count = typeof settings.offers_count === 'number' ? settings.offers_count : Number(text(settings.offers_count) || Number.NaN);
  return {
    offersHeading: text(settings.offers_heading),
    discountCode: text(settings.offers_discount_code),
    offerCount: Number.isInteger(count) ? Math.min(MAX_OFFER_COUNT, Math.max(1, count)) : DEFAULT_OFFER_COUNT,
    cardsChargedLater: settings.cards_charged_later === true || settings.cards_charged_later === 'true',
  };
}
