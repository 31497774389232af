/**
 * The studio's stand-in for Shopify's applyChangeset (tools/studio/src/extensions/post-purchase/apply.ts): a change
 * the backend signed for this purchase applies once; anything Shopify would refuse is refused, with the reason.
 */
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signChangeset, webCryptoHs256 } from '../../app/post-purchase/token.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { postPurchaseInput } from '@encore/fixtures/adapters/post-purchase.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import { AppliedChangesets, MAX_CHANGESETS } from '@encore/studio/extensions/post-purchase/apply.ts';

const store = loadStore();
const API_KEY = 'test-api-key';
const SECRET = 'test-api-secret';
const NOW = Date.parse('2026-03-20T12:00:00Z');
const key = new TextEncoder().encode(SECRET);
const options = { store, apiKey: API_KEY, secret: SECRET, now: NOW };

/** The page's input token for #1004 (casey), signed as Shopify signs it, and its purchase's referenceId. */
async function purchase(name = '1004') {
  const { order, customer } = findOrder(store, name)!;
  const input = await postPurchaseInput(store, order, customer, { secret: SECRET, issuedAt: new Date(NOW) });
  return { token: input.token, referenceId: input.initialPurchase.referenceId };
}

/** A changeset signed the way the backend signs one: the Wick Trimmer (variant 4006), once. */
const wickTrimmer = (referenceId: string, overrides: { secret?: Uint8Array; apiKey?: string } = {}) =>
  signChangeset(referenceId, [{ type: 'add_variant', variantId: 4006, quantity: 1 }], {
    apiKey: overrides.apiKey ?? API_KEY,
    hs256: webCryptoHs256(overrides.secret ?? key),
    now: NOW,
    ttlSeconds: 300,
  });

describe('applyChangeset in the studio', () => {
  it('applies a change the backend signed for this purchase, once, and says what it added', async () => {
    const ledger = new AppliedChangesets();
    const { token, referenceId } = await purchase();
    const changeset = await wickTrimmer(referenceId);
    expect(await ledger.apply(token, changeset, options)).toEqual({
      status: 'processed',
      errors: [],
      changes: [{ variantId: 4006, quantity: 1, product: 'Wick Trimmer' }],
      changesetApplicationsRemaining: 2,
    });
    expect(await ledger.apply(token, changeset, options)).toEqual({
      status: 'unprocessed',
      errors: [{ code: 'changeset_already_applied', message: 'This changeset was applied already; a changeset applies once.' }],
    });
  });

  it(`stops at ${MAX_CHANGESETS} changesets for one purchase`, async () => {
    const ledger = new AppliedChangesets();
    const { token, referenceId } = await purchase();
    const remaining: number[] = [];
    for (let n = 0; n < MAX_CHANGESETS; n++) {
      const result = await ledger.apply(token, await wickTrimmer(referenceId), options);
      if (result.status === 'processed') remaining.push(result.changesetApplicationsRemaining);
    }
    expect(remaining).toEqual([2, 1, 0]);
    const fourth = await ledger.apply(token, await wickTrimmer(referenceId), options);
    expect(fourth.status === 'unprocessed' && fourth.errors[0]!.message).toBe('Shopify applies at most 3 changesets to one purchase.');
  });

  it.each([
    [
      'signed with another secret',
      async (ref: string) => wickTrimmer(ref, { secret: new TextEncoder().encode('someone else') }),
      "The changeset token is refused: its signature does not match the app's secret.",
    ],
    [
      'issued by another app',
      async (ref: string) => wickTrimmer(ref, { apiKey: 'another-app' }),
      'The changeset token is refused: its "iss" claim is wrong (not what Shopify expects).',
    ],
    [
      'signed for another purchase',
      async () => wickTrimmer('another-reference'),
      'The changeset token is refused: its "sub" claim is wrong (not what Shopify expects).',
    ],
    [
      'without a jti',
      async (ref: string) =>
        new SignJWT({ changes: [{ type: 'add_variant', variantId: 4006, quantity: 1 }] })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(API_KEY)
          .setSubject(ref)
          .setIssuedAt(NOW / 1000)
          .sign(key),
      'The changeset token is refused: its "jti" claim is wrong (missing).',
    ],
    [
      'expired',
      async (ref: string) =>
        signChangeset(ref, [{ type: 'add_variant', variantId: 4006, quantity: 1 }], {
          apiKey: API_KEY,
          hs256: webCryptoHs256(key),
          now: NOW - 10 * 60_000,
          ttlSeconds: 300,
        }),
      'The changeset token is refused: it has expired.',
    ],
    ['not a JWT', async () => 'not-a-token', 'The changeset token is refused: it is not a signed JWT.'],
    [
      'adding a variant the shop lacks',
      async (ref: string) =>
        signChangeset(ref, [{ type: 'add_variant', variantId: 9999, quantity: 1 }], { apiKey: API_KEY, hs256: webCryptoHs256(key), now: NOW, ttlSeconds: 300 }),
      'changes[0]: variant 9999 is not in the store.',
    ],
    [
      'adding no whole quantity',
      async (ref: string) =>
        signChangeset(ref, [{ type: 'add_variant', variantId: 4006, quantity: 1.5 }], {
          apiKey: API_KEY,
          hs256: webCryptoHs256(key),
          now: NOW,
          ttlSeconds: 300,
        }),
      'changes[0]: the quantity must be a whole number ≥ 1.',
    ],
  ])('refuses a changeset %s', async (_case, sign, message) => {
    const { token, referenceId } = await purchase();
    const result = await new AppliedChangesets().apply(token, await sign(referenceId), options);
    expect(result).toEqual({ status: 'unprocessed', errors: [{ code: 'invalid_request', message }] });
  });

  it("refuses when the page's input token is not Shopify's, and when either token is missing", async () => {
    const { referenceId } = await purchase();
    const changeset = await wickTrimmer(referenceId);
    const forged = await new AppliedChangesets().apply('forged.input.token', changeset, options);
    expect(forged.status === 'unprocessed' && forged.errors[0]!.message).toBe("The page's input token: The token is not a signed post-purchase token.");
    const missing = await new AppliedChangesets().apply(undefined, changeset, options);
    expect(missing.status === 'unprocessed' && missing.errors[0]!.code).toBe('invalid_request');
  });
});
