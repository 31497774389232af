import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orderJourney } from '@encore/core/journey.ts';
import { placedJourney, placedJourneyKey } from '../../extensions/thank-you/src/placed-journey.ts';
import { placedOrder } from '../../extensions/thank-you/src/placed-order.ts';
import { PLACED_JOURNEYS_FILE, placedInputs, placedJourneysSource } from '@encore/cli/placed-journeys.ts';

describe("the thank-you page's journey table (the core's orderJourney, computed once)", () => {
  it('is what the core says now (regenerate with `npx tsx tools/cli/src/placed-journeys.ts`)', () => {
    expect(fs.readFileSync(PLACED_JOURNEYS_FILE, 'utf8')).toBe(placedJourneysSource());
  });

  it('equals orderJourney(order).steps for every payment, capture setting, total, line mix and delivery the page can see', () => {
    const inputs = placedInputs();
    expect(inputs.length).toBe(9 * 2 * 3 * 4 * 5);
    const keys = new Set<string>();
    for (const input of inputs) {
      const order = placedOrder(input);
      keys.add(placedJourneyKey(order));
      expect(placedJourney(order).steps).toStrictEqual(orderJourney(order, { now: order.processed_at }).steps);
    }
    // Six ways to have paid (sale, authorization, terms, unpaid, free, below zero) × physical × digital × pickup.
    expect(keys.size).toBe(48);
  });

  it('card paid, shipped: placed and paid at placement, preparing now, delivery to come', () => {
    const input = placedInputs().find(
      (candidate) =>
        candidate.payments[0]?.type === 'creditCard' &&
        candidate.lines.length === 1 &&
        candidate.lines[0].merchandise.requiresShipping &&
        candidate.deliveryGroups[0]?.deliveryOptions[0].type === 'shipping',
    )!;
    const order = placedOrder({ ...input, cost: { ...input.cost, totalAmount: { amount: 45, currencyCode: 'USD' } }, cardsChargedLater: false });
    expect(placedJourneyKey(order)).toBe('sale/1/0/0');
    expect(placedJourney(order).steps).toEqual([
      { kind: 'placed', at: '2026-03-18T13:12:30Z', state: 'done' },
      { kind: 'paid', at: '2026-03-18T13:12:30Z', state: 'done' },
      { kind: 'preparing', at: null, state: 'current' },
      { kind: 'delivered', at: null, state: 'upcoming' },
    ]);
  });

  it('pickup paid on collection: payment pending, preparing waits, then ready and picked up at the named location', () => {
    const input = placedInputs().find(
      (candidate) =>
        candidate.payments[0]?.type === 'manualPayment' &&
        candidate.lines.length === 1 &&
        candidate.lines[0].merchandise.requiresShipping &&
        candidate.deliveryGroups[0]?.deliveryOptions[0].type === 'pickup',
    )!;
    const order = placedOrder({ ...input, cost: { ...input.cost, totalAmount: { amount: 45, currencyCode: 'USD' } } });
    expect(placedJourneyKey(order)).toBe('unpaid/1/0/1');
    expect(placedJourney(order).steps).toEqual([
      { kind: 'placed', at: '2026-03-18T13:12:30Z', state: 'done' },
      { kind: 'payment_pending', at: null, state: 'current' },
      { kind: 'preparing', at: null, state: 'upcoming' },
      { kind: 'ready_for_pickup', at: null, state: 'upcoming', locationName: 'Harbour Street' },
      { kind: 'picked_up', at: null, state: 'upcoming', locationName: 'Harbour Street' },
    ]);
  });
});
