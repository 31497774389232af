/**
 * Each shop's post-purchase offers, as app/offers.json has them, stored once they were checked (app/offers/
 * import.ts). They outlive an uninstall (a shop that comes back finds its offers) until shop/redact.
 */
import type { OfferConfig } from '@encore/core/offer-config.ts';
import type { Sql } from './sql.ts';

export async function saveOffers(sql: Sql, shop: string, config: OfferConfig, now: number): Promise<void> {
  await sql.query(
    `INSERT INTO encore_offer_configs (shop, config, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (shop) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
    [shop, JSON.stringify(config), now],
  );
}
