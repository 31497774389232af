import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backend, call, SECRET } from './support.ts';

const BODY = JSON.stringify({ shop_id: 60000001, shop_domain: 'ember-and-wick.myshopify.com', customer: { id: 9003 }, orders_to_redact: [6001] });
const hmac = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body).digest('base64');
const webhook = (body: string, signature?: string) =>
  new Request('http://localhost/webhooks/compliance', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': 'customers/redact',
      ...(signature === undefined ? {} : { 'x-shopify-hmac-sha256': signature }),
    },
    body,
  });

describe('POST /webhooks/compliance', () => {
  it("answers 200 when the HMAC is the app secret's over the raw body", async () => {
    const { status, body } = await call(backend(), webhook(BODY, hmac(BODY)));
    expect([status, body]).toEqual([200, { ok: true }]);
  });

  it('answers 401 invalid_hmac for another secret, a changed body, garbage or no header', async () => {
    for (const request of [webhook(BODY, hmac(BODY, 'other')), webhook(`${BODY} `, hmac(BODY)), webhook(BODY, 'not base64!'), webhook(BODY)]) {
      const { status, body } = await call(backend(), request);
      expect([status, body.error.code]).toEqual([401, 'invalid_hmac']);
    }
  });

  it('is POST only', async () => {
    const { status, headers } = await call(backend(), new Request('http://localhost/webhooks/compliance'));
    expect([status, headers.get('allow')]).toEqual([405, 'POST']);
  });
});
