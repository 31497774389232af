/**
 * The webhooks Encore subscribes to (shopify.app.toml), checked by Shopify's app library: the HMAC of the raw body
 * with the client secret, then the headers every webhook carries (topic, shop domain, API version, webhook id).
 *
 * - app/uninstalled: the shop's access token is worthless; it is deleted, and the shop gets no offers.
 * - shop/redact (48 hours after an uninstall): everything Encore keeps about the shop is deleted.
 * - customers/redact and customers/data_request: Encore keeps nothing about a customer (its records name shops,
 *   purchases and offers), so there is nothing to erase or return: 200.
 * - products, inventory levels and collections created, updated or deleted: the shop's catalog version moves, so
 *   no instance offers from what it read before (app/catalog/cache.ts).
 */
import type { Shopify } from '@shopify/shopify-api';
import { readBodyBytes } from '../http/body.ts';
import { apiError, isApiError, json, type ApiError } from '../http/responses.ts';
import { catalogChanged, forgetToken, redactShop } from '../storage/shops.ts';
import type { Sql } from '../storage/sql.ts';
import { myshopifyDomain } from '../shopify/shop-domain.ts';

/** Shopify's topics as the library names them (`topicForStorage`): upper case, `/` as `_`. */
const CATALOG = new Set([
  'PRODUCTS_CREATE',
  'PRODUCTS_UPDATE',
  'PRODUCTS_DELETE',
  'INVENTORY_LEVELS_UPDATE',
  'COLLECTIONS_CREATE',
  'COLLECTIONS_UPDATE',
  'COLLECTIONS_DELETE',
]);
const HANDLED = new Set(['APP_UNINSTALLED', 'SHOP_REDACT', 'CUSTOMERS_REDACT', 'CUSTOMERS_DATA_REQUEST', ...CATALOG]);

export async function webhook(request: Request, context: { shopify: Shopify; sql: () => Promise<Sql>; limit: number }): Promise<Response | ApiError> {
  const body = await readBodyBytes(request, context.limit);
  if (isApiError(body)) return body;
  const rawBody = new TextDecoder().decode(body);
  const checked = await context.shopify.webhooks.validate({ rawBody, rawRequest: request });
  if (!checked.valid) {
    const missing = 'missingHeaders' in checked ? checked.missingHeaders : [];
    if (checked.reason === 'missing_headers' && !missing.some((name) => /hmac/i.test(name))) {
      return apiError(400, 'missing_headers', `The webhook lacks ${missing.join(', ')}.`);
    }
    return apiError(401, 'invalid_hmac', 'The webhook HMAC does not match this app.');
  }
  const shop = myshopifyDomain(checked.domain);
  if (!shop) return apiError(400, 'invalid_shop', 'X-Shopify-Shop-Domain is not a *.myshopify.com domain.');
  if (!HANDLED.has(checked.topic)) return apiError(422, 'unhandled_topic', `Encore does not subscribe to ${checked.topic}.`);
  if (checked.topic === 'APP_UNINSTALLED') await forgetToken(await context.sql(), shop);
  if (checked.topic === 'SHOP_REDACT') await redactShop(await context.sql(), shop);
  if (CATALOG.has(checked.topic)) await catalogChanged(await context.sql(), shop);
  return json(200, { ok: true });
}
