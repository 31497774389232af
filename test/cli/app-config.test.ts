import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'smol-toml';
import { extensionHandles } from '@encore/cli/build.ts';

type Toml = Record<string, any>;
const read = (file: string): Toml => parse(readFileSync(file, 'utf8')) as Toml;

describe('shopify.app.toml', () => {
  const app = read('shopify.app.toml');

  it('asks only for the scopes the backend reads and the extensions query', () => {
    expect(String(app.access_scopes.scopes).split(',').sort()).toEqual([
      'customer_read_customers',
      'customer_read_orders',
      'read_customers',
      'read_inventory',
      'read_locales',
      'read_orders',
      'read_products',
      'unauthenticated_read_product_listings',
      'unauthenticated_read_product_tags',
    ]);
  });

  it('sends every catalog change the backend keeps answers for to /webhooks/catalog', () => {
    const catalog = (app.webhooks.subscriptions as Toml[]).find((s) => s.uri === '/webhooks/catalog');
    expect([...catalog!.topics].sort()).toEqual([
      'collections/create',
      'collections/delete',
      'collections/update',
      'inventory_levels/update',
      'products/create',
      'products/delete',
      'products/update',
    ]);
  });

  it("subscribes to Shopify's three mandatory compliance webhooks", () => {
    const topics = (app.webhooks.subscriptions as Toml[]).flatMap((s) => s.compliance_topics ?? []);
    expect(topics.sort()).toEqual(['customers/data_request', 'customers/redact', 'shop/redact']);
    expect(app.webhooks.api_version).toBe('2026-10');
  });

  it('names the app and keeps the build section', () => {
    expect(app.name).toBe('Encore');
    expect(app.build.include_config_on_deploy).toBe(true);
  });
});

describe('every UI extension', () => {
  it.each(extensionHandles().map((e) => [e.handle, e.dir] as const))('%s: API 2026-10 and a valid handle', (handle, dir) => {
    const config = read(`${dir}/shopify.extension.toml`);
    expect(config.api_version).toBe('2026-10');
    expect(handle).toMatch(/^[a-z0-9-]{1,50}$/);
    expect(handle.startsWith('encore-')).toBe(true);
  });
});
