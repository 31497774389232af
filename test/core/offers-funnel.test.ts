import { describe, expect, it } from 'vitest';
import { formatProblem, type Offer } from '@encore/core/offer-config.ts';
import { offerConfigProblems } from '../../app/offers/validate.ts';
import { offerFunnel, selectOffers, type OfferPick } from '@encore/core/offers.ts';
import { loadOffers } from '@encore/fixtures/offers/load.ts';
import { loadStore } from '@encore/fixtures/load.ts';

const store = loadStore();

/** An offer for every order with the Long Matches (4008) action; only what a funnel test varies. */
function offer(id: string, priority: number, extra: Partial<Offer> = {}): Offer {
  return { id, title: id, priority, trigger: {}, action: { variant_id: 4008, quantity: { default: 1, max: 2 }, discount: null }, ...extra };
}
const problems = (offers: unknown[]) => offerConfigProblems({ offers }).map(formatProblem);

describe('funnel fields in the offer config', () => {
  it('accepts next links to later offers, nulls and a countdown', () => {
    expect(
      problems([
        offer('upsell', 30, { next: { accepted: 'second', declined: 'downsell' }, countdown_seconds: 300 }),
        offer('second', 20, { next: { accepted: null, declined: null }, countdown_seconds: null }),
        offer('downsell', 10),
      ]),
    ).toEqual([]);
  });

  it('names each mistake with its path', () => {
    expect(problems([offer('a', 30, { next: { accepted: 'A B' } as never, countdown_seconds: 0 })])).toEqual([
      'offers[0].next.declined: is missing; expected the id of the offer shown after declining, or null',
      'offers[0].next.accepted: must be a slug of lower-case letters, digits and single hyphens such as "wick-trimmer-first-order", got "A B"',
      'offers[0].countdown_seconds: must be a whole number of seconds from 1 to 3600, or null for no countdown, got 0',
    ]);
    expect(problems([offer('a', 30, { countdown_seconds: 3601 })])).toEqual([
      'offers[0].countdown_seconds: must be a whole number of seconds from 1 to 3600, or null for no countdown, got 3601',
    ]);
  });

  it('refuses a link to an unknown offer, to itself or backwards (a loop)', () => {
    expect(problems([offer('a', 30, { next: { accepted: 'nowhere', declined: null } })])).toEqual([
      'offers[0].next.accepted: names no offer of this file: "nowhere"',
    ]);
    expect(problems([offer('a', 30, { next: { accepted: 'a', declined: null } })])).toEqual([
      'offers[0].next.accepted: "a" (priority 30) must come after this offer (priority 30) in priority order, so the funnel cannot loop',
    ]);
    expect(problems([offer('a', 30, { next: { accepted: 'b', declined: null } }), offer('b', 20, { next: { accepted: null, declined: 'a' } })])).toEqual([
      'offers[1].next.declined: "a" (priority 30) must come after this offer (priority 20) in priority order, so the funnel cannot loop',
    ]);
    // Same priority: the later id comes after.
    expect(problems([offer('a', 30, { next: { accepted: 'b', declined: null } }), offer('b', 30)])).toEqual([]);
  });

  it('refuses a funnel longer than 3 offers', () => {
    const link = (to: string) => ({ next: { accepted: null, declined: to } });
    expect(problems([offer('a', 40, link('b')), offer('b', 30, link('c')), offer('c', 20, link('d')), offer('d', 10)])).toEqual([
      'offers[0].next: leads to a funnel of 4 offers (a → b → c → d); Shopify shows at most 3 per order',
    ]);
  });

  it("app/offers.json's funnel: the wick trimmer leads to the refill oil when accepted and the matches when declined, with 5 minutes to decide", () => {
    const wick = loadOffers(undefined, store).offers.find((entry) => entry.id === 'wick-trimmer-first-candle')!;
    expect(wick.next).toEqual({ accepted: 'refill-oil-for-diffuser', declined: 'matches-with-candle' });
    expect(wick.countdown_seconds).toBe(300);
  });
});

describe('offerFunnel over the picks of one order', () => {
  const picks = (offers: Offer[]): OfferPick[] =>
    selectOffers({
      config: { offers },
      products: store.products,
      collections: store.collections,
      order: { lines: [{ product: 'amber-candle', variant_id: 4001, quantity: 1 }], subtotal: 2400, currency: 'USD', country: 'US' },
      customer: { orderCount: 0, tags: [] },
    });
  const variant = (variant_id: number) => ({ variant_id, quantity: { default: 1, max: 2 }, discount: null });

  it('without next, accepting or declining leads to the following pick, then to the thank-you page', () => {
    const funnel = offerFunnel(picks([offer('a', 30, { action: variant(4006) }), offer('b', 20, { action: variant(4007) }), offer('c', 10)]));
    expect([...funnel]).toEqual([
      ['a', { accepted: 'b', declined: 'b' }],
      ['b', { accepted: 'c', declined: 'c' }],
      ['c', { accepted: null, declined: null }],
    ]);
  });

  it('follows next when the named offer is among the picks, and ends the funnel when it is not', () => {
    const funnel = offerFunnel(
      picks([
        // The tray (4016) is out of stock, so "tray" is never picked.
        offer('a', 30, { action: variant(4006), next: { accepted: 'c', declined: 'tray' } }),
        offer('b', 20, { action: variant(4007) }),
        offer('c', 10),
        offer('tray', 5, { action: variant(4016) }),
      ]),
    );
    expect(funnel.get('a')).toEqual({ accepted: 'c', declined: null });
  });
});
