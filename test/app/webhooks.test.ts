import { describe, expect, it } from 'vitest';
import { loadShop } from '../../app/storage/shops.ts';
import { backend, call, embeddedState, offersOf, signedInput, signOf, webhookHmac as hmac, webhookRequest as webhook } from './support.ts';

const SHOP = 'ember-and-wick.myshopify.com';
const REDACT = JSON.stringify({ shop_id: 60000001, shop_domain: SHOP, customer: { id: 9003 }, orders_to_redact: [6001] });

describe('POST /webhooks/compliance and /webhooks/app', () => {
  it("answers 200 to a customer's redact and data request: Encore keeps nothing about customers", async () => {
    for (const topic of ['customers/redact', 'customers/data_request']) {
      const { status, body } = await call(backend(), webhook(topic, REDACT));
      expect([status, body]).toEqual([200, { ok: true }]);
    }
  });

  it('answers 401 invalid_hmac for another secret, a changed body, garbage or no HMAC', async () => {
    for (const request of [
      webhook('customers/redact', REDACT, { signature: hmac(REDACT, 'other') }),
      new Request(webhook('customers/redact', `${REDACT} `, { signature: hmac(REDACT) })),
      webhook('customers/redact', REDACT, { signature: 'not base64!' }),
      webhook('customers/redact', REDACT, { signature: null }),
    ]) {
      const { status, body } = await call(backend(), request);
      expect([status, body.error.code]).toEqual([401, 'invalid_hmac']);
    }
  });

  it('answers 400 missing_headers, naming them, when only the HMAC is there', async () => {
    const request = new Request('http://localhost/webhooks/compliance', { method: 'POST', headers: { 'x-shopify-hmac-sha256': hmac(REDACT) }, body: REDACT });
    const { status, body } = await call(backend(), request);
    expect([status, body.error.code]).toEqual([400, 'missing_headers']);
    expect(body.error.message).toBe('The webhook lacks X-Shopify-Topic, X-Shopify-Shop-Domain, X-Shopify-API-Version, X-Shopify-Webhook-Id.');
  });

  it('is POST only', async () => {
    const { status, headers } = await call(backend(), new Request('http://localhost/webhooks/compliance'));
    expect([status, headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('app/uninstalled: the shop loses its token and its buyers get no offer (403), until it installs again', async () => {
    const state = embeddedState();
    const b = backend({ state });
    const { token } = await signedInput('1004');
    expect((await offersOf(b, token)).status).toBe(200);
    const body = JSON.stringify({ id: 60000001, myshopify_domain: SHOP });
    expect((await call(b, webhook('app/uninstalled', body, { path: '/webhooks/app' }))).status).toBe(200);
    expect(await loadShop((await state).sql, SHOP)).toBeNull();
    const refused = await offersOf(b, token);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'shop_not_installed']);
    expect((await signOf(b, { token, offerId: 'wick-trimmer-first-candle', variantId: 4006, quantity: 1 })).status).toBe(403);
  });

  it("shop/redact: every record of the shop goes (its signatures included), other shops' stay", async () => {
    const state = embeddedState();
    const b = backend({ state });
    const { token } = await signedInput('1004');
    expect((await signOf(b, { token, offerId: 'wick-trimmer-first-candle', variantId: 4006, quantity: 1 })).status).toBe(200);
    const { sql } = await state;
    await sql.query("INSERT INTO encore_signatures VALUES ('atelier-zeep.myshopify.com', 'r', 'o', 1, 100, 'EUR', 0, 1)");
    expect((await call(b, webhook('shop/redact', JSON.stringify({ shop_id: 60000001, shop_domain: SHOP })))).status).toBe(200);
    expect(await sql.query('SELECT shop FROM encore_signatures')).toEqual([{ shop: 'atelier-zeep.myshopify.com' }]);
    expect(await sql.query('SELECT shop FROM encore_shops ORDER BY shop')).toEqual([
      { shop: 'atelier-zeep.myshopify.com' },
      { shop: 'nordlys-keramik.myshopify.com' },
    ]);
  });

  it('a topic Encore did not subscribe to: 422, and a shop domain that is not one: 400', async () => {
    const unknown = await call(backend(), webhook('orders/create', '{}', { path: '/webhooks/app' }));
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'unhandled_topic']);
    const bad = await call(backend(), webhook('app/uninstalled', '{}', { path: '/webhooks/app', headers: { 'x-shopify-shop-domain': 'evil.example' } }));
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_shop']);
  });
});
