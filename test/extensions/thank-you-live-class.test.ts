import { Signal as PreactSignal } from '@preact/signals';
import { Signal as CoreSignal } from '@preact/signals-core';
import { describe, expect, it } from 'vitest';

describe('the Signal class the thank-you page hands the host', () => {
  it("is @preact/signals' own: the class @shopify/ui-extensions/preact passes to shopify.setSignals is signals-core's", () => {
    expect(PreactSignal).toBe(CoreSignal);
  });
});
