import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleBudget } from '@encore/cli/check.ts';
import { build, BUNDLE_REPORT, bundleBudgetFor, extensionHandles } from '@encore/cli/build.ts';

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
    const { ok, lines } = bundleBudget([{ handle: 'encore-post-purchase-upsell', raw: 98_700, compressed: 32_400 }], () =>
      bundleBudgetFor('checkout_post_purchase'),
    );
    expect(ok).toBe(true);
    expect(lines[0]).toBe('bundle: encore-post-purchase-upsell: 96.4 KB raw, 31.6 KB compressed of 64.0 KB');
  });

  it('finds every extension folder with a shopify.extension.toml, by handle', () => {
    expect(extensionHandles().map((e) => e.handle)).toContain('encore-thank-you');
    expect(extensionHandles().map((e) => e.handle)).not.toContain('core');
  });

  it('holds the thank-you block to 16 KB (16,384 bytes) compressed, the other Preact extensions still to 20 KB', () => {
    expect(bundleBudgetFor('ui_extension', 'encore-thank-you')).toBe(16_384);
    expect(bundleBudgetFor('ui_extension', 'encore-order-status')).toBe(20_480);
    const { ok, lines } = bundleBudget([{ handle: 'encore-thank-you', raw: 54_222, compressed: 20_377 }], (handle) => bundleBudgetFor('ui_extension', handle));
    expect(ok).toBe(false);
    expect(lines[0]).toBe('bundle: encore-thank-you: 53.0 KB raw, 19.9 KB compressed of 16.0 KB, over the budget by 3.9 KB');
  });
});

describe('the thank-you bundle as built', () => {
  // The real `shopify app build`: a few seconds, well past vitest's default 5 s allowance for one test.
  it('is at most 16 KB compressed: zlib deflate of dist/encore-thank-you.js, as Shopify counts its 64 KB limit', { timeout: 300_000 }, async () => {
    const sizes = await build();
    const thankYou = sizes.find((size) => size.handle === 'encore-thank-you')!;
    const file = fs.readFileSync(path.join('extensions', 'thank-you', 'dist', 'encore-thank-you.js'));
    expect(thankYou).toEqual({ handle: 'encore-thank-you', raw: file.length, compressed: deflateSync(file).length });
    expect(JSON.parse(fs.readFileSync(BUNDLE_REPORT, 'utf8'))).toContainEqual(thankYou);
    expect(thankYou.compressed).toBeLessThanOrEqual(16_384);
    // The build is the thank-you code and what it imports: no journey module (a table stands in), no @preact/signals.
    const code = file.toString('utf8');
    expect(code).toContain('placed.done@ paid.done@ preparing.current delivered.upcoming');
    expect(code).not.toContain('orderJourney: options.now is not a date');
    expect(code).not.toContain('ReactiveTextNode');
    // Offers from the order alone (recommendFromHistory): recommendProducts' bought together, best sellers and
    // Liquid's view stay out, and so does the catalog index's reuse (the block indexes one catalog per page).
    expect(code).toContain('"recommendFromHistory"');
    expect(code).not.toContain('recommendProducts');
    expect(code).not.toContain('new WeakMap');
    // Bought together's weight (WEIGHT_BOUGHT_TOGETHER × log2) is worked out where other shoppers' orders are read.
    expect(code).not.toContain('Math.log2');
  });
});
