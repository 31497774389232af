/**
 * English texts for the `*_label` attributes. Shopify translates these into
 * the storefront language; the fixture has only English so far, so every
 * locale gets these (see the report: translated labels are future work).
 */
import type { FinancialStatus, FulfillmentStatus } from '../derive.ts';
import type { CancelReason, Transaction } from '../types.ts';

export const FINANCIAL_STATUS_LABELS: Record<FinancialStatus, string> = {
  authorized: 'Authorized',
  paid: 'Paid',
  partially_paid: 'Partially paid',
  partially_refunded: 'Partially refunded',
  pending: 'Pending',
  refunded: 'Refunded',
  voided: 'Voided',
};

export const FULFILLMENT_STATUS_LABELS: Record<FulfillmentStatus, string> = {
  fulfilled: 'Fulfilled',
  partial: 'Partial',
  restocked: 'Restocked',
  unfulfilled: 'Unfulfilled',
};

export const CANCEL_REASON_LABELS: Record<CancelReason, string> = {
  customer: 'Customer changed/cancelled order',
  declined: 'Payment declined',
  fraud: 'Fraudulent order',
  inventory: 'Items unavailable',
  staff: 'Staff error',
  other: 'Other',
};

export const TRANSACTION_STATUS_LABELS: Record<Transaction['status'], string> = {
  success: 'Success',
  pending: 'Pending',
  failure: 'Failure',
  error: 'Error',
};

/** Names customers see for the gateways the fixtures use; unknown ones are title-cased. */
const GATEWAY_NAMES: Record<string, string> = {
  shopify_payments: 'Shopify Payments',
  manual: 'Manual',
  gift_card: 'Gift card',
  bogus: 'Bogus',
  paypal: 'PayPal',
  cash_on_delivery: 'Cash on Delivery (COD)',
  bank_deposit: 'Bank Deposit',
};

export function gatewayDisplayName(gateway: string): string {
  return GATEWAY_NAMES[gateway] ?? gateway.split(/[_\s]+/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}
