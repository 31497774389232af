/**
 * Shopify-managed installation: Shopify installs the app with the scopes in shopify.app.toml, then opens the app's
 * URL in the admin with a session token (`id_token`). The backend verifies that token and, for a shop it holds no
 * access token for, exchanges it for an offline access token (token exchange), which it stores per shop. There is
 * no OAuth redirect and no cookie.
 */
import { RequestedTokenType, type Shopify } from '@shopify/shopify-api';
import { apiError, type ApiError } from '../http/responses.ts';
import { loadShop, saveShop, type InstalledShop } from '../storage/shops.ts';
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
  const stored = await loadShop(sql, shop);
  if (stored) return stored;
  let session;
  try {
    ({ session } = await shopify.auth.tokenExchange({ shop, sessionToken, requestedTokenType: RequestedTokenType.OfflineAccessToken }));
  } catch {
    return apiError(502, 'token_exchange_failed', 'Shopify did not exchange the session token for an access token; reload the app.');
  }
  if (!session.accessToken) return apiError(502, 'token_exchange_failed', 'Shopify answered the token exchange without an access token.');
  const installed = { shop, accessToken: session.accessToken, scope: session.scope ?? '', installedAt: now };
  await saveShop(sql, installed);
  // A shop installing again finds the offers it had (they stay until shop/redact).
  return (await loadShop(sql, shop)) ?? { ...installed, catalogVersion: 0, offers: null };
}
