import { describe, expect, it } from 'vitest';
import { Drop } from 'liquidjs';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState } from '@encore/liquid/state.ts';
import { toShopifyJson } from '@encore/liquid/filters/json.ts';

const liquid = createLiquid();
const render = (template: string, vars: Record<string, unknown> = {}, timezone = 'UTC') => {
  const base = defaultRenderState();
  const state = defaultRenderState({ shop: { ...base.shop, timezone } });
  return liquid.parseAndRenderSync(template, vars, { globals: globalsWithState({}, state) });
};

describe('json', () => {
  it('quotes strings and escapes quotes', () => {
    expect(render('{{ \'Say "hi"\' | json }}')).toBe('"Say \\"hi\\""');
  });

  it('escapes <, > and & as unicode escapes so it is safe in <script>', () => {
    expect(render('{{ s | json }}', { s: '</script><b>Fish & Chips</b>' })).toBe('"\\u003c/script\\u003e\\u003cb\\u003eFish \\u0026 Chips\\u003c/b\\u003e"');
    expect(render('{{ s | json }}', { s: 'a\u2028b' })).toBe('"a\\u2028b"');
  });

  it('serialises objects, arrays, numbers, booleans and nil', () => {
    expect(render('{{ p | json }}', { p: { id: 1, title: 'Potion', tags: ['Salty'], price: 5600, available: true, x: null } })).toBe(
      '{"id":1,"title":"Potion","tags":["Salty"],"price":5600,"available":true,"x":null}',
    );
    expect(render('{{ nothing | json }}')).toBe('null');
    expect(render("{{ 'é' | json }}")).toBe('"é"');
  });

  it('prints times as ISO 8601 in the shop time zone', () => {
    expect(render('{{ d | json }}', { d: new Date('2022-04-22T15:55:56Z') }, 'America/New_York')).toBe('"2022-04-22T11:55:56-04:00"');
  });

  it('uses drops toJSON / valueOf and keeps boxed floats as printed', () => {
    class Money extends Drop {
      override valueOf() {
        return 1000;
      }
    }
    class One extends Drop {
      override valueOf() {
        return 1;
      }
      toString() {
        return '1.0';
      }
    }
    expect(toShopifyJson({ a: new Money(), b: new One() })).toBe('{"a":1000,"b":1.0}');
  });

  it('fails clearly on a circular value', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => toShopifyJson(a)).toThrow(/circular/);
  });
});
