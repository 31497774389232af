import { describe, expect, it } from 'vitest';
import {
  decimalAmount,
  formatAmount,
  formatMoney,
  formatMoneyAmount,
  formatMoneyWithoutCurrency,
  formatMoneyWithoutTrailingZeros,
  subunitDigits,
  subunitScale,
  splitProportionally,
} from '@encore/core/money.ts';

describe('formatMoney placeholders (113465 USD subunits, Shopify help center table)', () => {
  const cases: Array<[string, string]> = [
    ['{{amount}}', '1,134.65'],
    ['{{amount_no_decimals}}', '1,135'],
    ['{{amount_with_comma_separator}}', '1.134,65'],
    ['{{amount_no_decimals_with_comma_separator}}', '1.135'],
    ['{{amount_with_apostrophe_separator}}', "1'134.65"],
    ['{{amount_no_decimals_with_space_separator}}', '1 135'],
    ['{{amount_with_space_separator}}', '1 134,65'],
    ['{{amount_with_period_and_space_separator}}', '1 134.65'],
  ];
  for (const [format, expected] of cases) {
    it(`${format} -> ${expected}`, () => {
      expect(formatMoney(113465, format, 'USD')).toBe(expected);
    });
  }
});

describe('formatMoney', () => {
  it('keeps the text around the placeholder', () => {
    expect(formatMoney(1000, '${{amount}}', 'USD')).toBe('$10.00');
    expect(formatMoney(145, '${{amount}} CAD', 'CAD')).toBe('$1.45 CAD');
    expect(formatMoney(1999, '<span class="money">€{{amount_with_comma_separator}}</span>', 'EUR')).toBe('<span class="money">€19,99</span>');
  });

  it('accepts spaces inside the braces', () => {
    expect(formatMoney(123456789, '{{ amount }} USD', 'USD')).toBe('1,234,567.89 USD');
    expect(formatMoney(5, '{{  amount_with_comma_separator  }}€', 'EUR')).toBe('0,05€');
  });

  it('rounds half up on the unit for the no_decimals placeholders', () => {
    expect(formatMoney(1050, '${{amount_no_decimals}}', 'USD')).toBe('$11');
    expect(formatMoney(1049, '${{amount_no_decimals}}', 'USD')).toBe('$10');
    expect(formatMoney(-1050, '${{amount_no_decimals}}', 'USD')).toBe('$-11');
  });

  it('reads zero-decimal currencies from cents and shows no decimals', () => {
    // 1000 JPY arrives as 100000
    expect(formatMoney(100000, '¥{{amount}}', 'JPY')).toBe('¥1,000');
    expect(formatMoney(100000, '¥{{amount_no_decimals}}', 'JPY')).toBe('¥1,000');
  });

  it('shows three decimals for three-decimal currencies', () => {
    expect(formatMoney(1134650, '{{amount}} KWD', 'KWD')).toBe('1,134.650 KWD');
    expect(formatMoney(1134650, '{{amount_no_decimals}} KWD', 'KWD')).toBe('1,135 KWD');
  });

  it('prints small and negative amounts', () => {
    expect(formatMoney(0, '${{amount}}', 'USD')).toBe('$0.00');
    expect(formatMoney(7, '${{amount}}', 'USD')).toBe('$0.07');
    expect(formatMoney(-1000, '${{amount}}', 'USD')).toBe('$-10.00');
    expect(formatMoney(-4, '${{amount_no_decimals}}', 'USD')).toBe('$0');
  });

  it('leaves unknown placeholders alone', () => {
    expect(formatMoney(1000, '{{currency}} {{amount}}', 'USD')).toBe('{{currency}} 10.00');
  });
});

describe('money helpers', () => {
  it('subunitDigits and subunitScale', () => {
    expect(subunitDigits('USD')).toBe(2);
    expect(subunitDigits('jpy')).toBe(0);
    expect(subunitDigits('KWD')).toBe(3);
    expect(subunitDigits('BHD')).toBe(3);
    expect(subunitScale('JPY')).toBe(2);
    expect(subunitScale('KWD')).toBe(3);
  });

  it('formatAmount', () => {
    expect(formatAmount(113465, 'amount_with_comma_separator', 'EUR')).toBe('1.134,65');
  });

  it('formatMoneyWithoutCurrency prints only the number of the format', () => {
    expect(formatMoneyWithoutCurrency(1000, '${{amount}}', 'USD')).toBe('10.00');
    expect(formatMoneyWithoutCurrency(113465, '{{amount_with_comma_separator}} €', 'EUR')).toBe('1.134,65');
  });

  it('formatMoneyWithoutTrailingZeros drops only an all-zero fraction', () => {
    expect(formatMoneyWithoutTrailingZeros(1000, '${{amount}}', 'USD')).toBe('$10');
    expect(formatMoneyWithoutTrailingZeros(1050, '${{amount}}', 'USD')).toBe('$10.50');
    expect(formatMoneyWithoutTrailingZeros(200000, '{{amount_with_comma_separator}} €', 'EUR')).toBe('2.000 €');
  });

  it('formatMoneyAmount is a plain decimal with at least one decimal', () => {
    expect(formatMoneyAmount(1000, 'USD')).toBe('10.0');
    expect(formatMoneyAmount(1050, 'USD')).toBe('10.5');
    expect(formatMoneyAmount(113465, 'USD')).toBe('1134.65');
    expect(formatMoneyAmount(100000, 'JPY')).toBe('1000.0');
    expect(formatMoneyAmount(-5, 'USD')).toBe('-0.05');
  });
});

describe('placeholders that are not amount styles', () => {
  it('prints names of Object.prototype members as written instead of reading them as styles', () => {
    expect(formatMoney(1000, '{{ constructor }} {{amount}}', 'USD')).toBe('{{ constructor }} 10.00');
    expect(formatMoneyWithoutTrailingZeros(1000, '{{toString}}{{amount}}', 'USD')).toBe('{{toString}}10');
  });
});

describe('splitProportionally', () => {
  it('splits a discount over line totals, shares adding up to the whole', () => {
    // 10% of 2400 + 3800 + 600 = 6800 is 680: 240, 380, then 60 left for the last line.
    expect(splitProportionally(680, [2400, 3800, 600])).toEqual([240, 380, 60]);
    // 100 over three equal lines: 33, 33, and the last takes the rounding.
    expect(splitProportionally(100, [1, 1, 1])).toEqual([33, 33, 34]);
  });
  it('gives nothing to weightless parts but the last', () => {
    expect(splitProportionally(50, [0, 0])).toEqual([0, 50]);
    expect(splitProportionally(0, [5, 5])).toEqual([0, 0]);
  });
});

describe('decimalAmount: the decimal strings Shopify APIs write', () => {
  it('writes as many decimals as the currency shows, no grouping or symbol', () => {
    expect(decimalAmount(5386, 'USD')).toBe('53.86');
    expect(decimalAmount(120000, 'JPY')).toBe('1200');
    expect(decimalAmount(1134, 'KWD')).toBe('1.134');
    expect(decimalAmount(-1742, 'USD')).toBe('-17.42');
    expect(decimalAmount(1234567, 'USD')).toBe('12345.67');
  });
});
