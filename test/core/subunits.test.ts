import { describe, expect, it } from 'vitest';
import { majorUnitsOf, subunitsOf } from '@encore/core/subunits.ts';
import { decimalAmount, majorUnits } from '@encore/fixtures/adapters/money.ts';

describe('subunitsOf', () => {
  it('reads GraphQL decimal strings in each currency scale', () => {
    expect(subunitsOf('53.86', 'USD')).toBe(5386);
    expect(subunitsOf('1200', 'JPY')).toBe(120000);
    expect(subunitsOf('1.134', 'KWD')).toBe(1134);
    expect(subunitsOf('249.00', 'DKK')).toBe(24900);
    expect(subunitsOf('-17.42', 'USD')).toBe(-1742);
    expect(subunitsOf('0.00', 'USD')).toBe(0);
  });

  it('reads the checkout API numbers, rounding float noise to the currency decimals', () => {
    expect(subunitsOf(53.86, 'USD')).toBe(5386);
    expect(subunitsOf(0.1 + 0.2, 'USD')).toBe(30);
    expect(subunitsOf(1200, 'JPY')).toBe(120000);
  });

  it('is NaN for what is not an amount', () => {
    expect(subunitsOf('', 'USD')).toBeNaN();
    expect(subunitsOf('abc', 'USD')).toBeNaN();
    expect(subunitsOf(Number.POSITIVE_INFINITY, 'USD')).toBeNaN();
  });

  it('undoes the adapters: decimalAmount and majorUnits round-trip', () => {
    for (const [subunits, currency] of [
      [5386, 'USD'],
      [120000, 'JPY'],
      [1134, 'KWD'],
      [-1742, 'EUR'],
      [0, 'THB'],
    ] as const) {
      expect(subunitsOf(decimalAmount(subunits, currency), currency)).toBe(subunits);
      expect(subunitsOf(majorUnits(subunits, currency), currency)).toBe(subunits);
    }
  });
});

describe('majorUnitsOf', () => {
  it('is what formatCurrency takes: 5386 USD is 53.86, 120000 JPY is 1200, 1134 KWD is 1.134', () => {
    expect(majorUnitsOf(5386, 'USD')).toBe(53.86);
    expect(majorUnitsOf(120000, 'JPY')).toBe(1200);
    expect(majorUnitsOf(1134, 'KWD')).toBe(1.134);
  });
});
