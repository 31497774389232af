/**
 * When Shopify shows the post-purchase page (packages/core/src/post-purchase-page.ts, after shopify.dev's
 * "Limitations and considerations" for post-purchase checkout extensions), over the store fixtures' orders.
 */
import { describe, expect, it } from 'vitest';
import { orderPostPurchaseFacts, postPurchaseSkip, SKIP_EXPLANATIONS, type PostPurchaseOrderFacts } from '@encore/core/post-purchase-page.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import type { Store } from '@encore/fixtures/types.ts';

const store = loadStore();
const skipOf = (from: Store, name: string) => postPurchaseSkip(orderPostPurchaseFacts(findOrder(from, name)!.order, from.shop.currency));

const CARD: PostPurchaseOrderFacts = {
  company: false,
  paymentTerms: false,
  fromCheckout: true,
  payments: [{ card: true, succeeded: true }],
  duties: false,
  currency: 'USD',
  shopCurrency: 'USD',
};

describe('orders of the default store', () => {
  it('#1002, a bank deposit still pending, charged no card: skipped', () => {
    expect(skipOf(store, '1002')).toBe('no_card_payment');
  });

  it('#1014, a B2B order on Net 30, charged nothing: skipped as B2B', () => {
    expect(skipOf(store, '1014')).toBe('b2b');
  });

  it('#1012 paid import duties: skipped', () => {
    expect(skipOf(store, '1012')).toBe('duties');
  });

  it('card orders are shown the page: #1001 (a Visa sale), #1004 (Mastercard), #1008 (an authorization not yet captured)', () => {
    expect(['1001', '1004', '1008'].map((name) => skipOf(store, name))).toEqual([null, null, null]);
  });
});

describe('orders of the bundled stores', () => {
  const eur = findBundledStore({ order: '3001' })!.store;
  const dkk = findBundledStore({ customer: 'lars-nielsen' })!.store;

  it('iDEAL, MobilePay and a pending bank transfer charge no card: skipped', () => {
    expect(skipOf(dkk, '2002')).toBe('no_card_payment');
    expect(skipOf(dkk, '2004')).toBe('no_card_payment');
    expect(skipOf(eur, '3001')).toBe('no_card_payment');
  });

  it('a gift card beside an authorized Visa leaves the card to charge: #3006 is shown the page', () => {
    expect(skipOf(eur, '3006')).toBeNull();
  });
});

describe('each rule on its own', () => {
  it.each<[string, Partial<PostPurchaseOrderFacts>, string]>([
    ['payment terms without a company', { paymentTerms: true, payments: [] }, 'payment_terms'],
    ['a draft order or POS sale', { fromCheckout: false }, 'not_from_checkout'],
    ['a card payment that failed', { payments: [{ card: true, succeeded: false }] }, 'no_card_payment'],
    ['a buyer paying in euros in a dollar shop', { currency: 'EUR' }, 'foreign_currency'],
  ])('%s: %s', (_name, change, reason) => {
    expect(postPurchaseSkip({ ...CARD, ...change })).toBe(reason);
    expect(SKIP_EXPLANATIONS[reason as keyof typeof SKIP_EXPLANATIONS]).toMatch(/\w/);
  });

  it('a card behind a wallet or instalment gateway is not one Shopify charges again', () => {
    const facts = (gateway: string) =>
      orderPostPurchaseFacts(
        { currency: 'USD', payment_terms: null, transactions: [{ kind: 'sale', status: 'success', gateway, card: { brand: 'Visa' } }] },
        'USD',
      );
    expect(postPurchaseSkip(facts('apple_pay'))).toBe('no_card_payment');
    expect(postPurchaseSkip(facts('shop_pay_installments'))).toBe('no_card_payment');
    expect(postPurchaseSkip(facts('shopify_payments'))).toBeNull();
  });
});
