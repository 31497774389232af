/**
 * Shopify's side of `applyChangeset`, for the studio: the changeset token the backend signed is checked as
 * Shopify checks it (shopify.dev, post-purchase "JWT specification"): HS256 with the app's client secret, `iss`
 * the app's API key, `sub` the purchase's referenceId, `jti` present and never applied before, not expired, and
 * `changes` that add variants the shop sells. The purchase is the one the page's own input token names, verified
 * too, so a change signed for another order is refused. Without this, "Accept → signed" would be a claim; with
 * it, a backend that signs wrongly fails in the studio as it would on Shopify.
 */
import { errors, jwtVerify } from 'jose';
import { DEFAULT_LIMITS } from '../../../../../app/handler.ts';
import { isApiError } from '../../../../../app/http/responses.ts';
import { verifyInputToken, webCryptoHs256 } from '../../../../../app/post-purchase/token.ts';
import type { Store } from '@encore/fixtures/types.ts';

/** Shopify applies at most three changesets to one purchase. */
export const MAX_CHANGESETS = 3;

/** The Shopify error codes the studio can answer (ChangesetErrorCode of the post-purchase API). */
type ApplyErrorCode = 'changeset_already_applied' | 'invalid_request';

export type ApplyResult =
  | { status: 'processed'; errors: []; changes: AppliedChange[]; changesetApplicationsRemaining: number }
  | { status: 'unprocessed'; errors: { code: ApplyErrorCode; message: string }[] };

export interface AppliedChange {
  variantId: number;
  quantity: number;
  /** The product's title, so the studio can say what was added. */
  product: string;
}

export interface ApplyOptions {
  store: Store;
  apiKey: string;
  secret: string;
  now: number;
  /** The input token's oldest accepted age. Default: the backend's (DEFAULT_LIMITS). */
  maxAgeSeconds?: number;
}

/** Purchases whose applied changesets are remembered at once. */
const MAX_PURCHASES = 10_000;

const refused = (code: ApplyErrorCode, message: string): ApplyResult => ({ status: 'unprocessed', errors: [{ code, message }] });

/**
 * Which changesets were applied, by purchase: the `jti`s (a token applies once) and how many (three at most).
 * One per studio process, as Shopify keeps one per order.
 */
export class AppliedChangesets {
  private readonly byPurchase = new Map<string, Set<string>>();

  async apply(inputToken: unknown, changesetToken: unknown, options: ApplyOptions): Promise<ApplyResult> {
    if (typeof inputToken !== 'string' || typeof changesetToken !== 'string')
      return refused('invalid_request', 'Send the page\'s "inputToken" and the "changesetToken" the backend signed.');
    const secret = new TextEncoder().encode(options.secret);
    const purchase = await verifyInputToken(inputToken, {
      hs256: webCryptoHs256(secret),
      now: options.now,
      maxAgeSeconds: options.maxAgeSeconds ?? DEFAULT_LIMITS.tokenMaxAgeSeconds,
    });
    if (isApiError(purchase)) return refused('invalid_request', `The page's input token: ${purchase.message}`);

    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(changesetToken, secret, {
        algorithms: ['HS256'],
        issuer: options.apiKey,
        subject: purchase.referenceId,
        requiredClaims: ['iat', 'jti'],
        currentDate: new Date(options.now),
      }));
    } catch (error) {
      return refused('invalid_request', `The changeset token is refused: ${changesetProblem(error)}`);
    }
    const changes = addedVariants(payload.changes, options.store);
    if (typeof changes === 'string') return refused('invalid_request', changes);

    const applied = this.byPurchase.get(purchase.referenceId) ?? new Set<string>();
    const jti = String(payload.jti);
    if (applied.has(jti)) return refused('changeset_already_applied', 'This changeset was applied already; a changeset applies once.');
    if (applied.size >= MAX_CHANGESETS) return refused('invalid_request', `Shopify applies at most ${MAX_CHANGESETS} changesets to one purchase.`);
    applied.add(jti);
    // Every visit of the preview is a purchase of its own: the oldest are let go (their input tokens expired long ago).
    if (!this.byPurchase.has(purchase.referenceId) && this.byPurchase.size >= MAX_PURCHASES) this.byPurchase.delete(this.byPurchase.keys().next().value!);
    this.byPurchase.set(purchase.referenceId, applied);
    return { status: 'processed', errors: [], changes, changesetApplicationsRemaining: MAX_CHANGESETS - applied.size };
  }
}

function changesetProblem(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'it is not signed with HS256.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return "its signature does not match the app's secret.";
  if (error instanceof errors.JWTClaimValidationFailed)
    return `its "${error.claim}" claim is wrong (${error.reason === 'missing' ? 'missing' : 'not what Shopify expects'}).`;
  return 'it is not a signed JWT.';
}

/** `changes` as Shopify accepts them here: `add_variant` of a variant in the store, a whole quantity ≥ 1. */
function addedVariants(changes: unknown, store: Store): AppliedChange[] | string {
  if (!Array.isArray(changes) || changes.length === 0) return 'The changeset has no changes.';
  const products = new Map(store.products.flatMap((product) => product.variants.map((variant) => [variant.id, product.title] as const)));
  const added: AppliedChange[] = [];
  for (const [index, change] of changes.entries()) {
    const { type, variantId, quantity } = (change ?? {}) as Record<string, unknown>;
    if (type !== 'add_variant') return `changes[${index}]: the type ${JSON.stringify(type)} is not add_variant.`;
    const product = typeof variantId === 'number' ? products.get(variantId) : undefined;
    if (typeof variantId !== 'number' || product === undefined) return `changes[${index}]: variant ${JSON.stringify(variantId)} is not in the store.`;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) return `changes[${index}]: the quantity must be a whole number ≥ 1.`;
    added.push({ variantId, quantity, product });
  }
  return added;
}
