/**
 * Writes extensions/thank-you/src/placed-journeys.ts: the journey of a just-placed order for every key of
 * `placedJourneyKey`, as the core's `orderJourney` gives it. The thank-you bundle reads this table instead of
 * carrying the journey module (see extensions/thank-you/src/placed-journey.ts).
 *
 * It runs `placedOrder` over every payment, capture setting, total, line mix and delivery the thank-you API
 * can give (`placedInputs`), and fails when two inputs with the same key get different steps: the key would
 * then be missing a fact the journey reads. `npx tsx tools/cli/src/placed-journeys.ts` rewrites the file;
 * test/extensions/thank-you-placed-journey.test.ts fails when it is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CartLine, DeliveryGroup, DeliveryOption, SelectedPaymentOption } from '@shopify/ui-extensions/checkout';
import { orderJourney, type JourneyStep } from '@encore/core/journey.ts';
import type { Order } from '@encore/core/model.ts';
import { placedJourneyKey } from '../../../extensions/thank-you/src/placed-journey.ts';
import { placedOrder, type PlacedOrderInput } from '../../../extensions/thank-you/src/placed-order.ts';
import { besideModule } from '@encore/liquid/paths.ts';

export const PLACED_JOURNEYS_FILE = besideModule(import.meta.url, '../../../extensions/thank-you/src/placed-journeys.ts');

const NOW = '2026-03-18T13:12:30Z';
const usd = (amount: number) => ({ amount, currencyCode: 'USD' as const });

function line(id: number, requiresShipping: boolean): CartLine {
  return {
    id: `gid://shopify/CartLine/${id}`,
    quantity: 2,
    cost: { totalAmount: usd(20) },
    discountAllocations: [],
    merchandise: { type: 'variant', id: `gid://shopify/ProductVariant/${id}`, requiresShipping, product: { id: `gid://shopify/Product/${id}` } },
  } as unknown as CartLine;
}

const OPTIONS: Record<string, DeliveryOption | null> = {
  none: null,
  shipping: {
    type: 'shipping',
    handle: 'ship',
    title: 'Standard',
    code: 'std',
    metafields: [],
    carrier: {},
    cost: usd(5),
    costAfterDiscounts: usd(5),
    deliveryEstimate: {},
  },
  local: {
    type: 'local',
    handle: 'local',
    title: 'Bike courier',
    code: 'local',
    metafields: [],
    carrier: {},
    cost: usd(5),
    costAfterDiscounts: usd(5),
    deliveryEstimate: {},
  },
  pickupPoint: {
    type: 'pickupPoint',
    handle: 'point',
    title: 'Parcel locker',
    code: 'point',
    metafields: [],
    carrier: {},
    cost: usd(3),
    costAfterDiscounts: usd(3),
    location: {},
  },
  pickup: {
    type: 'pickup',
    handle: 'pickup',
    title: 'In store',
    code: 'pickup',
    metafields: [],
    cost: usd(0),
    costAfterDiscounts: usd(0),
    location: { name: 'Harbour Street' },
  },
} as unknown as Record<string, DeliveryOption | null>;

const PAYMENTS: SelectedPaymentOption['type'][][] = [
  [],
  ['creditCard'],
  ['wallet'],
  ['customOnsite'],
  ['redeemable', 'creditCard'],
  ['offsite'],
  ['manualPayment'],
  ['paymentOnDelivery'],
  ['deferred'],
];

/** Every payment, capture setting, total (owed, zero, below zero), line mix and delivery the thank-you page can see. */
export function placedInputs(): PlacedOrderInput[] {
  const inputs: PlacedOrderInput[] = [];
  const mixes = [[], [line(1, true)], [line(2, false)], [line(1, true), line(2, false)]];
  for (const payments of PAYMENTS)
    for (const cardsChargedLater of [false, true])
      for (const total of [45, 0, -1])
        for (const lines of mixes)
          for (const option of Object.values(OPTIONS)) {
            const groups: DeliveryGroup[] = option
              ? [
                  {
                    targetedCartLines: lines.map((cart) => ({ id: cart.id })),
                    deliveryOptions: [option],
                    selectedDeliveryOption: { handle: option.handle },
                    groupType: 'oneTimePurchase',
                    isDeliveryRequired: true,
                  },
                ]
              : [];
            inputs.push({
              confirmation: { order: { id: 'gid://shopify/Order/9001' }, number: 'X1', isFirstOrder: false } as PlacedOrderInput['confirmation'],
              lines,
              cost: { totalAmount: usd(total), totalShippingAmount: usd(0), totalTaxAmount: usd(0) },
              deliveryGroups: groups,
              payments: payments.map((type, index) => ({ type, handle: `p${index}` })),
              cardsChargedLater,
              now: NOW,
            });
          }
  return inputs;
}

/** One step as the table writes it: `kind.state`, then `@` when it is at the placement time, `+` when it names the pickup location. */
function stepCode(order: Order, step: JourneyStep): string {
  const { kind, state, at, locationName, ...rest } = step;
  if (Object.keys(rest).length > 0) throw new Error(`a placed order's ${kind} step has ${Object.keys(rest).join(', ')}: the table cannot hold it`);
  if (at !== null && at !== order.processed_at) throw new Error(`a placed order's ${kind} step is at ${at}, not the placement time`);
  if (locationName !== undefined && locationName !== order.pickup?.location_name) throw new Error(`a placed order's ${kind} step names ${locationName}`);
  return `${kind}.${state}${at === null ? '' : '@'}${locationName === undefined ? '' : '+'}`;
}

/** Key → the steps' codes, space-separated, from the core. */
export function placedJourneyTable(): Record<string, string> {
  const table: Record<string, string> = {};
  for (const input of placedInputs()) {
    const order = placedOrder(input);
    const key = placedJourneyKey(order);
    const row = orderJourney(order, { now: order.processed_at })
      .steps.map((step) => stepCode(order, step))
      .join(' ');
    if (table[key] !== undefined && table[key] !== row)
      throw new Error(`placedJourneyKey ${key} holds two journeys (${table[key]} | ${row}): the key misses a fact the journey reads`);
    table[key] = row;
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function placedJourneysSource(): string {
  const rows = Object.entries(placedJourneyTable()).map(([key, row]) => `  '${key}': '${row}',`);
  return [
    "// Generated by tools/cli/src/placed-journeys.ts from the core's orderJourney; do not edit.",
    '// Key: payment/physical waiting/digital waiting/pickup (placed-journey.ts). Step: kind.state, @ at placement, + pickup location.',
    'export const PLACED_JOURNEYS: Record<string, string> = {',
    ...rows,
    '};',
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(PLACED_JOURNEYS_FILE, placedJourneysSource());
  process.stdout.write(`wrote ${path.relative(process.cwd(), PLACED_JOURNEYS_FILE)}\n`);
}
