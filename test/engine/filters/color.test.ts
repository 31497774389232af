import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';

const liquid = createLiquid();
const render = (source: string) => liquid.parseAndRenderSync(source, {}, { globals: {} });

describe('color filters: documented outputs', () => {
  it.each([
    ["{{ '#EA5AB9' | color_to_rgb }}", 'rgb(234, 90, 185)'],
    ["{{ 'rgb(234, 90, 185)' | color_to_hex }}", '#ea5ab9'],
    ["{{ '#EA5AB9' | color_to_hsl }}", 'hsl(320, 77%, 64%)'],
    ["{{ '#EA5AB9' | color_to_oklch }}", 'oklch(68% 0.2 343 / 1.0)'],
    ["{{ '#EA5AB9' | color_modify: 'red', 255 }}", '#ff5ab9'],
    ["{{ '#EA5AB9' | color_modify: 'alpha', 0.85 }}", 'rgba(234, 90, 185, 0.85)'],
    ["{{ '#EA5AB9' | color_lighten: 30 }}", '#fbe2f3'],
    ["{{ '#EA5AB9' | color_darken: 30 }}", '#98136b'],
    ["{{ '#EA5AB9' | color_desaturate: 30 }}", '#ce76b0'],
    ["{{ '#EA5AB9' | color_saturate: 30 }}", '#ff45c0'],
    ["{{ '#E800B0' | color_mix: '#00936F', 50 }}", '#744a90'],
    ["{{ 'rgba(232, 0, 176, 0.75)' | color_mix: '#00936F', 50 }}", 'rgba(116, 74, 144, 0.88)'],
    ["{{ '#EA5AB9' | color_brightness }}", '143.89'],
    ["{{ '#E800B0' | brightness_difference: '#FECEE9' }}", '134'],
    ["{{ '#720955' | color_difference: '#FFF3F9' }}", '539'],
    ["{{ '#EA5AB9' | color_extract: 'red' }}", '234'],
    ["{{ '#EA5AB9' | hex_to_rgba }}", 'rgba(234,90,185,1)'],
    ["{{ '#EA5AB9' | hex_to_rgba: 0.5 }}", 'rgba(234,90,185,0.5)'],
  ])('%s → %s', (source, expected) => {
    expect(render(source)).toBe(expected);
  });

  it('color_contrast rounds the ratio to one decimal (shopify.dev shows 3.0)', () => {
    expect(Number(render("{{ '#E800B0' | color_contrast: '#D9D8FF' }}"))).toBe(3);
    expect(render("{{ '#000000' | color_contrast: '#ffffff' }}")).toBe('21');
    expect(render("{{ '#777777' | color_contrast: '#ffffff' }}")).toBe('4.5');
  });
});

describe('color filters: other notations and edge cases', () => {
  it('keeps rgb and hsl notations, adds alpha', () => {
    expect(render("{{ 'rgb(234, 90, 185)' | color_lighten: 30 }}")).toBe('rgb(251, 226, 243)');
    expect(render("{{ 'hsl(320, 77%, 64%)' | color_darken: 10 }}")).toMatch(/^hsl\(320, 77%, 54%\)$/);
    expect(render("{{ '#EA5AB980' | color_to_rgb }}")).toBe('rgba(234, 90, 185, 0.5)');
    expect(render("{{ 'rgba(234, 90, 185, 0.5)' | color_to_hsl }}")).toBe('hsla(320, 77%, 64%, 0.5)');
    expect(render("{{ 'rgba(234, 90, 185, 0.5)' | color_to_hex }}")).toBe('#ea5ab9');
    expect(render("{{ '#fff' | color_to_rgb }}")).toBe('rgb(255, 255, 255)');
  });
  it('extracts every component', () => {
    expect(
      render(
        "{{ '#EA5AB9' | color_extract: 'hue' }}-{{ '#EA5AB9' | color_extract: 'saturation' }}-{{ '#EA5AB9' | color_extract: 'lightness' }}-{{ '#EA5AB9' | color_extract: 'alpha' }}",
      ),
    ).toBe('320-77-64-1');
  });
  it('returns nil as empty and non-colors unchanged; rejects bad arguments', () => {
    expect(render('{{ nothing | color_to_rgb }}')).toBe('');
    expect(render("{{ 'not a color' | color_lighten: 10 }}")).toBe('not a color');
    expect(() => render("{{ '#fff' | color_lighten: 120 }}")).toThrow(/color_lighten: the percentage must be a number between 0 and 100/);
    expect(() => render("{{ '#fff' | color_modify: 'purple', 1 }}")).toThrow(/unknown color component "purple"/);
    expect(() => render("{{ '#fff' | color_mix: 'nope', 50 }}")).toThrow(/color_mix: "nope" is not a color/);
  });
});
