import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';

const liquid = createLiquid();
const render = (template: string, vars: Record<string, unknown> = {}) => liquid.parseAndRenderSync(template, vars);

describe('pluralize', () => {
  it('picks the singular for 1 and the plural otherwise', () => {
    expect(render("{{ 1 | pluralize: 'item', 'items' }}")).toBe('item');
    expect(render("{{ 3 | pluralize: 'item', 'items' }}")).toBe('items');
    expect(render("{{ 0 | pluralize: 'item', 'items' }}")).toBe('items');
    expect(render("{{ '1' | pluralize: 'item', 'items' }}")).toBe('item');
    expect(render("Cart item count: {{ n }} {{ n | pluralize: 'item', 'items' }}", { n: 2 })).toBe('Cart item count: 2 items');
  });
});

describe('handleize / handle', () => {
  it('matches the documented examples', () => {
    expect(render("{{ '100% M & Ms!!!' | handleize }}")).toBe('100-m-ms');
    expect(render('{{ t | handleize }} {{ t | handle }}', { t: 'Health potion' })).toBe('health-potion health-potion');
  });
  it('drops apostrophes and trims hyphens', () => {
    expect(render('{{ "  Men\'s T-Shirt -- XL " | handleize }}')).toBe('mens-t-shirt-xl');
    expect(render('[{{ nil | handleize }}]')).toBe('[]');
    expect(render("{{ 'snake_case Title' | handleize }}")).toBe('snake_case-title');
  });
});

describe('camelize', () => {
  it('documented example', () => {
    expect(render("{{ 'variable-name' | camelize }}")).toBe('VariableName');
    expect(render("{{ 'coming_soon page' | camelize }}")).toBe('ComingSoonPage');
  });
});

describe('url_escape / url_param_escape', () => {
  it('documented examples', () => {
    expect(render("{{ '<p>Health & Love potions</p>' | url_escape }}")).toBe('%3Cp%3EHealth%20&%20Love%20potions%3C/p%3E');
    expect(render("{{ '<p>Health & Love potions</p>' | url_param_escape }}")).toBe('%3Cp%3EHealth%20%26%20Love%20potions%3C/p%3E');
  });
  it('percent-encodes UTF-8 bytes and keeps reserved characters', () => {
    expect(render("{{ 'café?a=1#x' | url_escape }}")).toBe('caf%C3%A9?a=1%23x');
  });
});

describe('highlight', () => {
  it('documented example', () => {
    expect(render('{{ d | highlight: terms }}', { d: 'This is a love potion.', terms: 'love' })).toBe(
      'This is a <strong class="highlight">love</strong> potion.',
    );
  });
  it('is case-insensitive, keeps the original text and leaves tags alone', () => {
    expect(render('{{ d | highlight: terms }}', { d: '<p class="love">Love me</p>', terms: 'love' })).toBe(
      '<p class="love"><strong class="highlight">Love</strong> me</p>',
    );
    expect(render('{{ d | highlight: "" }}', { d: 'love' })).toBe('love');
  });
});
