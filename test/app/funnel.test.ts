import { describe, expect, it } from 'vitest';
import {
  backend,
  cardStore,
  dkkCardStore,
  DKK_OFFERS,
  FakePostPurchaseHost,
  offersOf,
  PURCHASED_AT,
  runFunnel,
  SECRET,
  signedInput,
  signOf,
} from './support.ts';
import { signInputToken } from '@encore/fixtures/adapters/post-purchase.ts';

describe('offers → sign → apply → next offer → done, against a host that checks changesets as Shopify does', () => {
  it("casey's first order (#1004): the wick trimmer at 15% off is accepted and applied; its upsell does not apply to the order, so the page is done", async () => {
    const b = backend();
    const input = await signedInput('1004');
    const host = new FakePostPurchaseHost(input, b.clock);
    const { offers, steps } = await runFunnel(b, host, input, () => 'accept');
    expect(offers.map((offer) => offer.id)).toEqual(['wick-trimmer-first-candle']);
    expect(offers[0].next).toEqual({ accepted: null, declined: null });
    expect(steps).toEqual(['accept wick-trimmer-first-candle', 'done']);
    expect(host.added).toEqual([
      {
        variantId: 4006,
        quantity: 1,
        discount: { value: 15, valueType: 'percentage', title: 'Your first candle burns cleaner with a trimmed wick: 15% off the Wick Trimmer' },
      },
    ]);
  });

  it("riley's first order (#1012, paid by card): accept the wick trimmer → the refill oil (its upsell) → accept → the guide → decline → done", async () => {
    const b = backend({ store: cardStore });
    const input = await signedInput('1012', cardStore);
    const host = new FakePostPurchaseHost(input, b.clock);
    const { offers, steps } = await runFunnel(b, host, input, (offer) => (offer.id === 'guide-with-gift-set' ? 'decline' : 'accept'));
    expect(offers.map((offer) => [offer.id, offer.next])).toEqual([
      // Its downsell (the matches) is not among this order's offers, so declining it ends the page.
      ['wick-trimmer-first-candle', { accepted: 'refill-oil-for-diffuser', declined: null }],
      ['refill-oil-for-diffuser', { accepted: 'guide-with-gift-set', declined: 'guide-with-gift-set' }],
      ['guide-with-gift-set', { accepted: null, declined: null }],
    ]);
    expect(steps).toEqual(['accept wick-trimmer-first-candle', 'accept refill-oil-for-diffuser', 'decline guide-with-gift-set', 'done']);
    expect(host.added.map((line) => [line.variantId, line.quantity])).toEqual([
      [4006, 1],
      [4011, 1],
    ]);
  });

  it("Lars Nielsen's DKK order (#2004, paid by card): two mugs at 10% off, then the plate set at 100 kr. off, then done", async () => {
    const b = backend({ store: dkkCardStore, offers: DKK_OFFERS });
    const input = await signedInput('2004', dkkCardStore);
    const host = new FakePostPurchaseHost(input, b.clock);
    const { offers, steps } = await runFunnel(b, host, input, () => 'accept');
    expect(offers[0]).toEqual({
      id: 'krus-til-skaalen',
      title: 'Krus der passer til skålen: 10 % rabat',
      product: { title: expect.any(String), imageUrl: expect.stringMatching(/^https:\/\/nordlys-keramik\.example\/cdn\/shop\/files\//) },
      variants: [{ id: 42001, title: expect.any(String), price: '249.00', discountedPrice: '224.10' }],
      currencyCode: 'DKK',
      quantity: { default: 2, max: 4 },
      discount: { type: 'percentage', value: 10 },
      next: { accepted: 'tallerkener-gave', declined: null },
      countdownSeconds: 120,
      moneyFormat: { currency: 'DKK', format: '{{amount_with_comma_separator}} kr.' },
    });
    expect(offers[1]).toMatchObject({
      id: 'tallerkener-gave',
      variants: [{ id: 42005, price: '799.00', discountedPrice: '699.00' }],
      discount: { type: 'fixed_amount', value: 100 },
    });
    expect(steps).toEqual(['accept krus-til-skaalen', 'accept tallerkener-gave', 'done']);
    expect(host.added).toEqual([
      { variantId: 42001, quantity: 2, discount: { value: 10, valueType: 'percentage', title: 'Krus der passer til skålen: 10 % rabat' } },
      { variantId: 42005, quantity: 1, discount: { value: 100, valueType: 'fixed_amount', title: 'Tallerkensættet med 100 kr. rabat' } },
    ]);
  });

  it('the host refuses a changeset applied twice, one for another purchase, and one signed before the purchase', async () => {
    const b = backend();
    const input = await signedInput('1004');
    const signed = await signOf(b, { token: input.token, offerId: 'wick-trimmer-first-candle', variantId: 4006, quantity: 2 });
    expect(signed.status).toBe(200);
    const host = new FakePostPurchaseHost(input, b.clock);
    expect((await host.applyChangeset(signed.body.token)).status).toBe('processed');
    expect((await host.applyChangeset(signed.body.token)).errors[0].code).toBe('changeset_already_applied');

    const other = new FakePostPurchaseHost(await signedInput('1012'), b.clock);
    expect((await other.applyChangeset(signed.body.token)).errors[0].message).toContain('"sub" claim');

    const later = new FakePostPurchaseHost(input, b.clock, b.clock.now + 60_000);
    expect((await later.applyChangeset(signed.body.token)).errors[0].message).toBe('signed before the purchase completed');
  });
});

describe('a buyer paying in another currency than the shop', () => {
  it('is offered nothing: Shopify surfaces no post-purchase offers on orders in more than one currency', async () => {
    // The plate set offered to every buyer here, not only to those paying in kroner.
    const everyone = { ...DKK_OFFERS, offers: DKK_OFFERS.offers.map((offer) => (offer.id === 'tallerkener-gave' ? { ...offer, trigger: {} } : offer)) };
    const b = backend({ store: dkkCardStore, offers: everyone });
    const same = await offersOf(b, (await signedInput('2004', dkkCardStore)).token);
    expect(same.body.offers.map((offer: { id: string }) => offer.id)).toEqual(['krus-til-skaalen', 'tallerkener-gave']);
    const { token: _token, ...inputData } = await signedInput('2004', dkkCardStore);
    const purchase = inputData.initialPurchase;
    // The same purchase presented in euros at the shop's rate (1 kr. = 0.134 €): Shopify's MoneyBag for such a buyer.
    const inEuros = (bag: { shopMoney: { amount: string; currencyCode: string } }) => ({
      ...bag,
      presentmentMoney: { amount: (Number(bag.shopMoney.amount) * 0.134).toFixed(2), currencyCode: 'EUR' },
    });
    const euroInput = {
      ...inputData,
      initialPurchase: {
        ...purchase,
        totalPriceSet: inEuros(purchase.totalPriceSet),
        lineItems: purchase.lineItems.map((line) => ({ ...line, totalPriceSet: inEuros(line.totalPriceSet) })),
      },
    } as typeof inputData;
    const token = await signInputToken(euroInput as never, SECRET, new Date(PURCHASED_AT));
    const { status, body } = await offersOf(b, token);
    expect(status).toBe(200);
    expect(body.offers).toEqual([]);
    // Nor will the backend sign one of the offers the kroner buyer saw.
    const signed = await signOf(b, { token, offerId: 'krus-til-skaalen', variantId: 42001, quantity: 1 });
    expect(signed.status).toBe(404);
  });
});
