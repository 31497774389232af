import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { postPurchaseInput, signInputToken } from '@encore/fixtures/adapters/post-purchase.ts';
import { orderNamed, store } from './orders.ts';

const SECRET = 'test-app-secret';
const key = new TextEncoder().encode(SECRET);

describe("the signed input token for casey's #1004", () => {
  const { order, customer } = orderNamed('1004');
  const issuedAt = new Date('2026-02-10T23:23:05Z');

  it('is an HS256 JWT from "shopify" about the purchase, carrying the input without the token', async () => {
    const data = await postPurchaseInput(store, order, customer, { secret: SECRET, issuedAt });
    expect(decodeProtectedHeader(data.token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(data.token, key, { algorithms: ['HS256'], currentDate: issuedAt });
    expect(payload.iss).toBe('shopify');
    expect(payload.sub).toBe('6004');
    expect(payload.iat).toBe(1770765785);
    // Shopify's own tokens carry neither an id nor an expiry.
    expect(payload).not.toHaveProperty('jti');
    expect(payload).not.toHaveProperty('exp');
    const { token: _token, ...unsigned } = postPurchaseInput(store, order, customer);
    expect(payload.input_data).toEqual(unsigned);
    expect((payload.input_data as typeof unsigned).initialPurchase.referenceId).toBe('6004');
  });

  it('does not verify with another secret', async () => {
    const token = await signInputToken(postPurchaseInput(store, order, customer), SECRET);
    await expect(jwtVerify(token, new TextEncoder().encode('another-secret'))).rejects.toThrow('signature verification failed');
  });

  it('leaves the placeholder when no secret is given', () => {
    expect(postPurchaseInput(store, order, customer).token).toBe('encore-unsigned-input-token');
  });
});
