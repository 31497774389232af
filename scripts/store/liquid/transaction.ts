import { ShopifyDrop } from './drop.ts';
import type { Transaction } from '../types.ts';
import { gatewayDisplayName, localizedLabel, TRANSACTION_STATUS_LABELS } from './labels.ts';

type GiftCardRedeemed = NonNullable<Transaction['gift_card']>;

/** Liquid `gift_card`, as a payment's details show it: only what the payment recorded about the card it redeemed. */
export class GiftCardDrop extends ShopifyDrop {
  #giftCard: GiftCardRedeemed;
  #currency: string;
  constructor(giftCard: GiftCardRedeemed, currency: string) {
    super();
    this.#giftCard = giftCard;
    this.#currency = currency;
  }
  get last_four_characters(): string { return this.#giftCard.last_characters; }
  /** What the card had left after this payment, in the currency's subunit. */
  get balance(): number { return this.#giftCard.balance; }
  get currency(): string { return this.#currency; }
}

/** Liquid `transaction_payment_details`: the card charged, or the gift card redeemed. */
export class TransactionPaymentDetailsDrop extends ShopifyDrop {
  #transaction: Transaction;
  #currency: string;
  constructor(transaction: Transaction, currency: string) {
    super();
    this.#transaction = transaction;
    this.#currency = currency;
  }
  get credit_card_company(): string | undefined { return this.#transaction.card?.brand; }
  get credit_card_last_four_digits(): string | undefined { return this.#transaction.card?.last_four; }
  /** Masked, as Shopify shows it. */
  get credit_card_number(): string | undefined {
    const card = this.#transaction.card;
    return card ? `•••• •••• •••• ${card.last_four}` : undefined;
  }
  get gift_card(): GiftCardDrop | undefined {
    const giftCard = this.#transaction.gift_card;
    return giftCard ? new GiftCardDrop(giftCard, this.#currency) : undefined;
  }
}

/** Liquid `transaction`. */
export class TransactionDrop extends ShopifyDrop {
  #transaction: Transaction;
  #locale: string;
  #currency: string;
  /** `locale` is the page's: `status_label` comes in its language. `currency` is the order's. */
  constructor(transaction: Transaction, locale: string, currency: string) {
    super();
    this.#transaction = transaction;
    this.#locale = locale;
    this.#currency = currency;
  }
  get id(): number { return this.#transaction.id; }
  get kind(): string { return this.#transaction.kind; }
  get status(): string { return this.#transaction.status; }
  get status_label(): string { return localizedLabel(TRANSACTION_STATUS_LABELS, this.#transaction.status, this.#locale); }
  get gateway(): string { return this.#transaction.gateway; }
  get gateway_display_name(): string { return gatewayDisplayName(this.#transaction.gateway); }
  get amount(): number { return this.#transaction.amount; }
  get created_at(): string { return this.#transaction.created_at; }
  /** Present when the payment recorded a card or a gift card, as on Shopify; nil for a bank transfer or cash. */
  get payment_details(): TransactionPaymentDetailsDrop | undefined {
    const { card, gift_card } = this.#transaction;
    return card || gift_card ? new TransactionPaymentDetailsDrop(this.#transaction, this.#currency) : undefined;
  }
}
