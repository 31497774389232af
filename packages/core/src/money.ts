/**
 * Shopify money formatting, as one pure function shared by the Liquid engine
 * and the UI extensions. No imports: plain TypeScript over numbers and strings.
 *
 * Values are integers in the currency's subunit as Shopify hands them to Liquid
 * (`product.price` 1000 is $10.00). Currencies without a minor unit still arrive
 * multiplied by 100 (1000 JPY arrives as 100000); three-decimal currencies
 * arrive in thousandths (1.134 KWD arrives as 1134).
 */

/** ISO 4217 currencies whose minor unit is not 2 digits. Everything else has 2. */
const MINOR_UNIT_DIGITS: Readonly<Record<string, number>> = {
  // no minor unit
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  // three-digit minor unit
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // four-digit minor unit
  CLF: 4,
  UYW: 4,
};

/** Digits after the decimal separator that the currency uses: JPY 0, USD 2, KWD 3. */
export function subunitDigits(currency: string): number {
  const digits = MINOR_UNIT_DIGITS[currency.toUpperCase()];
  return digits ?? 2;
}

/**
 * Power of ten that the integer money values of `currency` are scaled by:
 * 2 for USD and for JPY (Shopify keeps cents for zero-decimal currencies), 3 for KWD.
 */
export function subunitScale(currency: string): number {
  return Math.max(2, subunitDigits(currency));
}

interface AmountStyle {
  /** Thousands separator. */
  group: string;
  /** Decimal separator. */
  decimal: string;
  /** Round to whole units. */
  noDecimals: boolean;
}

/** The placeholders a Shopify money format may contain, and how each prints 113465 USD subunits. */
export const AMOUNT_STYLES: Readonly<Record<string, AmountStyle>> = {
  amount: { group: ',', decimal: '.', noDecimals: false }, // 1,134.65
  amount_no_decimals: { group: ',', decimal: '.', noDecimals: true }, // 1,135
  amount_with_comma_separator: { group: '.', decimal: ',', noDecimals: false }, // 1.134,65
  amount_no_decimals_with_comma_separator: { group: '.', decimal: ',', noDecimals: true }, // 1.135
  amount_with_apostrophe_separator: { group: "'", decimal: '.', noDecimals: false }, // 1'134.65
  amount_no_decimals_with_space_separator: { group: ' ', decimal: ',', noDecimals: true }, // 1 135
  amount_with_space_separator: { group: ' ', decimal: ',', noDecimals: false }, // 1 134,65
  amount_with_period_and_space_separator: { group: ' ', decimal: '.', noDecimals: false }, // 1 134.65
};

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Rounds half away from zero to an integer, exact for the integers money values are. */
function roundHalfUp(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}

function groupDigits(digits: string, separator: string): string {
  if (digits.length <= 3) return digits;
  let out = '';
  const head = digits.length % 3;
  if (head) out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) {
    out += (out ? separator : '') + digits.slice(i, i + 3);
  }
  return out;
}

/**
 * Splits an integer count of scaled subunits into whole units and `digits` decimals,
 * rounding half-up where the currency shows fewer decimals than it is scaled by.
 */
function splitAmount(subunits: number, scale: number, digits: number): { negative: boolean; whole: string; fraction: string } {
  let n = roundHalfUp(subunits);
  const negative = n < 0;
  if (negative) n = -n;
  // Drop the extra scale digits the currency does not show (JPY: scale 2, digits 0).
  const drop = scale - digits;
  if (drop > 0) n = Math.round(n / 10 ** drop);
  const base = 10 ** digits;
  const whole = Math.floor(n / base);
  const fraction = digits > 0 ? String(n - whole * base).padStart(digits, '0') : '';
  return { negative: negative && n !== 0, whole: String(whole), fraction };
}

/**
 * Shopify's decimal amounts, as its APIs write them: "53.86" for 5386 USD, "1200" for 120000 JPY, "-17.42" for
 * -1742 USD; no grouping, no symbol. Zero-decimal currencies keep two scale digits that never print.
 */
export function decimalAmount(subunits: number, currency: string): string {
  const digits = subunitDigits(currency);
  const units = Math.round(Math.abs(Math.round(subunits)) / 10 ** (subunitScale(currency) - digits));
  const base = 10 ** digits;
  const whole = Math.floor(units / base);
  const fraction = digits > 0 ? `.${String(units - whole * base).padStart(digits, '0')}` : '';
  return `${subunits < 0 && units !== 0 ? '-' : ''}${whole}${fraction}`;
}

/**
 * The number part of a money format, e.g. `formatAmount(113465, 'amount_with_comma_separator', 'EUR')`
 * is "1.134,65". Unknown placeholder names print like `amount`.
 */
export function formatAmount(subunits: number, placeholder: string, currency: string): string {
  const style = (Object.hasOwn(AMOUNT_STYLES, placeholder) ? AMOUNT_STYLES[placeholder] : undefined) ?? AMOUNT_STYLES.amount;
  const scale = subunitScale(currency);
  const digits = style.noDecimals ? 0 : subunitDigits(currency);
  const { negative, whole, fraction } = splitAmount(subunits, scale, digits);
  const sign = negative ? '-' : '';
  const grouped = groupDigits(whole, style.group);
  return fraction ? `${sign}${grouped}${style.decimal}${fraction}` : `${sign}${grouped}`;
}

/**
 * Formats `subunits` of `currency` with a Shopify money format such as
 * "${{amount}}" or "{{ amount_with_comma_separator }} €": every `{{ placeholder }}`
 * is replaced by the amount in that style; the rest of the format is kept as is
 * (it is the merchant's HTML). A minus sign goes in front of the number, inside the format.
 */
export function formatMoney(subunits: number, format: string, currency: string): string {
  return format.replace(PLACEHOLDER, (match, name: string) => (Object.hasOwn(AMOUNT_STYLES, name) ? formatAmount(subunits, name, currency) : match));
}

/** The first amount placeholder of a format, e.g. "amount_with_comma_separator"; "amount" when it has none. */
export function amountPlaceholder(format: string): string {
  for (const m of format.matchAll(PLACEHOLDER)) {
    if (Object.hasOwn(AMOUNT_STYLES, m[1])) return m[1];
  }
  return 'amount';
}

/**
 * The amount alone, as the format would print it but without the currency symbol
 * or any other text: `money_without_currency`.
 */
export function formatMoneyWithoutCurrency(subunits: number, format: string, currency: string): string {
  return formatAmount(subunits, amountPlaceholder(format), currency);
}

/**
 * Like `formatMoney`, but a zero fraction and its separator are left out:
 * 1000 with "${{amount}}" is "$10", 1050 stays "$10.50".
 */
export function formatMoneyWithoutTrailingZeros(subunits: number, format: string, currency: string): string {
  return format.replace(PLACEHOLDER, (match, name: string) => {
    // Own keys only: a merchant format naming `constructor` must print as written.
    const style = Object.hasOwn(AMOUNT_STYLES, name) ? AMOUNT_STYLES[name] : undefined;
    if (!style) return match;
    const text = formatAmount(subunits, name, currency);
    if (style.noDecimals) return text;
    const cut = text.lastIndexOf(style.decimal);
    if (cut >= 0 && /^0+$/.test(text.slice(cut + 1))) return text.slice(0, cut);
    return text;
  });
}

/**
 * A plain decimal string without grouping or symbols, at least one decimal
 * (Ruby's decimal `to_s`): 1000 USD is "10.0", 1050 is "10.5", 100000 JPY is "1000.0".
 */
export function formatMoneyAmount(subunits: number, currency: string): string {
  const scale = subunitScale(currency);
  const { negative, whole, fraction } = splitAmount(subunits, scale, scale);
  const trimmed = fraction.replace(/0+$/, '') || '0';
  return `${negative ? '-' : ''}${whole}.${trimmed}`;
}

/**
 * Splits `total` subunits over parts in proportion to their weights (e.g. an
 * order-level discount over line totals), each share rounded to the subunit and
 * the last part taking what rounding left, so the shares always add up to `total`.
 */
export function splitProportionally(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  let left = total;
  return weights.map((weight, i) => {
    const share = i === weights.length - 1 ? left : sum === 0 ? 0 : Math.round((total * weight) / sum);
    left -= share;
    return share;
  });
}

/** The shop's money format and the currency it is written for (Shopify's `shop.money_format` is the shop currency's). */
export interface ShopMoneyFormat {
  currency: string;
  format: string;
}

/** The named entities money formats use; any other is written as a number (`&#8364;`), which is read too. */
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', nbsp: '\u00a0', euro: '€', pound: '£' };

/**
 * One money format per shop, on every surface: an amount in the shop's currency written as the theme's
 * `money` filter writes it ("€42,90" for "€{{amount_with_comma_separator}}"), as plain text, since the
 * extensions draw text: the format's HTML tags are left out and its entities read. Null for another
 * currency or no format, and the caller falls back on the platform's formatter (Shopify formats other
 * presentment currencies its own way).
 */
export function shopMoneyText(subunits: number, currency: string, shop: ShopMoneyFormat | null): string | null {
  if (!shop || !shop.format || currency.toUpperCase() !== shop.currency.toUpperCase() || !Number.isFinite(subunits)) return null;
  return formatMoney(subunits, shop.format, currency)
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d+)|(\w+));/g, (whole, code?: string, name?: string) =>
      code ? (Number(code) > 0 && Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : whole) : (ENTITIES[name!] ?? whole),
    )
    .trim();
}
