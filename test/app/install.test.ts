// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { routeShop } from '../../app/shopify/api.ts';
import { loadShop } from '../../app/storage/shops.ts';
import { sessionTokenFor, shopifyStandIn } from '@encore/fixtures/shopify-stand-in.ts';
import { API_KEY, backend, embeddedState, offersOf, SECRET, signedInput, signOf } from './support.ts';

const SHOP = 'ember-and-wick.myshopify.com';
const APP = { apiKey: API_KEY, apiSecret: SECRET };
const routes: (() => void)[] = [];
afterEach(() => routes.splice(0).forEach((unroute) => unroute()));

/** Shopify's side for SHOP, as the stand-in answers it, with `app` as the app it knows. */
function standIn(app = APP) {
  const shopify = shopifyStandIn(app, { [SHOP]: 'read_products' });
  routes.push(routeShop(SHOP, shopify.fetch));
  return shopify;
}

/** The admin opening the app: GET / with the shop and its session token. */
const open = (b: ReturnType<typeof backend>, idToken?: string) =>
  b.handler(new Request(`http://backend.invalid/?shop=${SHOP}&embedded=1${idToken ? `&id_token=${idToken}` : ''}`));

describe('Shopify-managed installation: the admin opens the app, the backend exchanges the session token', () => {
  it('installs a new shop: one token exchange, the offline token stored, the page framed only by that admin', async () => {
    const shopify = standIn();
    const state = embeddedState(undefined, []);
    const b = backend({ state });
    const response = await open(b, await sessionTokenFor(SHOP, APP));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(`frame-ancestors https://${SHOP} https://admin.shopify.com;`);
    const html = await response.text();
    expect(html).toContain(`<meta name="shopify-api-key" content="${API_KEY}">`);
    expect(html).toContain(`Encore is installed on <strong>${SHOP}</strong>.`);
    expect(shopify.exchanges).toEqual([{ shop: SHOP, status: 200 }]);
    expect(await loadShop((await state).sql, SHOP)).toMatchObject({ shop: SHOP, accessToken: shopify.issued.get(SHOP), scope: 'read_products' });
    // Opened again: the stored token serves, no second exchange.
    expect((await open(b, await sessionTokenFor(SHOP, APP))).status).toBe(200);
    expect(shopify.exchanges).toHaveLength(1);
  });

  it('serves offers and signatures to a shop only once it has installed', async () => {
    // The whole path: token exchange, then offers from the Admin API with the token it issued.
    const b = backend({ state: embeddedState(undefined, []) });
    routes.push(routeShop(SHOP, b.shopify.fetch));
    const { token } = await signedInput('1004');
    const before = await offersOf(b, token);
    expect([before.status, before.body.error.code]).toEqual([403, 'shop_not_installed']);
    expect((await open(b, await sessionTokenFor(SHOP, APP))).status).toBe(200);
    expect((await offersOf(b, token)).body.offers.map((offer: { id: string }) => offer.id)).toEqual(['wick-trimmer-first-candle']);
    expect((await signOf(b, { token, offerId: 'wick-trimmer-first-candle', variantId: 4006, quantity: 1 })).status).toBe(200);
    expect(new Set(b.shopify.admin.calls.map((call) => call.status))).toEqual(new Set([200]));
  });

  it('without a session token: 400 and a page that sends the merchant to the admin, framed by no one', async () => {
    const response = await open(backend());
    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none';");
    expect(await response.text()).toContain('<p>Open Encore from your Shopify admin: Apps, then Encore.</p>');
  });

  it('a session token signed with another secret, for another app, or expired: 401, and Shopify is never asked', async () => {
    const shopify = standIn();
    const state = embeddedState(undefined, []);
    const b = backend({ state });
    const forged = await sessionTokenFor(SHOP, { apiKey: API_KEY, apiSecret: 'not-the-secret' });
    const otherApp = await sessionTokenFor(SHOP, { apiKey: 'another-app', apiSecret: SECRET });
    const expired = await sessionTokenFor(SHOP, APP, Date.now() - 5 * 60_000);
    for (const token of [forged, otherApp, expired, 'garbage']) {
      const response = await open(b, token);
      expect(response.status, token).toBe(401);
      expect(await response.text()).toContain('The session token is not one Shopify issued to this app.');
    }
    expect(shopify.exchanges).toEqual([]);
    expect(await loadShop((await state).sql, SHOP)).toBeNull();
  });

  it('when Shopify refuses the exchange: 502, and nothing is stored', async () => {
    // Shopify knows the app by another client secret than this backend holds: it refuses the client.
    const shopify = standIn({ apiKey: API_KEY, apiSecret: 'rotated-secret' });
    const state = embeddedState(undefined, []);
    const response = await open(backend({ state }), await sessionTokenFor(SHOP, APP));
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('Shopify did not exchange the session token for an access token; reload the app.');
    expect(shopify.exchanges).toEqual([{ shop: SHOP, status: 401 }]);
    expect(await loadShop((await state).sql, SHOP)).toBeNull();
  });
});

describe('expiring offline tokens: an hour each, renewed with the refresh token', () => {
  /** A backend with SHOP installed through token exchange, its Shopify the backend's own stand-in. */
  async function installed() {
    const state = embeddedState(undefined, []);
    const b = backend({ state });
    routes.push(routeShop(SHOP, b.shopify.fetch));
    expect((await open(b, await sessionTokenFor(SHOP, APP))).status).toBe(200);
    const stored = async () => (await loadShop((await state).sql, SHOP))!;
    return { b, state, stored };
  }
  const offerIds = async (b: ReturnType<typeof backend>, name: string) =>
    (await offersOf(b, (await signedInput(name)).token)).body.offers?.map((offer: { id: string }) => offer.id);
  const refreshes = (b: ReturnType<typeof backend>) => b.shopify.exchanges.filter((exchange) => exchange.grant === 'refresh_token');

  it('asks for an expiring token at install and renews it five minutes before its hour is up, once', async () => {
    const { b, stored } = await installed();
    const first = await stored();
    expect(first.accessExpiresAt).toBe(b.clock.now + 3_600_000);
    expect(first.refreshToken).toMatch(/^shprt_/);
    expect(await offerIds(b, '1004')).toEqual(['wick-trimmer-first-candle']);
    expect(refreshes(b)).toEqual([]);
    b.clock.now += 56 * 60_000;
    expect(await offerIds(b, '1145')).toEqual(['matches-with-candle']);
    expect(refreshes(b)).toEqual([{ shop: SHOP, status: 200, grant: 'refresh_token' }]);
    const renewed = await stored();
    expect(renewed.accessToken).not.toBe(first.accessToken);
    expect(renewed.accessExpiresAt).toBe(b.clock.now + 3_600_000);
  });

  it('a token Shopify refuses before its time is renewed at once, and the request served', async () => {
    const { b, stored } = await installed();
    b.shopify.revoked.add((await stored()).accessToken);
    expect(await offerIds(b, '1004')).toEqual(['wick-trimmer-first-candle']);
    expect(refreshes(b)).toHaveLength(1);
  });

  it('two instances due at the same moment renew once: the second reads the pair the first stored', async () => {
    const { b, state } = await installed();
    // A second instance on the same database, reaching the same Shopify.
    const other = backend({ state, shopify: b.shopify });
    b.clock.now += 58 * 60_000;
    other.clock.now = b.clock.now;
    const [one, two] = await Promise.all([offerIds(b, '1004'), offerIds(other, '1004')]);
    expect([one, two]).toEqual([['wick-trimmer-first-candle'], ['wick-trimmer-first-candle']]);
    expect(refreshes(b)).toHaveLength(1);
  });

  it('two instances opened at the same moment exchange once: a second pair would revoke the first', async () => {
    const state = embeddedState(undefined, []);
    const b = backend({ state });
    const other = backend({ state, shopify: b.shopify });
    routes.push(routeShop(SHOP, b.shopify.fetch));
    const opened = await Promise.all([open(b, await sessionTokenFor(SHOP, APP)), open(other, await sessionTokenFor(SHOP, APP))]);
    expect(opened.map((response) => response.status)).toEqual([200, 200]);
    expect(b.shopify.exchanges).toEqual([{ shop: SHOP, status: 200 }]);
    expect(await offerIds(other, '1004')).toEqual(['wick-trimmer-first-candle']);
  });

  it('a refresh token Shopify no longer honours: 503 shop_unavailable, until the merchant opens the app again', async () => {
    const { b } = await installed();
    b.shopify.revoked.add(b.shopify.refreshTokens.get(SHOP)!);
    b.clock.now += 61 * 60_000;
    const { token } = await signedInput('1004', undefined, SECRET, new Date(b.clock.now));
    const refused = await offersOf(b, token);
    expect([refused.status, refused.body.error.code]).toEqual([503, 'shop_unavailable']);
    expect(b.logs).toContain('{"route":"offers","error":"AdminApiError","reason":"unauthorized"}');
    expect((await open(b, await sessionTokenFor(SHOP, APP))).status).toBe(200);
    expect((await offersOf(b, token)).status).toBe(200);
  });
});
