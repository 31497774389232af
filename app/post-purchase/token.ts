/**
 * Shopify's post-purchase tokens, both ways (shopify.dev, post-purchase "JWT
 * specification"), HS256 with the app's client secret only: the signature by a
 * JWT library (`Hs256`: jose over WebCrypto anywhere; a Node host passes
 * fast-jwt over node:crypto, app/node/hs256.ts), the claims checked here.
 *
 * In: `inputData.token` is signed by Shopify: `iss` "shopify", `sub` the
 * purchase's referenceId, `iat`; no `exp` (one is honoured when present), so
 * age is bounded by `iat`. The payload's `input_data` is the page's input;
 * nothing the extension sends beside the token is trusted.
 *
 * Out: a changeset token the extension hands to `applyChangeset`: `iss` the
 * app's API key, `sub` the referenceId, `jti` a fresh UUID, `iat` in seconds
 * (Shopify refuses changesets signed before the purchase completed; its
 * tutorial's `Date.now()` is milliseconds, RFC 7519 says seconds),
 * a short `exp`, and `changes`.
 */
import { CompactSign, compactVerify, errors } from 'jose';
import { apiError, type ApiError } from '../http/responses.ts';

export interface VerifiedInput {
  referenceId: string;
  /** The verified `input_data`: the only source of what was bought. */
  inputData: Record<string, unknown>;
}

/**
 * HS256 over the app's client secret: a JWT library's signing, and its checking of the signature and the
 * algorithm. The claims are checked here, once, whichever library signs.
 */
export interface Hs256 {
  /** The payload of `token` once it is HS256-signed with the secret, or why not. */
  verify(token: string): Promise<Record<string, unknown> | Hs256Fault>;
  sign(claims: Record<string, unknown>): Promise<string>;
}

export type Hs256Fault = 'algorithm' | 'signature' | 'malformed';

/**
 * HS256 with jose over WebCrypto: runs anywhere (edge runtimes included). The secret is imported once; a secret
 * WebCrypto refuses fails each call that needs it, never the caller's start.
 */
export function webCryptoHs256(secret: string | Uint8Array): Hs256 {
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  const key = crypto.subtle.importKey('raw', new Uint8Array(bytes), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  key.catch(() => {});
  return {
    async verify(token) {
      let payload: Uint8Array;
      try {
        // Only HS256: `none`, other HMACs and public-key algorithms are refused before the signature is read.
        ({ payload } = await compactVerify(token, await key, { algorithms: ['HS256'] }));
      } catch (error) {
        if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm';
        if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
        if (error instanceof errors.JOSEError) return 'malformed';
        throw error;
      }
      return jsonObject(new TextDecoder().decode(payload));
    },
    async sign(claims) {
      return new CompactSign(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(await key);
    },
  };
}

/** A JWT payload: a JSON object, or the token is malformed. */
function jsonObject(text: string): Record<string, unknown> | 'malformed' {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : 'malformed';
  } catch {
    return 'malformed';
  }
}

export interface VerifyOptions {
  hs256: Hs256;
  /** Milliseconds since the epoch. */
  now: number;
  /** Oldest `iat` accepted, in seconds before now. */
  maxAgeSeconds: number;
}

/**
 * Shopify stamps `iat` by its own clock the moment the purchase completes; a server a second behind must not call
 * that token "issued in the future", nor one a little ahead call it expired.
 */
const CLOCK_TOLERANCE_SECONDS = 60;

const invalid = (message: string) => apiError(401, 'invalid_token', message);

export async function verifyInputToken(token: string, options: VerifyOptions): Promise<VerifiedInput | ApiError> {
  const payload = await options.hs256.verify(token);
  if (payload === 'algorithm') return invalid('The token is not signed with HS256.');
  if (payload === 'signature') return invalid('The token signature does not match this app.');
  if (payload === 'malformed') return invalid('The token is not a signed post-purchase token.');
  const fault = claimsFault(payload, Math.floor(options.now / 1000), options.maxAgeSeconds);
  if (fault === 'expired') return apiError(401, 'token_expired', 'The post-purchase token has expired; the page must be reloaded.');
  if (fault) return invalid(`The token's "${fault.claim}" claim is not what Shopify issues.`);
  const inputData = payload.input_data;
  if (typeof inputData !== 'object' || inputData === null || Array.isArray(inputData)) return invalid('The token carries no post-purchase input.');
  const purchase = (inputData as Record<string, unknown>).initialPurchase as Record<string, unknown> | undefined;
  const referenceId = purchase?.referenceId;
  if (typeof referenceId !== 'string' || referenceId === '') {
    return apiError(401, 'missing_reference_id', "The token's purchase has no referenceId.");
  }
  if (payload.sub !== referenceId) {
    return apiError(401, 'reference_id_mismatch', "The token's subject is not the purchase it describes.");
  }
  return { referenceId, inputData: inputData as Record<string, unknown> };
}

/**
 * The registered claims of Shopify's input token, at `now` (seconds): `iss` "shopify"; `iat` a number, not older
 * than `maxAgeSeconds` nor in the future (each beyond the clock tolerance); `exp` and `nbf` honoured when present.
 */
function claimsFault(payload: Record<string, unknown>, now: number, maxAgeSeconds: number): 'expired' | { claim: string } | null {
  if (payload.iss !== 'shopify') return { claim: 'iss' };
  const { iat, exp, nbf } = payload;
  if (typeof iat !== 'number' || !Number.isFinite(iat) || iat > now + CLOCK_TOLERANCE_SECONDS) return { claim: 'iat' };
  if (exp !== undefined && (typeof exp !== 'number' || !Number.isFinite(exp))) return { claim: 'exp' };
  if (nbf !== undefined && (typeof nbf !== 'number' || !Number.isFinite(nbf) || nbf > now + CLOCK_TOLERANCE_SECONDS)) return { claim: 'nbf' };
  if (now - iat - CLOCK_TOLERANCE_SECONDS > maxAgeSeconds) return 'expired';
  if (typeof exp === 'number' && exp <= now - CLOCK_TOLERANCE_SECONDS) return 'expired';
  return null;
}

/** Shopify's `add_variant` change, with the changeset's discount shape. */
export interface AddVariantChange {
  type: 'add_variant';
  variantId: number;
  quantity: number;
  discount?: { value: number; valueType: 'percentage' | 'fixed_amount'; title: string };
}

export interface SignOptions {
  apiKey: string;
  hs256: Hs256;
  now: number;
  /** Seconds the signed changeset stays valid. */
  ttlSeconds: number;
}

export async function signChangeset(referenceId: string, changes: AddVariantChange[], options: SignOptions): Promise<string> {
  const issuedAt = Math.floor(options.now / 1000);
  return options.hs256.sign({
    iss: options.apiKey,
    sub: referenceId,
    jti: crypto.randomUUID(),
    iat: issuedAt,
    exp: issuedAt + options.ttlSeconds,
    changes,
  });
}
