/**
 * Whether Shopify shows the post-purchase page for an order at all. The page
 * charges the buyer's payment method again without asking for it, so Shopify
 * only surfaces it where that is possible; Encore must neither offer nor sign
 * anything for an order Shopify would skip (the backend answers no offers,
 * ShouldRender answers `render: false`, and the studio says why).
 *
 * What shopify.dev documents ("Limitations and considerations",
 * https://shopify.dev/docs/apps/build/checkout/product-offers):
 * - the page is not surfaced when the buyer checked out with an installment or
 *   wallet service (Klarna, Affirm, Afterpay, Apple Pay, Amazon Pay, Google
 *   Pay), or when the initial purchase was paid with a gift card or any payment
 *   method other than a credit card;
 * - upsell offers are not surfaced on orders with duties, nor on orders in
 *   more than one currency (presentment currency other than the shop's);
 * - third-party providers that must retain the card's CVV (Braintree, Payflow
 *   Pro, PayPal Payments Pro, Eway) are not supported: that is the shop's
 *   gateway setup, which an order alone does not show, so Encore cannot model it.
 *
 * What Encore assumes where shopify.dev says nothing:
 * - B2B orders (bought for a company) are skipped: B2B checkouts may end on
 *   payment terms or as a draft for review, and Shopify documents no
 *   post-purchase page for them;
 * - orders on payment terms (Net 30, due on a date) are skipped: nothing was
 *   charged at checkout, so there is no credit card to charge again (the
 *   documented "other than a credit card" rule, applied to deferred payment);
 * - orders that did not come from the online checkout (draft orders, POS,
 *   other channels) are skipped: the page is a step of checkout, so they never
 *   reach it;
 * - "paid with a credit card" means a card payment that succeeded (a sale or an
 *   authorization): a manual payment still pending (bank deposit, cash on
 *   delivery) or a bank redirect (iDEAL, MobilePay, Vipps, PromptPay, konbini)
 *   charged no card. A gift card that paid part of the order beside a card
 *   leaves the card to charge, so that order qualifies.
 */

/** Why Shopify would skip the page; each has a sentence in SKIP_EXPLANATIONS. */
export type PostPurchaseSkip = 'b2b' | 'payment_terms' | 'not_from_checkout' | 'no_card_payment' | 'duties' | 'foreign_currency';

/** The facts about an order that decide it, as the backend reads them (Admin API) or the fixture holds them. */
export interface PostPurchaseOrderFacts {
  /** Bought for a B2B company. */
  company: boolean;
  /** Payment expected later (net or fixed terms). */
  paymentTerms: boolean;
  /** Placed through the online checkout (not a draft order, POS or another channel). */
  fromCheckout: boolean;
  /** Payments at checkout: a card was charged or authorized when `card` is true and `succeeded`. */
  payments: { card: boolean; succeeded: boolean }[];
  /** Import duties were charged at checkout. */
  duties: boolean;
  /** Presentment and shop currency, ISO 4217. */
  currency: string;
  shopCurrency: string;
}

/** Gateways that are wallets or instalment services: even with a card behind them, Shopify skips the page. */
const WALLET_GATEWAYS = /apple[_ ]?pay|google[_ ]?pay|amazon[_ ]?pay|klarna|affirm|afterpay|clearpay|installments|sezzle/i;

/** The first reason Shopify would skip the page for this order, or null when it shows it. */
export function postPurchaseSkip(facts: PostPurchaseOrderFacts): PostPurchaseSkip | null {
  if (facts.company) return 'b2b';
  if (facts.paymentTerms) return 'payment_terms';
  if (!facts.fromCheckout) return 'not_from_checkout';
  if (!facts.payments.some((payment) => payment.card && payment.succeeded)) return 'no_card_payment';
  if (facts.duties) return 'duties';
  if (facts.currency.toUpperCase() !== facts.shopCurrency.toUpperCase()) return 'foreign_currency';
  return null;
}

/** For developers (the studio, logs): why the page would not appear. Not shown to buyers. */
export const SKIP_EXPLANATIONS: Readonly<Record<PostPurchaseSkip, string>> = {
  b2b: 'it is a B2B order, bought for a company; Shopify documents no post-purchase page for B2B checkouts (Encore assumes none)',
  payment_terms: 'it is on payment terms, so nothing was charged at checkout and there is no credit card to charge again',
  not_from_checkout: 'it did not come from the online checkout (a draft order, POS or another channel), and the page is a step of checkout',
  no_card_payment:
    'no credit card was charged or authorized at checkout (a pending manual payment, a bank redirect, a gift card, a wallet or an instalment service), and Shopify shows the page only when it can charge the card again',
  duties: 'import duties were charged at checkout, and Shopify surfaces no post-purchase offers on orders with duties',
  foreign_currency: "the buyer paid in a currency other than the shop's, and Shopify surfaces no post-purchase offers on multi-currency orders",
};

/** A transaction as the order model keeps it (model.ts `Transaction`), reduced to what decides a card payment. */
interface PaymentRecord {
  kind: string;
  status: string;
  gateway: string;
  card: unknown;
}

/**
 * The facts of an order in the core's model (the store fixture's words). Every order there was placed through
 * the online checkout unless `fromCheckout` says otherwise (the model has no source channel yet).
 */
export function orderPostPurchaseFacts(
  order: { currency: string; transactions: PaymentRecord[]; payment_terms: unknown; company?: unknown; duties?: unknown[] },
  shopCurrency: string,
  fromCheckout = true,
): PostPurchaseOrderFacts {
  const payments = order.transactions
    .filter((transaction) => transaction.kind === 'sale' || transaction.kind === 'authorization')
    .map((transaction) => ({
      card: transaction.card !== null && transaction.card !== undefined && !WALLET_GATEWAYS.test(transaction.gateway),
      succeeded: transaction.status === 'success',
    }));
  return {
    company: Boolean(order.company),
    paymentTerms: Boolean(order.payment_terms),
    fromCheckout,
    payments,
    duties: (order.duties?.length ?? 0) > 0,
    currency: order.currency,
    shopCurrency,
  };
}
