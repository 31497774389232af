/**
 * Shopify-managed installation: Shopify installs the app with the scopes in shopify.app.toml, then opens the app's
 * URL in the admin with a session token (`id_token`). The backend verifies that token and, for a shop it holds no
 * access token for, exchanges it for an expiring offline access token and its refresh token (token exchange), which
 * it stores per shop; app/admin/tokens.ts renews them. There is no OAuth redirect and no cookie.
 */
import { RequestedTokenType, type Session, type Shopify } from '@shopify/shopify-api';
import { apiError, type ApiError } from '../http/responses.ts';
import { loadShop, saveShop, tokenLock, type InstalledShop, type ShopTokens } from '../storage/shops.ts';
import type { Sql } from '../storage/sql.ts';
import { myshopifyDomain } from '../shopify/shop-domain.ts';

/** The shop a session token was issued for: the host of its `dest` (`https://{shop}`), lower-cased. */
export function sessionTokenShop(payload: { dest?: unknown }): string | null {
  if (typeof payload.dest !== 'string') return null;
  try {
    return myshopifyDomain(new URL(payload.dest).hostname);
  } catch {
    return null;
  }
}

/**
 * The installed shop behind a session token: verified (HS256 with the app secret, `aud` the API key, within its
 * minute), its shop from `dest`, an offline access token exchanged for it when none is stored yet.
 */
/** The shop of an admin session token once it verifies (HS256 with the app secret, `aud` the API key, in time). */
export async function sessionShop(shopify: Shopify, sessionToken: string): Promise<string | ApiError> {
  let payload: { dest?: unknown };
  try {
    payload = await shopify.session.decodeSessionToken(sessionToken);
  } catch {
    // The library's message quotes the token: it goes nowhere.
    return apiError(401, 'invalid_session_token', 'The session token is not one Shopify issued to this app.');
  }
  return sessionTokenShop(payload) ?? apiError(401, 'invalid_session_token', 'The session token names no *.myshopify.com shop.');
}

export async function installedShop(shopify: Shopify, sql: Sql, sessionToken: string, now: number): Promise<InstalledShop | ApiError> {
  const shop = await sessionShop(shopify, sessionToken);
  if (typeof shop !== 'string') return shop;
  // A stored token that can still be used (or renewed) serves; a renewal that died with its refresh token is
  // replaced by a new exchange now that the merchant has opened the app.
  const usable = (row: InstalledShop | null): row is InstalledShop => row !== null && (row.refreshExpiresAt === null || row.refreshExpiresAt > now);
  const stored = await loadShop(sql, shop);
  if (usable(stored)) return stored;
  // Acquiring a pair revokes the one before: one instance exchanges at a time, under the lock renewals take
  // (app/admin/tokens.ts), and the others find the pair it stored.
  return sql.transaction(async (tx) => {
    await tx.lock(tokenLock(shop));
    const current = await loadShop(tx, shop);
    if (usable(current)) return current;
    let session: Session;
    try {
      ({ session } = await shopify.auth.tokenExchange({ shop, sessionToken, requestedTokenType: RequestedTokenType.OfflineAccessToken, expiring: true }));
    } catch {
      return apiError(502, 'token_exchange_failed', 'Shopify did not exchange the session token for an access token; reload the app.');
    }
    if (!session.accessToken) return apiError(502, 'token_exchange_failed', 'Shopify answered the token exchange without an access token.');
    await saveShop(tx, { shop, scope: session.scope ?? '', installedAt: now, ...tokensOf(session, now) });
    // A shop installing again finds the offers it had (they stay until shop/redact).
    return (await loadShop(tx, shop))!;
  });
}

/**
 * The tokens of a session the library made from Shopify's answer: an expiring offline token lasts an hour, its
 * refresh token 90 days. The library dates both from its own clock; they are kept on the backend's (`now`).
 */
export function tokensOf(session: Session, now: number): ShopTokens {
  // Shopify states lifetimes in whole seconds; rounding takes back the milliseconds since the library read its clock.
  const at = (date: Date | undefined) => (date ? now + Math.round((date.getTime() - Date.now()) / 1000) * 1000 : null);
  return {
    accessToken: session.accessToken!,
    accessExpiresAt: at(session.expires),
    refreshToken: session.refreshToken ?? null,
    refreshExpiresAt: at(session.refreshTokenExpires),
  };
}
