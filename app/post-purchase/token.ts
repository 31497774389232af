/**
 * Shopify's post-purchase tokens, both ways (shopify.dev, post-purchase "JWT
 * specification"), with jose and the app's client secret, HS256 only.
 *
 * In: `inputData.token` is signed by Shopify: `iss` "shopify", `sub` the
 * purchase's referenceId, `iat`; no `exp` (one is honoured when present), so
 * age is bounded by `iat`. The payload's `input_data` is the page's input;
 * nothing the extension sends beside the token is trusted.
 *
 * Out: a changeset token the extension hands to `applyChangeset`: `iss` the
 * app's API key, `sub` the referenceId, `jti` a fresh UUID, `iat` in seconds
 * (Shopify refuses changesets signed before the purchase completed; its
 * tutorial's `Date.now()` is milliseconds, RFC 7519 and jose say seconds),
 * a short `exp`, and `changes`.
 */
import { errors, jwtVerify, SignJWT } from 'jose';
import { apiError, type ApiError } from '../http/responses.ts';

export interface VerifiedInput {
  referenceId: string;
  /** The verified `input_data`: the only source of what was bought. */
  inputData: Record<string, unknown>;
}

/** The app's client secret: its bytes, or (faster, imported once) an HMAC SHA-256 key of them (`hmacKey`). */
export type AppSecret = Uint8Array | CryptoKey;

/** The secret as a WebCrypto key for HS256, imported once: jose would import the bytes again for every token. */
export function hmacKey(secret: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

export interface VerifyOptions {
  secret: AppSecret;
  /** Milliseconds since the epoch. */
  now: number;
  /** Oldest `iat` accepted, in seconds before now. */
  maxAgeSeconds: number;
}

const invalid = (message: string) => apiError(401, 'invalid_token', message);

export async function verifyInputToken(token: string, options: VerifyOptions): Promise<VerifiedInput | ApiError> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, options.secret, {
      // Only HS256: `none`, other HMACs and public-key algorithms are refused before the signature is read.
      algorithms: ['HS256'],
      issuer: 'shopify',
      requiredClaims: ['iat'],
      maxTokenAge: options.maxAgeSeconds,
      // Shopify stamps `iat` by its own clock the moment the purchase completes; a server a second behind must
      // not call that token "issued in the future".
      clockTolerance: 60,
      currentDate: new Date(options.now),
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) return apiError(401, 'token_expired', 'The post-purchase token has expired; the page must be reloaded.');
    if (error instanceof errors.JOSEAlgNotAllowed) return invalid('The token is not signed with HS256.');
    if (error instanceof errors.JWSSignatureVerificationFailed) return invalid('The token signature does not match this app.');
    if (error instanceof errors.JWTClaimValidationFailed) return invalid(`The token's "${error.claim}" claim is not what Shopify issues.`);
    return invalid('The token is not a signed post-purchase token.');
  }
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

/** Shopify's `add_variant` change, with the changeset's discount shape. */
export interface AddVariantChange {
  type: 'add_variant';
  variantId: number;
  quantity: number;
  discount?: { value: number; valueType: 'percentage' | 'fixed_amount'; title: string };
}

export interface SignOptions {
  apiKey: string;
  secret: AppSecret;
  now: number;
  /** Seconds the signed changeset stays valid. */
  ttlSeconds: number;
}

export async function signChangeset(referenceId: string, changes: AddVariantChange[], options: SignOptions): Promise<string> {
  const issuedAt = Math.floor(options.now / 1000);
  return new SignJWT({ changes })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(options.apiKey)
    .setSubject(referenceId)
    .setJti(crypto.randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + options.ttlSeconds)
    .sign(options.secret);
}
