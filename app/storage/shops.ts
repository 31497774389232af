/**
 * The shops that installed the app: each one's offline access token from token exchange and the scopes granted.
 * A shop without a row has not installed Encore (or uninstalled it): the backend offers and signs nothing for it.
 */
import type { Sql } from './sql.ts';

export interface InstalledShop {
  shop: string;
  accessToken: string;
  /** When the access token expires (ms); null for one that does not. */
  accessExpiresAt: number | null;
  /** What renews an expiring access token, and until when; null for a token that does not expire. */
  refreshToken: string | null;
  refreshExpiresAt: number | null;
  scope: string;
  installedAt: number;
  /** Moves each time a webhook says the shop's products, stock or collections changed (`catalogChanged`). */
  catalogVersion: number;
  /** The shop's offers as stored (app/storage/offers.ts), JSON, and when; null before the first import. */
  offers: { json: string; updatedAt: number } | null;
}

/** A shop's tokens as Shopify issued them: a non-expiring access token, or an expiring one with its refresh token. */
export type ShopTokens = Pick<InstalledShop, 'accessToken' | 'accessExpiresAt' | 'refreshToken' | 'refreshExpiresAt'>;

export async function saveShop(
  sql: Sql,
  installed: Pick<InstalledShop, 'shop' | 'scope' | 'installedAt'> & Partial<ShopTokens> & { accessToken: string },
): Promise<void> {
  await sql.query(
    `INSERT INTO encore_shops (shop, access_token, scope, installed_at, access_expires_at, refresh_token, refresh_expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (shop) DO UPDATE SET access_token = excluded.access_token, scope = excluded.scope,
       access_expires_at = excluded.access_expires_at, refresh_token = excluded.refresh_token, refresh_expires_at = excluded.refresh_expires_at`,
    [
      installed.shop,
      installed.accessToken,
      installed.scope,
      installed.installedAt,
      installed.accessExpiresAt ?? null,
      installed.refreshToken ?? null,
      installed.refreshExpiresAt ?? null,
    ],
  );
}

/**
 * Shopify refused `token` and it cannot be renewed: the shop keeps its row (and its offers), but its tokens count
 * as expired, so the merchant opening the app exchanges a new pair. Only if `token` is still the one stored.
 */
export async function tokenRefused(sql: Sql, shop: string, token: string, now: number): Promise<void> {
  await sql.query('UPDATE encore_shops SET access_expires_at = $3, refresh_expires_at = $3 WHERE shop = $1 AND access_token = $2', [shop, token, now]);
}

/** The lock a shop's tokens are exchanged or renewed under: one instance at a time, as a new pair revokes the old. */
export const tokenLock = (shop: string): string => `encore-tokens:${shop}`;

/** A refresh: the new pair replaces the old one, both at once. */
export async function saveTokens(sql: Sql, shop: string, tokens: ShopTokens): Promise<void> {
  await sql.query('UPDATE encore_shops SET access_token = $2, access_expires_at = $3, refresh_token = $4, refresh_expires_at = $5 WHERE shop = $1', [
    shop,
    tokens.accessToken,
    tokens.accessExpiresAt,
    tokens.refreshToken,
    tokens.refreshExpiresAt,
  ]);
}

/** The installed shop with its offers, in one round trip: every buyer's request starts here. */
export async function loadShop(sql: Sql, shop: string): Promise<InstalledShop | null> {
  const [row] = await sql.query<{
    shop: string;
    access_token: string;
    scope: string;
    installed_at: string | number;
    catalog_version: string | number;
    access_expires_at: string | number | null;
    refresh_token: string | null;
    refresh_expires_at: string | number | null;
    config: string | null;
    updated_at: string | number | null;
  }>(
    `SELECT s.shop, s.access_token, s.scope, s.installed_at, s.catalog_version, s.access_expires_at, s.refresh_token, s.refresh_expires_at,
       o.config, o.updated_at
     FROM encore_shops s LEFT JOIN encore_offer_configs o ON o.shop = s.shop WHERE s.shop = $1`,
    [shop],
  );
  if (!row) return null;
  return {
    shop: row.shop,
    accessToken: row.access_token,
    accessExpiresAt: row.access_expires_at === null ? null : Number(row.access_expires_at),
    refreshToken: row.refresh_token,
    refreshExpiresAt: row.refresh_expires_at === null ? null : Number(row.refresh_expires_at),
    scope: row.scope,
    installedAt: Number(row.installed_at),
    catalogVersion: Number(row.catalog_version),
    offers: row.config === null ? null : { json: row.config, updatedAt: Number(row.updated_at) },
  };
}

/** A products, inventory or collections webhook: answers kept for the shop's catalog are not used again. */
export async function catalogChanged(sql: Sql, shop: string): Promise<void> {
  await sql.query('UPDATE encore_shops SET catalog_version = catalog_version + 1 WHERE shop = $1', [shop]);
}

/** app/uninstalled: the token is worthless now; the shop's offers and figures stay until shop/redact. */
export async function forgetToken(sql: Sql, shop: string): Promise<void> {
  await sql.query('DELETE FROM encore_shops WHERE shop = $1', [shop]);
}

/** shop/redact (48 hours after uninstall): everything Encore keeps about the shop goes. */
export async function redactShop(sql: Sql, shop: string): Promise<void> {
  await sql.transaction(async (tx) => {
    for (const table of ['encore_offer_configs', 'encore_signatures', 'encore_offer_events', 'encore_shops']) {
      await tx.query(`DELETE FROM ${table} WHERE shop = $1`, [shop]);
    }
  });
}
