import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState } from '@encore/liquid/state.ts';

const liquid = createLiquid();

function render(source: string, vars: Record<string, unknown> = {}, weightUnit?: string): string {
  const state = defaultRenderState({
    shop: { currency: 'CAD', moneyFormat: '${{amount}}', moneyWithCurrencyFormat: '${{amount}} CAD', timezone: 'UTC', domain: 'x.myshopify.com', weightUnit },
  });
  return liquid.parseAndRenderSync(source, vars, { globals: globalsWithState({}, state) });
}

describe('weight_with_unit', () => {
  const product = { variants: [{ weight: 200, weight_unit: 'g' }] };
  it('matches the documented outputs', () => {
    expect(render('{%- assign variant = product.variants.first -%}{{ variant.weight | weight_with_unit }}', { product }, 'kg')).toBe('0.2 kg');
    expect(render('{%- assign variant = product.variants.first -%}{{ variant.weight | weight_with_unit: variant.weight_unit }}', { product }, 'kg')).toBe(
      '200 g',
    );
  });
  it('converts to pounds and ounces with two decimals', () => {
    expect(render("{{ 1000 | weight_with_unit: 'lb' }}")).toBe('2.2 lb');
    expect(render("{{ 100 | weight_with_unit: 'oz' }}")).toBe('3.53 oz');
    expect(render('{{ 1500 | weight_with_unit }}', {}, 'kg')).toBe('1.5 kg');
    expect(render('{{ 2000 | weight_with_unit }}', {}, 'kg')).toBe('2 kg');
  });
  it('is empty for nil and rejects unknown units', () => {
    expect(render('{{ nothing | weight_with_unit }}')).toBe('');
    expect(() => render("{{ 1 | weight_with_unit: 'stone' }}")).toThrow(/weight_with_unit: unknown weight unit "stone"/);
  });
});

describe('unit_price_with_measurement', () => {
  const kg = { measured_type: 'weight', quantity_unit: 'g', quantity_value: 500, reference_unit: 'kg', reference_value: 1 };
  const ml = { measured_type: 'volume', quantity_unit: 'ml', quantity_value: 250, reference_unit: 'ml', reference_value: 100 };
  it('matches the documented outputs', () => {
    expect(render('{{ p | unit_price_with_measurement: m }}', { p: 5000, m: kg })).toBe('$50.00/kg');
    expect(render('{{ p | money_with_currency | unit_price_with_measurement: m }}', { p: 5000, m: kg })).toBe('$50.00 CAD/kg');
  });
  it('shows a reference value other than 1', () => {
    expect(render('{{ p | unit_price_with_measurement: m }}', { p: 1760, m: ml })).toBe('$17.60/100ml');
  });
  it('prints the price alone without a measurement, nothing for nil', () => {
    expect(render('{{ p | unit_price_with_measurement: nothing }}', { p: 1760 })).toBe('$17.60');
    expect(render('{{ nothing | unit_price_with_measurement: m }}', { m: kg })).toBe('');
  });
});
