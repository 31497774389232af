/**
 * The extensions are on API 2026-10 while the newest @shopify/ui-extensions-tester is 2026.7.0
 * (support/tester.ts). These say what that bridge does, and fail once a tester that knows 2026-10
 * is installed, which is when the bridge should go.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getExtension as testerGetExtension } from '@shopify/ui-extensions-tester';
import { describe, expect, it } from 'vitest';
import { getExtension, TESTER_API_VERSION, testerToml } from './support/tester.ts';

const ORDER_STATUS = path.resolve('extensions/order-status');

describe('the 2026.7.0 tester and the 2026-10 extensions', () => {
  it('the tester on its own refuses the order-status toml, which says 2026-10', () => {
    expect(fs.readFileSync(path.join(ORDER_STATUS, 'shopify.extension.toml'), 'utf8')).toMatch(/^api_version = "2026-10"$/m);
    expect(() => testerGetExtension('customer-account.order-status.block.render', { configSearchDir: ORDER_STATUS })).toThrow(
      'api_version "2026-10" does not match the version supported by @shopify/ui-extensions-tester ("2026-07")',
    );
  });

  it("hands the tester the extension's toml at 2026-07, with the module path absolute", () => {
    const toml =
      'api_version = "2026-10"\n\n[[extensions.targeting]]\ntarget = "customer-account.order-status.block.render"\nmodule = "./src/OrderStatus.tsx"\n';
    expect(TESTER_API_VERSION).toBe('2026-07');
    expect(testerToml(toml, ORDER_STATUS)).toBe(
      `api_version = "2026-07"\n\n[[extensions.targeting]]\ntarget = "customer-account.order-status.block.render"\nmodule = ${JSON.stringify(path.join(ORDER_STATUS, 'src', 'OrderStatus.tsx'))}\n`,
    );
  });

  it('through the bridge the tester accepts the order-status block', () => {
    expect(() => getExtension('customer-account.order-status.block.render', { configSearchDir: 'extensions/order-status' })).not.toThrow();
  });
});
