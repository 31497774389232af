import { describe, expect, it } from 'vitest';
import * as core from '@encore/core/order-status.ts';
import * as derive from '@encore/fixtures/derive.ts';

// The rules themselves are tested in test/core/order-status.test.ts.
describe('tools/fixtures/src/derive.ts', () => {
  it('hands out the core order rules under their old names', () => {
    const names = [
      'allocatedToApplication',
      'financialStatus',
      'fulfillmentStatus',
      'isCartLevel',
      'lineAmounts',
      'lineItemState',
      'lineItemStates',
      'netPaid',
      'orderAmounts',
      'payments',
      'totalRefunded',
    ] as const;
    for (const name of names) expect(derive[name], name).toBe(core[name]);
    expect(Object.keys(derive).sort()).toEqual([...names]);
  });
});
