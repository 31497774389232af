// @vitest-environment jsdom
import { Signal } from '@preact/signals-core';
import { describe, expect, it, vi } from 'vitest';
import { handSignals, pageState, renderLive } from '../../extensions/thank-you/src/live.ts';

describe("the thank-you page's live values (extensions/thank-you/src/live.ts)", () => {
  it("hands the host the same Signal class Shopify's @shopify/ui-extensions/preact does", () => {
    const setSignals = vi.fn();
    handSignals({ setSignals });
    expect(setSignals).toHaveBeenCalledTimes(1);
    // signals-core's class, which @preact/signals re-exports (thank-you-live-class.test.ts): not imported here, since
    // its Preact hooks would then track the components instead of the root.
    expect(setSignals.mock.calls[0][0]).toBe(Signal);
    // A host without the hook (an older runtime, a test double) is left alone.
    expect(() => handSignals({})).not.toThrow();
  });

  it('re-renders the root when a host value it read changes (a signal of that class)', () => {
    const total = new Signal('$53.86');
    const root = document.createElement('div');
    renderLive(() => <Total amount={total} />, root);
    expect(root.textContent).toBe('Total $53.86');
    total.value = '$48.00';
    expect(root.textContent).toBe('Total $48.00');
  });

  it('asks for the offers once per page, however often the page renders', () => {
    const page = pageState<string>();
    const start = vi.fn();
    page.once(start);
    page.once(start);
    expect(start).toHaveBeenCalledTimes(1);
    expect(page.offers.value).toBe(null);
    expect(pageState<string>().offers.value).toBe(null);
  });
});

function Total({ amount }: { amount: { value: string } }) {
  return <p>Total {amount.value}</p>;
}
