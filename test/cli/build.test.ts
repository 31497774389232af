import { describe, expect, it } from 'vitest';
import { bundleBudget } from '../../scripts/cli/check.ts';
import { bundleBudgetFor, extensionHandles } from '../../scripts/cli/build.ts';

describe('the extension bundle budget', () => {
  it('passes bundles at or under 20 KB compressed and names the one over, by how much', () => {
    const { ok, lines } = bundleBudget([
      { handle: 'encore-thank-you', raw: 21_000, compressed: 20_480 },
      { handle: 'encore-order-status', raw: 60_000, compressed: 21_504 },
    ]);
    expect(ok).toBe(false);
    expect(lines).toEqual([
      'bundle: encore-thank-you: 20.5 KB raw, 20.0 KB compressed of 20.0 KB',
      'bundle: encore-order-status: 58.6 KB raw, 21.0 KB compressed of 20.0 KB, over the budget by 1.0 KB',
      'bundle budget: 1 over',
    ]);
  });

  it("holds Preact UI extensions to Encore's 20 KB and other types (the React post-purchase page) to Shopify's 64 KB", () => {
    expect(bundleBudgetFor('ui_extension')).toBe(20_480);
    expect(bundleBudgetFor('checkout_post_purchase')).toBe(65_536);
    const { ok, lines } = bundleBudget([{ handle: 'encore-post-purchase-upsell', raw: 98_700, compressed: 32_400 }], () => bundleBudgetFor('checkout_post_purchase'));
    expect(ok).toBe(true);
    expect(lines[0]).toBe('bundle: encore-post-purchase-upsell: 96.4 KB raw, 31.6 KB compressed of 64.0 KB');
  });

  it('finds every extension folder with a shopify.extension.toml, by handle', () => {
    expect(extensionHandles().map((e) => e.handle)).toContain('encore-thank-you');
    expect(extensionHandles().map((e) => e.handle)).not.toContain('core');
  });
});
