import { describe, expect, it } from 'vitest';
import { bundleBudget } from '../../scripts/cli/check.ts';
import { extensionHandles } from '../../scripts/cli/build.ts';

describe('the extension bundle budget', () => {
  it('passes bundles at or under 20 KB compressed and names the one over, by how much', () => {
    const { ok, lines } = bundleBudget([
      { handle: 'encore-thank-you', raw: 21_000, compressed: 20_480 },
      { handle: 'encore-order-status', raw: 60_000, compressed: 21_504 },
    ]);
    expect(ok).toBe(false);
    expect(lines).toEqual([
      'bundle: encore-thank-you: 20.5 KB raw, 20.0 KB compressed',
      'bundle: encore-order-status: 58.6 KB raw, 21.0 KB compressed, over the budget by 1.0 KB',
      'bundle budget: 20.0 KB compressed per extension, 1 over',
    ]);
  });

  it('finds every extension folder with a shopify.extension.toml, by handle', () => {
    expect(extensionHandles().map((e) => e.handle)).toContain('encore-thank-you');
    expect(extensionHandles().map((e) => e.handle)).not.toContain('core');
  });
});
