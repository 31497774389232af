/**
 * Expiring offline tokens, renewed before use: Shopify's access token lasts an hour, and the backend trades its
 * refresh token for a new pair a few minutes before then (Shopify's advice), or at once when the Admin API refuses
 * the token it holds. One instance renews at a time (a lock per shop in the shared database): the others wait, then
 * read the pair it stored instead of spending the refresh token a second time.
 */
import type { Shopify } from '@shopify/shopify-api';
import { AdminApiError } from '../catalog/admin-api.ts';
import { loadShop, saveTokens, tokenLock, tokenRefused, type InstalledShop } from '../storage/shops.ts';
import type { Sql } from '../storage/sql.ts';
import { tokensOf } from './install.ts';

/** Renewed this long before the access token expires. */
export const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * The shop with an access token good for a while yet: as it is, or renewed. `refused` is the token the Admin API
 * just refused: renewed whatever its expiry says, unless another instance has already replaced it.
 */
export async function usableShop(context: { shopify: Shopify; sql: Sql; now: number }, installed: InstalledShop, refused?: string): Promise<InstalledShop> {
  const { shopify, sql, now } = context;
  const due = (shop: InstalledShop) =>
    shop.refreshToken !== null && (shop.accessToken === refused || (shop.accessExpiresAt !== null && shop.accessExpiresAt - now < RENEW_BEFORE_MS));
  if (!due(installed)) {
    if (refused !== undefined && installed.accessToken === refused)
      throw new AdminApiError('unauthorized', `The Admin API refused the access token of ${installed.shop}.`);
    return installed;
  }
  const renewed = await sql.transaction(async (tx): Promise<InstalledShop | 'refused'> => {
    await tx.lock(tokenLock(installed.shop));
    const current = await loadShop(tx, installed.shop);
    if (!current) throw new AdminApiError('unauthorized', `${installed.shop} uninstalled the app.`);
    if (!due(current)) return current;
    if (current.refreshExpiresAt !== null && current.refreshExpiresAt <= now) return 'refused';
    let session;
    try {
      ({ session } = await shopify.auth.refreshToken({ shop: current.shop, refreshToken: current.refreshToken! }));
    } catch {
      // The library's error can quote the request: only what happened is told.
      await tokenRefused(tx, current.shop, current.accessToken, now);
      return 'refused';
    }
    const tokens = tokensOf(session, now);
    await saveTokens(tx, current.shop, tokens);
    return { ...current, ...tokens };
  });
  if (renewed === 'refused') {
    throw new AdminApiError('unauthorized', `Shopify did not renew the access token of ${installed.shop}; the merchant must open the app again.`);
  }
  return renewed;
}
