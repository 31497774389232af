import { ShopifyDrop } from './drop.ts';
import type { Transaction } from '../types.ts';
import { gatewayDisplayName, localizedLabel, TRANSACTION_STATUS_LABELS } from './labels.ts';

/** Liquid `transaction_payment_details`: the card charged. */
export class TransactionPaymentDetailsDrop extends ShopifyDrop {
  #card: NonNullable<Transaction['card']>;
  constructor(card: NonNullable<Transaction['card']>) {
    super();
    this.#card = card;
  }
  get credit_card_company(): string { return this.#card.brand; }
  get credit_card_last_four_digits(): string { return this.#card.last_four; }
  /** Masked, as Shopify shows it. */
  get credit_card_number(): string { return `•••• •••• •••• ${this.#card.last_four}`; }
}

/** Liquid `transaction`. */
export class TransactionDrop extends ShopifyDrop {
  #transaction: Transaction;
  #locale: string;
  /** `locale` is the page's: `status_label` comes in its language. */
  constructor(transaction: Transaction, locale: string) {
    super();
    this.#transaction = transaction;
    this.#locale = locale;
  }
  get id(): number { return this.#transaction.id; }
  get kind(): string { return this.#transaction.kind; }
  get status(): string { return this.#transaction.status; }
  get status_label(): string { return localizedLabel(TRANSACTION_STATUS_LABELS, this.#transaction.status, this.#locale); }
  get gateway(): string { return this.#transaction.gateway; }
  get gateway_display_name(): string { return gatewayDisplayName(this.#transaction.gateway); }
  get amount(): number { return this.#transaction.amount; }
  get created_at(): string { return this.#transaction.created_at; }
  get payment_details(): TransactionPaymentDetailsDrop | undefined {
    return this.#transaction.card ? new TransactionPaymentDetailsDrop(this.#transaction.card) : undefined;
  }
}
