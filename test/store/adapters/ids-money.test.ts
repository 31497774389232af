import { describe, expect, it } from 'vitest';
import { childId, gid, idOf, parseGid, stableId } from '@encore/fixtures/adapters/ids.ts';
import { decimalAmount, majorUnits, moneyBag, moneyV2 } from '@encore/fixtures/adapters/money.ts';

describe('global ids', () => {
  it('names a resource and its number the way Shopify writes them', () => {
    expect(gid('Order', 6001)).toBe('gid://shopify/Order/6001');
    expect(gid('ProductVariant', 4003)).toBe('gid://shopify/ProductVariant/4003');
    expect(gid('CustomerAddress', 6003, { role: 'shipping' })).toBe('gid://shopify/CustomerAddress/6003?role=shipping');
  });

  it('reads them back', () => {
    expect(parseGid('gid://shopify/Order/6001')).toEqual({ resource: 'Order', id: 6001, query: '' });
    expect(parseGid('gid://shopify/CustomerAddress/6003?role=billing')).toEqual({ resource: 'CustomerAddress', id: 6003, query: 'role=billing' });
    expect(idOf('gid://shopify/LineItem/60031', 'LineItem')).toBe(60031);
  });

  it('refuses what is not a gid, or a gid of another resource, quoting it', () => {
    expect(() => parseGid('6001')).toThrow('not a Shopify global id: "6001"');
    expect(() => parseGid('gid://shopify/Order/')).toThrow('not a Shopify global id');
    expect(() => idOf('gid://shopify/Order/6001', 'Customer')).toThrow('expected a Customer id, got gid://shopify/Order/6001');
    expect(() => gid('Order', -1)).toThrow('a Order id must be a non-negative integer, got -1');
    expect(() => gid('Order', 1.5)).toThrow('non-negative integer');
  });

  it('numbers children after their parent, as the fixtures do (fulfillment 60351 → event 6035101)', () => {
    expect(childId(60351, 0)).toBe(6035101);
    expect(childId(60351, 4)).toBe(6035105);
    expect(() => childId(60351, 99)).toThrow('out of range');
  });

  it('gives the same stable id for the same text and different ones for different text', () => {
    expect(stableId('Harbor Hotel Group')).toBe(stableId('Harbor Hotel Group'));
    expect(stableId('Harbor Hotel Group')).not.toBe(stableId('Harbor Hotel Group/Boston Seaport'));
    expect(stableId('')).toBeGreaterThan(0);
  });
});

describe('decimal money strings', () => {
  it('prints USD subunits with two decimals', () => {
    expect(decimalAmount(5386, 'USD')).toBe('53.86');
    expect(decimalAmount(1250, 'USD')).toBe('12.50');
    expect(decimalAmount(0, 'USD')).toBe('0.00');
    expect(decimalAmount(5, 'USD')).toBe('0.05');
    expect(decimalAmount(-1742, 'USD')).toBe('-17.42');
    expect(decimalAmount(123456789, 'USD')).toBe('1234567.89');
  });

  // Shopify stores JPY ×100 like every currency (1200 JPY arrives as 120000) but JPY shows no decimals.
  it('prints 120000 JPY subunits as "1200", with the currency\'s zero decimals', () => {
    expect(decimalAmount(120000, 'JPY')).toBe('1200');
    expect(majorUnits(120000, 'JPY')).toBe(1200);
    expect(moneyV2(120000, 'JPY')).toEqual({ amount: '1200', currencyCode: 'JPY' });
  });

  it('prints three-decimal currencies in thousandths', () => {
    expect(decimalAmount(1134, 'KWD')).toBe('1.134');
  });

  it('gives the checkout API a number in major units', () => {
    expect(majorUnits(5386, 'USD')).toBe(53.86);
    expect(majorUnits(560, 'USD')).toBe(5.6);
  });

  it('puts the same amount on both sides of a money bag', () => {
    expect(moneyBag(11759, 'USD')).toEqual({
      shopMoney: { amount: '117.59', currencyCode: 'USD' },
      presentmentMoney: { amount: '117.59', currencyCode: 'USD' },
    });
  });

  it('refuses amounts and currencies that are not money', () => {
    expect(() => decimalAmount(Number.NaN, 'USD')).toThrow('finite number of USD subunits, got NaN');
    expect(() => decimalAmount(100, 'usd')).toThrow('currency must be an ISO 4217 code like "USD", got "usd"');
  });
});
