import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { nodeHs256 } from '../../app/node/hs256.ts';
import { webCryptoHs256 } from '../../app/post-purchase/token.ts';
import { backend, call, offersOf, post, PURCHASED_AT, SECRET, signedInput, signOf, type TestBackend } from './support.ts';

const key = new TextEncoder().encode(SECRET);
const WICK = { offerId: 'wick-trimmer-first-candle', variantId: 4006, quantity: 1 };

/** casey #1004's input data as Shopify signs it, to re-sign with one thing changed. */
async function caseyInput() {
  const { token: _token, ...inputData } = await signedInput('1004');
  return inputData;
}

async function signed(payload: Record<string, unknown>, options: { sub?: string; iss?: string; alg?: string; exp?: number } = {}): Promise<string> {
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setIssuer(options.iss ?? 'shopify')
    .setIssuedAt(Math.floor(PURCHASED_AT / 1000));
  if (options.sub !== undefined) jwt.setSubject(options.sub);
  if (options.exp !== undefined) jwt.setExpirationTime(options.exp);
  return jwt.sign(key);
}

const base64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/** Each rejection: its status and code, no token in the answer, and the offer still signable afterwards. */
async function expectRejected(b: TestBackend, response: Promise<{ status: number; body: any }>, status: number, code: string) {
  const { status: got, body } = await response;
  expect({ status: got, code: body.error.code }).toEqual({ status, code });
  expect(typeof body.error.message).toBe('string');
  expect(body).not.toHaveProperty('token');
}

// Every rejection holds whichever JWT library the host signs and checks tokens with.
describe.each([
  ['jose over WebCrypto (any runtime)', webCryptoHs256],
  ['fast-jwt over node:crypto (the Node host)', nodeHs256],
])('with %s', (_library, hs256) => {
  describe('rejected, never signed: each with its status and error code', () => {
    it('a token signed with another secret: 401 invalid_token', async () => {
      const b = backend({ hs256 });
      const input = await signedInput('1004', undefined, 'not-the-app-secret');
      await expectRejected(b, signOf(b, { token: input.token, ...WICK }), 401, 'invalid_token');
      await expectRejected(b, offersOf(b, input.token), 401, 'invalid_token');
    });

    it('alg "none", and HS512 with the right secret: 401 invalid_token', async () => {
      const b = backend({ hs256 });
      const inputData = await caseyInput();
      const claims = { input_data: inputData, iss: 'shopify', sub: '6004', iat: Math.floor(PURCHASED_AT / 1000) };
      const unsecured = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
      await expectRejected(b, signOf(b, { token: unsecured, ...WICK }), 401, 'invalid_token');
      const hs512 = await signed({ input_data: inputData }, { sub: '6004', alg: 'HS512' });
      await expectRejected(b, signOf(b, { token: hs512, ...WICK }), 401, 'invalid_token');
    });

    it('expired (beyond the 60 s allowed for clock drift): an exp in the past, or issued more than an hour ago: 401 token_expired', async () => {
      const b = backend({ hs256 });
      b.clock.now = PURCHASED_AT + 2 * 60_000;
      const withExp = await signed({ input_data: await caseyInput() }, { sub: '6004', exp: Math.floor(PURCHASED_AT / 1000) + 1 });
      await expectRejected(b, signOf(b, { token: withExp, ...WICK }), 401, 'token_expired');
      const input = await signedInput('1004');
      b.clock.now = PURCHASED_AT + 62 * 60_000;
      await expectRejected(b, signOf(b, { token: input.token, ...WICK }), 401, 'token_expired');
    });

    it('a tampered payload (the purchase made to look like a first order of riley): 401 invalid_token', async () => {
      const b = backend({ hs256 });
      const input = await signedInput('1004');
      const [header, payload, signature] = input.token.split('.');
      const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
      claims.input_data.initialPurchase.customerId = '9004';
      await expectRejected(b, signOf(b, { token: `${header}.${base64url(claims)}.${signature}`, ...WICK }), 401, 'invalid_token');
    });

    it('another issuer than Shopify: 401 invalid_token', async () => {
      const b = backend({ hs256 });
      await expectRejected(
        b,
        signOf(b, { token: await signed({ input_data: await caseyInput() }, { sub: '6004', iss: 'someone' }), ...WICK }),
        401,
        'invalid_token',
      );
    });

    it('no iat, an iat that is no number, or one over a minute ahead; an nbf over a minute ahead: 401 invalid_token naming the claim', async () => {
      const b = backend({ hs256 });
      const claims = { input_data: await caseyInput(), iss: 'shopify', sub: '6004' };
      const now = Math.floor(PURCHASED_AT / 1000) + 2;
      b.clock.now = now * 1000;
      const cases: [Record<string, unknown>, string][] = [
        [{}, 'iat'],
        [{ iat: String(now) }, 'iat'],
        [{ iat: now + 61 }, 'iat'],
        [{ iat: now, nbf: now + 61 }, 'nbf'],
        [{ iat: now, exp: 'later' }, 'exp'],
      ];
      for (const [extra, claim] of cases) {
        const token = await new SignJWT({ ...claims, ...extra }).setProtectedHeader({ alg: 'HS256' }).sign(key);
        const { status, body } = await signOf(b, { token, ...WICK });
        expect({ status, code: body.error.code, message: body.error.message }).toEqual({
          status: 401,
          code: 'invalid_token',
          message: `The token's "${claim}" claim is not what Shopify issues.`,
        });
      }
      // Within the minute allowed for clock drift, both are read.
      const ahead = await new SignJWT({ ...claims, iat: now + 59, nbf: now + 59 }).setProtectedHeader({ alg: 'HS256' }).sign(key);
      expect((await offersOf(b, ahead)).status).toBe(200);
    });

    it('signs changesets as HS256 JWTs with typ JWT and exactly the claims Shopify reads', async () => {
      const token = await hs256(SECRET).sign({ iss: 'k', sub: 'r', jti: 'j', iat: 1, exp: 2, changes: [] });
      const [header, payload] = token
        .split('.')
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
      expect(payload).toEqual({ iss: 'k', sub: 'r', jti: 'j', iat: 1, exp: 2, changes: [] });
      expect(await webCryptoHs256(SECRET).verify(token)).toEqual(payload);
    });

    it('no referenceId in the purchase: 401 missing_reference_id; a subject other than the purchase: 401 reference_id_mismatch', async () => {
      const b = backend({ hs256 });
      const inputData = await caseyInput();
      const { referenceId: _referenceId, ...withoutReference } = inputData.initialPurchase;
      const missing = await signed({ input_data: { ...inputData, initialPurchase: withoutReference } }, { sub: '6004' });
      await expectRejected(b, signOf(b, { token: missing, ...WICK }), 401, 'missing_reference_id');
      await expectRejected(b, signOf(b, { token: await signed({ input_data: inputData }, { sub: '6012' }), ...WICK }), 401, 'reference_id_mismatch');
      await expectRejected(b, signOf(b, { token: await signed({ input_data: inputData }), ...WICK }), 401, 'reference_id_mismatch');
    });

    it('an unknown offer, and an offer of the config this order does not qualify for: 404 unknown_offer', async () => {
      const b = backend({ hs256 });
      const { token } = await signedInput('1004');
      await expectRejected(b, signOf(b, { token, ...WICK, offerId: 'free-candles' }), 404, 'unknown_offer');
      // The matches need a candle-type product in the order; #1004 has a gift set and a guide.
      await expectRejected(b, signOf(b, { token, offerId: 'matches-with-candle', variantId: 4008, quantity: 1 }), 404, 'unknown_offer');
    });

    it("another variant than the offer's: 422 variant_not_offered", async () => {
      const b = backend({ hs256 });
      const { token } = await signedInput('1004');
      await expectRejected(b, signOf(b, { token, ...WICK, variantId: 4007 }), 422, 'variant_not_offered');
    });

    it("a quantity outside 1 to the offer's max (2): 422 quantity_not_offered", async () => {
      const b = backend({ hs256 });
      const { token } = await signedInput('1004');
      for (const quantity of [0, 3, 1.5, -1]) await expectRejected(b, signOf(b, { token, ...WICK, quantity }), 422, 'quantity_not_offered');
      expect((await signOf(b, { token, ...WICK, quantity: 2 })).status).toBe(200);
    });

    it('a second sign request for the same offer and purchase: 429 replayed, even with a new quantity', async () => {
      const b = backend({ hs256 });
      const { token } = await signedInput('1004');
      expect((await signOf(b, { token, ...WICK })).status).toBe(200);
      await expectRejected(b, signOf(b, { token, ...WICK }), 429, 'replayed');
      await expectRejected(b, signOf(b, { token, ...WICK, quantity: 2 }), 429, 'replayed');
    });

    it('malformed JSON, a body that is not an object, and missing fields: 400', async () => {
      const b = backend({ hs256 });
      await expectRejected(b, call(b, post('/api/post-purchase/sign-changeset', '{"token": ')), 400, 'malformed_json');
      await expectRejected(b, call(b, post('/api/post-purchase/offers', '["token"]')), 400, 'malformed_json');
      await expectRejected(b, call(b, post('/api/post-purchase/offers', '')), 400, 'malformed_json');
      await expectRejected(b, signOf(b, { token: 'x', offerId: 'wick-trimmer-first-candle' }), 400, 'invalid_request');
      await expectRejected(b, offersOf(b, 42 as never), 400, 'invalid_request');
    });

    it('a body over 16 KB, declared or streamed without a length: 413 body_too_large', async () => {
      const b = backend({ hs256 });
      const big = JSON.stringify({ token: 'x'.repeat(17 * 1024) });
      await expectRejected(b, call(b, post('/api/post-purchase/sign-changeset', big)), 413, 'body_too_large');
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
          controller.close();
        },
      });
      const chunked = new Request('http://localhost/api/post-purchase/offers', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(chunked.headers.get('content-length')).toBeNull();
      await expectRejected(b, call(b, chunked), 413, 'body_too_large');
    });

    it('GET: 405 method_not_allowed with Allow; text/plain or no content type: 415 unsupported_media_type; another path: 404 not_found', async () => {
      const b = backend({ hs256 });
      const get = await call(b, new Request('http://localhost/api/post-purchase/offers'));
      expect([get.status, get.body.error.code, get.headers.get('allow')]).toEqual([405, 'method_not_allowed', 'POST, OPTIONS']);
      await expectRejected(b, call(b, post('/api/post-purchase/offers', '{}', { 'content-type': 'text/plain' })), 415, 'unsupported_media_type');
      await expectRejected(
        b,
        call(b, new Request('http://localhost/api/post-purchase/offers', { method: 'POST', body: new Uint8Array([123, 125]) })),
        415,
        'unsupported_media_type',
      );
      await expectRejected(b, call(b, post('/api/post-purchase/refund', {})), 404, 'not_found');
    });

    it('the 21st request a minute for one purchase: 429 rate_limited; the next minute it is served again', async () => {
      const b = backend({ hs256 });
      const { token } = await signedInput('1004');
      for (let i = 0; i < 20; i++) expect((await offersOf(b, token)).status).toBe(200);
      await expectRejected(b, offersOf(b, token), 429, 'rate_limited');
      await expectRejected(b, signOf(b, { token, ...WICK }), 429, 'rate_limited');
      // Another token for the same purchase (Shopify issued it a second later) is the same purchase.
      const again = await signedInput('1004', undefined, SECRET, new Date(PURCHASED_AT + 1000));
      expect(again.token).not.toBe(token);
      await expectRejected(b, offersOf(b, again.token), 429, 'rate_limited');
      b.clock.now = Math.ceil(b.clock.now / 60_000) * 60_000;
      expect((await signOf(b, { token, ...WICK })).status).toBe(200);
    });

    it('counts verified purchases, not token text: variants of one token share its 20, and garbage moves no count', async () => {
      const b = backend({ hs256 });
      const { token } = await signedInput('1004');
      const [header, payload, signature] = token.split('.') as [string, string, string];
      // Standard base64 with padding, and whitespace around the token: each is refused (401) or, where the JWT
      // library reads it, the same verified purchase as the token.
      const variants = [token, `${header}.${payload}.${signature.replaceAll('-', '+').replaceAll('_', '/')}==`, ` ${token}`, `${token}\n`, `\t${token} `];
      const statuses = [];
      for (let i = 0; i < 60; i++) statuses.push((await offersOf(b, variants[i % variants.length]!)).status);
      // Each variant is sent 12 times; those that verify count against the purchase's one limit of 20.
      const verifying = (await Promise.all(variants.map((variant) => hs256(SECRET).verify(variant)))).filter((payload) => typeof payload !== 'string');
      expect(verifying.length).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((status) => status === 200)).toHaveLength(Math.min(20, 12 * verifying.length));
      expect(statuses.filter((status) => status !== 200 && status !== 401 && status !== 429)).toEqual([]);
      // 10,050 tokens that do not verify change nothing: the purchase stays limited, and another is served.
      b.clock.now = Math.ceil(b.clock.now / 60_000) * 60_000;
      for (let i = 0; i < 20; i++) expect((await offersOf(b, token)).status).toBe(200);
      for (let i = 0; i < 10_050; i++) await offersOf(b, `${header}.${payload}.${i.toString(36).padStart(43, 'A')}`);
      await expectRejected(b, offersOf(b, token), 429, 'rate_limited');
      expect((await offersOf(b, (await signedInput('1003')).token)).status).toBe(200);
    }, 60_000);
  });

  describe('CORS and logs', () => {
    it('answers the preflight, and every answer (errors too) allows any origin', async () => {
      const b = backend({ hs256 });
      const response = await b.handler(new Request('http://localhost/api/post-purchase/sign-changeset', { method: 'OPTIONS' }));
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
      expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
      const rejected = await call(b, post('/api/post-purchase/offers', 'nope'));
      expect(rejected.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('logs one JSON line per request with route, status, code and ms, and no token, secret or buyer data', async () => {
      const b = backend({ hs256 });
      const { token } = await signedInput('1004');
      await offersOf(b, token);
      await signOf(b, { token, ...WICK, quantity: 9 });
      await call(b, post('/nowhere?email=casey@example.com', {}));
      expect(b.logs.map((line) => JSON.parse(line)).map(({ ms, ...rest }) => (expect(typeof ms).toBe('number'), rest))).toEqual([
        { route: 'offers', method: 'POST', status: 200, code: null },
        { route: 'sign-changeset', method: 'POST', status: 422, code: 'quantity_not_offered' },
        { route: 'unmatched', method: 'POST', status: 404, code: 'not_found' },
      ]);
      const all = b.logs.join('\n');
      for (const secretOrPersonal of [token.slice(-20), SECRET, '6004', '9003', 'casey']) expect(all).not.toContain(secretOrPersonal);
    });
  });

  describe('accepted despite clocks that differ a little', () => {
    it("a token Shopify stamped a second ahead of this server's clock is still read", async () => {
      const b = backend({ hs256 });
      b.clock.now = PURCHASED_AT - 1_000;
      const { status, body } = await offersOf(b, (await signedInput('1004')).token);
      expect(status).toBe(200);
      expect(body.offers.map((offer: { id: string }) => offer.id)).toContain('wick-trimmer-first-candle');
    });
  });
});
