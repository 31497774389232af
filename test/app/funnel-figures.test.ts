// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sessionTokenFor } from '@encore/fixtures/shopify-stand-in.ts';
import { API_KEY, backend, call, embeddedState, post, PURCHASED_AT, SECRET, signedInput, signOf, type TestBackend } from './support.ts';

const SHOP = 'ember-and-wick.myshopify.com';
const WICK = { offerId: 'wick-trimmer-first-candle', variantId: 4006, quantity: 1 };
const DAY = '2026-03-20';

const eventOf = (b: TestBackend, token: string, offerId: string, event: string) => call(b, post('/api/post-purchase/events', { token, offerId, event }));

/** The funnel report as the admin page asks for it: its session token as a bearer token. */
async function figures(b: TestBackend, query = `?from=${DAY}&to=${DAY}`, bearer?: string) {
  const token = bearer ?? (await sessionTokenFor(SHOP, { apiKey: API_KEY, apiSecret: SECRET }));
  return call(b, new Request(`http://backend.invalid/api/admin/funnel${query}`, { headers: { authorization: `Bearer ${token}` } }));
}

describe("the funnel a merchant acts on: each offer's views, acceptance and revenue added, by day", () => {
  it("counts casey's #1004: shown twice (a reload) counts once; accepted and applied with the signed amount", async () => {
    const b = backend();
    const { token } = await signedInput('1004');
    expect((await eventOf(b, token, WICK.offerId, 'shown')).body).toEqual({ recorded: true });
    expect((await eventOf(b, token, WICK.offerId, 'shown')).body).toEqual({ recorded: false });
    expect((await signOf(b, { token, ...WICK, quantity: 2 })).status).toBe(200);
    expect((await eventOf(b, token, WICK.offerId, 'applied')).body).toEqual({ recorded: true });
    const report = await figures(b);
    expect(report.status).toBe(200);
    // $18.00 less 15%, twice: 2 × 1530 cents.
    expect(report.body).toEqual({
      shop: SHOP,
      from: DAY,
      to: DAY,
      offers: [
        {
          offerId: WICK.offerId,
          days: [{ day: DAY, views: 1, accepted: 1, declined: 0, applied: 1, acceptanceRate: 1, revenueAddedCents: 3060, currency: 'USD' }],
          total: { views: 1, accepted: 1, declined: 0, applied: 1, acceptanceRate: 1, revenueAddedCents: 3060, currency: 'USD' },
        },
      ],
    });
  });

  it('acceptance is accepted per view, and days are UTC days', async () => {
    const b = backend();
    const casey = (await signedInput('1004')).token;
    const again = (await signedInput('1004', undefined, SECRET, new Date(PURCHASED_AT + 1000))).token;
    await eventOf(b, casey, WICK.offerId, 'shown');
    await eventOf(b, casey, WICK.offerId, 'declined');
    // The same purchase's second token is the same purchase: its view does not count twice.
    await eventOf(b, again, WICK.offerId, 'shown');
    b.clock.now = Date.parse('2026-03-21T00:00:05Z');
    const report = await figures(b, '?from=2026-03-20&to=2026-03-21');
    expect(report.body.offers[0].days).toEqual([
      { day: DAY, views: 1, accepted: 0, declined: 1, applied: 0, acceptanceRate: 0, revenueAddedCents: 0, currency: null },
    ]);
  });

  it('refuses what did not happen: an offer this purchase was not offered, applied without a signature, an unknown event', async () => {
    const b = backend();
    const { token } = await signedInput('1004');
    expect([(await eventOf(b, token, 'made-up', 'shown')).status]).toEqual([404]);
    const unsigned = await eventOf(b, token, WICK.offerId, 'applied');
    expect([unsigned.status, unsigned.body.error.code]).toEqual([409, 'not_signed']);
    expect((await eventOf(b, token, WICK.offerId, 'purchased')).status).toBe(400);
    expect((await figures(b)).body.offers).toEqual([]);
  });

  it("answers only the shop's own admin: no token 401, another app's 401, a shop not installed 403; bad days 400", async () => {
    const b = backend();
    const none = await call(b, new Request('http://backend.invalid/api/admin/funnel'));
    expect([none.status, none.body.error.code]).toEqual([401, 'invalid_session_token']);
    const otherApp = await figures(b, '', await sessionTokenFor(SHOP, { apiKey: 'another-app', apiSecret: SECRET }));
    expect(otherApp.status).toBe(401);
    const notInstalled = await figures(backend({ state: embeddedState(undefined, []) }));
    expect([notInstalled.status, notInstalled.body.error.code]).toEqual([403, 'shop_not_installed']);
    for (const query of ['?from=2026-02-30&to=2026-03-01', '?to=yesterday', '?from=2026-03-21&to=2026-03-20', '?from=2024-01-01&to=2026-03-20']) {
      expect((await figures(b, query)).status, query).toBe(400);
    }
  });

  it('by default covers the 30 days to today', async () => {
    const report = await figures(backend(), '');
    expect([report.body.from, report.body.to]).toEqual(['2026-02-19', DAY]);
  });
});
