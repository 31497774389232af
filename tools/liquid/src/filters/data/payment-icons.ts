/**
 * Payment types for `payment_type_svg_tag` / `payment_type_img_url`: the
 * accessible title of each and a short label for our own neutral card icon
 * (drawn for Encore; not the brands' artwork). Keys are the values of
 * `shop.enabled_payment_types`.
 */
export interface PaymentIcon {
  title: string;
  label: string;
  /** Fingerprint in the icon's CDN file name, where shopify.dev documents it. */
  fingerprint?: string;
}

export const PAYMENT_ICONS: Readonly<Record<string, PaymentIcon>> = {
  visa: { title: 'Visa', label: 'VISA', fingerprint: '65d650f7' },
  master: { title: 'Mastercard', label: 'MC', fingerprint: '54b5a7ce' },
  american_express: { title: 'American Express', label: 'AMEX', fingerprint: '1efdc6a3' },
  paypal: { title: 'PayPal', label: 'PayPal', fingerprint: 'a7c68b85' },
  diners_club: { title: 'Diners Club', label: 'Diners', fingerprint: '678e3046' },
  discover: { title: 'Discover', label: 'Discover', fingerprint: '59880595' },
  apple_pay: { title: 'Apple Pay', label: 'Pay' },
  google_pay: { title: 'Google Pay', label: 'G Pay' },
  shopify_pay: { title: 'Shop Pay', label: 'Shop' },
  jcb: { title: 'JCB', label: 'JCB' },
  maestro: { title: 'Maestro', label: 'Maestro' },
  klarna: { title: 'Klarna', label: 'Klarna' },
  mobilepay: { title: 'MobilePay', label: 'MobilePay' },
  dankort: { title: 'Dankort', label: 'Dankort' },
  forbrugsforeningen: { title: 'Forbrugsforeningen', label: 'FBF' },
  bitcoin: { title: 'Bitcoin', label: 'BTC' },
  dogecoin: { title: 'Dogecoin', label: 'DOGE' },
  litecoin: { title: 'Litecoin', label: 'LTC' },
  afterpay: { title: 'Afterpay', label: 'Afterpay' },
  amazon: { title: 'Amazon', label: 'amazon' },
  unionpay: { title: 'Union Pay', label: 'UnionPay' },
  venmo: { title: 'Venmo', label: 'venmo' },
  ideal: { title: 'iDEAL', label: 'iDEAL' },
  bancontact: { title: 'Bancontact', label: 'BC' },
  interac: { title: 'Interac', label: 'Interac' },
  meta_pay: { title: 'Meta Pay', label: 'Meta' },
  facebook_pay: { title: 'Facebook Pay', label: 'f Pay' },
  sofort: { title: 'SOFORT', label: 'SOFORT' },
  eps: { title: 'EPS', label: 'eps' },
  giropay: { title: 'Giropay', label: 'giropay' },
  twint: { title: 'TWINT', label: 'TWINT' },
  vipps: { title: 'Vipps', label: 'Vipps' },
  swish: { title: 'Swish', label: 'Swish' },
};
