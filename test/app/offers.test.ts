import { describe, expect, it } from 'vitest';
import { backend, cardStore, offersOf, signedInput, signOf } from './support.ts';

describe("POST /api/post-purchase/offers for riley's first order (#1012, paid by card), from app/offers.json and the fixture catalog", async () => {
  const b = backend({ store: cardStore });
  const { token } = await signedInput('1012', cardStore);
  const { status, body } = await offersOf(b, token);

  it('answers 200 with the three offers riley qualifies for, highest priority first', () => {
    expect(status).toBe(200);
    expect(body.offers.map((offer: { id: string }) => offer.id)).toEqual(['wick-trimmer-first-candle', 'refill-oil-for-diffuser', 'guide-with-gift-set']);
  });

  it('the Wick Trimmer: $18.00, 15% off is $15.30, up to 2, with 5 minutes to decide', () => {
    expect(body.offers[0]).toEqual({
      id: 'wick-trimmer-first-candle',
      title: 'Your first candle burns cleaner with a trimmed wick: 15% off the Wick Trimmer',
      product: { title: 'Wick Trimmer', imageUrl: 'https://ember-and-wick.example/cdn/shop/files/wick-trimmer.jpg' },
      variants: [{ id: 4006, title: 'Default Title', price: '18.00', discountedPrice: '15.30' }],
      currencyCode: 'USD',
      quantity: { default: 1, max: 2 },
      discount: { type: 'percentage', value: 15 },
      next: { accepted: 'refill-oil-for-diffuser', declined: null },
      countdownSeconds: 300,
      moneyFormat: { currency: 'USD', format: '${{amount}}' },
    });
  });

  it('the Refill Oil: $22.00 less 10% is $19.80; the Candle-Making Guide: $12.00 less 25% is $9.00; no countdowns', () => {
    expect(body.offers[1].variants).toEqual([{ id: 4011, title: 'Default Title', price: '22.00', discountedPrice: '19.80' }]);
    expect(body.offers[2].variants).toEqual([{ id: 4015, title: 'Default Title', price: '12.00', discountedPrice: '9.00' }]);
    expect([body.offers[1].countdownSeconds, body.offers[2].countdownSeconds]).toEqual([null, null]);
  });
});

describe('offers that depend on who bought', () => {
  it("casey's third order (#1003) is not a first order: no wick trimmer; the refill oil and the matches", async () => {
    const { body } = await offersOf(backend(), (await signedInput('1003')).token);
    expect(body.offers.map((offer: { id: string }) => offer.id)).toEqual(['refill-oil-for-diffuser', 'matches-with-candle']);
    expect(body.offers[1]).toMatchObject({
      discount: null,
      variants: [{ id: 4008, price: '6.00', discountedPrice: '6.00' }],
      quantity: { default: 1, max: 5 },
    });
  });

  it('an order with nothing to offer answers an empty list (#1001)', async () => {
    const { status, body } = await offersOf(backend(), (await signedInput('1001')).token);
    expect([status, body]).toEqual([200, { offers: [] }]);
  });
});

describe('orders Shopify shows no post-purchase page for get no offer and no signature', () => {
  it.each([
    ['1002', 'a bank deposit still pending'],
    ['1014', 'a B2B order on Net 30'],
    ['1012', 'an order that paid import duties'],
  ])('#%s (%s): no offers, and signing an offer it would otherwise get is refused', async (name) => {
    const b = backend();
    const { token } = await signedInput(name);
    const { status, body } = await offersOf(b, token);
    expect(status).toBe(200);
    expect(body.offers).toEqual([]);
    // The matches are offered for any candle order; here not even those are signed.
    const signed = await signOf(b, { token, offerId: 'matches-with-candle', variantId: 4008, quantity: 1 });
    expect(signed.status).toBe(404);
    expect(signed.body.error.code).toBe('unknown_offer');
  });
});
