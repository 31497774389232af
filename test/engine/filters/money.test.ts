import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState, type RenderState } from '@encore/liquid/state.ts';

const liquid = createLiquid();

function render(template: string, vars: Record<string, unknown> = {}, shop: Partial<RenderState['shop']> = {}) {
  const base = defaultRenderState();
  const state = defaultRenderState({ shop: { ...base.shop, ...shop } });
  return liquid.parseAndRenderSync(template, vars, { globals: globalsWithState({}, state) });
}

describe('money filters', () => {
  it('money uses the "HTML without currency" format (shopify.dev: 1000 -> $10.00)', () => {
    expect(render('{{ price | money }}', { price: 1000 })).toBe('$10.00');
    expect(render('{{ 145 | money }}')).toBe('$1.45');
  });

  it('money_with_currency uses the "HTML with currency" format', () => {
    expect(render('{{ 145 | money_with_currency }}', {}, { moneyWithCurrencyFormat: '${{amount}} CAD', currency: 'CAD' })).toBe('$1.45 CAD');
  });

  it('money_without_currency prints the number only (shopify.dev: 1000 -> 10.00)', () => {
    expect(render('{{ 1000 | money_without_currency }}')).toBe('10.00');
    expect(render('{{ 113465 | money_without_currency }}', {}, { moneyFormat: '{{amount_with_comma_separator}} €', currency: 'EUR' })).toBe('1.134,65');
  });

  it('money_without_trailing_zeros (shopify.dev: 1000 -> $10)', () => {
    expect(render('{{ 1000 | money_without_trailing_zeros }}')).toBe('$10');
    expect(render('{{ 1050 | money_without_trailing_zeros }}')).toBe('$10.50');
  });

  it('money_amount (shopify.dev: 1000 -> 10.0)', () => {
    expect(render('{{ 1000 | money_amount }}')).toBe('10.0');
    expect(render('{{ 113465 | money_amount }}')).toBe('1134.65');
  });

  it('formats with the shop currency and its digits', () => {
    const jpy = { currency: 'JPY', moneyFormat: '¥{{amount_no_decimals}}' };
    expect(render('{{ 100000 | money }}', {}, jpy)).toBe('¥1,000');
    expect(render('{{ 100000 | money_amount }}', {}, jpy)).toBe('1000.0');
  });

  it('accepts numeric strings and rounds fractional subunits', () => {
    expect(render("{{ '2500' | money }}")).toBe('$25.00');
    expect(render('{{ 10.5 | money }}')).toBe('$0.11');
  });

  it('renders nothing for nil, blank or non-numeric input instead of failing', () => {
    expect(render('[{{ missing | money }}]')).toBe('[]');
    expect(render("[{{ '' | money_with_currency }}]")).toBe('[]');
    expect(render("[{{ 'abc' | money }}]")).toBe('[]');
    expect(render('[{{ nil | money_amount }}]')).toBe('[]');
  });

  it('does not escape the merchant format HTML', () => {
    expect(render('{{ 1999 | money }}', {}, { moneyFormat: '<span class=money>${{ amount }}</span>' })).toBe('<span class=money>$19.99</span>');
  });
});
