/**
 * Texts for the `*_label` attributes. Shopify's reference calls `order.financial_status_label`,
 * `fulfillment_status_label` and `cancel_reason_label` "the localized version" and `transaction.status_label`
 * "translated based on the current locale": the storefront's active language, whatever the theme ships. They
 * are translated here into the languages Encore's theme speaks (English is Shopify's own system translation,
 * `shopify.notices.order.*`); a language without a table falls back to English.
 */
import type { FinancialStatus, FulfillmentStatus } from '../derive.ts';
import type { CancelReason, Transaction } from '../types.ts';

/** Every value Shopify documents for `order.financial_status`; derive.ts produces a subset of them. */
export type DocumentedFinancialStatus = FinancialStatus | 'expired' | 'unpaid';
/** Every value Shopify documents for `order.fulfillment_status`. */
export type DocumentedFulfillmentStatus = FulfillmentStatus | 'complete';

/** Label tables by language code (the part of a locale before any `-`). */
type Localized<Status extends string> = Readonly<Record<string, Readonly<Record<Status, string>>>>;

export const FINANCIAL_STATUS_LABELS: Localized<DocumentedFinancialStatus> = {
  en: {
    authorized: 'Authorized',
    expired: 'Expired',
    paid: 'Paid',
    partially_paid: 'Partially paid',
    partially_refunded: 'Partially refunded',
    pending: 'Pending',
    refunded: 'Refunded',
    unpaid: 'Unpaid',
    voided: 'Voided',
  },
  da: {
    authorized: 'Godkendt',
    expired: 'Udløbet',
    paid: 'Betalt',
    partially_paid: 'Delvist betalt',
    partially_refunded: 'Delvist refunderet',
    pending: 'Afventer',
    refunded: 'Refunderet',
    unpaid: 'Ikke betalt',
    voided: 'Annulleret',
  },
  nb: {
    authorized: 'Autorisert',
    expired: 'Utløpt',
    paid: 'Betalt',
    partially_paid: 'Delvis betalt',
    partially_refunded: 'Delvis refundert',
    pending: 'Venter',
    refunded: 'Refundert',
    unpaid: 'Ubetalt',
    voided: 'Annullert',
  },
  nl: {
    authorized: 'Geautoriseerd',
    expired: 'Verlopen',
    paid: 'Betaald',
    partially_paid: 'Gedeeltelijk betaald',
    partially_refunded: 'Gedeeltelijk terugbetaald',
    pending: 'In behandeling',
    refunded: 'Terugbetaald',
    unpaid: 'Onbetaald',
    voided: 'Vervallen',
  },
  th: {
    authorized: 'อนุมัติแล้ว',
    expired: 'หมดอายุ',
    paid: 'ชำระแล้ว',
    partially_paid: 'ชำระแล้วบางส่วน',
    partially_refunded: 'คืนเงินแล้วบางส่วน',
    pending: 'รอดำเนินการ',
    refunded: 'คืนเงินแล้ว',
    unpaid: 'ยังไม่ชำระ',
    voided: 'ยกเลิกแล้ว',
  },
};

export const FULFILLMENT_STATUS_LABELS: Localized<DocumentedFulfillmentStatus> = {
  en: {
    complete: 'Complete',
    fulfilled: 'Fulfilled',
    partial: 'Partial',
    restocked: 'Restocked',
    unfulfilled: 'Unfulfilled',
  },
  da: {
    complete: 'Fuldført',
    fulfilled: 'Afsendt',
    partial: 'Delvist afsendt',
    restocked: 'Lagt tilbage på lager',
    unfulfilled: 'Ikke afsendt',
  },
  nb: {
    complete: 'Fullført',
    fulfilled: 'Sendt',
    partial: 'Delvis sendt',
    restocked: 'Lagt tilbake på lager',
    unfulfilled: 'Ikke sendt',
  },
  nl: {
    complete: 'Voltooid',
    fulfilled: 'Verzonden',
    partial: 'Gedeeltelijk verzonden',
    restocked: 'Terug op voorraad',
    unfulfilled: 'Niet verzonden',
  },
  th: {
    complete: 'เสร็จสมบูรณ์',
    fulfilled: 'จัดส่งแล้ว',
    partial: 'จัดส่งแล้วบางส่วน',
    restocked: 'นำกลับเข้าสต็อกแล้ว',
    unfulfilled: 'ยังไม่ได้จัดส่ง',
  },
};

/** `status` in `locale` ("pt-BR" reads the "pt" table), or in English when there is no table for it. */
export function localizedLabel<Status extends string>(labels: Localized<Status>, status: Status, locale: string): string {
  const table = labels[locale.split('-')[0].toLowerCase()] ?? labels.en;
  return table[status];
}

export const CANCEL_REASON_LABELS: Localized<CancelReason> = {
  en: {
    customer: 'Customer changed/cancelled order',
    declined: 'Payment declined',
    fraud: 'Fraudulent order',
    inventory: 'Items unavailable',
    staff: 'Staff error',
    other: 'Other',
  },
  da: {
    customer: 'Kunden ændrede/annullerede ordren',
    declined: 'Betaling afvist',
    fraud: 'Svigagtig ordre',
    inventory: 'Varer ikke tilgængelige',
    staff: 'Fejl fra personalet',
    other: 'Andet',
  },
  nb: {
    customer: 'Kunden endret/kansellerte bestillingen',
    declined: 'Betaling avvist',
    fraud: 'Svindelbestilling',
    inventory: 'Varer utilgjengelige',
    staff: 'Feil fra personalet',
    other: 'Annet',
  },
  nl: {
    customer: 'Klant heeft bestelling gewijzigd/geannuleerd',
    declined: 'Betaling geweigerd',
    fraud: 'Frauduleuze bestelling',
    inventory: 'Artikelen niet beschikbaar',
    staff: 'Fout van medewerker',
    other: 'Anders',
  },
  th: {
    customer: 'ลูกค้าเปลี่ยนแปลง/ยกเลิกคำสั่งซื้อ',
    declined: 'การชำระเงินถูกปฏิเสธ',
    fraud: 'คำสั่งซื้อที่เป็นการฉ้อโกง',
    inventory: 'สินค้าไม่พร้อมจำหน่าย',
    staff: 'ข้อผิดพลาดของพนักงาน',
    other: 'อื่นๆ',
  },
};

export const TRANSACTION_STATUS_LABELS: Localized<Transaction['status']> = {
  en: { success: 'Success', pending: 'Pending', failure: 'Failure', error: 'Error' },
  da: { success: 'Gennemført', pending: 'Afventer', failure: 'Mislykket', error: 'Fejl' },
  nb: { success: 'Vellykket', pending: 'Venter', failure: 'Mislyktes', error: 'Feil' },
  nl: { success: 'Geslaagd', pending: 'In behandeling', failure: 'Mislukt', error: 'Fout' },
  th: { success: 'สำเร็จ', pending: 'รอดำเนินการ', failure: 'ล้มเหลว', error: 'ข้อผิดพลาด' },
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
