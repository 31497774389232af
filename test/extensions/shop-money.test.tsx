// @vitest-environment jsdom
/**
 * One money format per shop, on every surface: in the EUR store ("€{{amount_with_comma_separator}}"), the
 * theme's `money` filter, the thank-you block, the order-status block's words and the post-purchase page all
 * write €40,90 for 4090 cents, where the hosts' own formatter in Dutch writes "€ 40,90".
 */
import { getExtension } from './support/tester.ts';
import { waitFor } from './support/wait.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shopMoneyText } from '@encore/core/money.ts';
import { wordsFor } from '../../extensions/post-purchase-upsell/src/words.ts';
import { shopMoneyFormat } from '@encore/shopify-apis/shop-money.ts';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState } from '@encore/liquid/state.ts';
import { thankYouApi } from '@encore/fixtures/adapters/checkout.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import { localeTranslator } from './support/i18n.ts';
import { fillThankYouHost } from './support/thank-you-host.ts';

const eur = findBundledStore({ order: '3002' })!.store;
const FORMAT = { currency: 'EUR', format: eur.shop.money_format };
/** The hosts format in the buyer's locale; Dutch puts a space after the euro sign. */
const dutchHost = (amount: number, currency = 'EUR') => new Intl.NumberFormat('nl-NL', { style: 'currency', currency }).format(amount);

function themeMoney(cents: number): string {
  const base = defaultRenderState();
  const state = defaultRenderState({
    shop: { ...base.shop, currency: eur.shop.currency, moneyFormat: eur.shop.money_format, moneyWithCurrencyFormat: eur.shop.money_with_currency_format },
  });
  return createLiquid().parseAndRenderSync('{{ amount | money }}', { amount: cents }, { globals: globalsWithState({}, state) });
}

it('the fixture and the hosts really differ: the shop writes "€40,90", a Dutch host "€ 40,90"', () => {
  expect(eur.shop.money_format).toBe('€{{amount_with_comma_separator}}');
  expect(dutchHost(40.9).replace(/\u00a0/g, ' ')).toBe('€ 40,90');
});

describe('4090 cents in the EUR store', () => {
  it('the theme writes €40,90', () => {
    expect(themeMoney(4090)).toBe('€40,90');
  });

  it('the post-purchase page writes the same, from the format the backend hands it', () => {
    // The backend reads this format from the shop's Admin API: test/app/catalog.test.ts.
    expect(wordsFor('nl', FORMAT).decimalMoney('40.90', 'EUR')).toBe(themeMoney(4090));
    // Without a format (an older backend) it is the buyer's locale, as before.
    expect(
      wordsFor('nl')
        .decimalMoney('40.90', 'EUR')
        .replace(/\u00a0/g, ' '),
    ).toBe('€ 40,90');
  });

  it("the order-status block reads the studio's money_format metafield and writes the same", () => {
    const entries = [{ target: { type: 'shop' }, metafield: { namespace: '$app', key: 'money_format', value: JSON.stringify(FORMAT) } }];
    expect(shopMoneyFormat(entries)).toEqual(FORMAT);
    expect(shopMoneyText(4090, 'EUR', shopMoneyFormat(entries))).toBe(themeMoney(4090));
    // Another currency is the host's to format: the shop's format is written for euros only.
    expect(shopMoneyText(4090, 'USD', FORMAT)).toBeNull();
  });

  it('HTML in a money format is left out and its entities read: "<span class=money>&euro;{{amount_with_comma_separator}}</span>"', () => {
    expect(shopMoneyText(4090, 'EUR', { currency: 'EUR', format: '<span class=money>&euro;{{amount_with_comma_separator}}</span>' })).toBe('€40,90');
  });
});

describe('the thank-you block of #3002 (€40,90, Dutch)', () => {
  const extension = getExtension('purchase.thank-you.block.render', { configSearchDir: 'extensions/thank-you' });
  beforeEach(() => extension.setUp());
  afterEach(() => extension.tearDown());

  it('writes the total as the theme does, not as the Dutch host would', async () => {
    const { order, customer } = findOrder(eur, '3002')!;
    const api = thankYouApi(eur, order, customer, { locale: 'nl' });
    const shopify = extension.shopify;
    fillThankYouHost(shopify, api);
    shopify.i18n.translate = localeTranslator('extensions/thank-you', 'nl') as typeof shopify.i18n.translate;
    shopify.i18n.formatCurrency = ((amount: number, options?: { currency?: string }) =>
      dutchHost(amount, options?.currency)) as typeof shopify.i18n.formatCurrency;
    shopify.query = (async () => ({ data: { nodes: [], productRecommendations: [] } })) as unknown as typeof shopify.query;
    shopify.appMetafields.value = [
      { target: { type: 'shop', id: api.shop.id }, metafield: { namespace: 'app--1234', key: 'money_format', type: 'json', value: JSON.stringify(FORMAT) } },
    ] as typeof shopify.appMetafields.value;
    await extension.render();
    await waitFor(() => expect(document.body.textContent).toContain(themeMoney(4090)));
    expect(document.body.textContent).not.toMatch(/€\s40,90/);
  });
});
